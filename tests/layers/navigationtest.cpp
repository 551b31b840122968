// Map navigation arithmetic: zooming about a point keeps that point's world position under the
// same pixel (to 1e-9 m), the scale at a screen's DPI, snapping to the round scales, zooming to
// an extent, and the in-between views of an animation.
#include <layers/navigation.h>

#include <QTest>

#include <cmath>

using namespace planlines::layers;
namespace nav = planlines::layers::navigation;

class NavigationTest : public QObject
{
    Q_OBJECT

private slots:
    void zoomAboutAPointKeepsItFixed()
    {
        const MapViewport v({571234.5, 4115678.9}, 3.7, QSize(1280, 800));
        for (const QPointF pixel : {QPointF(0, 0), QPointF(1279, 799), QPointF(100.5, 666.25)}) {
            for (const double factor : {1.25, 0.8, 2.0, 1 / 3.0}) {
                const WorldPoint before = v.pixelToWorld(pixel);
                const MapViewport z = v.zoomedAt(pixel, factor);
                const WorldPoint after = z.pixelToWorld(pixel);
                QVERIFY2(std::abs(after.easting - before.easting) < 1e-9 &&
                             std::abs(after.northing - before.northing) < 1e-9,
                         qPrintable(QStringLiteral("moved by %1 m, %2 m")
                                        .arg(after.easting - before.easting)
                                        .arg(after.northing - before.northing)));
                QCOMPARE(z.metresPerPixel(), 3.7 / factor);
            }
        }
    }

    void animationFramesKeepTheZoomPointFixed()
    {
        // A wheel-style zoom about pixel (300, 200) done as an animation: every frame keeps
        // the world point under that pixel.
        const MapViewport from({571000, 4115000}, 10, QSize(1000, 600));
        const QPointF pixel(300, 200);
        const MapViewport to = from.zoomedAt(pixel, 4);
        const WorldPoint anchor = from.pixelToWorld(pixel);
        for (double t = 0; t <= 1.0; t += 0.125) {
            const MapViewport f = nav::interpolated(from, to, t);
            const WorldPoint w = f.pixelToWorld(pixel);
            QVERIFY2(std::abs(w.easting - anchor.easting) < 1e-6 &&
                         std::abs(w.northing - anchor.northing) < 1e-6,
                     qPrintable(QStringLiteral("t=%1 moved %2 m")
                                    .arg(t)
                                    .arg(std::hypot(w.easting - anchor.easting,
                                                    w.northing - anchor.northing))));
        }
        // Halfway in time is halfway in zoom ratio: 10 m/px → 5 m/px → 2.5 m/px.
        QCOMPARE(nav::interpolated(from, to, 0.5).metresPerPixel(), 5.0);
        QCOMPARE(nav::interpolated(from, to, 1.0), to);
        QCOMPARE(nav::interpolated(from, to, 0.0), from);
    }

    void flightToAFarPlaceMovesTheCentreSteadily()
    {
        const MapViewport from({560000, 4110000}, 20, QSize(800, 600));
        const MapViewport to({590000, 4130000}, 19.9, QSize(800, 600));
        const MapViewport mid = nav::interpolated(from, to, 0.5);
        QVERIFY(std::abs(mid.centre().easting - 575000) < 1e-6);
        QVERIFY(std::abs(mid.centre().northing - 4120000) < 1e-6);
    }

    void scaleAtTheScreensDpi()
    {
        // 1:10 000 on a 96 dpi screen: 10 000 × 0.0254 m / 96 px = 2.645833… m per pixel.
        QCOMPARE(nav::metresPerPixelAt(10000, 96), 10000 * 0.0254 / 96);
        QVERIFY(std::abs(nav::metresPerPixelAt(10000, 96) - 2.6458333333) < 1e-9);
        // The same scale on a 144 dpi screen needs finer pixels.
        QVERIFY(std::abs(nav::metresPerPixelAt(10000, 144) - 1.7638888889) < 1e-9);
        QVERIFY(std::abs(nav::scaleDenominatorAt(2.6458333333333, 96) - 10000) < 1e-6);
        // It agrees with the viewport's own scale.
        const MapViewport v({0, 0}, nav::metresPerPixelAt(25000, 120), QSize(10, 10), 120);
        QVERIFY(std::abs(v.scaleDenominator() - 25000) < 1e-6);
    }

    void snapsToTheNearestRoundScale_data()
    {
        QTest::addColumn<double>("scale");
        QTest::addColumn<double>("nearest");
        QTest::newRow("exact") << 10000.0 << 10000.0;
        QTest::newRow("1:7000 by ratio is nearer 1:5000") << 7000.0 << 5000.0;
        QTest::newRow("1:7100 is nearer 1:10000") << 7100.0 << 10000.0;
        QTest::newRow("1:3000") << 3000.0 << 2000.0;
        QTest::newRow("1:36000") << 36000.0 << 50000.0;
        QTest::newRow("1:34000") << 34000.0 << 25000.0;
        QTest::newRow("larger than the largest") << 500.0 << 2000.0;
        QTest::newRow("smaller than the smallest") << 400000.0 << 100000.0;
    }
    void snapsToTheNearestRoundScale()
    {
        QFETCH(double, scale);
        QFETCH(double, nearest);
        QCOMPARE(nav::nearestRoundScale(scale), nearest);
    }

    void stepsThroughTheRoundScales()
    {
        QCOMPARE(nav::nextRoundScale(10000, +1), 5000.0);
        QCOMPARE(nav::nextRoundScale(10000, -1), 25000.0);
        QCOMPARE(nav::nextRoundScale(10020, +1), 5000.0); // within 0.5 %: counts as 1:10 000
        QCOMPARE(nav::nextRoundScale(7000, +1), 5000.0);
        QCOMPARE(nav::nextRoundScale(7000, -1), 10000.0);
        QCOMPARE(nav::nextRoundScale(2000, +1), 2000.0);
        QCOMPARE(nav::nextRoundScale(100000, -1), 100000.0);
        QCOMPARE(nav::nextRoundScale(250000, +1), 100000.0);
    }

    void zoomsToAnExtent()
    {
        const MapViewport v({0, 0}, 1, QSize(1000, 500));
        // 2 000 m × 500 m with 50 px margins: width decides, 2 000 m / 900 px.
        const auto z = nav::zoomedToExtent(v, {570000, 4115000, 572000, 4115500}, 50, 0.05);
        QCOMPARE(z.centre(), (WorldPoint{571000, 4115250}));
        QVERIFY(std::abs(z.metresPerPixel() - 2000.0 / 900) < 1e-12);
        // A point: shown at the finest allowed resolution around it.
        const auto p = nav::zoomedToExtent(v, {570000, 4115000, 570000, 4115000}, 50, 0.25);
        QCOMPARE(p.centre(), (WorldPoint{570000, 4115000}));
        QCOMPARE(p.metresPerPixel(), 0.25);
        QCOMPARE(p.sizePx(), QSize(1000, 500));
    }

    void easing()
    {
        QCOMPARE(nav::easeInOut(0), 0.0);
        QCOMPARE(nav::easeInOut(1), 1.0);
        QCOMPARE(nav::easeInOut(0.5), 0.5);
        QVERIFY(nav::easeInOut(0.25) < 0.25);
        QVERIFY(nav::easeInOut(0.75) > 0.75);
    }
};

QTEST_APPLESS_MAIN(NavigationTest)
#include "navigationtest.moc"
