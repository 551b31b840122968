// An imagery underlay: a GeoTIFF (or another GDAL raster: JPEG/PNG with a world file, Erdas
// .img, JPEG 2000, ENVI) in any CRS, drawn under the vector layers, reprojected to the working
// CRS on the fly and read at the overview level that suits the view's scale. The file is opened
// with the same safety as imports: local files only (no /vsi* paths, no URLs), a short list of
// raster drivers (no VRT, which may point anywhere), GDAL's network off.
#pragma once

#include "mapviewport.h"

#include <QPainter>

#include <memory>
#include <string>

namespace planlines::layers {

class RasterLayer
{
public:
    // Opens path and checks that it is a georeferenced raster with a CRS PROJ can transform to
    // workingCrs ("EPSG:4548"). Throws geodata::Error naming the file and the cause.
    static std::shared_ptr<const RasterLayer> open(const std::string &path,
                                                   const std::string &workingCrs);

    const std::string &path() const { return m_path; }
    // Size of the full-resolution raster, in pixels, and its number of overview levels.
    int width() const { return m_width; }
    int height() const { return m_height; }
    int overviewCount() const { return m_overviews; }

    // Draws the part of the raster inside viewport with opacity (0..1). Thread-safe: each
    // call opens its own GDAL handle. A failure to read draws nothing and returns false.
    bool draw(QPainter &painter, const MapViewport &viewport, double opacity) const;

private:
    RasterLayer() = default;

    std::string m_path;
    std::string m_workingCrs;
    std::string m_rasterCrs; // WKT
    int m_width = 0, m_height = 0, m_overviews = 0;
};

} // namespace planlines::layers
