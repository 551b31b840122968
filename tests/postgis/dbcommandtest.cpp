// `planlines db init` (app/cli/dbcommand.cpp) run as a person runs it, against the throwaway
// cluster: what it prints, that it is idempotent, its refusals, and a viewer's refused write.
#include "cli/clirun.h"
#include "geodata/store/postgis/pgconnection.h"
#include "geodata/testsupport.h"
#include "pgtestsupport.h"

#include <QTest>

using namespace planlines::geodata;
using namespace planlines::geodata::test;

#define PL_VERIFY_CONTAINS(text, part)                                                             \
    QVERIFY2((text).contains(part),                                                                \
             qPrintable(QStringLiteral("\"%1\" lacks \"%2\"").arg(text, part)))

class DbCommandTest : public QObject
{
    Q_OBJECT
    std::string m_uri;
    QString uri() const { return QString::fromStdString(m_uri); }

private slots:
    void initTestCase()
    {
        try {
            m_uri = freshDatabase("t_dbcommand");
        } catch (const std::exception &e) {
            QFAIL(e.what());
        }
    }

    void helpSaysWhatItDoes()
    {
        const CliResult r =
            runPlanlines({QStringLiteral("db"), QStringLiteral("init"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        PL_VERIFY_CONTAINS(r.out, QStringLiteral("Usage: planlines db init"));
        PL_VERIFY_CONTAINS(r.out, QStringLiteral("planlines_viewer (read)"));
        PL_VERIFY_CONTAINS(r.out, QStringLiteral("--county <NAME>"));
        const CliResult top = runPlanlines({QStringLiteral("--help")});
        PL_VERIFY_CONTAINS(top.out, QStringLiteral("db        a project on a PostgreSQL/PostGIS"));
        const CliResult db = runPlanlines({QStringLiteral("db"), QStringLiteral("--help")});
        QCOMPARE(db.exitCode, 0);
        PL_VERIFY_CONTAINS(db.out, QStringLiteral("init    make the database a PlanLines project"));
    }

    void initMakesAProjectAndIsIdempotent()
    {
        const QStringList args{QStringLiteral("db"),       QStringLiteral("init"),
                               QStringLiteral("--db"),     uri(),
                               QStringLiteral("--county"), QStringLiteral("高青县"),
                               QStringLiteral("--code"),   QStringLiteral("370322")};
        const CliResult first = runPlanlines(args);
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        const QString where = QString::fromStdString(pgDisplayName(m_uri));
        QCOMPARE(first.out.section(QLatin1Char('\n'), 0, 0),
                 where + QStringLiteral(": new PlanLines project 高青县 (370322), EPSG:4548, "
                                        "schema 2 (2 migrations applied)"));
        const CliResult again = runPlanlines(args);
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QCOMPARE(again.out.section(QLatin1Char('\n'), 0, 0),
                 where + QStringLiteral(": PlanLines project 高青县 (370322), EPSG:4548, "
                                        "schema 2 (0 migrations applied)"));
    }

    void refusals()
    {
        CliResult r = runPlanlines({QStringLiteral("db"), QStringLiteral("init")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err, QStringLiteral("planlines db init: --db postgresql://… is required\n"));
        r = runPlanlines({QStringLiteral("db"), QStringLiteral("init"), QStringLiteral("--db"),
                          QStringLiteral("county.sqlite")});
        QCOMPARE(r.exitCode, 2);
        PL_VERIFY_CONTAINS(r.err, QStringLiteral("not the file 'county.sqlite'"));
        r = runPlanlines({QStringLiteral("db"), QStringLiteral("init"), QStringLiteral("--db"),
                          uri(), QStringLiteral("--crs"), QStringLiteral("EPSG:4549")});
        QCOMPARE(r.exitCode, 1);
        PL_VERIFY_CONTAINS(r.err, QStringLiteral("already a project with working_crs 'EPSG:4548'"));
        r = runPlanlines({QStringLiteral("db"), QStringLiteral("drop")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err, QStringLiteral("planlines db: unknown command 'drop' (see planlines db "
                                       "--help)\n"));
        // A password in the URI never reaches a message.
        r = runPlanlines({QStringLiteral("db"), QStringLiteral("init"), QStringLiteral("--db"),
                          QStringLiteral("postgresql://wang:s3cret@/x?host=/nonexistent-pl")});
        QCOMPARE(r.exitCode, 1);
        PL_VERIFY_CONTAINS(r.err, QStringLiteral("wang@/nonexistent-pl/x: cannot connect"));
        QVERIFY2(!r.err.contains(QStringLiteral("s3cret")), qPrintable(r.err));
    }

    void aViewerCannotInitNorWrite()
    {
        PgConnection su(m_uri);
        ensureLogin(su, "pl_cli_viewer", "planlines_viewer");
        const std::string viewer = withUser(m_uri, "pl_cli_viewer");
        const CliResult r = runPlanlines({QStringLiteral("db"), QStringLiteral("init"),
                                          QStringLiteral("--db"), QString::fromStdString(viewer)});
        QCOMPARE(r.exitCode, 1);
        PL_VERIFY_CONTAINS(r.err, QStringLiteral("db init runs as the owner of the PlanLines "
                                                 "tables (postgres) or a superuser, not as "
                                                 "pl_cli_viewer"));
        PgConnection v(viewer);
        PL_VERIFY_THROWS_WITH(StoreError,
                              v.exec("INSERT INTO check_records (site_name, site_wkb, inputs_json, "
                                     "layer_versions, rules_version, verdict, result_json) VALUES "
                                     "('x', '\\x00', '{}', '{}', '1', 'pass', '{}')"),
                              "role pl_cli_viewer may not INSERT on check_records",
                              "needs planlines_editor");
    }
};

QTEST_GUILESS_MAIN(DbCommandTest)
#include "dbcommandtest.moc"
