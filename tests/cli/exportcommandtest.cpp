// planlines export on the sample county: a site sheet, its options' errors, and a full disk
// (a file-size limit: the write fails with the system's cause) leaving no file behind.
#include "clirun.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class ExportCommandTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    static QString pdfText(const QString &pdf)
    {
        QProcess p;
        p.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        p.waitForFinished();
        return QString::fromUtf8(p.readAllStandardOutput());
    }

private slots:
    void help()
    {
        const CliResult r = runPlanlines({QStringLiteral("export"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("Usage: planlines export")));
        for (const char *option : {"--out", "--paper", "--orientation", "--scale", "--extent",
                                   "--layers", "--title", "--subtitle", "--dpi", "--batch"})
            QVERIFY2(r.out.contains(QLatin1String(option)), option);
        QVERIFY(runPlanlines({QStringLiteral("--help")}).out.contains(QStringLiteral("export")));
    }

    void siteSheet()
    {
        const QString out = m_dir.filePath(QStringLiteral("site.pdf"));
        const CliResult r = runPlanlines(
            {QStringLiteral("export"), QStringLiteral("--db"), QStringLiteral(PLANLINES_SAMPLE_DB),
             QStringLiteral("--out"), out, QStringLiteral("--extent"),
             QStringLiteral("site:天鹅湖罗曼园"), QStringLiteral("--scale"), QStringLiteral("5000"),
             QStringLiteral("--title"), QStringLiteral("天鹅湖罗曼园选址图"),
             QStringLiteral("--layers"), QStringLiteral("landuse,site")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(out + QStringLiteral(": A3 landscape, 1:5000")),
                 qPrintable(r.out + r.err));
        const QString text = pdfText(out);
        QVERIFY(text.contains(QStringLiteral("天鹅湖罗曼园选址图")));
        QVERIFY(text.contains(QStringLiteral("比例尺 1:5 000")));
        QVERIFY(text.contains(QStringLiteral("项目选址")));
        QVERIFY(!text.contains(QStringLiteral("乡镇行政区"))); // not among --layers
    }

    // Without --title a named site's sheet is titled as its batch page is: the site's name,
    // the county and the role under it.
    void siteSheetTitledWithItsName()
    {
        const QString out = m_dir.filePath(QStringLiteral("named.pdf"));
        const CliResult r = runPlanlines(
            {QStringLiteral("export"), QStringLiteral("--db"), QStringLiteral(PLANLINES_SAMPLE_DB),
             QStringLiteral("--out"), out, QStringLiteral("--extent"),
             QStringLiteral("site:天鹅湖罗曼园"), QStringLiteral("--paper"), QStringLiteral("A4")});
        QCOMPARE(r.exitCode, 0);
        const QString text = pdfText(out);
        QVERIFY2(text.contains(QStringLiteral("天鹅湖罗曼园")), qPrintable(text.left(300)));
        QVERIFY(text.contains(QStringLiteral("高青县 · 项目选址")));
        QVERIFY(!text.contains(QStringLiteral("高青县规划图")));
    }

    // One PNG per township, numbered from the pattern, each titled with the township's name.
    void batchTownships()
    {
        QTemporaryDir dir;
        const CliResult r = runPlanlines(
            {QStringLiteral("export"), QStringLiteral("--db"), QStringLiteral(PLANLINES_SAMPLE_DB),
             QStringLiteral("--batch"), QStringLiteral("townships"), QStringLiteral("--dpi"),
             QStringLiteral("30"), QStringLiteral("--out"),
             dir.filePath(QStringLiteral("t-%02d.png"))});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("9 sheets in 9 file(s)")),
                 qPrintable(r.out + r.err));
        QVERIFY(r.err.contains(QStringLiteral("planlines export: 9/9 sheets")));
        const QStringList files = QDir(dir.path()).entryList(QDir::Files, QDir::Name);
        QCOMPARE(files.size(), 9);
        QCOMPARE(files.front(), QStringLiteral("t-01.png"));
        QCOMPARE(files.back(), QStringLiteral("t-09.png"));
    }

    void badOptions()
    {
        const QString out = m_dir.filePath(QStringLiteral("bad.pdf"));
        const QStringList base{QStringLiteral("export"), QStringLiteral("--db"),
                               QStringLiteral(PLANLINES_SAMPLE_DB), QStringLiteral("--out"), out};
        CliResult r =
            runPlanlines(base + QStringList{QStringLiteral("--paper"), QStringLiteral("B5")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err.trimmed(),
                 QStringLiteral("planlines export: --paper B5: expected A4, A3, A1 or A0"));
        r = runPlanlines(
            base + QStringList{QStringLiteral("--extent"), QStringLiteral("site:没有这个项目")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral(
                     "--extent site:没有这个项目: no 项目选址 named '没有这个项目'")),
                 qPrintable(r.err));
        r = runPlanlines({QStringLiteral("export"), QStringLiteral("--out"),
                          m_dir.filePath(QStringLiteral("a.doc"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!QFile::exists(out));
    }

    // 64 KiB may be written, the sheet is larger: the write fails like a full disk.
    void fullDiskLeavesNoFile()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("full.pdf"));
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("PLANLINES_DB"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral("/bin/sh"),
                {QStringLiteral("-c"), QStringLiteral("ulimit -f 64; exec \"$0\" \"$@\""),
                 QStringLiteral(PLANLINES_BIN), QStringLiteral("export"), QStringLiteral("--db"),
                 QStringLiteral(PLANLINES_SAMPLE_DB), QStringLiteral("--out"), out});
        QVERIFY(p.waitForFinished(300000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(err.contains(
                     QStringLiteral("planlines export: %1: cannot write: File too large").arg(out)),
                 qPrintable(err));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList());
    }

    void unwritableFolder()
    {
        const CliResult r = runPlanlines(
            {QStringLiteral("export"), QStringLiteral("--db"), QStringLiteral(PLANLINES_SAMPLE_DB),
             QStringLiteral("--out"), QStringLiteral("/proc/planlines.png")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(
            r.err.startsWith(QStringLiteral("planlines export: /proc/planlines.png: cannot write: "
                                            "cannot create a file in /proc")),
            qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(ExportCommandTest)
#include "exportcommandtest.moc"
