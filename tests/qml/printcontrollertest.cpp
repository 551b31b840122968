// The print dialog's controller on a real project: the preview is the sheet drawn small, export
// writes the sheet with the title typed, and a failure shows the exporter's message.
#include "../layers/testproject.h"

#include <qml/printcontroller.h>
#include <qml/projectsession.h>

#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace planlines;
using planlines::testing::TestProject;

class PrintControllerTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void previewAndExport()
    {
        const QString db = m_dir.filePath(QStringLiteral("p.sqlite"));
        TestProject::create(db.toStdString());
        qml::ProjectSession session;
        session.setPath(db);
        QTRY_COMPARE_WITH_TIMEOUT(session.status(), qml::ProjectSession::Ready, 30000);
        qml::PrintController c;
        c.setSession(&session);
        c.setTitle(QStringLiteral("田镇街道光伏项目位置图"));
        c.setPaper(QStringLiteral("A4"));
        c.setLandscape(false);
        c.setScaleDenominator(5000);
        c.updatePreview(40);
        QVERIFY(c.previewUrl().startsWith(QStringLiteral("data:image/png;base64,")));
        const QImage preview =
            QImage::fromData(QByteArray::fromBase64(c.previewUrl().mid(22).toLatin1()), "PNG");
        QCOMPARE(preview.size(), QSize(331, 468)); // A4 portrait at 40 dpi

        const QString pdf = m_dir.filePath(QStringLiteral("sheet.pdf"));
        QVERIFY(c.exportTo(QUrl::fromLocalFile(pdf)));
        QCOMPARE(c.message(), QStringLiteral("已导出：sheet.pdf"));
        QProcess p;
        p.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        p.waitForFinished();
        const QString text = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY(text.contains(QStringLiteral("田镇街道光伏项目位置图")));
        QVERIFY(text.contains(QStringLiteral("比例尺 1:5 000")));

        QVERIFY(!c.exportTo(QUrl::fromLocalFile(QStringLiteral("/proc/sheet.pdf"))));
        QVERIFY(c.message().startsWith(QStringLiteral("cannot write /proc/sheet.pdf: ")));
    }
};

QTEST_MAIN(PrintControllerTest)
#include "printcontrollertest.moc"
