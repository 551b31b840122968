// RasterLayer: a GeoTIFF in EPSG:4490 (lon/lat), written here with GDAL, drawn reprojected into
// the EPSG:4548 view: a known colour at a known place, opacity over the background, the
// overview level chosen for a zoomed-out view, and clear refusals of unsafe or unusable files.
#include <geodata/coordinatetransform.h>
#include <geodata/error.h>
#include <layers/maprenderer.h>
#include <layers/rasterlayer.h>

#include <gdal.h>
#include <ogr_srs_api.h>

#include <QTemporaryDir>
#include <QTest>

using namespace planlines;
using layers::MapViewport;

namespace {

constexpr double kEast = 570000, kNorth = 4115000; // the view's centre, EPSG:4548
constexpr int kSize = 200;                         // raster pixels each way
const QColor kWest(200, 30, 30), kEastColour(30, 30, 200), kOverview(20, 180, 40);

// Lon/lat box around (kEast ± 1000, kNorth ± 1000); the west half red, the east half blue.
// With overviews; the first overview level is painted green, so a test can tell which level
// was read.
void writeGeoTiff(const std::string &path)
{
    std::vector<double> corners{kEast - 1000, kNorth - 1000, kEast + 1000, kNorth + 1000};
    geodata::CoordinateTransform("EPSG:4548", "EPSG:4490").transform(corners);
    GDALAllRegister();
    GDALDriverH gtiff = GDALGetDriverByName("GTiff");
    GDALDatasetH ds = GDALCreate(gtiff, path.c_str(), kSize, kSize, 3, GDT_Byte, nullptr);
    QVERIFY(ds);
    // Slightly larger than the box, so the reprojected edges stay outside the checked points.
    const double lon0 = corners[0] - 0.002, lat1 = corners[3] + 0.002;
    const double dLon = (corners[2] + 0.002 - lon0) / kSize,
                 dLat = (lat1 - corners[1] + 0.002) / kSize;
    double gt[6] = {lon0, dLon, 0, lat1, 0, -dLat};
    GDALSetGeoTransform(ds, gt);
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, 4490);
    GDALSetSpatialRef(ds, srs);
    OSRDestroySpatialReference(srs);
    const QColor colours[2] = {kWest, kEastColour};
    for (int b = 1; b <= 3; ++b) {
        std::vector<unsigned char> row(kSize);
        for (int x = 0; x < kSize; ++x) {
            const QColor &c = colours[x < kSize / 2 ? 0 : 1];
            row[x] = static_cast<unsigned char>(b == 1 ? c.red() : b == 2 ? c.green() : c.blue());
        }
        for (int y = 0; y < kSize; ++y)
            QCOMPARE(GDALRasterIO(GDALGetRasterBand(ds, b), GF_Write, 0, y, kSize, 1, row.data(),
                                  kSize, 1, GDT_Byte, 0, 0),
                     CE_None);
    }
    int levels[] = {2, 4, 8};
    QCOMPARE(GDALBuildOverviews(ds, "NEAREST", 3, levels, 0, nullptr, nullptr, nullptr), CE_None);
    for (int b = 1; b <= 3; ++b) {
        GDALRasterBandH ov = GDALGetOverview(GDALGetRasterBand(ds, b), 0);
        const int w = GDALGetRasterBandXSize(ov), h = GDALGetRasterBandYSize(ov);
        const int v = b == 1 ? kOverview.red() : b == 2 ? kOverview.green() : kOverview.blue();
        std::vector<unsigned char> all(std::size_t(w) * h, static_cast<unsigned char>(v));
        QCOMPARE(GDALRasterIO(ov, GF_Write, 0, 0, w, h, all.data(), w, h, GDT_Byte, 0, 0), CE_None);
    }
    GDALClose(ds);
}

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
