// geodata/store/postgis/postgisproject.h — the project interface on PostGIS — against the
// throwaway cluster: create and open, a layer written through LayerWriter (COPY BINARY) and read
// back through FeatureSource (a binary cursor, the GiST index for boxes), a replaced layer's
// versions, and the rights of the three roles.
#include "geodata/layerwriter.h"
#include "geodata/project.h"
#include "geodata/store/postgis/pgdbinit.h"
#include "geodata/store/postgis/pgmigrator.h"
#include "geodata/testsupport.h"
#include "pgtestsupport.h"

#include <QElapsedTimer>
#include <QTest>
#include <QThread>

using namespace planlines::geodata;
using namespace planlines::geodata::test;

namespace {

// Parcels of a 3 × 2 grid of 100 m × 50 m cells (5 000 m² each) from (500000, 4000000), and a
// triangle of legs 30 m and 40 m (600 m²): areas anyone can check by hand.
Geometry cell(int col, int row)
{
    const double e = 500000 + 100.0 * col, n = 4000000 + 50.0 * row;
    const double xy[] = {e, n, e + 100, n, e + 100, n + 50, e, n + 50, e, n};
    return Geometry::polygon(xy);
}

LayerSpec parcelSpec(const std::string &name, Role role)
{
    LayerSpec s;
    s.name = name;
    s.role = role;
    s.table = role == Role::Site ? "sites" : "landuse";
    s.geometryType = "MULTIPOLYGON";
    s.fields = {{"DLBM", FieldType::Text, "地类编码"},
                {"DLMC", FieldType::Text, "地类名称"},
                {"TBMJ", FieldType::Real, "图斑面积"},
                {"BSM", FieldType::Integer, "标识码"},
                {"BGRQ", FieldType::Date, "变更日期"}};
    s.source = "hand-made test grid";
    return s;
}

void writeGrid(Project &p, LayerSpec spec, const char *dlmc)
{
    LayerWriter w(p, std::move(spec));
    int bsm = 1;
    for (int row = 0; row < 2; ++row)
        for (int col = 0; col < 3; ++col) {
            const Value values[] = {std::string("0101"), std::string(dlmc), 5000.0,
                                    std::int64_t{bsm++}, std::string("2026-12-07")};
            w.add(cell(col, row), values);
        }
    const double tri[] = {500000, 4000200, 500030, 4000200, 500000, 4000240, 500000, 4000200};
    const Value values[] = {std::string("0201"), std::string("果园"), std::monostate{},
                            std::int64_t{bsm}, std::monostate{}};
    w.add(Geometry::polygon(tri), values);
    w.commit();
}

} // namespace

class PostgisProjectTest : public QObject
{
    Q_OBJECT
    std::string m_uri;

private slots:
    void initTestCase()
    {
        try {
            m_uri = freshDatabase("t_postgisproject");
            PgConnection su(m_uri);
            // The group roles as db init makes them; the project itself by Project::create.
            auto p = Project::create(m_uri, "EPSG:4548", "高青县", "370322");
            QCOMPARE(p->engine(), Engine::PostGIS);
            initPgDatabase(m_uri, {"EPSG:4548", "高青县", "370322"});
            ensureLogin(su, "pl_proj_viewer", "planlines_viewer");
            ensureLogin(su, "pl_proj_editor", "planlines_editor");
        } catch (const std::exception &e) {
            QFAIL(e.what());
        }
    }

    void createRefusesAnExistingProject()
    {
        PL_VERIFY_THROWS_WITH(Error, Project::create(m_uri, "EPSG:4548", "高青县", "370322"),
                              "already a PlanLines project");
        const auto p = Project::open(m_uri);
        QCOMPARE(p->countyName(), std::string("高青县"));
        QCOMPARE(p->workingSrid(), 4548);
        QCOMPARE(p->schemaVersion(), PgMigrator::latestVersion());
    }

    void aLayerIsWrittenAndReadBack()
    {
        auto p = Project::open(m_uri);
        writeGrid(*p, parcelSpec("地类图斑", Role::Landuse), "水田");
        const auto layer = p->layerNamed("地类图斑");
        QVERIFY(layer);
        QCOMPARE(layer->featureCount, std::int64_t{7});
        QCOMPARE(layer->version, 1);
        QCOMPARE(p->fields(layer->id).at(1).alias, std::string("地类名称"));

        auto source = p->features(*layer);
        QCOMPARE(source->columns(),
                 (std::vector<std::string>{"DLBM", "DLMC", "TBMJ", "BSM", "BGRQ"}));
        FeatureRequest all;
        all.attributes = {"DLMC", "TBMJ", "BGRQ"};
        double area = 0;
        std::vector<std::string> names;
        for (auto c = source->query(all); c->next();) {
            area += c->geometry().area();
            names.push_back(std::get<std::string>(c->value(0)));
            if (c->fid() == 7) {
                QVERIFY(c->isNull(1));
                QVERIFY(c->isNull(2));
                const Envelope b = c->box();
                PL_COMPARE_NEAR(b.maxX - b.minX, 30.0, 1e-6, "m");
            } else {
                QCOMPARE(std::get<std::string>(c->value(2)), std::string("2026-12-07"));
            }
        }
        // 6 cells × 5 000 m² + the 600 m² triangle.
        PL_COMPARE_NEAR(area, 30600.0, 0.01, "m²");
        QCOMPARE(names.size(), std::size_t{7});
        QCOMPARE(names.front(), std::string("水田"));
        QCOMPARE(names.back(), std::string("果园"));

        // A box inside the upper row's middle cell (fids run row by row: 1–3, then 4–6).
        FeatureRequest box;
        box.box = Envelope{500120, 4000060, 500180, 4000090};
        QCOMPARE(source->count(box), std::int64_t{1});
        auto c = source->query(box);
        QVERIFY(c->next());
        QCOMPARE(c->fid(), std::int64_t{5});
        FlatGeometry flat;
        c->readGeometry(flat);
        QVERIFY(!c->next());

        FeatureRequest byCode;
        byCode.geometry = false;
        byCode.match = AttributeMatch{"BSM", "7", AttributeMatch::Kind::Equals};
        QCOMPARE(source->count(byCode), std::int64_t{1});
        FeatureRequest byName;
        byName.geometry = false;
        byName.match = AttributeMatch{"DLMC", "果", AttributeMatch::Kind::Contains};
        byName.attributes = {"DLMC"};
        auto n = source->query(byName);
        QVERIFY(n->next());
        QCOMPARE(std::get<std::string>(n->value(0)), std::string("果园"));
        FeatureRequest byFid;
        byFid.fids = {6, 2, 2};
        QCOMPARE(source->count(byFid), std::int64_t{2});
    }

    void replacingKeepsTheOldVersionAndNotifies()
    {
        auto p = Project::open(m_uri);
        PgConnection listener(m_uri);
        listener.exec("LISTEN planlines");
        auto spec = parcelSpec("地类图斑", Role::Landuse);
        spec.replaceKeepingHistory = true;
        writeGrid(*p, spec, "旱地");
        const auto layer = p->layerNamed("地类图斑");
        QCOMPARE(layer->version, 2);
        QCOMPARE(layer->table, std::string("landuse_v2"));
        QVERIFY(p->hasTable("landuse")); // version 1 stays readable
        PgConnection db(m_uri);
        QCOMPARE(std::get<std::int64_t>(*db.scalar("SELECT count(*) FROM layer_versions")),
                 std::int64_t{2});
        QCOMPARE(std::get<std::string>(
                     *db.scalar("SELECT actor FROM audit_log WHERE action = 'layer.replace'")),
                 std::string("postgres"));
        std::vector<std::pair<std::string, std::string>> got;
        QElapsedTimer t;
        t.start();
        while (got.empty() && t.elapsed() < 5000) {
            got = listener.notifications();
            QThread::msleep(20);
        }
        QVERIFY(!got.empty());
        QCOMPARE(got[0].second, "layer:" + std::to_string(layer->id));
    }

    void aViewerCannotWriteAndAnEditorCannotReplace()
    {
        auto viewer = Project::open(withUser(m_uri, "pl_proj_viewer"));
        PL_VERIFY_THROWS_WITH(
            StoreError, writeGrid(*viewer, parcelSpec("项目选址", Role::Site), "x"),
            "role pl_proj_viewer may not CREATE on schema public", "needs planlines_editor");
        auto editor = Project::open(withUser(m_uri, "pl_proj_editor"));
        auto replace = parcelSpec("地类图斑", Role::Landuse);
        replace.replaceKeepingHistory = true;
        PL_VERIFY_THROWS_WITH(StoreError, writeGrid(*editor, replace, "x"),
                              "role pl_proj_editor may not replace a landuse layer",
                              "needs planlines_admin");
        // Nothing of the refused writes is left behind.
        QCOMPARE(editor->layerNamed("地类图斑")->version, 2);
        QVERIFY(!editor->hasTable("landuse_v3"));
        // Sites are an editor's to write.
        writeGrid(*editor, parcelSpec("项目选址", Role::Site), "选址");
        QCOMPARE(editor->layerNamed("项目选址")->featureCount, std::int64_t{7});
        auto asViewer = Project::open(withUser(m_uri, "pl_proj_viewer"), true);
        auto sites = asViewer->features(*asViewer->layerNamed("项目选址"));
        QCOMPARE(sites->count({}), std::int64_t{7});
    }

    void recordsNameTheRoleThatWroteThem()
    {
        auto editor = Project::open(withUser(m_uri, "pl_proj_editor"));
        StoredProgress e;
        e.segmentId = "YBQ-001";
        e.date = "2026-12-07";
        e.status = "under_construction";
        e.percent = 40;
        e.note = "乔木栽植";
        std::int64_t first = 0;
        {
            auto tx = editor->transaction();
            first = editor->addProgress(e);
            editor->audit("corridor.update", "corridor_progress", std::to_string(first));
            tx->commit();
        }
        e.percent = 45;
        e.supersedes = first;
        const std::int64_t correction = editor->addProgress(e);
        const auto inForce = editor->progressInForce();
        QCOMPARE(inForce.size(), std::size_t{1});
        QCOMPARE(inForce[0].id, correction);
        QCOMPARE(inForce[0].recordedBy, std::string("pl_proj_editor"));
        QCOMPARE(inForce[0].note, std::string("乔木栽植"));
        QCOMPARE(inForce[0].percent, 45.0);
        QVERIFY(!inForce[0].plantedAreaM2);

        StoredCheckRecord r;
        r.siteName = "芦家村光伏项目";
        r.siteWkb = {1, 2, 3};
        r.inputsJson = r.layerVersionsJson = "{}";
        r.rulesVersion = "2026.1";
        r.verdict = "attention";
        r.resultZstd = Blob{0x28, 0xb5, 0x2f, 0xfd, 0, 0xff};
        const std::int64_t id = editor->addCheckRecord(r);
        CheckRecordQuery q;
        q.id = id;
        const auto back = editor->checkRecords(q);
        QCOMPARE(back.size(), std::size_t{1});
        QCOMPARE(back[0].createdBy, std::string("pl_proj_editor"));
        QCOMPARE(back[0].siteName, std::string("芦家村光伏项目"));
        QCOMPARE(*back[0].resultZstd, *r.resultZstd);

        auto viewer = Project::open(withUser(m_uri, "pl_proj_viewer"));
        PL_VERIFY_THROWS_WITH(StoreError, viewer->addProgress(e),
                              "role pl_proj_viewer may not INSERT on corridor_progress",
                              "needs planlines_editor");
        PL_VERIFY_THROWS_WITH(StoreError, viewer->addCheckRecord(r),
                              "may not INSERT on check_records; needs planlines_editor");
        PL_VERIFY_THROWS_WITH(StoreError, viewer->audit("x.y", "x", "1"),
                              "may not INSERT on audit_log; needs planlines_editor");
    }
};

QTEST_GUILESS_MAIN(PostgisProjectTest)
#include "postgisprojecttest.moc"
