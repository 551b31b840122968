// The check's measuring of detailed sites, part by part: LocalSite (a site of many vertices or
// parts cut into tiles) gives each feature the same intersection as GEOS on the whole site, to
// 1e-6 m², valid and polygonal, whether the feature meets one tile, several, or holds tiles
// whole; a small site is used whole (the same bits). SiteClip's grid of edges answers where a
// box lies as GEOS does on a site of 30 000 vertices, and the hull test with at most 64 of its
// edges never calls a box that touches the site apart.
#include "../testsupport.h"

#include <geodata/check/localsite.h>
#include <geodata/check/siteclip.h>

#include <QTest>

#include <cmath>
#include <numbers>
#include <random>

using namespace planlines::geodata;
using namespace planlines::geodata::check;

namespace {

constexpr double X0 = 570000, Y0 = 4118000;

// mt19937's raw output is the same everywhere; the distributions of <random> are not.
struct Random
{
    std::mt19937 engine;
    explicit Random(unsigned seed) : engine(seed) {}
    double uniform(double a, double b)
    {
        return a + (b - a) * (static_cast<double>(engine()) / 4294967296.0);
    }
};

// About 1 km² whose outline wanders: a circle of 564 m, radius ± 8 m, n vertices.
Geometry wavyCircle(int n)
{
    std::vector<double> xy;
    for (int k = 0; k < n; ++k) {
        const double a = 2 * std::numbers::pi * k / n;
        const double r = 564 + 5 * std::sin(a * 997) + 3 * std::sin(a * 61 + 1);
        xy.push_back(X0 + r * std::cos(a));
        xy.push_back(Y0 + r * std::sin(a));
    }
    return Geometry::polygon(xy);
}

// count squares of 10 m, 15 m apart, in rows of `perRow`.
Geometry squares(int count, int perRow)
{
    std::vector<Geometry> parts;
    for (int k = 0; k < count; ++k) {
        const double x = X0 + (k % perRow) * 15.0, y = Y0 + (k / perRow) * 15.0;
        const double xy[] = {x, y, x + 10, y, x + 10, y + 10, x, y + 10};
        parts.push_back(Geometry::polygon(xy));
    }
    return Geometry::collect(std::move(parts), GEOS_MULTIPOLYGON);
}

// A quadrilateral "parcel" of about side metres at (cx, cy), turned and skewed a little.
Geometry parcel(Random &rnd, double cx, double cy, double side)
{
    std::vector<double> xy;
    const double turn = rnd.uniform(0, std::numbers::pi / 2);
    for (int k = 0; k < 4; ++k) {
        const double a = turn + k * std::numbers::pi / 2 + std::numbers::pi / 4;
        const double r = side / std::sqrt(2.0) * rnd.uniform(0.8, 1.2);
        xy.push_back(cx + r * std::cos(a));
        xy.push_back(cy + r * std::sin(a));
    }
    return Geometry::polygon(xy);
}

// Each parcel's intersection through the tiles equals GEOS's on the whole site.
void compareWithWholeSite(const Geometry &site, const std::vector<Geometry> &parcels)
{
    const LocalSite local(site);
    QVERIFY2(local.tiles() > 1, "the site was not cut into tiles");
    int met = 0;
    for (std::size_t i = 0; i < parcels.size(); ++i) {
        const Geometry whole = site.intersection(parcels[i]);
        const Geometry tiled = local.intersection(parcels[i]);
        const QByteArray where = "parcel " + QByteArray::number(static_cast<qulonglong>(i));
        QVERIFY2(std::abs(tiled.area() - whole.area()) <= 1e-6,
                 where + ": " + QByteArray::number(tiled.area(), 'f', 9) + " m² vs GEOS " +
                     QByteArray::number(whole.area(), 'f', 9));
        QVERIFY2(tiled.isValid(), where + ": " + QByteArray::fromStdString(tiled.invalidReason()));
        QVERIFY2(tiled.isEmpty() || tiled.typeId() == GEOS_MULTIPOLYGON, where);
        // The same region: nothing of one outside the other.
        if (whole.area() > 0) {
            ++met;
            QVERIFY2(whole.difference(tiled).area() <= 1e-6, where);
            QVERIFY2(tiled.difference(whole).area() <= 1e-6, where);
        }
    }
    QVERIFY(met > static_cast<int>(parcels.size()) / 3);
}

} // namespace

class LocalSiteTest : public QObject
{
    Q_OBJECT

private slots:
    void detailedOutline()
    {
        const Geometry site = wavyCircle(30000);
        QVERIFY(site.isValid());
        Random rnd(5);
        std::vector<Geometry> parcels;
        for (int i = 0; i < 150; ++i) { // along the outline: across one tile or several
            const double a = rnd.uniform(0, 2 * std::numbers::pi), r = rnd.uniform(500, 620);
            parcels.push_back(
                parcel(rnd, X0 + r * std::cos(a), Y0 + r * std::sin(a), rnd.uniform(20, 300)));
        }
        parcels.push_back(parcel(rnd, X0, Y0, 2000)); // holds the whole site
        parcels.push_back(parcel(rnd, X0, Y0, 200));  // inside, apart from the outline
        compareWithWholeSite(site, parcels);
    }

    void manyParts()
    {
        const Geometry site = squares(3000, 60); // 15 000 vertices
        QVERIFY(site.isValid());
        Random rnd(9);
        std::vector<Geometry> parcels;
        for (int i = 0; i < 150; ++i) // holding squares whole, cutting others
            parcels.push_back(parcel(rnd, X0 + rnd.uniform(-50, 950), Y0 + rnd.uniform(-50, 800),
                                     rnd.uniform(8, 150)));
        compareWithWholeSite(site, parcels);
        // A parcel holding exactly three squares whole (and nothing else): 300 m².
        const double xy[] = {X0 - 2, Y0 - 2, X0 + 42, Y0 - 2, X0 + 42, Y0 + 12, X0 - 2, Y0 + 12};
        const Geometry three = LocalSite(site).intersection(Geometry::polygon(xy));
        QCOMPARE(three.numGeometries(), 3);
        PL_COMPARE_NEAR(three.area(), 300.0, 1e-9, "m²");
    }

    void smallSiteIsUsedWhole()
    {
        const Geometry site = wavyCircle(2000);
        const LocalSite local(site);
        QCOMPARE(local.tiles(), std::size_t(0));
        Random rnd(3);
        const Geometry p = parcel(rnd, X0 + 560, Y0, 100);
        QCOMPARE(local.intersection(p).wkb(), site.intersection(p).wkb());
    }

    void gridOfEdgesLocatesBoxesAsGeos()
    {
        const Geometry site = wavyCircle(30000);
        const SiteClip clip(site);
        QVERIFY(!clip.convex());
        Random rnd(17);
        int inside = 0, outside = 0, boundary = 0, apart = 0;
        for (int i = 0; i < 3000; ++i) {
            const double a = rnd.uniform(0, 2 * std::numbers::pi), r = rnd.uniform(0, 900);
            const double cx = X0 + r * std::cos(a), cy = Y0 + r * std::sin(a);
            const double w = rnd.uniform(0.05, 40), h = rnd.uniform(0.05, 40);
            const Envelope box{cx, cy, cx + w, cy + h};
            const double xy[] = {box.minX, box.minY, box.maxX, box.minY,
                                 box.maxX, box.maxY, box.minX, box.maxY};
            const Geometry g = Geometry::polygon(xy);
            const QByteArray where = "box " + QByteArray::fromStdString(g.wkt(3));
            switch (clip.locate(box)) {
            case SiteClip::Where::Inside:
                ++inside;
                QVERIFY2(site.contains(g), where + " is not inside");
                break;
            case SiteClip::Where::Outside:
                ++outside;
                QVERIFY2(!site.intersects(g), where + " is not outside");
                break;
            case SiteClip::Where::Boundary:
                ++boundary;
                break;
            }
            if (clip.apart(box)) {
                ++apart;
                QVERIFY2(!site.intersects(g), where + " touches the site but was called apart");
            }
        }
        QVERIFY(inside > 100 && outside > 100 && boundary > 100 && apart > 100);
    }
};

QTEST_GUILESS_MAIN(LocalSiteTest)
#include "localsitetest.moc"
