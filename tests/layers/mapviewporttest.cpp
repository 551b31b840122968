// MapViewport: world <-> pixel maths, fitting, zoom and pan, to the pixel (tolerance 1e-9 px
// and 1e-6 m: these are exact affine maps).
#include <layers/mapviewport.h>

#include <QTest>

namespace geodata = planlines::geodata;
using planlines::layers::MapViewport;
using planlines::layers::WorldPoint;

class MapViewportTest : public QObject
{
    Q_OBJECT

private:
    static void comparePoint(QPointF actual, QPointF expected)
    {
        QVERIFY2(std::abs(actual.x() - expected.x()) < 1e-9 &&
                     std::abs(actual.y() - expected.y()) < 1e-9,
                 qPrintable(QStringLiteral("pixel (%1, %2), expected (%3, %4)")
                                .arg(actual.x(), 0, 'f', 6)
                                .arg(actual.y(), 0, 'f', 6)
                                .arg(expected.x())
                                .arg(expected.y())));
    }
    static void compareWorld(WorldPoint actual, WorldPoint expected)
    {
        QVERIFY2(std::abs(actual.easting - expected.easting) < 1e-6 &&
                     std::abs(actual.northing - expected.northing) < 1e-6,
                 qPrintable(QStringLiteral("E %1 N %2, expected E %3 N %4")
                                .arg(actual.easting, 0, 'f', 4)
                                .arg(actual.northing, 0, 'f', 4)
                                .arg(expected.easting, 0, 'f', 4)
                                .arg(expected.northing, 0, 'f', 4)));
    }

private slots:
    void cornersMapToImageCorners()
    {
        // 600 m × 300 m at 1 m/px: the north-west corner is pixel (0, 0).
        const MapViewport vp({570300, 4115150}, 1.0, QSize(600, 300));
        comparePoint(vp.worldToPixel({570000, 4115300}), {0, 0});
        comparePoint(vp.worldToPixel({570600, 4115000}), {600, 300});
        comparePoint(vp.worldToPixel({570050.5, 4115249.5}), {50.5, 50.5});
        const auto e = vp.extent();
        QCOMPARE(e.minX, 570000.0);
        QCOMPARE(e.maxX, 570600.0);
        QCOMPARE(e.minY, 4115000.0);
        QCOMPARE(e.maxY, 4115300.0);
    }

    void pixelToWorldInvertsWorldToPixel()
    {
        const MapViewport vp({583456.25, 4120001.5}, 3.7, QSize(1280, 800));
        for (const QPointF px : {QPointF(0, 0), QPointF(639.5, 400.25), QPointF(1280, 800)})
            comparePoint(vp.worldToPixel(vp.pixelToWorld(px)), px);
        compareWorld(vp.pixelToWorld(QPointF(640, 400)), {583456.25, 4120001.5});
    }

    void transformAgreesWithWorldToPixel()
    {
        const MapViewport vp({570000, 4115000}, 2.5, QSize(800, 600));
        const QTransform t = vp.worldToPixelTransform();
        for (const WorldPoint w : {WorldPoint{569000, 4114000}, WorldPoint{571234.5, 4116789}}) {
            const QPointF viaTransform = t.map(QPointF(w.easting, w.northing));
            const QPointF direct = vp.worldToPixel(w);
            QVERIFY(std::abs(viaTransform.x() - direct.x()) < 1e-6);
            QVERIFY(std::abs(viaTransform.y() - direct.y()) < 1e-6);
        }
    }

    void fittingKeepsAspectAndCentres()
    {
        // A 45 km × 26 km county in 1000 × 1000 px: width decides (45 m/px); centred.
        const geodata::Envelope county{548750, 4104000, 593750, 4130000};
        const auto vp = MapViewport::fitting(county, QSize(1000, 1000));
        QCOMPARE(vp.metresPerPixel(), 45.0);
        compareWorld(vp.centre(), {571250, 4117000});
        comparePoint(vp.worldToPixel({548750, 4117000}), {0, 500});
        comparePoint(vp.worldToPixel({593750, 4117000}), {1000, 500});
        // With a 50 px margin the county spans pixels 50 … 950.
        const auto withMargin = MapViewport::fitting(county, QSize(1000, 1000), 50);
        QCOMPARE(withMargin.metresPerPixel(), 50.0);
        comparePoint(withMargin.worldToPixel({548750, 4117000}), {50, 500});
        // Height decides in a wide window.
        const auto wide = MapViewport::fitting(county, QSize(2000, 260));
        QCOMPARE(wide.metresPerPixel(), 100.0);
    }

    void fittingAPointGivesAUsableViewport()
    {
        const auto vp = MapViewport::fitting({570000, 4115000, 570000, 4115000}, QSize(100, 100));
        QVERIFY(vp.isValid());
        compareWorld(vp.centre(), {570000, 4115000});
    }

    void zoomKeepsThePointUnderTheCursor()
    {
        const MapViewport vp({570000, 4115000}, 10, QSize(800, 600));
        const QPointF cursor(123, 456);
        const WorldPoint under = vp.pixelToWorld(cursor);
        const auto in = vp.zoomedAt(cursor, 2);
        QCOMPARE(in.metresPerPixel(), 5.0);
        compareWorld(in.pixelToWorld(cursor), under);
        const auto out = vp.zoomedAt(cursor, 0.5);
        QCOMPARE(out.metresPerPixel(), 20.0);
        compareWorld(out.pixelToWorld(cursor), under);
        // Zooming at the centre keeps the centre.
        compareWorld(vp.zoomedAt(QPointF(400, 300), 4).centre(), vp.centre());
        QCOMPARE(vp.zoomedAt(cursor, 0), vp); // a zero factor is ignored
    }

    void panFollowsThePointer()
    {
        const MapViewport vp({570000, 4115000}, 10, QSize(800, 600));
        // Dragging 30 px right and 20 px down shows what was 300 m west and 200 m north.
        const auto moved = vp.panned(QPointF(30, 20));
        compareWorld(moved.centre(), {569700, 4115200});
        const WorldPoint grabbed = vp.pixelToWorld(QPointF(100, 100));
        compareWorld(moved.pixelToWorld(QPointF(130, 120)), grabbed);
    }

    void resizeKeepsCentreAndResolution()
    {
        const MapViewport vp({570000, 4115000}, 10, QSize(800, 600));
        const auto r = vp.resized(QSize(400, 300));
        QCOMPARE(r.centre(), vp.centre());
        QCOMPARE(r.metresPerPixel(), 10.0);
        QCOMPARE(r.extent().width(), 4000.0);
    }

    void scaleDenominatorAt96Dpi()
    {
        // 96 px per inch, 0.0254 m per inch: 1 m/px is 1 : 3779.53.
        const MapViewport vp({570000, 4115000}, 1, QSize(100, 100));
        QVERIFY(std::abs(vp.scaleDenominator() - 3779.527559) < 1e-5);
        const auto tenK = vp.withScaleDenominator(10000);
        QVERIFY(std::abs(tenK.metresPerPixel() - 2.645833333) < 1e-8);
        QVERIFY(std::abs(tenK.scaleDenominator() - 10000) < 1e-8);
        QVERIFY(std::abs(vp.pixelsPerMm() - 3.779527559) < 1e-8);
    }

    void supersamplingKeepsTheScaleAndArea()
    {
        const MapViewport vp({570000, 4115000}, 4, QSize(400, 300));
        const auto hi = vp.supersampled(2);
        QCOMPARE(hi.sizePx(), QSize(800, 600));
        QCOMPARE(hi.metresPerPixel(), 2.0);
        QCOMPARE(hi.dotsPerInch(), 192.0);
        QVERIFY(std::abs(hi.scaleDenominator() - vp.scaleDenominator()) < 1e-6);
        QCOMPARE(hi.extent().minX, vp.extent().minX);
        QCOMPARE(hi.extent().maxY, vp.extent().maxY);
    }

    void invalidUntilSized()
    {
        QVERIFY(!MapViewport().isValid());
        QVERIFY(!MapViewport({0, 0}, 1, QSize(0, 10)).isValid());
        QVERIFY(MapViewport({0, 0}, 1, QSize(1, 1)).isValid());
    }
};

QTEST_GUILESS_MAIN(MapViewportTest)
#include "mapviewporttest.moc"
