#include "rasterlayer.h"

#include <geodata/coordinatetransform.h>
#include <geodata/error.h>
#include <geodata/import/gdalenvironment.h>

#include <cpl_conv.h>
#include <gdal.h>
#include <ogr_srs_api.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

namespace planlines::layers {

namespace {

using geodata::import::GdalEnvironment;
using geodata::import::GdalErrorScope;

struct DatasetCloser
{
    void operator()(void *h) const
    {
        if (h)
            GDALClose(h);
    }
};
using Dataset = std::unique_ptr<void, DatasetCloser>;

// Raster formats staff receive imagery in; VRT and the like may point anywhere and are refused.
const char *const kDrivers[] = {"GTiff", "HFA", "JPEG", "PNG",     "JP2OpenJPEG",
                                "ENVI",  "BMP", "GIF",  "AAIGrid", nullptr};

Dataset openRaster(const std::string &path)
{
    GdalEnvironment::ensureReady();
    if (path.rfind("/vsi", 0) == 0 || path.find("://") != std::string::npos)
        throw geodata::Error("imagery must be a local file (no /vsi… paths or URLs)", path);
    GdalErrorScope scope;
    GDALDatasetH h =
        GDALOpenEx(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, kDrivers, nullptr, nullptr);
    if (!h)
        throw geodata::Error(GdalEnvironment::lastError("not a raster PlanLines can read"), path);
    return Dataset(h);
}

// One band read into floats, with what turns it into 0..255.
struct BandData
{
    std::vector<float> values;
    std::optional<double> noData;
    double offset = 0, scale = 1; // byte = (value - offset) * scale
    GDALColorTableH palette = nullptr;

    int byteAt(std::size_t i) const
    {
        return std::clamp(static_cast<int>(std::lround((values[i] - offset) * scale)), 0, 255);
    }
    bool isNoData(std::size_t i) const
    {
        return noData && values[i] == static_cast<float>(*noData);
    }
};

bool readBand(GDALRasterBandH band, int x, int y, int w, int h, int bufW, int bufH, BandData &out)
{
    out.values.resize(static_cast<std::size_t>(bufW) * bufH);
    int hasNoData = 0;
    const double nd = GDALGetRasterNoDataValue(band, &hasNoData);
    if (hasNoData)
        out.noData = nd;
    out.palette = GDALGetRasterColorInterpretation(band) == GCI_PaletteIndex
                      ? GDALGetRasterColorTable(band)
                      : nullptr;
    if (GDALGetRasterDataType(band) != GDT_Byte && !out.palette) {
        double minMax[2] = {0, 255};
        if (GDALComputeRasterMinMax(band, TRUE, minMax) == CE_None && minMax[1] > minMax[0]) {
            out.offset = minMax[0];
            out.scale = 255 / (minMax[1] - minMax[0]);
        }
    }
    // A buffer smaller than the window makes GDAL read the overview level that fits.
    return GDALRasterIO(band, GF_Read, x, y, w, h, out.values.data(), bufW, bufH, GDT_Float32, 0,
                        0) == CE_None;
}

} // namespace

std::shared_ptr<const RasterLayer> RasterLayer::open(const std::string &path,
                                                     const std::string &workingCrs)
{
    const Dataset ds = openRaster(path);
    std::shared_ptr<RasterLayer> layer(new RasterLayer);
    layer->m_path = path;
    layer->m_workingCrs = workingCrs;
    layer->m_width = GDALGetRasterXSize(ds.get());
    layer->m_height = GDALGetRasterYSize(ds.get());
    if (GDALGetRasterCount(ds.get()) < 1)
        throw geodata::Error("the file has no raster bands", path);
    layer->m_overviews = GDALGetOverviewCount(GDALGetRasterBand(ds.get(), 1));
    double gt[6];
    if (GDALGetGeoTransform(ds.get(), gt) != CE_None)
        throw geodata::Error("the raster is not georeferenced (no geotransform)", path);
    OGRSpatialReferenceH srs = GDALGetSpatialRef(ds.get());
    char *wkt = nullptr;
    if (!srs || OSRExportToWkt(srs, &wkt) != OGRERR_NONE || !wkt || !*wkt) {
        CPLFree(wkt);
        throw geodata::Error("the raster has no coordinate reference system", path);
    }
    layer->m_rasterCrs = wkt;
    CPLFree(wkt);
    try {
        geodata::CoordinateTransform t(workingCrs, layer->m_rasterCrs);
    } catch (const geodata::Error &e) {
        throw geodata::Error("its CRS cannot be transformed to " + workingCrs + ": " + e.cause(),
                             path);
    }
    return layer;
}

bool RasterLayer::draw(QPainter &painter, const MapViewport &viewport, double opacity) const
{
    if (!viewport.isValid() || opacity <= 0)
        return true;
    try {
        const Dataset ds = openRaster(m_path);
        double gt[6], inv[6];
        if (GDALGetGeoTransform(ds.get(), gt) != CE_None || !GDALInvGeoTransform(gt, inv))
            return false;
        // Raster pixel coordinates of a grid over the view, every kStep pixels; pixels between
        // are interpolated (as GDAL's approximate transformer does).
        constexpr int kStep = 32;
        const int w = viewport.sizePx().width(), h = viewport.sizePx().height();
        const int nx = w / kStep + 2, ny = h / kStep + 2;
        std::vector<double> xy(static_cast<std::size_t>(2 * nx * ny));
        for (int j = 0; j < ny; ++j)
            for (int i = 0; i < nx; ++i) {
                const WorldPoint p = viewport.pixelToWorld(QPointF(i * kStep, j * kStep));
                xy[2 * (j * nx + i)] = p.easting;
                xy[2 * (j * nx + i) + 1] = p.northing;
            }
        geodata::CoordinateTransform(m_workingCrs, m_rasterCrs).transform(xy);
        double minX = INFINITY, minY = INFINITY, maxX = -INFINITY, maxY = -INFINITY;
        for (std::size_t k = 0; k < xy.size(); k += 2) {
            const double gx = xy[k], gy = xy[k + 1];
            xy[k] = inv[0] + inv[1] * gx + inv[2] * gy;
            xy[k + 1] = inv[3] + inv[4] * gx + inv[5] * gy;
            if (std::isfinite(xy[k]) && std::isfinite(xy[k + 1])) {
                minX = std::min(minX, xy[k]);
                maxX = std::max(maxX, xy[k]);
                minY = std::min(minY, xy[k + 1]);
                maxY = std::max(maxY, xy[k + 1]);
            }
        }
        const int winX = std::clamp(static_cast<int>(std::floor(minX)), 0, m_width);
        const int winY = std::clamp(static_cast<int>(std::floor(minY)), 0, m_height);
        const int winW = std::clamp(static_cast<int>(std::ceil(maxX)), 0, m_width) - winX;
        const int winH = std::clamp(static_cast<int>(std::ceil(maxY)), 0, m_height) - winY;
        if (winW <= 0 || winH <= 0)
            return true; // the raster is elsewhere
        // Raster pixels per screen pixel, at the centre of the view.
        const int ci = nx / 2, cj = ny / 2;
        const auto at = [&](int i, int j) { return 2 * static_cast<std::size_t>(j * nx + i); };
        const double perPx = std::hypot(xy[at(ci + 1, cj)] - xy[at(ci, cj)],
                                        xy[at(ci + 1, cj) + 1] - xy[at(ci, cj) + 1]) /
                             kStep;
        const double shrink = std::max(1.0, std::isfinite(perPx) ? perPx : 1.0);
        const int bufW = std::clamp(static_cast<int>(std::ceil(winW / shrink)), 1, winW);
        const int bufH = std::clamp(static_cast<int>(std::ceil(winH / shrink)), 1, winH);

        // Which bands: RGB(A) by colour interpretation, else the first (grey or palette).
        const int count = GDALGetRasterCount(ds.get());
        int red = 0, green = 0, blue = 0, alpha = 0;
        for (int b = 1; b <= count; ++b) {
            switch (GDALGetRasterColorInterpretation(GDALGetRasterBand(ds.get(), b))) {
            case GCI_RedBand:
                red = red ? red : b;
                break;
            case GCI_GreenBand:
                green = green ? green : b;
                break;
            case GCI_BlueBand:
                blue = blue ? blue : b;
                break;
            case GCI_AlphaBand:
                alpha = alpha ? alpha : b;
                break;
            default:
                break;
            }
        }
        if (!(red && green && blue)) {
            if (count >= 3)
                red = 1, green = 2, blue = 3;
            else
                red = green = blue = 1;
        }
        GdalErrorScope scope;
        BandData r, g, b, a;
        auto band = [&](int n) { return GDALGetRasterBand(ds.get(), n); };
        if (!readBand(band(red), winX, winY, winW, winH, bufW, bufH, r))
            return false;
        const bool grey = red == green && green == blue;
        if (!grey && (!readBand(band(green), winX, winY, winW, winH, bufW, bufH, g) ||
                      !readBand(band(blue), winX, winY, winW, winH, bufW, bufH, b)))
            return false;
        if (alpha && !readBand(band(alpha), winX, winY, winW, winH, bufW, bufH, a))
            return false;
        std::vector<QRgb> buffer(static_cast<std::size_t>(bufW) * bufH);
        for (std::size_t i = 0; i < buffer.size(); ++i) {
            if (r.isNoData(i) || (!grey && (g.isNoData(i) || b.isNoData(i)))) {
                buffer[i] = 0;
                continue;
            }
            QRgb c;
            if (r.palette) {
                GDALColorEntry e{0, 0, 0, 255};
                GDALGetColorEntryAsRGB(r.palette, static_cast<int>(r.values[i]), &e);
                c = qRgba(e.c1, e.c2, e.c3, e.c4);
            } else if (grey) {
                const int v = r.byteAt(i);
                c = qRgb(v, v, v);
            } else {
                c = qRgb(r.byteAt(i), g.byteAt(i), b.byteAt(i));
            }
            if (alpha)
                c = (c & 0x00FFFFFFu) | (static_cast<QRgb>(a.byteAt(i)) << 24);
            buffer[i] = qPremultiply(c);
        }

        QImage out(viewport.sizePx(), QImage::Format_ARGB32_Premultiplied);
        out.fill(Qt::transparent);
        const double sx = double(bufW) / winW, sy = double(bufH) / winH;
        for (int y = 0; y < h; ++y) {
            const double gy = (y + 0.5) / kStep;
            const int j = std::min(static_cast<int>(gy), ny - 2);
            const double fy = gy - j;
            auto *row = reinterpret_cast<QRgb *>(out.scanLine(y));
            for (int x = 0; x < w; ++x) {
                const double gx = (x + 0.5) / kStep;
                const int i = std::min(static_cast<int>(gx), nx - 2);
                const double fx = gx - i;
                auto lerp = [&](int k) {
                    const double top = xy[at(i, j) + k] * (1 - fx) + xy[at(i + 1, j) + k] * fx;
                    const double bottom =
                        xy[at(i, j + 1) + k] * (1 - fx) + xy[at(i + 1, j + 1) + k] * fx;
                    return top * (1 - fy) + bottom * fy;
                };
                const double px = (lerp(0) - winX) * sx, py = (lerp(1) - winY) * sy;
                if (!(px >= 0 && py >= 0 && px < bufW && py < bufH))
                    continue;
                row[x] = buffer[static_cast<std::size_t>(py) * bufW + static_cast<std::size_t>(px)];
            }
        }
        painter.save();
        painter.setOpacity(painter.opacity() * opacity);
        painter.drawImage(QPointF(0, 0), out);
        painter.restore();
        return true;
    } catch (const geodata::Error &) {
        return false; // a file that vanished or became unreadable: the map goes on without it
    }
}

} // namespace planlines::layers
