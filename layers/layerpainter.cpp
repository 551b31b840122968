#include "layerpainter.h"
#include "paintsupport.h"
#include "pixelraster.h"

#include <QPaintDevice>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace planlines::layers {

namespace {

// Hairline of a fill's own colour around each polygon: covers the background that
// antialiasing lets through where two polygons meet.
constexpr double kSeamPx = 0.6;
// Polygons smaller than this many pixels both ways are filled without antialiasing.
constexpr double kSmallPx = 10;
// Translucent batches this large go through a layer image; smaller ones blend directly.
constexpr std::size_t kLayerImageMinFeatures = 64;

} // namespace

LayerPainter::LayerPainter(QPainter &painter, const MapViewport &vp, const RenderLayer &layer,
                           const MapRenderer::Options &options, RenderStats &stats)
    : m_painter(painter), m_vp(vp), m_data(*layer.data), m_style(*layer.style), m_options(options),
      m_stats(stats),
      m_rasterDevice(painter.device() && (painter.device()->devType() == QInternal::Image ||
                                          painter.device()->devType() == QInternal::Pixmap)),
      m_scale(1 / vp.metresPerPixel()), m_pxPerMm(vp.pixelsPerMm())
{
    const QPointF o = vp.worldToPixel(m_data.origin());
    m_tx = o.x();
    m_ty = o.y();
    m_symbols.push_back(&m_style.symbol());
    for (const auto &c : m_style.categories())
        m_symbols.push_back(&c.symbol);
    for (const auto &value : m_data.categoryValues()) {
        const Category *c = m_style.category(value);
        m_slotOfValue.push_back(c ? static_cast<int>(c - m_style.categories().data()) + 1 : 0);
    }
    m_batches.resize(m_symbols.size());
}

void LayerPainter::draw(const std::vector<std::uint32_t> &ids, const std::atomic<bool> *cancel)
{
    for (const std::uint32_t f : ids)
        classify(f);
    const GeometryKind kind = m_data.kind();
    for (std::size_t s = 0; s < m_batches.size(); ++s) {
        if (isCancelled(cancel))
            return;
        const Symbol &sym = *m_symbols[s];
        const Batch &batch = m_batches[s];
        if (kind == GeometryKind::Point)
            drawMarkers(sym, batch);
        else if (kind == GeometryKind::Polygon)
            fillBatch(sym, batch);
        drawDots(sym.hasFill() ? sym.fill : sym.outline, batch.dots);
    }
    if (kind == GeometryKind::Point)
        return;
    // Hatches and outlines over all fills, so a neighbour's fill never covers an edge.
    for (std::size_t s = 0; s < m_batches.size(); ++s) {
        if (isCancelled(cancel))
            return;
        const Symbol &sym = *m_symbols[s];
        if (kind == GeometryKind::Polygon && sym.hatch)
            hatchBatch(*sym.hatch, m_batches[s]);
        if (kind == GeometryKind::Line ? sym.hasOutline() : outlineShown(sym))
            outlineBatch(sym, m_batches[s]);
    }
}

void LayerPainter::classify(std::uint32_t f)
{
    const std::uint16_t cat = m_data.categoryIndex(f);
    Batch &batch = m_batches[cat == LayerData::kNoCategory ? 0 : m_slotOfValue[cat]];
    const auto &box = m_data.box(f);
    if (m_data.kind() != GeometryKind::Point && (box.maxX - box.minX) * m_scale < 1 &&
        (box.maxY - box.minY) * m_scale < 1) {
        const QPointF c = toPixel((box.minX + box.maxX) / 2, (box.minY + box.maxY) / 2);
        // Aliased one-pixel points fill the pixel right of and below integer coordinates.
        batch.dots.emplace_back(std::floor(c.x()), std::floor(c.y()));
        ++m_stats.dots;
        return;
    }
    if (m_data.kind() == GeometryKind::Polygon && (box.maxX - box.minX) * m_scale < kSmallPx &&
        (box.maxY - box.minY) * m_scale < kSmallPx)
        batch.small.push_back(f);
    else
        batch.features.push_back(f);
    ++m_stats.features;
}

// Points closer than half a pixel to the last one kept are dropped: at county scale a parcel
// of 40 vertices becomes a handful of corners.
void LayerPainter::ringToPolygon(std::span<const float> xy)
{
    m_polygon.clear();
    const std::size_t n = xy.size() / 2;
    if (n == 0)
        return;
    QPointF last = toPixel(xy[0], xy[1]);
    m_polygon << last;
    for (std::size_t i = 1; i < n; ++i) {
        const QPointF p = toPixel(xy[2 * i], xy[2 * i + 1]);
        if (i + 1 < n && std::abs(p.x() - last.x()) + std::abs(p.y() - last.y()) < 0.5)
            continue;
        m_polygon << p;
        last = p;
    }
}

namespace {
// The image a painter draws on, when PixelRaster can draw there directly: an image device,
// no transform, no clip (pixel (0, 0) of the painter is the image's).
QImage *directImage(QPainter &painter)
{
    QPaintDevice *device = painter.device();
    if (!device || device->devType() != QInternal::Image || painter.hasClipping() ||
        !painter.transform().isIdentity())
        return nullptr;
    auto *image = static_cast<QImage *>(device);
    return PixelRaster::supports(*image) ? image : nullptr;
}
} // namespace

void LayerPainter::smallRings(std::uint32_t f)
{
    m_points.clear();
    m_ringEnds.clear();
    const auto parts = m_data.parts(f);
    for (auto p = parts.begin; p < parts.end; ++p)
        for (auto r = m_data.rings(p).begin; r < m_data.rings(p).end; ++r) {
            const auto xy = m_data.ringXy(r);
            for (std::size_t i = 0; i + 1 < xy.size(); i += 2)
                m_points.push_back(toPixel(xy[i], xy[i + 1]));
            m_ringEnds.push_back(m_points.size());
        }
    m_ringSpans.clear();
    std::size_t begin = 0;
    for (const std::size_t end : m_ringEnds) {
        m_ringSpans.emplace_back(m_points.data() + begin, end - begin);
        begin = end;
    }
}

void LayerPainter::fillSmall(QPainter &painter, const std::vector<std::uint32_t> &ids,
                             const QColor &opaque)
{
    if (ids.empty())
        return;
    if (QImage *image = directImage(painter)) {
        PixelRaster raster(*image);
        const QRgb rgb = opaque.rgba() | 0xFF000000u;
        for (const std::uint32_t f : ids) {
            smallRings(f);
            raster.fill(m_ringSpans, rgb);
        }
        return;
    }
    painter.setPen(Qt::NoPen);
    painter.setRenderHint(QPainter::Antialiasing, false);
    for (const std::uint32_t f : ids)
        drawFeature(painter, f);
    painter.setRenderHint(QPainter::Antialiasing, true);
}

bool LayerPainter::outlineSmall(const QPen &pen, const std::vector<std::uint32_t> &ids)
{
    if (ids.empty())
        return true;
    QImage *image = directImage(m_painter);
    if (!image || pen.style() != Qt::SolidLine || pen.widthF() > 1 ||
        !m_painter.testRenderHint(QPainter::Antialiasing) || m_painter.opacity() < 1)
        return false;
    PixelRaster raster(*image);
    // As Qt's cosmetic stroker: a pen thinner than a pixel is a one-pixel line that faint.
    const double opacity = pen.widthF() > 0 ? pen.widthF() : 1.0;
    for (const std::uint32_t f : ids) {
        smallRings(f);
        for (const auto &ring : m_ringSpans)
            raster.stroke(ring, true, pen.color(), opacity);
    }
    return true;
}

void LayerPainter::drawFeature(QPainter &painter, std::uint32_t f)
{
    const auto parts = m_data.parts(f);
    const auto firstRings = m_data.rings(parts.begin);
    const bool polygon = m_data.kind() == GeometryKind::Polygon;
    if (polygon && parts.end - parts.begin == 1 && firstRings.end - firstRings.begin == 1) {
        ringToPolygon(m_data.ringXy(firstRings.begin));
        if (m_polygon.size() >= 3)
            painter.drawPolygon(m_polygon);
        return;
    }
    if (!polygon) {
        for (auto p = parts.begin; p < parts.end; ++p)
            for (auto r = m_data.rings(p).begin; r < m_data.rings(p).end; ++r) {
                ringToPolygon(m_data.ringXy(r));
                if (m_polygon.size() >= 2)
                    painter.drawPolyline(m_polygon);
            }
        return;
    }
    QPainterPath path; // several parts or holes: one path, holes by the odd-even rule
    path.setFillRule(Qt::OddEvenFill);
    for (auto p = parts.begin; p < parts.end; ++p)
        for (auto r = m_data.rings(p).begin; r < m_data.rings(p).end; ++r) {
            ringToPolygon(m_data.ringXy(r));
            if (m_polygon.size() >= 3) {
                path.addPolygon(m_polygon);
                path.closeSubpath();
            }
        }
    painter.drawPath(path);
}

bool LayerPainter::outlineShown(const Symbol &s) const
{
    return s.hasOutline() &&
           (s.outlineMaxScale <= 0 || m_vp.scaleDenominator() <= s.outlineMaxScale);
}

QPen LayerPainter::outlinePen(const Symbol &s) const
{
    return strokePen(s.outline, s.outlineWidthMm, s.outlineDashMm, m_pxPerMm,
                     m_options.minLineWidthPx);
}

void LayerPainter::fillBatch(const Symbol &s, const Batch &batch)
{
    if (!s.hasFill() || (batch.features.empty() && batch.small.empty()))
        return;
    const QColor opaque(s.fill.red(), s.fill.green(), s.fill.blue());
    const bool translucent = s.fill.alpha() < 255;
    const bool viaImage = translucent && m_rasterDevice &&
                          batch.features.size() + batch.small.size() >= kLayerImageMinFeatures;
    if (translucent && !viaImage) {
        m_painter.setPen(Qt::NoPen);
        m_painter.setBrush(s.fill);
        for (const auto *list : {&batch.small, &batch.features})
            for (const std::uint32_t f : *list)
                drawFeature(m_painter, f);
        return;
    }
    QImage layerImage;
    QPainter layerPainter;
    QPainter *p = &m_painter;
    if (viaImage) {
        layerImage = QImage(m_vp.sizePx(), QImage::Format_ARGB32_Premultiplied);
        layerImage.fill(Qt::transparent);
        layerPainter.begin(&layerImage);
        layerPainter.setRenderHint(QPainter::Antialiasing, true);
        p = &layerPainter;
    }
    p->setBrush(opaque);
    if (m_rasterDevice)
        fillSmall(*p, batch.small, opaque);
    // The seam hairline is not needed where an opaque outline of at least its width follows.
    const bool outlined =
        outlineShown(s) && s.outline.alpha() == 255 &&
        std::max(s.outlineWidthMm * m_pxPerMm, m_options.minLineWidthPx) >= kSeamPx &&
        s.outlineDashMm.empty();
    p->setPen(m_rasterDevice && !outlined ? QPen(opaque, kSeamPx) : QPen(Qt::NoPen));
    if (!m_rasterDevice)
        for (const std::uint32_t f : batch.small)
            drawFeature(*p, f);
    for (const std::uint32_t f : batch.features)
        drawFeature(*p, f);
    if (viaImage) {
        layerPainter.end();
        m_painter.save();
        m_painter.setOpacity(s.fill.alphaF());
        m_painter.drawImage(QPointF(0, 0), layerImage);
        m_painter.restore();
    }
}

// Parallel lines clipped to the batch's polygons (drawHatch).
void LayerPainter::hatchBatch(const Hatch &h, const Batch &batch)
{
    if (batch.features.empty() && batch.small.empty())
        return;
    QPainterPath clip;
    clip.setFillRule(Qt::WindingFill); // shells counter-clockwise, holes clockwise
    for (const auto *list : {&batch.small, &batch.features})
        for (const std::uint32_t f : *list) {
            const auto parts = m_data.parts(f);
            for (auto p = parts.begin; p < parts.end; ++p)
                for (auto r = m_data.rings(p).begin; r < m_data.rings(p).end; ++r) {
                    ringToPolygon(m_data.ringXy(r));
                    if (m_polygon.size() >= 3) {
                        clip.addPolygon(m_polygon);
                        clip.closeSubpath();
                    }
                }
        }
    drawHatch(m_painter, h, clip, m_vp, m_pxPerMm, m_options.minLineWidthPx);
}

void LayerPainter::outlineBatch(const Symbol &s, const Batch &batch)
{
    if (batch.features.empty() && batch.small.empty())
        return;
    m_painter.setBrush(Qt::NoBrush);
    const QPen pen = outlinePen(s);
    m_painter.setPen(pen);
    if (!outlineSmall(pen, batch.small))
        for (const std::uint32_t f : batch.small)
            drawFeature(m_painter, f);
    for (const std::uint32_t f : batch.features)
        drawFeature(m_painter, f);
}

void LayerPainter::drawDots(const QColor &color, const std::vector<QPointF> &dots)
{
    if (dots.empty() || !color.isValid())
        return;
    m_painter.save();
    m_painter.setRenderHint(QPainter::Antialiasing, false);
    m_painter.setPen(QPen(QColor(color.red(), color.green(), color.blue()), 1));
    m_painter.drawPoints(dots.data(), static_cast<int>(dots.size()));
    m_painter.restore();
}

void LayerPainter::drawMarkers(const Symbol &s, const Batch &batch)
{
    if (batch.features.empty())
        return;
    const Marker &m = s.marker;
    const QPainterPath shape = markerPath(m.shape, m.sizeMm * m_pxPerMm);
    const QColor fill = m.fill.isValid() ? m.fill : s.fill;
    const QColor outline = m.outline.isValid() ? m.outline : s.outline;
    m_painter.setBrush(fill.isValid() ? QBrush(fill) : QBrush(Qt::NoBrush));
    m_painter.setPen(outline.isValid() ? strokePen(outline, m.outlineWidthMm, {}, m_pxPerMm,
                                                   m_options.minLineWidthPx)
                                       : QPen(Qt::NoPen));
    for (const std::uint32_t f : batch.features) {
        const auto parts = m_data.parts(f);
        for (auto p = parts.begin; p < parts.end; ++p)
            for (auto r = m_data.rings(p).begin; r < m_data.rings(p).end; ++r) {
                const auto xy = m_data.ringXy(r);
                if (xy.empty())
                    continue;
                m_painter.save();
                m_painter.translate(toPixel(xy[0], xy[1]));
                m_painter.drawPath(shape);
                m_painter.restore();
            }
    }
}

} // namespace planlines::layers
