// A property of the site check over many generated sites (convex, concave, holed, multi-part
// with parts that may overlap) on layers with and without overlapping features: every role's
// overlap equals the area of the union of the site's intersections with the role's features,
// computed here by a second path (a GEOS union of the features, cut by the union of the
// site's parts) to 0.01 m², and the 地类 rows add up to the land-use overlap.
#include "../testsupport.h"

#include <geodata/check/checkengine.h>
#include <geodata/layerwriter.h>

#include "common/teststore.h"
#include <QTest>

#include <cmath>
#include <numbers>
#include <random>

using namespace planlines::geodata;
using namespace planlines::geodata::check;
using namespace planlines::geodata::test;

namespace {

constexpr double X0 = 590000, Y0 = 4120000;
constexpr int kGrid = 20;      // parcels a side
constexpr double kCell = 100;  // metres
constexpr double kJitter = 30; // of the grid's inner vertices
constexpr int kSitesPerCase = 60;

// mt19937's raw output is the same everywhere; the distributions of <random> are not.
struct Random
{
    std::mt19937 engine;
    explicit Random(unsigned seed) : engine(seed) {}
    double uniform(double a, double b)
    {
        return a + (b - a) * (static_cast<double>(engine()) / 4294967296.0);
    }
    int below(int n) { return static_cast<int>(engine() % static_cast<unsigned>(n)); }
};

Geometry ring(const std::vector<double> &local)
{
    std::vector<double> xy;
    for (size_t i = 0; i < local.size(); i += 2) {
        xy.push_back(X0 + local[i]);
        xy.push_back(Y0 + local[i + 1]);
    }
    return Geometry::polygon(xy);
}

Geometry box(double x0, double y0, double x1, double y1)
{
    return ring({x0, y0, x1, y0, x1, y1, x0, y1});
}

struct Feature
{
    Geometry geometry;
    std::string dlbm;
};

struct Layers
{
    TestStore store{"property"}; // a SpatiaLite file, or a PostGIS database
    std::unique_ptr<Project> project;
    std::vector<Feature> landuse, farmland, redline;

    Layers(unsigned seed, bool overlapping, bool farmlandIndexed)
    {
        Random rnd(seed);
        project = Project::create(store.location(), "EPSG:4548", "测试县", "370322");
        // A jittered grid: neighbours share their vertices exactly, as a survey's parcels do.
        std::vector<double> gx((kGrid + 1) * (kGrid + 1)), gy(gx.size());
        for (int j = 0; j <= kGrid; ++j)
            for (int i = 0; i <= kGrid; ++i) {
                const bool inner = i > 0 && j > 0 && i < kGrid && j < kGrid;
                gx[j * (kGrid + 1) + i] = i * kCell + (inner ? rnd.uniform(-kJitter, kJitter) : 0);
                gy[j * (kGrid + 1) + i] = j * kCell + (inner ? rnd.uniform(-kJitter, kJitter) : 0);
            }
        const char *codes[] = {"0101", "0102", "0103", "0201", "0301", "201", "1104"};
        for (int j = 0; j < kGrid; ++j)
            for (int i = 0; i < kGrid; ++i) {
                auto v = [&](int a, int b) {
                    const int k = (j + b) * (kGrid + 1) + i + a;
                    return std::pair{gx[k], gy[k]};
                };
                const auto [ax, ay] = v(0, 0);
                const auto [bx, by] = v(1, 0);
                const auto [cx, cy] = v(1, 1);
                const auto [dx, dy] = v(0, 1);
                landuse.push_back({ring({ax, ay, bx, by, cx, cy, dx, dy}), codes[rnd.below(7)]});
                if (landuse.back().dlbm.rfind("01", 0) == 0 && rnd.below(2) == 0)
                    farmland.push_back({landuse.back().geometry.clone(), "0101"});
            }
        if (overlapping) {
            // Parcels digitised over others: rectangles, a duplicate, one inside two others.
            for (int k = 0; k < 6; ++k) {
                const double x = rnd.uniform(0, 1700), y = rnd.uniform(0, 1700);
                landuse.push_back({box(x, y, x + rnd.uniform(50, 300), y + rnd.uniform(50, 300)),
                                   codes[rnd.below(7)]});
            }
            landuse.push_back({landuse[57].geometry.clone(), "0102"});
            landuse.push_back({box(590, 530, 610, 560), "0103"});
            for (int k = 0; k < 3; ++k) {
                const double x = rnd.uniform(0, 1600), y = rnd.uniform(0, 1600);
                farmland.push_back({box(x, y, x + 400, y + 300), "0101"});
            }
        }
        for (int k = 0; k < 4; ++k) {
            const double x = rnd.uniform(0, 1500), y = rnd.uniform(0, 1500);
            redline.push_back(
                {box(x, y, x + rnd.uniform(100, 500), y + rnd.uniform(100, 500)), ""});
        }
        write("地类图斑", Role::Landuse, "landuse", landuse, false);
        write("永久基本农田", Role::BasicFarmland, "basic_farmland", farmland, farmlandIndexed);
        write("生态保护红线", Role::EcoRedline, "eco_redline", redline, false);
    }

    void write(const char *name, Role role, const char *table, const std::vector<Feature> &fs,
               bool padToIndexed)
    {
        LayerSpec s;
        s.name = name;
        s.role = role;
        s.table = table;
        s.geometryType = "MULTIPOLYGON";
        s.fields = {{"DLBM", FieldType::Text, ""}, {"DLMC", FieldType::Text, ""}};
        LayerWriter w(*project, s);
        for (const auto &f : fs) {
            const Value v[] = {f.dlbm, f.dlbm};
            w.add(f.geometry, v);
        }
        // Far-away patches that make the layer large enough to be read through its R*Tree.
        for (int i = 0; padToIndexed && i <= EnginePlan::kInMemoryMaxFeatures; ++i) {
            const Value v[] = {std::string("0101"), std::string("0101")};
            const double x = 50000 + (i % 100) * 3, y = (i / 100) * 3;
            w.add(box(x, y, x + 1, y + 1), v);
        }
        w.commit();
    }
};

// Points on an ellipse at sorted angles: a convex polygon.
std::vector<double> convexRing(Random &rnd, double cx, double cy)
{
    std::vector<double> angles(7 + rnd.below(6));
    for (auto &a : angles)
        a = rnd.uniform(0, 2 * std::numbers::pi);
    std::sort(angles.begin(), angles.end());
    const double rx = rnd.uniform(80, 400), ry = rnd.uniform(80, 400), turn = rnd.uniform(0, 3);
    std::vector<double> xy;
    for (double a : angles) {
        const double x = rx * std::cos(a), y = ry * std::sin(a);
        xy.push_back(cx + x * std::cos(turn) - y * std::sin(turn));
        xy.push_back(cy + x * std::sin(turn) + y * std::cos(turn));
    }
    return xy;
}

Geometry randomSite(Random &rnd, int kind)
{
    const double cx = rnd.uniform(300, 1700), cy = rnd.uniform(300, 1700);
    switch (kind) {
    case 0:
        return ring(convexRing(rnd, cx, cy));
    case 1: { // a star: concave
        std::vector<double> xy;
        const int n = 10 + rnd.below(8);
        for (int k = 0; k < n; ++k) {
            const double a = 2 * std::numbers::pi * k / n;
            const double r = k % 2 ? rnd.uniform(60, 150) : rnd.uniform(200, 420);
            xy.push_back(cx + r * std::cos(a));
            xy.push_back(cy + r * std::sin(a));
        }
        return ring(xy);
    }
    case 2: { // a square with a square hole
        const double h = rnd.uniform(150, 350), e = rnd.uniform(30, h * 0.8);
        auto pt = [&](double x, double y) {
            return std::to_string(X0 + cx + x) + " " + std::to_string(Y0 + cy + y);
        };
        return Geometry::fromWkt("POLYGON((" + pt(-h, -h) + "," + pt(h, -h) + "," + pt(h, h) + "," +
                                 pt(-h, h) + "," + pt(-h, -h) + "),(" + pt(-e, -e) + "," +
                                 pt(-e, e) + "," + pt(e, e) + "," + pt(e, -e) + "," + pt(-e, -e) +
                                 "))");
    }
    default: { // two convex parts, often overlapping
        std::vector<Geometry> parts;
        parts.push_back(ring(convexRing(rnd, cx, cy)));
        parts.push_back(
            ring(convexRing(rnd, cx + rnd.uniform(-300, 300), cy + rnd.uniform(-300, 300))));
        return Geometry::collect(std::move(parts), GEOS_MULTIPOLYGON);
    }
    }
}

// The second path: the union of the role's features, cut by the union of the site's parts.
double unionArea(const std::vector<Feature> &features, const Geometry &siteUnion,
                 bool (*take)(const Feature &))
{
    std::vector<Geometry> chosen;
    for (const auto &f : features)
        if (take(f))
            chosen.push_back(f.geometry.clone());
    if (chosen.empty())
        return 0;
    return unaryUnion(std::move(chosen)).intersection(siteUnion).area();
}

bool all(const Feature &)
{
    return true;
}
bool cultivated(const Feature &f)
{
    return f.dlbm.rfind("01", 0) == 0;
}

} // namespace

class OverlapPropertyTest : public QObject
{
    Q_OBJECT

private slots:
    void everyRoleIsTheUnionOfItsPieces_data()
    {
        QTest::addColumn<unsigned>("seed");
        QTest::addColumn<bool>("overlapping");
        QTest::addColumn<bool>("farmlandIndexed");
        QTest::newRow("clean layers") << 11u << false << true;
        QTest::newRow("overlapping, farmland indexed") << 23u << true << true;
        QTest::newRow("overlapping, farmland in memory") << 37u << true << false;
    }
    void everyRoleIsTheUnionOfItsPieces()
    {
        QFETCH(unsigned, seed);
        QFETCH(bool, overlapping);
        QFETCH(bool, farmlandIndexed);
        Layers layers(seed, overlapping, farmlandIndexed);
        CheckEngine engine(*layers.project, RuleSet::builtin());
        Random rnd(seed * 7919u);
        int multipartOverlaps = 0;
        for (int n = 0; n < kSitesPerCase; ++n) {
            const Geometry site = randomSite(rnd, n % 4);
            std::vector<Geometry> parts;
            for (int i = 0; i < site.numGeometries(); ++i)
                parts.emplace_back(GEOSGeom_clone_r(geosContext(), site.geometryN(i)));
            const Geometry siteUnion = unaryUnion(std::move(parts));
            if (!site.isValid() && site.numGeometries() > 1)
                ++multipartOverlaps;
            const Measurement m = engine.check(site, {"随机", "", ""}).measurement;
            const QByteArray where = QByteArray("site ") + QByteArray::number(n) + " (kind " +
                                     QByteArray::number(n % 4) + ")";
            PL_COMPARE_NEAR(m.siteAreaM2, siteUnion.area(), 0.01, "m²");
            auto same = [&](const char *role, double expected) {
                const double ours = m.overlap(role).areaM2;
                QVERIFY2(std::abs(ours - expected) <= 0.01,
                         where + ": " + role + " " + QByteArray::number(ours, 'f', 4) + " vs " +
                             QByteArray::number(expected, 'f', 4));
            };
            const double landuse = unionArea(layers.landuse, siteUnion, all);
            same("landuse", landuse);
            same("cultivated", unionArea(layers.landuse, siteUnion, cultivated));
            same("basic_farmland", unionArea(layers.farmland, siteUnion, all));
            same("eco_redline", unionArea(layers.redline, siteUnion, all));
            double rows = 0;
            for (const auto &row : m.landuse)
                rows += row.areaM2;
            QVERIFY2(std::abs(rows - landuse) <= 0.01,
                     where + ": 地类 rows " + QByteArray::number(rows, 'f', 4) + " vs " +
                         QByteArray::number(landuse, 'f', 4));
        }
        // The generator made multi-part sites whose parts overlap (an invalid input).
        QVERIFY(multipartOverlaps > 0);
    }
};

QTEST_GUILESS_MAIN(OverlapPropertyTest)
#include "overlappropertytest.moc"
