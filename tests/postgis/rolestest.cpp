// The three group roles of `planlines db init` (geodata/sql/postgis/roles.sql) tried through the
// program's own write paths, each person connecting as their own login role: a viewer is
// refused every write with the right that is missing and the group that grants it, and nothing
// of the refused edit is stored; an editor records progress and checks and imports sites but
// cannot replace another layer or change a setting (the rules); an admin can. Records and audit
// rows name the login role (current_user), never the account the program runs as.
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

// A site polygon of 100 m × 50 m inside the corridor fixture's area.
Geometry siteGeometry()
{
    return Geometry::polygon(testing::CorridorFixture::rect(570100, 4114910, 570200, 4114960));
}

LayerSpec siteSpec(Project &p, const std::string &name)
{
    return {name,
            Role::Site,
            newTableName(p, name, Role::Site),
            "MULTIPOLYGON",
            {{"XMMC", FieldType::Text, "项目名称"}},
            "test"};
}

// A new version of the levee (role context): only an admin may.
void replaceLevee(Project &p)
{
    LayerSpec spec{
        "黄河大堤", Role::Context, "levee", "MULTILINESTRING", {{"MC", FieldType::Text, "名称"}},
        "test v2"};
    spec.replaceKeepingHistory = true;
    LayerWriter w(p, spec);
    const std::vector<double> xy = {570000, 4115000, 572000, 4115000, 572000, 4116000};
    w.add(Geometry::lineString(xy), std::vector<Value>{std::string("临黄大堤")});
    w.commit();
}

void importSite(Project &p, const std::string &name)
{
    LayerWriter w(p, siteSpec(p, name));
    w.add(siteGeometry(), std::vector<Value>{std::string("光伏项目")});
    w.commit();
}

ProgressInput progress(const char *segment, const char *date)
{
    ProgressInput in;
    in.segmentId = segment;
    in.date = date;
    in.status = Status::UnderConstruction;
    in.percent = 20;
    return in;
}

StoredCheckRecord checkRecord(const std::string &site)
{
    StoredCheckRecord r;
    r.siteName = site;
    r.siteWkb = {1, 2, 3};
    r.inputsJson = "{}";
    r.layerVersionsJson = "{}";
    r.rulesVersion = "builtin";
    r.verdict = "pass";
    r.legacyResultJson = "{}";
    return r;
}

// A check record as check/checkrecords.cpp stores one: the record and its audit row together.
void recordCheck(Project &p, const std::string &site)
{
    const auto tx = p.transaction();
    const std::int64_t id = p.addCheckRecord(checkRecord(site));
    p.audit("check.record", "check_records", std::to_string(id));
    tx->commit();
}

} // namespace

class RolesTest : public QObject
{
    Q_OBJECT
    std::string m_uri;

    std::unique_ptr<Project> as(const char *login) { return Project::open(withUser(m_uri, login)); }
    // What each write path stored: none of it may change on a refusal.
    std::string counts()
    {
        PgConnection db(m_uri);
        return std::to_string(count(db, "SELECT count(*) FROM corridor_progress")) + "/" +
               std::to_string(count(db, "SELECT count(*) FROM check_records")) + "/" +
               std::to_string(count(db, "SELECT count(*) FROM audit_log")) + "/" +
               std::to_string(count(db, "SELECT count(*) FROM layers")) + "/" +
               std::to_string(count(db, "SELECT count(*) FROM layer_versions")) + "/" +
               std::to_string(count(db, "SELECT count(*) FROM project_settings")) + "/" +
               std::to_string(count(db, "SELECT count(*) FROM pg_tables WHERE schemaname = "
                                        "'public'"));
    }

private slots:
    void initTestCase()
    {
        try {
            m_uri = freshDatabase("t_roles");
            testing::CorridorFixture::create(m_uri);      // as the cluster's superuser
            initPgDatabase(m_uri, {"EPSG:4548", "", ""}); // the group roles
            PgConnection su(m_uri);
            ensureLogin(su, "pl_viewer_li", "planlines_viewer");
            ensureLogin(su, "pl_editor_wang", "planlines_editor");
            ensureLogin(su, "pl_admin_sun", "planlines_admin");
        } catch (const std::exception &e) {
            QFAIL(e.what());
        }
    }

    void aViewerReadsEverything()
    {
        auto p = as("pl_viewer_li");
        const Corridor c = Corridor::load(*p);
        QCOMPARE(c.segments().size(), std::size_t{4});
        QCOMPARE(c.entries().size(), std::size_t{10});
        QCOMPARE(p->countyName(), std::string("高青县"));
    }

    void aViewerIsRefusedEveryWriteNamingTheRight()
    {
        auto p = as("pl_viewer_li");
        const Corridor corridor = Corridor::load(*p);
        const std::string before = counts();
        const auto refused = [&](auto &&write, std::initializer_list<const char *> words) {
            try {
                write();
                QFAIL("a viewer's write was accepted");
            } catch (const StoreError &e) {
                QCOMPARE(e.kind(), StoreError::Kind::PermissionDenied);
                for (const char *w : words)
                    QVERIFY2(std::string(e.what()).find(w) != std::string::npos, e.what());
            } catch (const std::exception &e) {
                QFAIL((std::string("not a StoreError: ") + e.what()).c_str());
            }
            QCOMPARE(counts(), before);
        };
        refused([&] { importSite(*p, "李的选址"); },
                {"permission denied: role pl_viewer_li may not CREATE on schema public",
                 "needs planlines_editor"});
        refused([&] { replaceLevee(*p); },
                {"layer 黄河大堤", "role pl_viewer_li may not replace a context layer",
                 "needs planlines_admin"});
        refused(
            [&] { recordProgress(*p, corridor, {progress("T-004", "2026-12-01")}, "test"); },
            {"role pl_viewer_li may not INSERT on corridor_progress", "needs planlines_editor"});
        refused([&] { recordCheck(*p, "光伏项目"); },
                {"role pl_viewer_li may not INSERT on check_records", "needs planlines_editor"});
        refused([&] { p->setSetting("rules_file", "/tmp/rules.json"); },
                {"role pl_viewer_li may not INSERT on project_settings", "needs planlines_admin"});
        refused([&] { p->audit("layer.delete", "layers", "1"); },
                {"role pl_viewer_li may not INSERT on audit_log", "needs planlines_editor"});
    }

    void anEditorRecordsProgressAndChecksInTheirOwnName()
    {
        auto p = as("pl_editor_wang");
        const Corridor corridor = Corridor::load(*p);
        const auto ids =
            recordProgress(*p, corridor, {progress("T-004", "2026-12-01")}, "planlines GUI");
        recordCheck(*p, "王的光伏项目");
        PgConnection db(m_uri);
        QCOMPARE(count(db, "SELECT count(*) FROM corridor_progress WHERE recorded_by = "
                           "'pl_editor_wang' AND id = " +
                               std::to_string(ids[0])),
                 std::int64_t{1});
        QCOMPARE(count(db, "SELECT count(*) FROM audit_log WHERE actor = 'pl_editor_wang' AND "
                           "action = 'corridor.progress' AND target_id = '" +
                               std::to_string(ids[0]) + "'"),
                 std::int64_t{1});
        QCOMPARE(count(db, "SELECT count(*) FROM check_records WHERE created_by = "
                           "'pl_editor_wang' AND site_name = '王的光伏项目'"),
                 std::int64_t{1});
        QCOMPARE(count(db, "SELECT count(*) FROM audit_log WHERE actor = 'pl_editor_wang' AND "
                           "action = 'check.record'"),
                 std::int64_t{1});
        // Never the account the program runs as.
        const std::string os = Project::actor();
        if (os != "pl_editor_wang")
            QCOMPARE(count(db, "SELECT count(*) FROM audit_log WHERE actor = '" + os + "'"),
                     std::int64_t{0});
    }

    void anEditorImportsSitesButCannotReplaceLayersOrRules()
    {
        auto p = as("pl_editor_wang");
        importSite(*p, "王的选址");
        QVERIFY(p->layerNamed("王的选址"));
        const std::string before = counts();
        PL_VERIFY_THROWS_WITH(StoreError, replaceLevee(*p),
                              "role pl_editor_wang may not replace a context layer",
                              "needs planlines_admin (an editor writes site layers only)");
        PL_VERIFY_THROWS_WITH(StoreError, p->setSetting("rules_file", "/tmp/rules.json"),
                              "role pl_editor_wang may not INSERT on project_settings",
                              "needs planlines_admin");
        QCOMPARE(counts(), before);
        PgConnection db(m_uri);
        QCOMPARE(count(db, "SELECT count(*) FROM audit_log WHERE actor = 'pl_editor_wang' AND "
                           "target_id IN (SELECT id::text FROM layers WHERE name = '王的选址')"),
                 std::int64_t{1});
    }

    void anAdminReplacesLayersAndChangesSettings()
    {
        auto p = as("pl_admin_sun");
        replaceLevee(*p);
        p->setSetting("rules_file", "/srv/planlines/rules-2026.json");
        QCOMPARE(p->layerNamed("黄河大堤")->version, 2);
        QCOMPARE(*p->setting("rules_file"), std::string("/srv/planlines/rules-2026.json"));
    }
};

QTEST_GUILESS_MAIN(RolesTest)
#include "rolestest.moc"
