// Tests geodata/geometry.h: Geometry and PreparedGeometry over the reentrant GEOS C API.
// Coordinates are planar metres (EPSG:4548 around Gaoqing where it matters), areas in m².
#include "testsupport.h"

#include "geodata/geometry.h"

#include <QTest>

#include <atomic>
#include <cmath>
#include <thread>

using namespace planlines::geodata;
using planlines::geodata::test::qs;

namespace {
// An axis-aligned rectangle as WKT.
std::string rect(double x0, double y0, double x1, double y1)
{
    const auto n = [](double v) { return QString::number(v, 'f', 3).toStdString(); };
    return "POLYGON ((" + n(x0) + " " + n(y0) + ", " + n(x1) + " " + n(y0) + ", " + n(x1) + " " +
           n(y1) + ", " + n(x0) + " " + n(y1) + ", " + n(x0) + " " + n(y0) + "))";
}

const char *kBowTie = "POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))";
} // namespace

class GeometryTest : public QObject
{
    Q_OBJECT
private slots:
    // --- reading and writing ------------------------------------------------------------------

    void wktRoundTrip_data()
    {
        QTest::addColumn<QString>("wkt");
        QTest::newRow("point") << "POINT (566584.012 4118970.366)";
        QTest::newRow("line") << "LINESTRING (0 0, 10.5 0, 10.5 20.25)";
        QTest::newRow("polygon with hole")
            << "POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0), (40 40, 40 60, 60 60, 60 40, 40 40))";
        QTest::newRow("multipolygon")
            << "MULTIPOLYGON (((566500 4118900, 566600 4118900, 566600 4119000, 566500 4118900)), "
               "((0 0, 1 0, 1 1, 0 0)))";
    }
    void wktRoundTrip()
    {
        QFETCH(QString, wkt);
        const Geometry g = Geometry::fromWkt(wkt.toStdString());
        QCOMPARE(qs(g.wkt(3)), wkt);
    }

    void wkbRoundTrip()
    {
        const Geometry g = Geometry::fromWkt("POLYGON ((566500.125 4118900.5, 566600 4118900, "
                                             "566600 4119000, 566500.125 4118900.5))");
        const auto wkb = g.wkb();
        // Little-endian polygon: byte order 1, type 3, 1 ring, 4 points of 16 bytes.
        QCOMPARE(wkb.size(), size_t{1 + 4 + 4 + 4 + 4 * 16});
        QCOMPARE(int(wkb[0]), 1);
        QCOMPARE(int(wkb[1]), 3);
        const Geometry back = Geometry::fromWkb(wkb);
        QVERIFY(GEOSEqualsExact_r(geosContext(), g.get(), back.get(), 0.0) == 1);
        QVERIFY(back.wkb() == wkb);
        QCOMPARE(qs(back.typeName()), QStringLiteral("Polygon"));
    }

    void polygonClosesItsRing()
    {
        const double xy[] = {0, 0, 100, 0, 100, 100, 0, 100};
        const Geometry g = Geometry::polygon(xy);
        QCOMPARE(g.numPoints(), 5);
        QVERIFY(g.isValid());
        PL_COMPARE_NEAR(g.area(), 10000.0, 0.01, "m²");
        const Envelope e = g.envelope();
        QCOMPARE(e.width(), 100.0);
        QCOMPARE(e.height(), 100.0);
    }

    // --- measures -----------------------------------------------------------------------------

    void area_data()
    {
        QTest::addColumn<QString>("wkt");
        QTest::addColumn<double>("areaM2");
        QTest::newRow("100 m square") << QString::fromStdString(rect(0, 0, 100, 100)) << 10000.0;
        // Same square at Gaoqing's Gauss-Krüger coordinates: large offsets must not cost precision.
        QTest::newRow("100 m square at 566500 E 4118900 N")
            << QString::fromStdString(rect(566500, 4118900, 566600, 4119000)) << 10000.0;
        QTest::newRow("1 mu square (25.82 m)")
            << QString::fromStdString(rect(566500, 4118900, 566525.82, 4118925.82))
            << 25.82 * 25.82;
        QTest::newRow("L-shape 60x20 + 20x30")
            << "POLYGON ((0 0, 60 0, 60 20, 20 20, 20 50, 0 50, 0 0))" << 1800.0;
        QTest::newRow("L-shape, clockwise")
            << "POLYGON ((0 0, 0 50, 20 50, 20 20, 60 20, 60 0, 0 0))" << 1800.0;
        QTest::newRow("square with 20 m hole")
            << "POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0), (40 40, 40 60, 60 60, 60 40, 40 40))"
            << 9600.0;
        QTest::newRow("two squares")
            << "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)), ((20 0, 50 0, 50 30, 20 30, 20 0)))"
            << 1000.0;
        QTest::newRow("line has no area") << "LINESTRING (0 0, 100 100)" << 0.0;
    }
    void area()
    {
        QFETCH(QString, wkt);
        QFETCH(double, areaM2);
        PL_COMPARE_NEAR(Geometry::fromWkt(wkt.toStdString()).area(), areaM2, 0.01, "m²");
    }

    void lengthAndDistance()
    {
        const Geometry line = Geometry::fromWkt("LINESTRING (0 0, 30 40, 30 100)");
        PL_COMPARE_NEAR(line.length(), 110.0, 0.001, "m");
        PL_COMPARE_NEAR(line.distance(Geometry::point(100, 100)), 70.0, 0.001, "m");
        const Geometry at = line.interpolate(50.0);
        PL_COMPARE_NEAR(at.x(), 30.0, 0.001, "m");
        PL_COMPARE_NEAR(at.y(), 40.0, 0.001, "m");
        PL_COMPARE_NEAR(line.project(Geometry::point(35, 70)), 80.0, 0.001, "m");
    }

    // --- validity -----------------------------------------------------------------------------

    void bowTieIsInvalidAndMakeValidFixesIt()
    {
        const Geometry bowTie = Geometry::fromWkt(kBowTie);
        QVERIFY(!bowTie.isValid());
        QVERIFY2(bowTie.invalidReason().find("Self-intersection") != std::string::npos,
                 bowTie.invalidReason().c_str());
        // The two lobes wind in opposite directions, so the shoelace area cancels to 0.
        PL_COMPARE_NEAR(bowTie.area(), 0.0, 0.01, "m²");

        const Geometry fixed = bowTie.makeValid();
        QVERIFY(fixed.isValid());
        QCOMPARE(fixed.typeId(), int(GEOS_MULTIPOLYGON));
        QCOMPARE(fixed.numGeometries(), 2);
        // Two triangles of base 10 m and height 5 m.
        PL_COMPARE_NEAR(fixed.area(), 50.0, 0.01, "m²");
    }

    // --- overlay ------------------------------------------------------------------------------

    void overlayAreas()
    {
        const Geometry a = Geometry::fromWkt(rect(566500, 4118900, 566600, 4119000)); // 10000 m²
        const Geometry b = Geometry::fromWkt(rect(566550, 4118950, 566700, 4119100)); // 22500 m²
        PL_COMPARE_NEAR(a.intersection(b).area(), 2500.0, 0.01, "m²");
        PL_COMPARE_NEAR(a.difference(b).area(), 7500.0, 0.01, "m²");
        PL_COMPARE_NEAR(b.difference(a).area(), 20000.0, 0.01, "m²");
        PL_COMPARE_NEAR(a.unite(b).area(), 30000.0, 0.01, "m²");
        PL_COMPARE_NEAR(unaryUnion([&] {
                            std::vector<Geometry> v;
                            v.push_back(a.clone());
                            v.push_back(b.clone());
                            return v;
                        }())
                            .area(),
                        30000.0, 0.01, "m²");

        const Geometry far = Geometry::fromWkt(rect(0, 0, 10, 10));
        QVERIFY(!a.intersects(far));
        QVERIFY(a.intersection(far).isEmpty());
        PL_COMPARE_NEAR(a.difference(far).area(), 10000.0, 0.01, "m²");
    }

    void overlayWithLShape()
    {
        // The L is a 60×20 bar (y 0..20) with a 20×30 arm on its left (y 20..50), 1800 m². A strip
        // over y 10..40 takes the bar's upper 60×10 and the arm's lower 20×20: 1000 m².
        const Geometry l =
            Geometry::fromWkt("POLYGON ((0 0, 60 0, 60 20, 20 20, 20 50, 0 50, 0 0))");
        const Geometry strip = Geometry::fromWkt(rect(-10, 10, 100, 40));
        PL_COMPARE_NEAR(l.intersection(strip).area(), 60 * 10 + 20 * 20, 0.01, "m²");
        PL_COMPARE_NEAR(l.difference(strip).area(), 1800 - 1000, 0.01, "m²");
    }

    // --- prepared predicates ------------------------------------------------------------------

    void preparedAgreesWithUnprepared_data()
    {
        QTest::addColumn<QString>("wkt");
        QTest::addColumn<bool>("intersects");
        QTest::addColumn<bool>("contains");
        QTest::addColumn<bool>("covers");
        QTest::addColumn<bool>("containsProperly");
        // Against a 100 m square with a 20 m hole in the middle (40..60).
        QTest::newRow("point inside") << "POINT (10 10)" << true << true << true << true;
        QTest::newRow("point on outer edge") << "POINT (0 50)" << true << false << true << false;
        QTest::newRow("point in the hole") << "POINT (50 50)" << false << false << false << false;
        QTest::newRow("point outside") << "POINT (150 50)" << false << false << false << false;
        QTest::newRow("polygon inside")
            << QString::fromStdString(rect(10, 10, 30, 30)) << true << true << true << true;
        QTest::newRow("polygon inside on an edge")
            << QString::fromStdString(rect(0, 0, 20, 20)) << true << true << true << false;
        QTest::newRow("polygon overlapping a corner")
            << QString::fromStdString(rect(90, 90, 110, 110)) << true << false << false << false;
        QTest::newRow("polygon touching outside")
            << QString::fromStdString(rect(100, 0, 120, 20)) << true << false << false << false;
        QTest::newRow("polygon over the hole")
            << QString::fromStdString(rect(35, 35, 65, 65)) << true << false << false << false;
        QTest::newRow("polygon filling the hole")
            << QString::fromStdString(rect(40, 40, 60, 60)) << true << false << false << false;
        QTest::newRow("polygon inside the hole")
            << QString::fromStdString(rect(45, 45, 55, 55)) << false << false << false << false;
        QTest::newRow("line crossing")
            << "LINESTRING (-10 20, 110 20)" << true << false << false << false;
        QTest::newRow("line along the edge")
            << "LINESTRING (0 0, 100 0)" << true << false << true << false;
    }
    void preparedAgreesWithUnprepared()
    {
        QFETCH(QString, wkt);
        QFETCH(bool, intersects);
        QFETCH(bool, contains);
        QFETCH(bool, covers);
        QFETCH(bool, containsProperly);
        const Geometry target = Geometry::fromWkt(
            "POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0), (40 40, 40 60, 60 60, 60 40, 40 40))");
        const Geometry g = Geometry::fromWkt(wkt.toStdString());
        const PreparedGeometry p(target);
        auto ctx = geosContext();

        QCOMPARE(target.intersects(g), intersects);
        QCOMPARE(target.contains(g), contains);
        QCOMPARE(g.within(target), contains);
        QCOMPARE(GEOSCovers_r(ctx, target.get(), g.get()) == 1, covers);
        QCOMPARE(GEOSRelatePattern_r(ctx, target.get(), g.get(), "T**FF*FF*") == 1,
                 containsProperly);

        QCOMPARE(p.intersects(g), intersects);
        QCOMPARE(p.contains(g), contains);
        QCOMPARE(p.covers(g), covers);
        QCOMPARE(p.containsProperly(g), containsProperly);
    }

    // --- conversions --------------------------------------------------------------------------

    void toMultiPolygon_data()
    {
        QTest::addColumn<QString>("wkt");
        QTest::addColumn<int>("parts");
        QTest::addColumn<double>("areaM2");
        QTest::newRow("polygon") << QString::fromStdString(rect(0, 0, 100, 100)) << 1 << 10000.0;
        QTest::newRow("multipolygon")
            << "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)), ((20 0, 50 0, 50 30, 20 30, 20 0)))"
            << 2 << 1000.0;
        QTest::newRow("collection keeps only polygons")
            << "GEOMETRYCOLLECTION (POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0)), "
               "LINESTRING (0 0, 50 50), POINT (3 3), "
               "GEOMETRYCOLLECTION (POLYGON ((20 0, 30 0, 30 10, 20 0))))"
            << 2 << 150.0;
        QTest::newRow("line gives empty") << "LINESTRING (0 0, 50 50)" << 0 << 0.0;
        QTest::newRow("empty polygon gives empty") << "POLYGON EMPTY" << 0 << 0.0;
    }
    void toMultiPolygon()
    {
        QFETCH(QString, wkt);
        QFETCH(int, parts);
        QFETCH(double, areaM2);
        const Geometry m = Geometry::fromWkt(wkt.toStdString()).toMultiPolygon();
        QCOMPARE(m.typeId(), int(GEOS_MULTIPOLYGON));
        QCOMPARE(m.numGeometries(), parts);
        QCOMPARE(m.isEmpty(), parts == 0);
        PL_COMPARE_NEAR(m.area(), areaM2, 0.01, "m²");
    }

    void toMultiLineStringKeepsLines()
    {
        const Geometry m =
            Geometry::fromWkt("GEOMETRYCOLLECTION (LINESTRING (0 0, 30 40), POINT (1 1), "
                              "MULTILINESTRING ((0 0, 10 0), (0 0, 0 20)))")
                .toMultiLineString();
        QCOMPARE(m.typeId(), int(GEOS_MULTILINESTRING));
        QCOMPARE(m.numGeometries(), 3);
        PL_COMPARE_NEAR(m.length(), 80.0, 0.001, "m");
    }

    // --- GEOS failures ------------------------------------------------------------------------

    void geosErrorsBecomeGeometryErrors()
    {
        PL_VERIFY_THROWS_WITH(GeometryError, Geometry::fromWkt("POLYGON ((0 0, 1 1"), "WKT",
                              "ParseException");
        PL_VERIFY_THROWS_WITH(GeometryError, Geometry::fromWkt("LINESTRING (0 0)"), "WKT");
        PL_VERIFY_THROWS_WITH(GeometryError, Geometry::fromWkt("no geometry at all"), "WKT");
        const unsigned char truncated[] = {1, 3, 0, 0, 0, 5, 0, 0, 0};
        PL_VERIFY_THROWS_WITH(GeometryError, Geometry::fromWkb(truncated), "WKB");
        const double onePoint[] = {5, 5};
        PL_VERIFY_THROWS_WITH(GeometryError, Geometry::polygon(onePoint), "ring");
        // Two points close into a 3-point ring: GEOS accepts it as an invalid, empty-area polygon.
        const double twoPoints[] = {0, 0, 1, 1};
        const Geometry sliver = Geometry::polygon(twoPoints);
        QVERIFY(!sliver.isValid());
        PL_COMPARE_NEAR(sliver.area(), 0.0, 0.0, "m²");
        // A coordinate that is not a number is refused where a geometry is built: GEOS would
        // take it and answer overlays inconsistently.
        const double withNan[] = {0, 0, 10, 0, std::nan(""), 10};
        PL_VERIFY_THROWS_WITH(GeometryError, Geometry::polygon(withNan), "ring",
                              "coordinate 3 is not a finite number");
        PL_VERIFY_THROWS_WITH(GeometryError, Geometry::point(1, HUGE_VAL), "point",
                              "not a finite number");
        const Geometry square = Geometry::fromWkt(rect(0, 0, 10, 10));
        PL_VERIFY_THROWS_WITH(GeometryError, square.interpolate(1.0), "interpolate");
        PL_VERIFY_THROWS_WITH(GeometryError, square.project(Geometry::point(1, 1)), "project");
        // The context is still usable afterwards.
        PL_COMPARE_NEAR(square.intersection(square).area(), 100.0, 0.01, "m²");
    }

    // Overlay does not fail on an invalid polygon: it falls back to the polygon's makeValid form
    // (geometry.cpp, robustOverlay), so a bow-tie counts as its two 25 m² lobes.
    void overlayOfAnInvalidPolygonUsesItsRepairedForm()
    {
        const Geometry bowTie = Geometry::fromWkt(kBowTie);
        const Geometry square = Geometry::fromWkt(rect(0, 0, 10, 10));
        const Geometry left = Geometry::fromWkt(rect(0, 0, 5, 10));
        PL_COMPARE_NEAR(bowTie.intersection(square).area(), 50.0, 0.01, "m²");
        PL_COMPARE_NEAR(bowTie.intersection(left).area(), 25.0, 0.01, "m²");
        PL_COMPARE_NEAR(square.difference(bowTie).area(), 50.0, 0.01, "m²");
        PL_COMPARE_NEAR(bowTie.unite(left).area(), 75.0, 0.01, "m²");
    }

    // --- threads ------------------------------------------------------------------------------

    // Each thread has its own GEOS context; results must not depend on what the others do.
    void areasFromSeveralThreadsAtOnce()
    {
        constexpr int kThreads = 8;
        constexpr int kRounds = 300;
        std::atomic<int> wrong{0}, errors{0}, done{0};
        std::vector<std::string> firstProblem(kThreads);
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t] {
                try {
                    for (int i = 0; i < kRounds; ++i) {
                        const double side = 10.0 + (t * 37 + i) % 90; // 10..99 m
                        const double x0 = 566000 + 1000 * t, y0 = 4118000 + i;
                        const Geometry sq = Geometry::fromWkt(rect(x0, y0, x0 + side, y0 + side));
                        const Geometry shifted =
                            Geometry::fromWkt(rect(x0 + side / 2, y0, x0 + 2 * side, y0 + side));
                        const double a = sq.area();
                        const double inter = PreparedGeometry(sq).intersects(shifted)
                                                 ? sq.intersection(shifted).area()
                                                 : -1;
                        if (std::abs(a - side * side) > 0.01 ||
                            std::abs(inter - side * side / 2) > 0.01) {
                            if (wrong++ == 0)
                                firstProblem[t] = "side " + std::to_string(side) + ": area " +
                                                  std::to_string(a) + ", overlap " +
                                                  std::to_string(inter);
                        }
                        // A failure on this thread reports this thread's GEOS message.
                        try {
                            Geometry::fromWkt("POLYGON ((0 0");
                            ++wrong;
                        } catch (const GeometryError &e) {
                            if (std::string(e.what()).find("ParseException") == std::string::npos)
                                ++wrong;
                        }
                        ++done;
                    }
                } catch (const std::exception &e) {
                    firstProblem[t] = e.what();
                    ++errors;
                }
            });
        }
        for (auto &th : threads)
            th.join();
        QString problems;
        for (const auto &p : firstProblem)
            if (!p.empty())
                problems += qs(p) + "; ";
        QVERIFY2(errors == 0 && wrong == 0, qPrintable(problems));
        QCOMPARE(done.load(), kThreads * kRounds);
    }
};

QTEST_APPLESS_MAIN(GeometryTest)
#include "geometrytest.moc"
