// The review report's two maps of a site, drawn as figures (legend, scale bar, north arrow and
// grid labels beside or around the frame) with the map sheets' parts (layers/sheet):
// - the location map (区位图): the whole county with its townships and their names, the site
//   outlined and marked with a ring, so it is found even when it is a few pixels;
// - the detail map (选址详图): the site's surroundings over the land use, with 永久基本农田,
//   生态保护红线, 城镇开发边界 and the corridor in their sheet styles and the site outlined in red.
// Planned first (ReportMap: extent, scale, legend, layers), so a test reads the legend's entries
// without reading pixels, then drawn at any resolution. Drawing needs a QGuiApplication (fonts).
#pragma once

#include "../projectmap.h"
#include "../sheet/sheetlayout.h"

#include <geodata/geometry.h>

#include <QImage>
#include <QPolygonF>
#include <QSizeF>

#include <vector>

namespace planlines::layers::report {

struct ReportMap
{
    sheet::SheetLayout layout;    // layout.tmpl.paperMm is the figure's size
    std::vector<bool> visible;    // per ProjectMap::layers() entry
    std::vector<QPolygonF> site;  // the site's rings, working CRS
    geodata::Envelope siteExtent; // where the marker goes when the rings are empty (a point)
    bool marker = false;          // a ring around the site (the location map)
};

// The red the site is outlined in.
QColor siteOutlineColor();

// sizeMm: the figure on paper (as Figure::widthMm, and its height; the location map is made
// less tall when the county is wider than its frame). site is in the project's working CRS.
// Throws geodata::Error when the site is empty.
ReportMap locationMapPlan(const ProjectMap &map, const geodata::Geometry &site, QSizeF sizeMm);
ReportMap detailMapPlan(const ProjectMap &map, const geodata::Geometry &site, QSizeF sizeMm);

// The figure at dotsPerInch (at least 200 for print), its physical size set on the image.
QImage drawReportMap(const ProjectMap &map, const ReportMap &plan, double dotsPerInch = 200);

// The pixel of the figure drawn at dotsPerInch where world (working CRS, inside the frame) is.
QPointF reportMapPixel(const ReportMap &plan, WorldPoint world, double dotsPerInch = 200);

inline QImage locationMap(const ProjectMap &map, const geodata::Geometry &site,
                          QSizeF sizeMm = {170, 125}, double dotsPerInch = 200)
{
    return drawReportMap(map, locationMapPlan(map, site, sizeMm), dotsPerInch);
}
inline QImage detailMap(const ProjectMap &map, const geodata::Geometry &site,
                        QSizeF sizeMm = {170, 135}, double dotsPerInch = 200)
{
    return drawReportMap(map, detailMapPlan(map, site, sizeMm), dotsPerInch);
}

} // namespace planlines::layers::report
