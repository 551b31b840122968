// `planlines --screenshot` as a user runs it: on a generated project it writes a PNG of the
// requested size showing the land-use colours and the red hatch; on a missing project it exits
// non-zero with a message and writes nothing; on the sample county (when it has been built) it
// renders the whole county.
#include "layers/testproject.h"

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using planlines::testing::TestProject;

class ScreenshotTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    struct Run
    {
        int exitCode = -1;
        QString out, err;
    };
    static Run run(const QStringList &args, int timeoutMs = 120000)
    {
        QProcess p;
        p.start(QStringLiteral(PLANLINES_BIN), args);
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
            return {-2, {}, QStringLiteral("timed out")};
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }
    static int countColour(const QImage &image, const QColor &c)
    {
        int n = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                n += image.pixelColor(x, y) == c;
        return n;
    }

private slots:
    void screenshotOfAGeneratedProject()
    {
        const QString db = m_dir.filePath("t.sqlite");
        TestProject::create(db.toStdString());
        const QString png = m_dir.filePath("t.png");
        const Run r = run({"--db", db, "--screenshot", png, "--size", "900x600"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("t.png"), qPrintable(r.out));
        const QImage image(png);
        QCOMPARE(image.size(), QSize(900, 600));
        // The 100 m squares are some 60 px across at this size: thousands of 0102 pixels, and
        // the red line's hatch.
        QVERIFY2(countColour(image, QColor("#f7efa0")) > 1500,
                 qPrintable(QString::number(countColour(image, QColor("#f7efa0")))));
        QVERIFY(countColour(image, QColor("#5db460")) > 1500);
        int red = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) {
                const QColor c = image.pixelColor(x, y);
                red += c.red() > 200 && c.green() < 60 && c.blue() < 60;
            }
        QVERIFY2(red > 300, qPrintable(QString::number(red)));
    }

    void missingProjectFailsWithAMessage()
    {
        const QString png = m_dir.filePath("none.png");
        const QString db = m_dir.filePath("no-such-county.sqlite");
        const Run r = run({"--db", db, "--screenshot", png});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("cannot open the project") && r.err.contains(db),
                 qPrintable(r.err));
        QVERIFY(!QFile::exists(png));
    }

    void badOptionIsRefused()
    {
        const Run r = run({"--size", "huge"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--size"), qPrintable(r.err));
    }

    void sampleCountyScreenshot()
    {
        const QString db = QStringLiteral(PLANLINES_SAMPLE_DB);
        if (!QFile::exists(db))
            QSKIP("the sample county has not been generated (build target sample_county)");
        // Kept beside the test for people to look at.
        const QString png = QDir::current().filePath("sample-county.png");
        QFile::remove(png);
        const Run r = run({"--db", db, "--screenshot", png, "--size", "1280x800"}, 300000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QImage image(png);
        QCOMPARE(image.size(), QSize(1280, 800));
        // A county of land use is many colours, mostly the yellows of cultivated land (under the
        // basic-farmland tint), with the synthetic-data banner across the top.
        QSet<QRgb> colours;
        int yellow = 0, mapPixels = 0;
        for (int y = 40; y < image.height() - 40; y += 2)
            for (int x = 300; x < image.width(); x += 2) {
                const QColor c = image.pixelColor(x, y);
                colours.insert(c.rgb());
                yellow += c.red() > 200 && c.green() > 160 && c.blue() < 170;
                ++mapPixels;
            }
        QVERIFY2(colours.size() > 50, qPrintable(QString::number(colours.size())));
        QVERIFY2(yellow > mapPixels / 5,
                 qPrintable(QStringLiteral("%1 of %2").arg(yellow).arg(mapPixels)));
        QCOMPARE(image.pixelColor(image.width() / 4, 5), QColor("#ffb300"));
    }
};

QTEST_GUILESS_MAIN(ScreenshotTest)
#include "screenshottest.moc"
