// findFeatureOverlaps on hand-made layers: neighbours that share an edge, a vertex or part of
// an edge (T-junction) are not overlaps; a duplicate, a parcel inside two others, crossing
// parcels, an island filling a hole and a shared edge split differently are judged right,
// with the overlap areas worked out by hand (to 0.01 m²). LayerWriter stores the pairs of land
// use and farmland layers, and they follow the table when a layer is replaced.
// Run on both engines (the _pg twin reads through the PostGIS FeatureSource).
#include "common/teststore.h"
#include "testsupport.h"

#include <geodata/featureoverlaps.h>
#include <geodata/layerwriter.h>

#include <QTest>

using namespace planlines::geodata;
using namespace planlines::geodata::test;

namespace {

constexpr double X0 = 570000, Y0 = 4115000;

Geometry ring(std::vector<double> local)
{
    for (size_t i = 0; i < local.size(); i += 2) {
        local[i] += X0;
        local[i + 1] += Y0;
    }
    return Geometry::polygon(local);
}

Geometry box(double x0, double y0, double x1, double y1)
{
    return ring({x0, y0, x1, y0, x1, y1, x0, y1});
}

// Geometry is move-only: an initializer list would copy.
template <typename... G> std::vector<Geometry> list(G &&...g)
{
    std::vector<Geometry> out;
    (out.push_back(std::move(g)), ...);
    return out;
}

// A project on the engine of the run (a SpatiaLite file, or PostGIS in the _pg twin).
struct Layer
{
    TestStore store{"overlaps"};
    std::unique_ptr<Project> project;
    explicit Layer(const std::vector<Geometry> &features, Role role = Role::Context)
    {
        project = Project::create(store.location(), "EPSG:4548", "测试县", "370322");
        write(features, role, "地类图斑", "parcels");
    }
    LayerInfo write(const std::vector<Geometry> &features, Role role, const std::string &name,
                    const std::string &table, bool replace = false)
    {
        LayerSpec s;
        s.name = name;
        s.role = role;
        s.table = table;
        s.geometryType = "MULTIPOLYGON";
        s.replaceKeepingHistory = replace;
        LayerWriter w(*project, s);
        for (const auto &g : features)
            w.add(g, {});
        return w.commit();
    }
    std::vector<FeatureOverlap> overlaps()
    {
        return findFeatureOverlaps(*project->features(layer("parcels")));
    }
    LayerInfo layer(const std::string &table)
    {
        for (const auto &l : project->layers())
            if (l.table == table)
                return l;
        LayerInfo archived; // a kept version's table (<table>_v<N>)
        archived.table = table;
        return archived;
    }
    std::optional<std::vector<FeatureOverlap>> stored(const std::string &table)
    {
        return project->featureOverlaps(layer(table));
    }
};

} // namespace

class FeatureOverlapsTest : public QObject
{
    Q_OBJECT

private slots:
    void mosaicHasNone()
    {
        // A 6 × 6 grid of 50 m cells, and a cell split in two below a neighbour (T-junction:
        // the neighbour's edge runs past the split point).
        std::vector<Geometry> f;
        for (int i = 0; i < 6; ++i)
            for (int j = 0; j < 6; ++j)
                f.push_back(box(i * 50, j * 50, i * 50 + 50, j * 50 + 50));
        f.push_back(box(300, 0, 325, 50));
        f.push_back(box(325, 0, 350, 50));
        f.push_back(box(300, 50, 350, 100)); // touches both halves along one edge
        Layer l(f);
        QCOMPARE(l.overlaps().size(), size_t(0));
    }

    void islandFillingAHoleIsNoOverlap()
    {
        std::vector<double> shell = {0, 0, 100, 0, 100, 100, 0, 100, 0, 0};
        std::vector<double> hole = {25, 25, 25, 75, 75, 75, 75, 25, 25, 25};
        for (size_t i = 0; i < shell.size(); i += 2) {
            shell[i] += X0, shell[i + 1] += Y0;
            hole[i] += X0, hole[i + 1] += Y0;
        }
        const Geometry holed = Geometry::fromWkt(
            "POLYGON((" + std::to_string(shell[0]) + " " + std::to_string(shell[1]) + "," +
            std::to_string(shell[2]) + " " + std::to_string(shell[3]) + "," +
            std::to_string(shell[4]) + " " + std::to_string(shell[5]) + "," +
            std::to_string(shell[6]) + " " + std::to_string(shell[7]) + "," +
            std::to_string(shell[8]) + " " + std::to_string(shell[9]) + "),(" +
            std::to_string(hole[0]) + " " + std::to_string(hole[1]) + "," +
            std::to_string(hole[2]) + " " + std::to_string(hole[3]) + "," +
            std::to_string(hole[4]) + " " + std::to_string(hole[5]) + "," +
            std::to_string(hole[6]) + " " + std::to_string(hole[7]) + "," +
            std::to_string(hole[8]) + " " + std::to_string(hole[9]) + "))");
        Layer l(list(holed.clone(), box(25, 25, 75, 75)));
        QCOMPARE(l.overlaps().size(), size_t(0));
    }

    void overlapsFoundWithTheirAreas()
    {
        Layer l(list(box(0, 0, 100, 100),              // 1
                     box(100, 0, 200, 100),            // 2
                     box(80, 40, 120, 60),             // 3: inside 1 and 2, 20 × 20 in each
                     box(300, 0, 400, 100),            // 4
                     box(300, 0, 400, 100),            // 5: a duplicate of 4
                     box(500, 0, 600, 100),            // 6
                     box(550, 50, 650, 150),           // 7: crosses 6, 50 × 50 in common
                     ring({700, 0, 800, 0, 800, 100}), // 8: a triangle on the square 9's corners
                     box(700, 0, 800, 100)             // 9: holds 8 (area 5 000)
                     ));
        const auto pairs = l.overlaps();
        QCOMPARE(pairs.size(), size_t(5));
        auto is = [&](size_t i, std::int64_t a, std::int64_t b, double m2) {
            QCOMPARE(pairs[i].fid, a);
            QCOMPARE(pairs[i].otherFid, b);
            PL_COMPARE_NEAR(pairs[i].areaM2, m2, 0.01, "m²");
        };
        is(0, 1, 3, 400.0);
        is(1, 2, 3, 400.0);
        is(2, 4, 5, 10000.0);
        is(3, 6, 7, 2500.0);
        is(4, 8, 9, 5000.0);
    }

    void landUseLayersKeepTheirPairs()
    {
        // Written as land use: the pairs are stored with the table and the layer's info.
        Layer l(list(box(0, 0, 100, 100)));
        const LayerInfo info = l.write(list(box(0, 0, 100, 100), box(50, 0, 150, 100)),
                                       Role::Landuse, "地类图斑2023", "landuse");
        QCOMPARE(info.overlaps.size(), size_t(1));
        auto stored = l.stored(info.table);
        QVERIFY(stored);
        QCOMPARE(stored->size(), size_t(1));
        PL_COMPARE_NEAR(stored->front().areaM2, 5000.0, 0.01, "m²");
        // A context layer is not checked (not stored: nullopt).
        QVERIFY(!l.stored("parcels"));
        // Replaced: the old pairs move with the archived table; the new version has none.
        const LayerInfo v2 =
            l.write(list(box(0, 0, 100, 100)), Role::Landuse, "地类图斑2023", "landuse", true);
        QCOMPARE(v2.version, 2);
        QCOMPARE(l.stored(v2.table)->size(), size_t(0));
        // (Where version 1 now lives is the engine's affair: SpatiaLite moves it to landuse_v1,
        // PostGIS writes version 2 as landuse_v2.)
        const auto versions = l.project->layerVersions(v2);
        QCOMPARE(versions.size(), size_t(2));
        QCOMPARE(versions.front().version, 1);
        QVERIFY(versions.front().table != v2.table);
        QCOMPARE(l.project->featureOverlaps(versions.front())->size(), size_t(1));
    }
};

QTEST_GUILESS_MAIN(FeatureOverlapsTest)
#include "featureoverlapstest.moc"
