// A connection lost in the middle of an edit (the server terminates the backend, as when it
// restarts or a network link drops): nothing of the edit is stored, the error is
// StoreError ConnectionLost and says so, and the next operation connects again by itself
// (with the session's settings, e.g. read-only, restored). Also what the project stores never
// holds the password of the location it was opened with.
#include "../geodata/corridor/corridorfixture.h"
#include "geodata/corridor/progressrecorder.h"
#include "geodata/layerwriter.h"
#include "geodata/store/postgis/pgdbinit.h"
#include "geodata/testsupport.h"
#include "pgtestsupport.h"

#include <QTest>

using namespace planlines;
using namespace planlines::geodata;
using namespace planlines::geodata::corridor;
using namespace planlines::geodata::test;

namespace {

std::int64_t count(PgConnection &db, const std::string &sql)
{
    return std::get<std::int64_t>(*db.scalar(sql));
}

// Ends every session of login from outside, as a server restart would.
void terminate(PgConnection &su, const std::string &login)
{
    const auto n = count(su, "SELECT count(pg_terminate_backend(pid))::int8 FROM "
                             "pg_stat_activity WHERE usename = '" +
                                 login + "'");
    QVERIFY(n >= 1);
}

void expectLost(const std::exception_ptr &e)
{
    try {
        std::rethrow_exception(e);
    } catch (const StoreError &s) {
        QCOMPARE(s.kind(), StoreError::Kind::ConnectionLost);
        const std::string what = s.what();
        QVERIFY2(what.find("the connection to the server was lost during an unfinished "
                           "transaction: the server rolled it back, so nothing of it was "
                           "stored; the next operation connects again") != std::string::npos,
                 what.c_str());
    }
}

} // namespace

class LostConnectionTest : public QObject
{
    Q_OBJECT
    std::string m_uri;

private slots:
    void initTestCase()
    {
        try {
            m_uri = freshDatabase("t_lostconnection");
            testing::CorridorFixture::create(m_uri);
            initPgDatabase(m_uri, {"EPSG:4548", "", ""});
            PgConnection su(m_uri);
            ensureLogin(su, "pl_editor_lost", "planlines_editor");
            ensureLogin(su, "pl_admin_lost", "planlines_admin");
            ensureLogin(su, "pl_editor_secret", "planlines_editor");
        } catch (const std::exception &e) {
            QFAIL(e.what());
        }
    }

    void anEditCutOffStoresNothingAndTheNextOneReconnects()
    {
        auto p = Project::open(withUser(m_uri, "pl_editor_lost"));
        PgConnection su(m_uri);
        const auto before = count(su, "SELECT count(*) FROM corridor_progress");
        const auto auditBefore = count(su, "SELECT count(*) FROM audit_log");
        std::exception_ptr error;
        try {
            const auto tx = p->transaction();
            StoredProgress row;
            row.segmentId = "T-004";
            row.date = "2026-12-01";
            row.status = "under_construction";
            row.percent = 30;
            p->addProgress(row); // written, not committed
            terminate(su, "pl_editor_lost");
            p->audit("corridor.progress", "corridor_progress", "x"); // the edit's second write
            tx->commit();
        } catch (...) {
            error = std::current_exception();
        }
        QVERIFY(error);
        expectLost(error);
        QCOMPARE(count(su, "SELECT count(*) FROM corridor_progress"), before);
        QCOMPARE(count(su, "SELECT count(*) FROM audit_log"), auditBefore);
        // The next operation connects again and works: the same edit, now whole.
        const Corridor c = Corridor::load(*p);
        ProgressInput in;
        in.segmentId = "T-004";
        in.date = "2026-12-01";
        in.status = Status::UnderConstruction;
        in.percent = 30;
        const auto ids = recordProgress(*p, c, {in}, "test");
        QCOMPARE(count(su, "SELECT count(*) FROM corridor_progress"), before + 1);
        QCOMPARE(count(su, "SELECT count(*) FROM corridor_progress WHERE id = " +
                               std::to_string(ids[0]) + " AND recorded_by = 'pl_editor_lost'"),
                 std::int64_t{1});
    }

    void aLayerImportCutOffLeavesNoTable()
    {
        auto p = Project::open(withUser(m_uri, "pl_admin_lost"));
        PgConnection su(m_uri);
        const auto tables = count(su, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'");
        const auto layers = count(su, "SELECT count(*) FROM layers");
        std::exception_ptr error;
        try {
            LayerWriter w(*p, {"项目选址",
                               Role::Site,
                               "cut_site",
                               "MULTIPOLYGON",
                               {{"XMMC", FieldType::Text, "项目名称"}},
                               "test"});
            for (int i = 0; i < 100; ++i) {
                const double e = 570000 + i * 10;
                w.add(
                    Geometry::polygon(testing::CorridorFixture::rect(e, 4114000, e + 10, 4114010)),
                    std::vector<Value>{std::string("选址") + std::to_string(i)});
            }
            terminate(su, "pl_admin_lost");
            w.commit();
        } catch (...) {
            error = std::current_exception();
        }
        QVERIFY(error);
        expectLost(error);
        QCOMPARE(count(su, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"), tables);
        QCOMPARE(count(su, "SELECT count(*) FROM layers"), layers);
        QVERIFY(!p->layerNamed("项目选址")); // connected again
    }

    void aReadOnlyProjectStaysReadOnlyAfterReconnecting()
    {
        auto p = Project::open(withUser(m_uri, "pl_admin_lost"), true);
        PgConnection su(m_uri);
        terminate(su, "pl_admin_lost");
        QCOMPARE(p->countyName(), std::string("高青县")); // reconnected
        PL_VERIFY_THROWS_WITH(StoreError, p->setSetting("x", "y"), "read-only transaction");
    }

    void thePasswordIsStoredNowhere()
    {
        // Trust authentication on the test socket: the password is sent and ignored, so it is
        // in the location exactly as a person would type it.
        const std::string password = "Zhu4-gao9-secret";
        const std::string location = withUser(m_uri, "pl_editor_secret") + "&password=" + password;
        {
            auto p = Project::open(location);
            QVERIFY(p->displayName().find(password) == std::string::npos);
            const Corridor c = Corridor::load(*p);
            ProgressInput in;
            in.segmentId = "T-003";
            in.date = "2026-11-11";
            in.status = Status::UnderConstruction;
            in.percent = 77;
            recordProgress(*p, c, {in}, "planlines corridor update");
            LayerWriter w(*p, {"秘密选址",
                               Role::Site,
                               "secret_site",
                               "MULTIPOLYGON",
                               {{"XMMC", FieldType::Text, "项目名称"}},
                               "test"});
            w.add(
                Geometry::polygon(testing::CorridorFixture::rect(570000, 4114000, 570010, 4114010)),
                std::vector<Value>{std::string("选址")});
            w.commit();
            const auto tx = p->transaction();
            StoredCheckRecord r;
            r.siteName = "秘密选址";
            r.siteWkb = {1};
            r.inputsJson = r.layerVersionsJson = r.legacyResultJson = "{}";
            r.rulesVersion = "builtin";
            r.verdict = "pass";
            p->audit("check.record", "check_records", std::to_string(p->addCheckRecord(r)));
            tx->commit();
            // A refusal's message names the role and the database, not the password.
            try {
                p->setSetting("rules_file", "x");
                QFAIL("an editor changed a setting");
            } catch (const StoreError &e) {
                QVERIFY2(std::string(e.what()).find(password) == std::string::npos, e.what());
                QVERIFY2(std::string(e.what()).find("pl_editor_secret") != std::string::npos,
                         e.what());
            }
        }
        // Every row of every table of the project, as text.
        PgConnection su(m_uri);
        const PgResult tables =
            su.exec("SELECT tablename::text FROM pg_tables WHERE schemaname = 'public'");
        QVERIFY(tables.rows() > 10);
        for (int i = 0; i < tables.rows(); ++i) {
            const std::string t = tables.text(i, 0);
            QCOMPARE(count(su, "SELECT count(*) FROM " + quoteIdentifier(t) +
                                   " x WHERE x::text "
                                   "LIKE '%" +
                                   password + "%'"),
                     std::int64_t{0});
        }
        QCOMPARE(count(su, "SELECT count(*) FROM audit_log WHERE actor = 'pl_editor_secret'"),
                 std::int64_t{3});
    }
};

QTEST_GUILESS_MAIN(LostConnectionTest)
#include "lostconnectiontest.moc"
