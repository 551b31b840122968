// Tests geodata/store/featuresource.h through the project interface: every kind of request
// (all, box, fids, equals/contains match, shortest first, limit, count), the geometry as flat
// arrays and as GEOS, attribute values by type, and store/location.h's parsing. Coordinates in
// EPSG:4548 near Gaoqing; areas and boxes are worked out by hand from the squares below. Run on
// both engines (the _pg twin reads through the PostGIS FeatureSource).
#include "common/teststore.h"
#include "testsupport.h"

#include "geodata/layerwriter.h"
#include "geodata/project.h"
#include "geodata/store/featurebatch.h"
#include "geodata/store/location.h"

#include <QTest>

using namespace planlines::geodata;
using planlines::geodata::test::TestStore;

namespace {

// Square i: x from 566500 + 200 i, y from 4118900, side 10 (i + 1) m.
std::string squareWkt(int i)
{
    const double x = 566500 + 200 * i, y = 4118900, s = 10 * (i + 1);
    return "POLYGON ((" + std::to_string(x) + " " + std::to_string(y) + ", " +
           std::to_string(x + s) + " " + std::to_string(y) + ", " + std::to_string(x + s) + " " +
           std::to_string(y + s) + ", " + std::to_string(x) + " " + std::to_string(y + s) + ", " +
           std::to_string(x) + " " + std::to_string(y) + "))";
}

const char *const kNames[] = {"县直幼儿园新建工程", "高城镇污水处理厂", "田镇街道幼儿园",
                              "黄河淤背区生态廊道一期", "幼儿园"};

} // namespace

class FeatureSourceTest : public QObject
{
    Q_OBJECT
    TestStore m_store{"features"};
    std::unique_ptr<Project> m_project;
    LayerInfo m_layer;

private slots:
    void initTestCase()
    {
        m_project = Project::create(m_store.location(), "EPSG:4548", "高青县", "370322");
        LayerSpec spec;
        spec.name = "项目选址";
        spec.role = Role::Site;
        spec.table = "site";
        spec.geometryType = "MULTIPOLYGON";
        spec.fields = {{"XMMC", FieldType::Text, "项目名称"},
                       {"BSM", FieldType::Integer, "标识码"},
                       {"MJ", FieldType::Real, "面积"}};
        LayerWriter w(*m_project, spec);
        for (int i = 0; i < 5; ++i) {
            const double side = 10.0 * (i + 1);
            w.add(Geometry::fromWkt(squareWkt(i)),
                  std::vector<Value>{std::string(kNames[i]), std::int64_t(1000 + i), side * side});
        }
        m_layer = w.commit();
    }

    void columnsInTableOrder()
    {
        const auto source = m_project->features(m_layer);
        QCOMPARE(source->columns(), (std::vector<std::string>{"XMMC", "BSM", "MJ"}));
        QCOMPARE(source->columnNamed("xmmc"), std::string("XMMC"));
        QCOMPARE(source->columnNamed("NO_SUCH"), std::string());
        QCOMPARE(source->layer().name, std::string("项目选址"));
    }

    void everyFeatureWithGeometryAndValues()
    {
        const auto source = m_project->features(m_layer);
        FeatureRequest r;
        r.attributes = {"MJ", "XMMC", "BSM"};
        const auto row = source->query(r);
        FlatGeometry g;
        int n = 0;
        while (row->next()) {
            QCOMPARE(row->fid(), std::int64_t(n + 1));
            QVERIFY(row->hasGeometry());
            row->readGeometry(g);
            const double side = 10.0 * (n + 1), x = 566500 + 200 * n;
            // One polygon, one ring of 5 points (closed), the first at the square's corner.
            QCOMPARE(g.partCount(), std::size_t(1));
            QCOMPARE(g.ringCount(), std::size_t(1));
            QCOMPARE(g.xy[0], x);
            QCOMPARE(g.xy[1], 4118900.0);
            QVERIFY(std::abs(row->geometry().area() - side * side) < 0.01);
            const Envelope b = row->box();
            QCOMPARE(b.minX, x);
            QCOMPARE(b.maxX, x + side);
            QCOMPARE(b.maxY, 4118900 + side);
            QCOMPARE(std::get<double>(row->value(0)), side * side);
            QCOMPARE(std::get<std::string>(row->value(1)), std::string(kNames[n]));
            QCOMPARE(std::get<std::int64_t>(row->value(2)), std::int64_t(1000 + n));
            ++n;
        }
        QCOMPARE(n, 5);
        QCOMPARE(source->count(r), std::int64_t(5));
    }

    void boxSelectsThroughTheIndex()
    {
        const auto source = m_project->features(m_layer);
        FeatureRequest r;
        r.geometry = false;
        // From the middle of square 1 (fid 2, x 566700–566720) to the left edge of square 2
        // (fid 3, x 566900–566930): both (touching counts), not square 3 (x from 567100).
        r.box = Envelope{566710, 4118905, 566900, 4118906};
        std::vector<std::int64_t> fids;
        for (auto row = source->query(r); row->next();)
            fids.push_back(row->fid());
        QCOMPARE(fids, (std::vector<std::int64_t>{2, 3}));
        QCOMPARE(source->count(r), std::int64_t(2));
        r.box = Envelope{0, 0, 1, 1};
        QCOMPARE(source->count(r), std::int64_t(0));
    }

    void manyBoxesAtOnce()
    {
        // The check's batch: each box's features as a query with that box gives them, in fid
        // order, whichever box is asked first and however often.
        const auto source = m_project->features(m_layer);
        FeatureRequest r;
        r.attributes = {"BSM"};
        const std::vector<Envelope> boxes = {
            {566710, 4118905, 566900, 4118906},  // squares 1 and 2 (fids 2, 3), as above
            {0, 0, 1, 1},                        // none
            {566500, 4118900, 567350, 4118901},  // squares 0 to 4 (the last from x 567300)
            {567105, 4118905, 567106, 4118906}}; // square 3 (fid 4)
        const auto rows = queryBoxes(*source, r, boxes);
        // Each row's own square's corner and its BSM, or -1 for a row that is not its fid's.
        const auto read = [&](std::size_t i) -> std::vector<std::int64_t> {
            std::vector<std::int64_t> out;
            rows->seek(i);
            FlatGeometry g;
            while (rows->next()) {
                rows->readGeometry(g);
                const bool own = g.xy[0] == 566500.0 + 200 * (rows->fid() - 1) &&
                                 std::get<std::int64_t>(rows->value(0)) == 999 + rows->fid();
                out.push_back(own ? rows->fid() : -1);
            }
            return out;
        };
        QCOMPARE(read(3), (std::vector<std::int64_t>{4}));
        QCOMPARE(read(0), (std::vector<std::int64_t>{2, 3}));
        QCOMPARE(read(1), (std::vector<std::int64_t>{}));
        QCOMPARE(read(2), (std::vector<std::int64_t>{1, 2, 3, 4, 5}));
        QCOMPARE(read(0), (std::vector<std::int64_t>{2, 3}));
        // A request with a box of its own is refused, in words.
        r.box = boxes[0];
        QVERIFY_THROWS_EXCEPTION(Error, queryBoxes(*source, r, boxes));
    }

    void byFidsAscendingAndMissingOnesLeftOut()
    {
        const auto source = m_project->features(m_layer);
        FeatureRequest r;
        r.attributes = {"XMMC"};
        r.fids = {5, 2, 99, 2};
        std::vector<std::int64_t> fids;
        std::vector<std::string> names;
        for (auto row = source->query(r); row->next();) {
            fids.push_back(row->fid());
            names.push_back(std::get<std::string>(row->value(0)));
        }
        QCOMPARE(fids, (std::vector<std::int64_t>{2, 5}));
        QCOMPARE(names, (std::vector<std::string>{kNames[1], kNames[4]}));
        QCOMPARE(source->count(r), std::int64_t(2));
    }

    void matchEqualsAndContainsShortestFirst()
    {
        const auto source = m_project->features(m_layer);
        FeatureRequest r;
        r.geometry = false;
        r.attributes = {"XMMC"};
        r.match = AttributeMatch{"XMMC", "幼儿园", AttributeMatch::Kind::Contains};
        r.shortestMatchFirst = true;
        std::vector<std::string> names;
        for (auto row = source->query(r); row->next();)
            names.push_back(std::get<std::string>(row->value(0)));
        QCOMPARE(names,
                 (std::vector<std::string>{"幼儿园", "田镇街道幼儿园", "县直幼儿园新建工程"}));
        r.limit = 2;
        QCOMPARE(source->count(r), std::int64_t(2));
        r.limit = -1;
        r.match = AttributeMatch{"XMMC", "幼儿园", AttributeMatch::Kind::Equals};
        QCOMPARE(source->count(r), std::int64_t(1));
        r.match = AttributeMatch{"BSM", "1003", AttributeMatch::Kind::Equals};
        auto row = source->query(r);
        // An integer column compared with the text of the number (what a person types).
        QVERIFY(row->next());
        QCOMPARE(row->fid(), std::int64_t(4));
    }

    void ensureIndexOnAReadOnlyProject()
    {
        const auto ro = Project::open(m_project->path(), /*readOnly=*/true);
        const auto source = ro->features(*ro->layer("项目选址"));
        // SpatiaLite makes it through a writer connection of its own; a read-only PostGIS
        // session cannot, and the match then scans.
        QCOMPARE(source->ensureIndex("BSM"), !m_store.postgis());
        FeatureRequest r;
        r.geometry = false;
        r.match = AttributeMatch{"BSM", "1003", AttributeMatch::Kind::Equals};
        {
            auto row = source->query(r); // done before the next statements on its connection
            QVERIFY(row->next());
            QCOMPARE(row->fid(), std::int64_t(4));
            QVERIFY(!row->next());
        }
        // Made by a writable project, it is there for the read-only one too.
        QVERIFY(m_project->features(m_layer)->ensureIndex("BSM"));
        QVERIFY(source->ensureIndex("BSM"));
        QVERIFY(m_project->hasTable("site"));
        QVERIFY(!m_project->hasTable("no_such_table"));
    }

    void versionsReadTheirOwnTable()
    {
        LayerSpec spec;
        spec.name = "地类图斑";
        spec.role = Role::Landuse;
        spec.table = "landuse";
        spec.geometryType = "MULTIPOLYGON";
        spec.fields = {{"DLBM", FieldType::Text, "地类编码"}};
        for (int year = 0; year < 2; ++year) {
            spec.replaceKeepingHistory = year > 0;
            LayerWriter w(*m_project, spec);
            // 2023: squares 0 and 1 (0101); 2024: squares 0, 1 and 2 (the last 0601).
            for (int i = 0; i < 2 + year; ++i)
                w.add(Geometry::fromWkt(squareWkt(i)),
                      std::vector<Value>{std::string(i == 2 ? "0601" : "0101")});
            w.commit();
        }
        const auto current = *m_project->layer("地类图斑");
        const auto versions = m_project->layerVersions(current);
        QCOMPARE(versions.size(), std::size_t(2));
        QCOMPARE(versions[0].version, 1);
        QCOMPARE(versions[0].featureCount, std::int64_t(2));
        QCOMPARE(versions[1].version, 2);
        QCOMPARE(versions[1].table, current.table);
        // Where each version lives is the engine's affair: SpatiaLite renames the old table to
        // landuse_v1 and writes the new one as landuse; PostGIS leaves version 1 where it is
        // and writes version 2 as landuse_v2.
        if (m_store.postgis()) {
            QCOMPARE(versions[0].table, std::string("landuse"));
            QCOMPARE(versions[1].table, std::string("landuse_v2"));
        } else {
            QCOMPARE(versions[0].table, std::string("landuse_v1"));
            QCOMPARE(versions[1].table, std::string("landuse"));
        }
        FeatureRequest all;
        all.geometry = false;
        QCOMPARE(m_project->features(versions[0])->count(all), std::int64_t(2));
        QCOMPARE(m_project->features(versions[1])->count(all), std::int64_t(3));
        // Areas of the versions: 10² + 20² m² and 10² + 20² + 30² m².
        QVERIFY(std::abs(m_project->features(versions[0])->totals().areaM2 - 500.0) < 0.01);
        QVERIFY(std::abs(m_project->features(versions[1])->totals().areaM2 - 1400.0) < 0.01);
        const auto extent = m_project->features(versions[1])->extent();
        QVERIFY(extent);
        QCOMPARE(extent->minX, 566500.0);
        QCOMPARE(extent->maxX, 566930.0);
    }

    void locations()
    {
        QVERIFY(ProjectLocation::parse("/data/高青县.sqlite").engine == Engine::SpatiaLite);
        QVERIFY(ProjectLocation::parse("gaoqing.sqlite").engine == Engine::SpatiaLite);
        QVERIFY(ProjectLocation::parse("./service=x.sqlite").engine == Engine::SpatiaLite);
        QVERIFY(ProjectLocation::parse("postgresql://db/gaoqing").engine == Engine::PostGIS);
        QVERIFY(ProjectLocation::parse("postgres://db/gaoqing").engine == Engine::PostGIS);
        QVERIFY(ProjectLocation::parse("service=gaoqing").engine == Engine::PostGIS);
        QVERIFY(ProjectLocation::parse("host=db dbname=gaoqing").engine == Engine::PostGIS);
        QCOMPARE(ProjectLocation::parse("postgresql://wang:s3cret@db:5432/gaoqing").display(),
                 std::string("postgresql://wang@db:5432/gaoqing"));
        QCOMPARE(ProjectLocation::parse("host=db password='a b' dbname=gaoqing").display(),
                 std::string("host=db dbname=gaoqing"));
        QCOMPARE(ProjectLocation::parse("postgresql://db/g?password=x&sslmode=require").display(),
                 std::string("postgresql://db/g?sslmode=require"));
    }
};

QTEST_GUILESS_MAIN(FeatureSourceTest)
#include "featuresourcetest.moc"
