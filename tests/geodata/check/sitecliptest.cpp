// SiteClip, the site check's measuring without GEOS objects: a parcel's own area bit for bit as
// GEOS computes it, the area of a parcel's part inside a convex site against GEOS's
// intersection (squares, rotated squares, a hexagon; L-shaped parcels, holes, multipolygons,
// shared edges), and where boxes lie against sites with holes and notches.
#include "checkfixture.h"

#include "../testsupport.h"

#include <geodata/check/siteclip.h>
#include <geodata/spatialiteblob.h>

#include <QTest>

#include <cmath>
#include <random>

using namespace planlines::geodata;
using namespace planlines::geodata::check;
using namespace planlines::geodata::test;

namespace {

PolygonRings ringsOf(const Geometry &g)
{
    const auto blob = spatialiteBlobFromWkb(g.wkb(), 4548);
    PolygonRings r;
    if (!SpatialiteBlob::polygonRings(blob, r))
        throw Error("not read as polygon rings: " + g.wkt(3));
    return r;
}

// A square of side s centred at (cx, cy) in fixture metres, turned by angle a.
Geometry turnedSquare(double cx, double cy, double s, double a)
{
    std::vector<double> xy;
    for (int k = 0; k < 4; ++k) {
        const double t = a + k * M_PI / 2 + M_PI / 4;
        xy.push_back(cx + s / std::sqrt(2.0) * std::cos(t));
        xy.push_back(cy + s / std::sqrt(2.0) * std::sin(t));
    }
    return poly(xy);
}

Geometry hexagon(double cx, double cy, double r)
{
    std::vector<double> xy;
    for (int k = 0; k < 6; ++k)
        xy.insert(xy.end(), {cx + r * std::cos(k * M_PI / 3), cy + r * std::sin(k * M_PI / 3)});
    return poly(xy);
}

Geometry local(const std::string &wkt)
{
    // WKT in fixture metres, moved to the county.
    Geometry g = Geometry::fromWkt(wkt);
    return Geometry(GEOSGeom_transformXY_r(
        geosContext(), g.get(),
        [](double *x, double *y, void *) {
            *x += kX0;
            *y += kY0;
            return 1;
        },
        nullptr));
}

} // namespace

class SiteClipTest : public QObject
{
    Q_OBJECT

    std::vector<Geometry> parcels()
    {
        std::vector<Geometry> out;
        out.push_back(rect(0, 0, 100, 100));
        out.push_back(poly({0, 0, 120, 0, 120, 40, 40, 40, 40, 120, 0, 120})); // L
        out.push_back(local("POLYGON((-30 -30, 160 -30, 160 160, -30 160, -30 -30), "
                            "(10 10, 60 10, 60 60, 10 60, 10 10))")); // with a hole
        out.push_back(local("MULTIPOLYGON(((0 0, 30 0, 30 30, 0 30, 0 0)), "
                            "((70 70, 130 70, 130 90, 70 90, 70 70)))"));
        out.push_back(rect(100, 0, 200, 100));       // shares the edge x = 100 with the square site
        out.push_back(rect(1000, 1000, 1100, 1100)); // far away
        std::mt19937_64 rng(7);
        std::uniform_real_distribution<double> u(-80, 180);
        for (int i = 0; i < 40; ++i) {
            const double x = u(rng), y = u(rng);
            std::vector<double> xy;
            const int n = 5 + static_cast<int>(rng() % 7);
            for (int k = 0; k < n; ++k) { // star-shaped, so simple
                const double t = 2 * M_PI * k / n, r = 10 + std::abs(u(rng)) / 3;
                xy.insert(xy.end(), {x + r * std::cos(t), y + r * std::sin(t)});
            }
            out.push_back(poly(xy));
        }
        return out;
    }

private slots:
    void ownAreaIsGeosAreaBitForBit()
    {
        for (const Geometry &g : parcels()) {
            const double ours = SiteClip::area(ringsOf(g)), geos = g.area();
            QVERIFY2(ours == geos, qPrintable(QStringLiteral("%1 vs GEOS %2 for %3")
                                                  .arg(ours, 0, 'g', 17)
                                                  .arg(geos, 0, 'g', 17)
                                                  .arg(QString::fromStdString(g.wkt(3)))));
        }
    }

    void clippedAreaIsGeosIntersection()
    {
        std::vector<Geometry> sites;
        sites.push_back(rect(0, 0, 100, 100));
        sites.push_back(turnedSquare(50, 50, 90, 0.3));
        sites.push_back(turnedSquare(20, 70, 150, 1.1));
        sites.push_back(hexagon(60, 40, 70));
        sites.push_back(poly({0, 0, 100, 0, 50, 80}));           // triangle
        sites.push_back(poly({0, 100, 0, 0, 100, 0, 100, 100})); // clockwise square
        int compared = 0;
        for (const Geometry &site : sites) {
            const SiteClip clip(site);
            QVERIFY2(clip.convex(), site.wkt(3).c_str());
            for (const Geometry &g : parcels()) {
                const double ours = clip.clippedArea(ringsOf(g));
                const double geos = site.intersection(g).area();
                PL_COMPARE_NEAR(ours, geos, 1e-6, "m²");
                ++compared;
            }
        }
        QCOMPARE(compared, 6 * 46);
        // The parcel sharing the square site's edge has no area inside it.
        const SiteClip square(rect(0, 0, 100, 100));
        PL_COMPARE_NEAR(square.clippedArea(ringsOf(rect(100, 0, 200, 100))), 0.0, 1e-6, "m²");
        PL_COMPARE_NEAR(square.clippedArea(ringsOf(rect(50, 50, 150, 150))), 2500.0, 1e-6, "m²");
    }

    void whereBoxesLie()
    {
        auto box = [](double x0, double y0, double x1, double y1) {
            return Envelope{kX0 + x0, kY0 + y0, kX0 + x1, kY0 + y1};
        };
        // A square with a square hole: in the ring, in the hole, across, outside.
        const SiteClip holed(local("POLYGON((0 0, 300 0, 300 300, 0 300, 0 0), "
                                   "(100 100, 200 100, 200 200, 100 200, 100 100))"));
        QVERIFY(!holed.convex());
        QCOMPARE(holed.locate(box(10, 10, 50, 50)), SiteClip::Where::Inside);
        QCOMPARE(holed.locate(box(120, 120, 180, 180)), SiteClip::Where::Outside);
        QCOMPARE(holed.locate(box(90, 120, 110, 130)), SiteClip::Where::Boundary);
        QCOMPARE(holed.locate(box(400, 10, 450, 50)), SiteClip::Where::Outside);
        QCOMPARE(holed.locate(box(-50, -50, 400, 400)), SiteClip::Where::Boundary);
        // An L-shaped site: the notch is outside, the arms inside.
        const SiteClip ell(poly({0, 0, 200, 0, 200, 50, 50, 50, 50, 200, 0, 200}));
        QVERIFY(!ell.convex());
        QCOMPARE(ell.locate(box(100, 100, 150, 150)), SiteClip::Where::Outside);
        QCOMPARE(ell.locate(box(10, 100, 40, 150)), SiteClip::Where::Inside);
        QCOMPARE(ell.locate(box(150, 10, 190, 40)), SiteClip::Where::Inside);
        // A box touching an edge from outside is never called inside or outside.
        const SiteClip square(rect(0, 0, 100, 100));
        QCOMPARE(square.locate(box(100, 10, 120, 20)), SiteClip::Where::Boundary);
        QCOMPARE(square.locate(box(10, 10, 20, 20)), SiteClip::Where::Inside);
    }

    // The spatial index's test: a box beyond an edge of the site's convex hull is apart; one
    // touching the site, or in a notch or a hole of it, is not.
    void boxesApartFromTheHull()
    {
        auto box = [](double x0, double y0, double x1, double y1) {
            return Envelope{kX0 + x0, kY0 + y0, kX0 + x1, kY0 + y1};
        };
        // A diamond (a square turned 45°) of side 100 about the origin: its edges lie on
        // |x| + |y| = 70.71 m, its box is ±70.71 m.
        const SiteClip diamond(turnedSquare(0, 0, 100, M_PI / 4));
        const double h = 100 / std::sqrt(2.0) / 2;       // a corner on the edge: x = y = 35.36
        QVERIFY(diamond.apart(box(40, 40, 70, 70)));     // in the box's corner, off the diamond
        QVERIFY(diamond.apart(box(-70, -70, -40, -40))); // the opposite corner
        QVERIFY(diamond.apart(box(500, 0, 600, 10)));    // far away
        QVERIFY(!diamond.apart(box(h, h, 70, 70)));      // touching the edge at one point
        QVERIFY(!diamond.apart(box(h - 0.001, h - 0.001, 70, 70))); // a millimetre across
        QVERIFY(!diamond.apart(box(-10, -10, 10, 10)));             // inside
        QVERIFY(!diamond.apart(box(-100, -100, 100, 100)));         // around it
        // An L-shaped site: its notch is outside the site but inside the hull.
        const SiteClip ell(poly({0, 0, 200, 0, 200, 50, 50, 50, 50, 200, 0, 200}));
        QVERIFY(!ell.apart(box(100, 100, 110, 110)));
        QVERIFY(ell.apart(box(190, 190, 250, 250))); // beyond the hull's diagonal edge
        QVERIFY(!ell.apart(box(200, 0, 260, 50)));   // touching the arm's end
        // A hole is inside the hull.
        const SiteClip holed(local("POLYGON((0 0, 300 0, 300 300, 0 300, 0 0), "
                                   "(100 100, 200 100, 200 200, 100 200, 100 100))"));
        QVERIFY(!holed.apart(box(120, 120, 180, 180)));
        QVERIFY(holed.apart(box(301, 0, 400, 300)));
        QVERIFY(!holed.apart(box(300, 0, 400, 300)));
        // Two parts: the hull spans the gap between them.
        const SiteClip two(rect(0, 0, 100, 100).unite(rect(300, 0, 400, 100)));
        QVERIFY(!two.apart(box(150, 20, 250, 80)));
        QVERIFY(two.apart(box(150, 120, 250, 180)));
    }

    void ringsOnlyFromPolygonBlobs()
    {
        PolygonRings r;
        const Geometry line = Geometry::fromWkt("LINESTRING(0 0, 10 10)");
        QVERIFY(!SpatialiteBlob::polygonRings(spatialiteBlobFromWkb(line.wkb(), 4548), r));
        const std::vector<unsigned char> junk{0, 1, 2, 3};
        QVERIFY(!SpatialiteBlob::polygonRings(junk, r));
        const Geometry holed = local("POLYGON((0 0, 30 0, 30 30, 0 30, 0 0), "
                                     "(10 10, 20 10, 20 20, 10 20, 10 10))");
        QVERIFY(SpatialiteBlob::polygonRings(spatialiteBlobFromWkb(holed.wkb(), 4548), r));
        QCOMPARE(r.rings.size(), size_t(2));
        QCOMPARE(r.rings[1].count, 5u);
        QCOMPARE(r.envelope.minX, kX0);
        QCOMPARE(r.envelope.maxY, kY0 + 30);
    }
};

QTEST_GUILESS_MAIN(SiteClipTest)
#include "sitecliptest.moc"
