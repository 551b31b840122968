#include "reportmaps.h"

#include "../polygonrings.h"
#include "../sheet/papercanvas.h"
#include "../sheet/sheetcomposer.h"
#include "../sheet/sheetparts.h"

#include <geodata/error.h>

#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace planlines::layers::report {

namespace {

using geodata::Role;

// Text and lines as on an A3 sheet scaled by this: the figure is printed at its size on A4.
constexpr double kSizeFactor = 0.85;

// A figure: the map frame at the left inside its grid-label band, the legend over the scale
// bar and north arrow in a panel at the right, a line under the frame for the grid's note.
sheet::SheetTemplate figureTemplate(QSizeF sizeMm)
{
    sheet::SheetTemplate t;
    t.paper = sheet::Paper::A4;
    t.orientation = sheet::Orientation::Portrait;
    t.paperMm = sizeMm;
    t.sizeFactor = kSizeFactor;
    const double s = kSizeFactor;
    const double w = sizeMm.width(), h = sizeMm.height();
    const double margin = 0.6, gap = 3 * s, labelBand = 4.5 * s, noteBand = 3.6 * s;
    const double panelWidth = std::clamp(w * 0.27, 36.0, 56.0);
    t.panelMm = QRectF(w - margin - panelWidth, margin, panelWidth, h - 2 * margin);
    t.outerMm = QRectF(margin, margin, t.panelMm.left() - gap - margin, h - 2 * margin - noteBand);
    t.frameMm = t.outerMm.adjusted(labelBand, labelBand, -labelBand, -labelBand);
    const double scaleH = 16 * s;
    t.scaleBarMm = QRectF(t.panelMm.left(), t.panelMm.bottom() - scaleH, panelWidth, scaleH);
    t.legendMm = QRectF(t.panelMm.left(), t.panelMm.top(), panelWidth,
                        t.scaleBarMm.top() - gap - t.panelMm.top());
    return t;
}

geodata::Envelope siteEnvelope(const geodata::Geometry &site)
{
    if (!site || site.isEmpty())
        throw geodata::Error("the site has no geometry: no map can be drawn of it");
    return site.envelope();
}

ReportMap makePlan(const ProjectMap &map, const geodata::Geometry &site, QSizeF sizeMm,
                   const geodata::Envelope &extent, std::vector<bool> visible, bool marker)
{
    ReportMap out;
    out.visible = std::move(visible);
    out.siteExtent = siteEnvelope(site);
    out.site = polygonRings(site);
    out.marker = marker;
    sheet::SheetSpec spec;
    spec.layout = figureTemplate(sizeMm);
    spec.extent = extent;
    spec.visible = out.visible;
    const sheet::SheetComposer composer(map);
    out.layout = composer.layout(spec);
    // The county is not a sheet at a series scale: the scale that fits, rounded up to two
    // figures (1:420 000, not the sheets' next step 1:500 000 that leaves a third empty). The
    // detail map keeps the series scale (1:10 000) staff measure on.
    const QRectF frame = spec.layout.frameMm;
    const double fit = std::max((extent.maxX - extent.minX) * 1.04 / frame.width(),
                                (extent.maxY - extent.minY) * 1.04 / frame.height()) /
                       out.layout.unitsPerMetre * 1000;
    if (marker && fit > 0 && std::isfinite(fit)) {
        const double step = std::pow(10.0, std::floor(std::log10(fit)) - 1);
        spec.scaleDenominator = std::max(500.0, std::ceil(fit / step - 1e-9) * step);
        out.layout = composer.layout(spec);
    }
    // The site first: it is what the figure is about.
    sheet::LegendItem item;
    item.label = QStringLiteral("项目选址");
    item.heading = true;
    item.headingSwatch = true;
    item.kind = GeometryKind::Polygon;
    item.symbol.outline = siteOutlineColor();
    item.symbol.outlineWidthMm = 0.6;
    out.layout.legend.insert(out.layout.legend.begin(), item);
    return out;
}

std::vector<bool> layersOf(const ProjectMap &map, std::initializer_list<Role> roles)
{
    std::vector<bool> visible;
    for (const auto &l : map.layers())
        visible.push_back(std::find(roles.begin(), roles.end(), l.entry.info.role) != roles.end());
    return visible;
}

void drawSite(QPainter &p, const MapViewport &vp, const ReportMap &plan, double pxPerMm)
{
    QPainterPath path;
    for (const QPolygonF &ring : plan.site) {
        QPolygonF px;
        px.reserve(ring.size());
        for (const QPointF &w : ring)
            px << vp.worldToPixel({w.x(), w.y()});
        path.addPolygon(px);
        path.closeSubpath();
    }
    p.setBrush(Qt::NoBrush);
    // Wide and white under, red over: it reads on the red line's hatch and on any fill.
    p.setPen(QPen(QColor(255, 255, 255, 230), 1.5 * pxPerMm, Qt::SolidLine, Qt::RoundCap,
                  Qt::RoundJoin));
    p.drawPath(path);
    p.setPen(QPen(siteOutlineColor(), 0.7 * pxPerMm, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.drawPath(path);
    if (!plan.marker)
        return;
    // A ring around the site, never smaller than a few millimetres on paper.
    const geodata::Envelope &e = plan.siteExtent;
    const QPointF a = vp.worldToPixel({e.minX, e.maxY}), b = vp.worldToPixel({e.maxX, e.minY});
    const QPointF centre = (a + b) / 2;
    const double radius = std::max(3.2 * pxPerMm, QLineF(a, b).length() / 2 + 1.5 * pxPerMm);
    p.setPen(QPen(QColor(255, 255, 255, 230), 1.4 * pxPerMm));
    p.drawEllipse(centre, radius, radius);
    p.setPen(QPen(siteOutlineColor(), 0.6 * pxPerMm));
    p.drawEllipse(centre, radius, radius);
    p.setPen(Qt::NoPen);
    p.setBrush(siteOutlineColor());
    p.drawEllipse(centre, 0.7 * pxPerMm, 0.7 * pxPerMm);
}

// The frame's viewport in the figure's pixels, its top-left moved to a whole pixel (the map is
// drawn straight into the image there), and that pixel.
std::pair<MapViewport, QPoint> frameViewport(const sheet::SheetLayout &layout, double dpi)
{
    const sheet::SheetTemplate &t = layout.tmpl;
    const double pxPerMm = dpi / 25.4;
    const MapViewport vp = layout.viewport(dpi);
    const QRectF framePx(t.frameMm.topLeft() * pxPerMm, t.frameMm.size() * pxPerMm);
    const QPoint at = framePx.topLeft().toPoint();
    const QPointF shift = QPointF(at) - framePx.topLeft();
    const QSizeF size(vp.sizePx());
    return {MapViewport(vp.pixelToWorld(QPointF(size.width() / 2, size.height() / 2) + shift),
                        vp.metresPerPixel(), vp.sizePx(), vp.dotsPerInch()),
            at};
}

} // namespace

QPointF reportMapPixel(const ReportMap &plan, WorldPoint world, double dotsPerInch)
{
    const auto [vp, at] = frameViewport(plan.layout, dotsPerInch);
    return vp.worldToPixel(world) + QPointF(at);
}

QColor siteOutlineColor()
{
    return QColor(0xFF, 0x00, 0x00);
}

ReportMap locationMapPlan(const ProjectMap &map, const geodata::Geometry &site, QSizeF sizeMm)
{
    const geodata::Envelope county = map.homeExtent();
    const geodata::Envelope s = siteEnvelope(site);
    // The county, and the site even when it lies outside every township; a project without
    // layers: the site with five times its size around it (a point: 1 km, or 0.01°).
    const bool hasCounty = county.maxX > county.minX && county.maxY > county.minY;
    const double pad = std::max({s.maxX - s.minX, s.maxY - s.minY}) * 5 > 0
                           ? std::max({s.maxX - s.minX, s.maxY - s.minY}) * 5
                       : std::abs(s.maxX) <= 180 ? 0.01
                                                 : 1000.0;
    const geodata::Envelope extent =
        hasCounty ? geodata::Envelope{std::min(county.minX, s.minX), std::min(county.minY, s.minY),
                                      std::max(county.maxX, s.maxX), std::max(county.maxY, s.maxY)}
                  : geodata::Envelope{s.minX - pad, s.minY - pad, s.maxX + pad, s.maxY + pad};
    // No taller than the county needs (a wide county leaves no empty bands above and below),
    // but tall enough for the legend and the scale bar beside it.
    const QRectF frame = figureTemplate(sizeMm).frameMm;
    const double ew = extent.maxX - extent.minX, eh = extent.maxY - extent.minY;
    if (ew > 0 && eh > 0 && frame.height() > frame.width() * eh / ew)
        sizeMm.setHeight(std::max(std::min(sizeMm.height(), 80.0),
                                  sizeMm.height() - frame.height() + frame.width() * eh / ew));
    return makePlan(map, site, sizeMm, extent, layersOf(map, {Role::Township}), true);
}

ReportMap detailMapPlan(const ProjectMap &map, const geodata::Geometry &site, QSizeF sizeMm)
{
    const geodata::Envelope e = siteEnvelope(site);
    // The site about a third of the frame across: enough surroundings to read it against.
    const bool degrees = std::abs(e.maxX) <= 180 && std::abs(e.maxY) <= 90; // a geographic CRS
    const double pad = std::max({e.maxX - e.minX, e.maxY - e.minY, degrees ? 0.003 : 300.0});
    const geodata::Envelope extent{e.minX - pad, e.minY - pad, e.maxX + pad, e.maxY + pad};
    return makePlan(map, site, sizeMm, extent,
                    layersOf(map, {Role::Landuse, Role::BasicFarmland, Role::EcoRedline,
                                   Role::UrbanBoundary, Role::Corridor, Role::Township}),
                    false);
}

QImage drawReportMap(const ProjectMap &map, const ReportMap &plan, double dpi)
{
    const sheet::SheetLayout &layout = plan.layout;
    const sheet::SheetTemplate &t = layout.tmpl;
    const double pxPerMm = dpi / 25.4;
    QImage image(int(std::lround(t.paperMm.width() * pxPerMm)),
                 int(std::lround(t.paperMm.height() * pxPerMm)),
                 QImage::Format_ARGB32_Premultiplied);
    image.setDotsPerMeterX(int(std::lround(dpi / 0.0254)));
    image.setDotsPerMeterY(int(std::lround(dpi / 0.0254)));
    image.fill(Qt::white);

    // The map straight into the frame's pixels (in bands on all cores).
    const auto [shifted, at] = frameViewport(layout, dpi);
    const QSizeF size(shifted.sizePx());
    const auto layers = map.renderLayers(plan.visible);
    MapRenderer().renderInto(image, at, shifted, layers);

    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    const sheet::PaperCanvas c(p, dpi);
    sheet::drawGrid(c, t, layout);
    p.save();
    p.translate(at);
    p.setClipRect(QRectF(QPointF(0, 0), size));
    drawSite(p, shifted, plan, pxPerMm);
    p.restore();
    c.strokeRect(t.frameMm, t.thinLineMm() * 1.5);
    c.strokeRect(t.outerMm, t.frameLineMm() * 0.6);
    sheet::drawLegend(c, t, t.legendMm, layout.legend);
    sheet::drawScaleBar(c, t, layout);
    sheet::drawNorthArrow(c, t, t.scaleBarMm);
    p.end();
    return image;
}

} // namespace planlines::layers::report
