// The command line's contract: --help and --version, unknown commands, bad options.
#include "clirun.h"

#include <QTemporaryDir>
#include <QTest>

class CommandLineTest : public QObject
{
    Q_OBJECT
private slots:
    void helpListsTheCommands()
    {
        const auto r = runPlanlines({"--help"});
        QCOMPARE(r.exitCode, 0);
        for (const char *word : {"info", "sample", "--db", "--version"})
            QVERIFY2(r.out.contains(QLatin1String(word)), word);
    }

    void versionIsTheProjectVersion()
    {
        const auto r = runPlanlines({"--version"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("planlines ")), qPrintable(r.out));
        QVERIFY(r.out.trimmed().split(' ').last().count('.') == 2);
    }

    void commandHelp()
    {
        for (const char *cmd : {"info", "sample"}) {
            const auto r = runPlanlines({cmd, "--help"});
            QCOMPARE(r.exitCode, 0);
            QVERIFY2(r.out.contains(QStringLiteral("planlines ") + cmd), qPrintable(r.out));
        }
    }

    void unknownCommandFails()
    {
        const auto r = runPlanlines({"frobnicate"});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err.trimmed(),
                 QStringLiteral("planlines: unknown command 'frobnicate' (see planlines --help)"));
    }

    void badOptionsFail()
    {
        auto r = runPlanlines({"info", "--bogus"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("bogus")), qPrintable(r.err));
        r = runPlanlines({"sample"});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(
            r.err.trimmed(),
            QStringLiteral("planlines sample: --out FILE (or --out postgresql://…) is required"));
        QTemporaryDir dir;
        r = runPlanlines({"sample", "--out", dir.filePath("x.sqlite"), "--parcels", "many"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--parcels")), qPrintable(r.err));
        QVERIFY(!QFile::exists(dir.filePath("x.sqlite")));
    }

    void sampleRefusesToOverwrite()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath("taken.sqlite"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        const auto r = runPlanlines({"sample", "--out", f.fileName()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("--force")), qPrintable(r.err));
    }

    void sampleForceReplaces()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath("county.sqlite");
        QFile f(out);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a database");
        f.close();
        auto r = runPlanlines({"sample", "--out", out, "--parcels", "2000", "--force", "--quiet"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        r = runPlanlines({"info", "--db", out, "--json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("\"table\": \"landuse\"")));
    }
};

QTEST_GUILESS_MAIN(CommandLineTest)
#include "commandlinetest.moc"
