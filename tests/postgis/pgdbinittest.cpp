// geodata/store/postgis/pgdbinit.h (`planlines db init`) against the throwaway cluster: the
// schema, the settings, the three group roles and what each may do, idempotence, and the
// refusals a person reads.
#include "geodata/store/postgis/pgdbinit.h"
#include "geodata/store/postgis/pgconnection.h"
#include "geodata/store/postgis/pgmigrator.h"
#include "geodata/testsupport.h"
#include "pgtestsupport.h"

#include <QElapsedTimer>
#include <QTest>
#include <QThread>

using namespace planlines::geodata;
using namespace planlines::geodata::test;

namespace {
std::string str(const std::optional<Value> &v)
{
    return v && std::holds_alternative<std::string>(*v) ? std::get<std::string>(*v) : "(none)";
}
std::int64_t num(const std::optional<Value> &v)
{
    return v && std::holds_alternative<std::int64_t>(*v) ? std::get<std::int64_t>(*v) : -1;
}
const char *kProgress = "INSERT INTO corridor_progress (segment_id, date, status, percent, rev) "
                        "VALUES ($1, '2026-12-07', 'under_construction', 40, $2)";
} // namespace

class PgDbInitTest : public QObject
{
    Q_OBJECT
    std::string m_uri;

private slots:
    void initTestCase()
    {
        try {
            m_uri = freshDatabase("t_pgdbinit");
            PgInitReport r = initPgDatabase(m_uri, {"EPSG:4548", "高青县", "370322"});
            QCOMPARE(r.migrationsApplied, PgMigrator::latestVersion());
            QVERIFY(r.projectCreated);
            PgConnection su(m_uri);
            ensureLogin(su, "pl_viewer_li", "planlines_viewer");
            ensureLogin(su, "pl_editor_wang", "planlines_editor");
            ensureLogin(su, "pl_editor_zhao", "planlines_editor");
            ensureLogin(su, "pl_admin_sun", "planlines_admin");
        } catch (const std::exception &e) {
            QFAIL(e.what());
        }
    }

    void makesTheSchemaAndSettings()
    {
        PgConnection db(m_uri);
        QCOMPARE(PgMigrator::currentVersion(db), PgMigrator::latestVersion());
        QCOMPARE(str(db.scalar("SELECT value FROM project_settings WHERE key = 'county_name'")),
                 std::string("高青县"));
        QCOMPARE(str(db.scalar("SELECT value FROM project_settings WHERE key = 'working_crs'")),
                 std::string("EPSG:4548"));
        QCOMPARE(num(db.scalar("SELECT count(*) FROM roles")), std::int64_t{9});
        QCOMPARE(str(db.scalar("SELECT label_zh FROM roles WHERE id = 'corridor'")),
                 std::string("淤背区生态廊道"));
        // The audit row names the role that ran init, at the server's clock in ISO 8601 UTC.
        const PgResult a =
            db.exec("SELECT actor, action, target_id, detail_json, at FROM audit_log");
        QCOMPARE(a.rows(), 1);
        QCOMPARE(a.text(0, 0), std::string("postgres"));
        QCOMPARE(a.text(0, 1), std::string("project.create"));
        QCOMPARE(a.text(0, 2), std::string("370322"));
        QCOMPARE(a.text(0, 3), std::string("{\"working_crs\":\"EPSG:4548\"}"));
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"))
                     .match(QString::fromStdString(a.text(0, 4)))
                     .hasMatch(),
                 a.text(0, 4).c_str());
    }

    void runningAgainChangesNothing()
    {
        const PgInitReport again = initPgDatabase(m_uri, {"EPSG:4548", "高青县", "370322"});
        QCOMPARE(again.migrationsApplied, 0);
        QVERIFY(!again.projectCreated);
        QCOMPARE(again.countyName, std::string("高青县"));
        // Without --county/--code: the project's own are kept and reported.
        const PgInitReport bare = initPgDatabase(m_uri, {"EPSG:4548", "", ""});
        QCOMPARE(bare.countyCode, std::string("370322"));
        PgConnection db(m_uri);
        QCOMPARE(num(db.scalar("SELECT count(*) FROM audit_log")), std::int64_t{1});
        QCOMPARE(num(db.scalar("SELECT count(*) FROM pg_roles WHERE rolname LIKE 'planlines\\_%'")),
                 std::int64_t{3});
    }

    void refusesToChangeAProjectsCrs()
    {
        PL_VERIFY_THROWS_WITH(Error, initPgDatabase(m_uri, {"EPSG:4549", "", ""}),
                              "already a project with working_crs 'EPSG:4548'",
                              "--crs 'EPSG:4549' would change it");
        PL_VERIFY_THROWS_WITH(Error, initPgDatabase(m_uri, {"4548", "", ""}),
                              "working CRS must be an EPSG code such as EPSG:4548, not '4548'");
    }

    void anUnknownCrsLeavesNoProject()
    {
        const std::string uri = freshDatabase("t_pgdbinit_crs");
        PL_VERIFY_THROWS_WITH(Error, initPgDatabase(uri, {"EPSG:999999", "高青县", "370322"}),
                              "working CRS EPSG:999999 is unknown to PostGIS");
        PgConnection db(uri);
        QVERIFY(!db.scalar("SELECT 1 WHERE to_regclass('project_settings') IS NOT NULL"));
    }

    void aViewerReadsButEveryWriteIsRefusedNamingTheRight()
    {
        PgConnection viewer(withUser(m_uri, "pl_viewer_li"));
        QCOMPARE(num(viewer.scalar("SELECT count(*) FROM layers")), std::int64_t{0});
        QCOMPARE(str(viewer.scalar("SELECT value FROM project_settings WHERE key = 'county_code'")),
                 std::string("370322"));
        PL_VERIFY_THROWS_WITH(StoreError, viewer.exec(kProgress, PgParams::of("YBQ-001", 1)),
                              "role pl_viewer_li may not INSERT on corridor_progress",
                              "needs planlines_editor", "[SQLSTATE 42501]");
        PL_VERIFY_THROWS_WITH(
            StoreError, viewer.exec("INSERT INTO audit_log (action, target) VALUES ('x.y', 'x')"),
            "may not INSERT on audit_log; needs planlines_editor");
        PL_VERIFY_THROWS_WITH(StoreError, viewer.exec("CREATE TABLE mine (v int)"),
                              "may not CREATE on schema public; needs planlines_editor");
        PL_VERIFY_THROWS_WITH(
            StoreError,
            viewer.exec("UPDATE project_settings SET value = 'x' WHERE key = 'county_name'"),
            "may not UPDATE on project_settings; needs planlines_admin");
        try {
            viewer.exec(kProgress, PgParams::of("YBQ-001", 1));
        } catch (const StoreError &e) {
            QCOMPARE(e.kind(), StoreError::Kind::PermissionDenied);
        }
    }

    void anEditorAppendsInTheirOwnName()
    {
        PgConnection editor(withUser(m_uri, "pl_editor_wang"));
        editor.exec(kProgress, PgParams::of("YBQ-002", 1));
        editor.exec("INSERT INTO audit_log (action, target, target_id) "
                    "VALUES ('corridor.update', 'corridor_progress', 'YBQ-002')");
        PgConnection db(m_uri);
        QCOMPARE(str(db.scalar("SELECT recorded_by FROM corridor_progress WHERE segment_id = "
                               "'YBQ-002'")),
                 std::string("pl_editor_wang"));
        QCOMPARE(str(db.scalar("SELECT actor FROM audit_log WHERE target_id = 'YBQ-002'")),
                 std::string("pl_editor_wang"));
        // Entries are never rewritten, not even by their author.
        PL_VERIFY_THROWS_WITH(StoreError, editor.exec("UPDATE corridor_progress SET percent = 50"),
                              "may not UPDATE on corridor_progress",
                              "append-only: an entry is corrected by a new one");
    }

    void entriesWithoutARevGetTheNextOne()
    {
        PgConnection editor(withUser(m_uri, "pl_editor_wang"));
        for (int i = 0; i < 3; ++i)
            editor.exec("INSERT INTO corridor_progress (segment_id, date, status) "
                        "VALUES ('YBQ-010', '2026-12-07', 'planned')");
        QCOMPARE(str(editor.scalar("SELECT string_agg(rev::text, ',' ORDER BY id) FROM "
                                   "corridor_progress WHERE segment_id = 'YBQ-010'")),
                 std::string("1,2,3"));
    }

    void theSecondOfTwoEditsFromTheSameStateIsAConflict()
    {
        PgConnection wang(withUser(m_uri, "pl_editor_wang"));
        PgConnection zhao(withUser(m_uri, "pl_editor_zhao"));
        wang.exec(kProgress, PgParams::of("YBQ-003", 1));
        // Zhao read the segment before Wang's entry (rev 0) and writes rev 1 too.
        try {
            zhao.exec(kProgress, PgParams::of("YBQ-003", 1));
            QFAIL("two entries of one segment at the same row version were both stored");
        } catch (const StoreError &e) {
            QCOMPARE(e.kind(), StoreError::Kind::Conflict);
            QVERIFY2(std::string(e.what()).find(
                         "segment YBQ-003 was changed after it was read (row version 0, now 1) "
                         "(last entry ") != std::string::npos,
                     e.what());
            QVERIFY2(std::string(e.what()).find("under_construction, 40% on 2026-12-07, "
                                                "recorded by pl_editor_wang at ") !=
                         std::string::npos,
                     e.what());
        }
    }

    void anEditorWritesSiteLayersButCannotReplaceOthers()
    {
        PgConnection editor(withUser(m_uri, "pl_editor_wang"));
        const char *layer = "INSERT INTO layers (name, role, table_name, geometry_type, source, "
                            "feature_count, crs, checksum) VALUES ($1, $2, $3, 'MULTIPOLYGON', "
                            "'test', 0, 'EPSG:4548', '')";
        editor.exec(layer, PgParams::of("项目选址", "site", "site"));
        PL_VERIFY_THROWS_WITH(StoreError,
                              editor.exec(layer, PgParams::of("地类图斑", "landuse", "landuse")),
                              "role pl_editor_wang may not write this row of layers",
                              "replacing other layers needs planlines_admin");
        PgConnection admin(withUser(m_uri, "pl_admin_sun"));
        admin.exec(layer, PgParams::of("地类图斑", "landuse", "landuse"));
        // The editor cannot repoint the admin's layer at another table either (0 rows seen).
        const PgResult r = editor.exec("UPDATE layers SET table_name = 'landuse_v2' "
                                       "WHERE name = '地类图斑'");
        QCOMPARE(r.affected(), std::int64_t{0});
        PgConnection db(m_uri);
        QCOMPARE(str(db.scalar("SELECT table_name FROM layers WHERE name = '地类图斑'")),
                 std::string("landuse"));
    }

    void progressIsNotifiedOnCommit()
    {
        PgConnection listener(m_uri);
        listener.exec("LISTEN planlines");
        PgConnection editor(withUser(m_uri, "pl_editor_wang"));
        {
            PgTransaction tx(editor);
            editor.exec(kProgress, PgParams::of("YBQ-004", 1));
            QThread::msleep(200);
            QVERIFY(listener.notifications().empty()); // not before the commit
            tx.commit();
        }
        std::vector<std::pair<std::string, std::string>> got;
        QElapsedTimer t;
        t.start();
        while (got.empty() && t.elapsed() < 5000) {
            got = listener.notifications();
            QThread::msleep(20);
        }
        QCOMPARE(got.size(), std::size_t{1});
        QCOMPARE(got[0].first, std::string("planlines"));
        QCOMPARE(got[0].second, std::string("corridor:YBQ-004"));
    }
};

QTEST_APPLESS_MAIN(PgDbInitTest)
#include "pgdbinittest.moc"
