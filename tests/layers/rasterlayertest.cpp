// RasterLayer: a GeoTIFF in EPSG:4490 (lon/lat), written here with GDAL, drawn reprojected into
// the EPSG:4548 view: a known colour at a known place, opacity over the background, the
// overview level chosen for a zoomed-out view, and clear refusals of unsafe or unusable files.
#include <geodata/coordinatetransform.h>
#include <geodata/error.h>
#include <layers/maprenderer.h>
#include <layers/rasterlayer.h>

#include <gdal.h>
#include <ogr_srs_api.h>

#include "testimagery.h"

#include <QTemporaryDir>
#include <QTest>

using namespace planlines;
using layers::MapViewport;
using namespace planlines::testing;

namespace {

bool near(const QColor &a, const QColor &b, int tolerance = 3)
{
    return std::abs(a.red() - b.red()) <= tolerance &&
           std::abs(a.green() - b.green()) <= tolerance &&
           std::abs(a.blue() - b.blue()) <= tolerance;
}

} // namespace

class RasterLayerTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::string m_tif;

    QImage render(const MapViewport &vp, double opacity)
    {
        layers::RenderLayer imagery;
        imagery.raster = layers::RasterLayer::open(m_tif, "EPSG:4548");
        imagery.opacity = opacity;
        return layers::MapRenderer().renderImage(vp, std::vector{imagery});
    }
    static QColor at(const QImage &image, const MapViewport &vp, double e, double n)
    {
        const QPointF p = vp.worldToPixel({e, n});
        return image.pixelColor(int(p.x()), int(p.y()));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_tif = m_dir.filePath("imagery.tif").toStdString();
        writeGeoTiff(m_tif);
        const auto layer = layers::RasterLayer::open(m_tif, "EPSG:4548");
        QCOMPARE(layer->width(), kSize);
        QCOMPARE(layer->overviewCount(), 3);
    }

    void knownColourAtKnownPlace()
    {
        // 2 m per pixel: finer than the raster's ~10 m pixels, so the full resolution is read.
        const MapViewport vp({kEast, kNorth}, 2, QSize(600, 600));
        const QImage image = render(vp, 1);
        const QColor west = at(image, vp, kEast - 400, kNorth + 200);
        const QColor east = at(image, vp, kEast + 400, kNorth - 200);
        QVERIFY2(near(west, kWest), qPrintable(west.name()));
        QVERIFY2(near(east, kEastColour), qPrintable(east.name()));
        // Outside the raster: the background.
        const MapViewport wide({kEast, kNorth}, 10, QSize(600, 600));
        QCOMPARE(at(render(wide, 1), wide, kEast + 2800, kNorth), QColor(Qt::white));
    }

    void opacityBlendsOverTheBackground()
    {
        const MapViewport vp({kEast, kNorth}, 2, QSize(600, 600));
        const QColor c = at(render(vp, 0.5), vp, kEast - 400, kNorth);
        // Half of (200, 30, 30) over white (255, 255, 255): (227, 142, 142).
        QVERIFY2(near(c, QColor(227, 142, 142), 3), qPrintable(c.name()));
    }

    void zoomedOutReadsAnOverview()
    {
        // 25 m per pixel: about 2.5 raster pixels per screen pixel, so GDAL reads the 1/2
        // overview, which this test painted green.
        const MapViewport vp({kEast, kNorth}, 25, QSize(200, 200));
        const QColor c = at(render(vp, 1), vp, kEast - 400, kNorth);
        QVERIFY2(near(c, kOverview), qPrintable(c.name()));
    }

    void refusesNetworkAndUnusableFiles()
    {
        const auto message = [](const std::string &path) {
            try {
                layers::RasterLayer::open(path, "EPSG:4548");
            } catch (const geodata::Error &e) {
                return QString::fromStdString(e.what());
            }
            return QString();
        };
        QVERIFY(message("/vsicurl/http://example.com/a.tif").contains("local file"));
        QVERIFY(message("http://example.com/a.tif").contains("local file"));
        const std::string missing = m_dir.filePath("missing.tif").toStdString();
        QVERIFY(message(missing).startsWith(QString::fromStdString(missing)));
        // A raster without georeferencing.
        const std::string plain = m_dir.filePath("plain.tif").toStdString();
        GDALDatasetH ds =
            GDALCreate(GDALGetDriverByName("GTiff"), plain.c_str(), 4, 4, 1, GDT_Byte, nullptr);
        GDALClose(ds);
        QVERIFY2(message(plain).contains("not georeferenced"), qPrintable(message(plain)));
    }
};

QTEST_MAIN(RasterLayerTest)
#include "rasterlayertest.moc"
