// The text fix of Qt's PDFs (layers/sheet/pdftextfix.h): where the recorded text cannot be
// applied, Qt's own ToUnicode maps have their radicals set to the ideographs, in place.
#include "sheettesttools.h"

#include <layers/sheet/pdftextfix.h>

#include <QBuffer>
#include <QFile>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryDir>
#include <QTest>

using planlines::testing::pdfText;

class PdfTextFixTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void qtsOwnMapIsRepaired()
    {
        // A PDF as Qt writes it, without the recorded text: its ToUnicode maps name the lowest
        // code point of each glyph (⽬ for 目). Where the recording cannot be applied, the
        // radicals are set to their ideographs, in place.
        const QString text = QStringLiteral("建设项目用地预审");
        QByteArray bytes;
        {
            QBuffer buffer(&bytes);
            buffer.open(QIODevice::WriteOnly);
            QPdfWriter writer(&buffer);
            QPainter p(&writer);
            p.setFont(QFont(QStringLiteral("Noto Sans CJK SC"), 24));
            p.drawText(QPointF(200, 400), text);
        }
        const QString before = m_dir.filePath(QStringLiteral("qtmap.pdf"));
        const auto save = [](const QString &path, const QByteArray &b) {
            QFile f(path);
            return f.open(QIODevice::WriteOnly) && f.write(b) == b.size();
        };
        QVERIFY(save(before, bytes));
        const QString read = pdfText(before).trimmed();
        if (read == text)
            QSKIP("this Qt writes 目 and 用 itself: nothing to repair");
        QVERIFY2(read.contains(QChar(0x2F6C)), qPrintable(read)); // ⽬, the radical
        const qsizetype size = bytes.size();
        QVERIFY(planlines::layers::sheet::repairRadicalsInToUnicode(bytes) >= 2);
        QCOMPARE(bytes.size(), size);
        const QString after = m_dir.filePath(QStringLiteral("repaired.pdf"));
        QVERIFY(save(after, bytes));
        QCOMPARE(pdfText(after).trimmed(), text);
    }
};

QTEST_MAIN(PdfTextFixTest)
#include "pdftextfixtest.moc"
