// A small GeoTIFF for the imagery tests, written with GDAL: in EPSG:4490 (lon/lat) around
// (570 000 E, 4 115 000 N) of EPSG:4548 (TestProject's place), the west half one colour, the east
// half another, with overviews whose first level is a third colour.
#pragma once

#include <geodata/coordinatetransform.h>

#include <gdal.h>
#include <ogr_srs_api.h>

#include <QColor>
#include <QTest>

#include <string>
#include <vector>

namespace planlines::testing {

inline constexpr double kEast = 570000, kNorth = 4115000; // the view's centre, EPSG:4548
inline constexpr int kSize = 200;                         // raster pixels each way
inline const QColor kWest(200, 30, 30), kEastColour(30, 30, 200), kOverview(20, 180, 40);

// Lon/lat box around (kEast ± 1000, kNorth ± 1000); the west half red, the east half blue.
// With overviews; the first overview level is painted green, so a test can tell which level
// was read.
inline void writeGeoTiff(const std::string &path)
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

} // namespace planlines::testing
