#include "vectormappainter.h"

#include "../paintsupport.h"

#include "../labelcollect.h"
#include "../labelplacer.h"

#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace planlines::layers::sheet {

namespace {

// One layer's features merged per symbol.
class LayerPaths
{
public:
    LayerPaths(const MapViewport &vp, const RenderLayer &layer, double gridPx)
        : m_data(*layer.data), m_style(*layer.style), m_grid(gridPx),
          m_scale(1 / vp.metresPerPixel())
    {
        const QPointF o = vp.worldToPixel(m_data.origin());
        m_tx = o.x();
        m_ty = o.y();
        m_symbols.push_back(&m_style.symbol());
        for (const auto &c : m_style.categories())
            m_symbols.push_back(&c.symbol);
        for (const auto &value : m_data.categoryValues()) {
            const Category *c = m_style.category(value);
            m_slotOfValue.push_back(c ? int(c - m_style.categories().data()) + 1 : 0);
        }
        m_paths.resize(m_symbols.size());
        m_points.resize(m_symbols.size());
        for (auto &p : m_paths)
            p.setFillRule(Qt::WindingFill); // shells counter-clockwise, holes clockwise
    }

    void add(std::uint32_t f)
    {
        const std::uint16_t cat = m_data.categoryIndex(f);
        const std::size_t slot =
            cat == LayerData::kNoCategory ? 0 : std::size_t(m_slotOfValue[cat]);
        const auto parts = m_data.parts(f);
        for (auto p = parts.begin; p < parts.end; ++p)
            for (auto r = m_data.rings(p).begin; r < m_data.rings(p).end; ++r) {
                const auto xy = m_data.ringXy(r);
                if (m_data.kind() == GeometryKind::Point) {
                    if (!xy.empty())
                        m_points[slot].push_back(toPixel(xy[0], xy[1]));
                    continue;
                }
                addRing(m_paths[slot], xy, m_data.kind() == GeometryKind::Polygon);
            }
    }

    std::size_t slotCount() const { return m_symbols.size(); }
    const Symbol &symbol(std::size_t s) const { return *m_symbols[s]; }
    const QPainterPath &path(std::size_t s) const { return m_paths[s]; }
    const std::vector<QPointF> &points(std::size_t s) const { return m_points[s]; }

private:
    QPointF toPixel(float x, float y) const { return {m_tx + x * m_scale, m_ty - y * m_scale}; }
    QPointF snap(QPointF p) const
    {
        return {std::round(p.x() / m_grid) * m_grid, std::round(p.y() / m_grid) * m_grid};
    }

    // Drops each point that lies within half a grid cell of the line from the last point kept
    // to the next one: it would not move the outline visibly on paper.
    void dropStraightPoints(bool closed)
    {
        if (m_ring.size() < 3)
            return;
        const double tolerance = 0.5 * m_grid;
        m_kept.clear();
        m_kept << m_ring[0];
        for (qsizetype i = 1; i + 1 < m_ring.size(); ++i) {
            const QPointF a = m_kept.back(), b = m_ring[i], c = m_ring[i + 1];
            const QPointF ac = c - a;
            const double len = std::hypot(ac.x(), ac.y());
            const QPointF ab = b - a;
            const double cross = std::abs(ac.x() * ab.y() - ac.y() * ab.x());
            // b must also lie between a and c, or a spike would be cut.
            const double along = ab.x() * ac.x() + ab.y() * ac.y();
            if (len > 0 && cross / len < tolerance && along > 0 && along < len * len)
                continue;
            m_kept << b;
        }
        m_kept << m_ring.back();
        if (closed && m_kept.size() < 3)
            return; // keep the ring as it was rather than lose it
        m_ring.swap(m_kept);
    }

    // Snapped to the grid, repeats dropped; rings that shrink below a triangle are left out
    // (smaller than the grid on paper), lines below two points likewise.
    void addRing(QPainterPath &path, std::span<const float> xy, bool closed)
    {
        m_ring.clear();
        const std::size_t n = xy.size() / 2;
        for (std::size_t i = 0; i < n; ++i) {
            const QPointF p = snap(toPixel(xy[2 * i], xy[2 * i + 1]));
            if (!m_ring.isEmpty() && m_ring.back() == p)
                continue;
            m_ring << p;
        }
        if (closed)
            while (m_ring.size() > 1 && m_ring.back() == m_ring.front())
                m_ring.removeLast();
        dropStraightPoints(closed);
        if (closed) {
            if (m_ring.size() < 3)
                return;
            path.addPolygon(m_ring);
            path.closeSubpath();
        } else if (m_ring.size() >= 2) {
            path.moveTo(m_ring[0]);
            for (qsizetype i = 1; i < m_ring.size(); ++i)
                path.lineTo(m_ring[i]);
        }
    }

    const LayerData &m_data;
    const LayerStyle &m_style;
    double m_grid, m_scale, m_tx = 0, m_ty = 0;
    std::vector<const Symbol *> m_symbols;
    std::vector<int> m_slotOfValue;
    std::vector<QPainterPath> m_paths;
    std::vector<std::vector<QPointF>> m_points;
    QPolygonF m_ring;
    QPolygonF m_kept;
};

} // namespace

RenderStats VectorMapPainter::render(QPainter &painter, const MapViewport &vp,
                                     std::span<const RenderLayer> layers,
                                     const std::atomic<bool> *cancel) const
{
    RenderStats stats;
    if (!vp.isValid())
        return stats;
    const double pxPerMm = vp.pixelsPerMm();
    const double minPx = m_options.minLineWidthMm * pxPerMm;
    geodata::Envelope area = vp.extent();
    const double margin = 5 * pxPerMm * vp.metresPerPixel();
    area = {area.minX - margin, area.minY - margin, area.maxX + margin, area.maxY + margin};
    std::vector<std::vector<std::uint32_t>> visible(layers.size());
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    for (std::size_t i = 0; i < layers.size(); ++i) {
        if (!layers[i].data || !layers[i].style)
            continue;
        if (isCancelled(cancel)) {
            stats.cancelled = true;
            painter.restore();
            return stats;
        }
        layers[i].data->query(area, visible[i]);
        painter.setOpacity(layers[i].opacity); // a sheet's dimmed layer
        LayerPaths paths(vp, layers[i], m_options.gridMm * pxPerMm);
        for (const std::uint32_t f : visible[i])
            paths.add(f);
        stats.features += int(visible[i].size());
        const GeometryKind kind = layers[i].data->kind();
        const double scale = vp.scaleDenominator();
        auto outlineShown = [&](const Symbol &s) {
            return s.hasOutline() && (kind == GeometryKind::Line || s.outlineMaxScale <= 0 ||
                                      scale <= s.outlineMaxScale);
        };
        auto pen = [&](const Symbol &s) {
            return strokePen(s.outline, s.outlineWidthMm, s.outlineDashMm, pxPerMm, minPx);
        };
        // Opaque fills with a solid outline: one fill-and-stroke per symbol (each edge is
        // stroked again by the neighbour drawn later, so no fill covers an edge).
        std::vector<bool> outlineDone(paths.slotCount(), false);
        for (std::size_t s = 0; s < paths.slotCount(); ++s) {
            const Symbol &sym = paths.symbol(s);
            if (kind == GeometryKind::Point) {
                const auto &pts = paths.points(s);
                if (pts.empty())
                    continue;
                const Marker &m = sym.marker;
                const QPainterPath shape = markerPath(m.shape, m.sizeMm * pxPerMm);
                QPainterPath all;
                for (const QPointF &p : pts)
                    all.addPath(shape.translated(p));
                const QColor fill = m.fill.isValid() ? m.fill : sym.fill;
                const QColor outline = m.outline.isValid() ? m.outline : sym.outline;
                painter.setBrush(fill.isValid() ? QBrush(fill) : QBrush(Qt::NoBrush));
                painter.setPen(outline.isValid()
                                   ? strokePen(outline, m.outlineWidthMm, {}, pxPerMm, minPx)
                                   : QPen(Qt::NoPen));
                painter.drawPath(all);
                continue;
            }
            const QPainterPath &path = paths.path(s);
            if (path.isEmpty() || kind != GeometryKind::Polygon || !sym.hasFill())
                continue;
            const bool together = sym.fill.alpha() == 255 && outlineShown(sym) &&
                                  sym.outlineDashMm.empty() && !sym.hatch;
            painter.setBrush(sym.fill);
            painter.setPen(together ? pen(sym) : QPen(Qt::NoPen));
            painter.drawPath(path);
            outlineDone[s] = together;
        }
        if (kind == GeometryKind::Point)
            continue;
        for (std::size_t s = 0; s < paths.slotCount(); ++s) {
            const Symbol &sym = paths.symbol(s);
            const QPainterPath &path = paths.path(s);
            if (path.isEmpty())
                continue;
            if (kind == GeometryKind::Polygon && sym.hatch)
                drawHatch(painter, *sym.hatch, path, vp, pxPerMm, minPx);
            if (!outlineDone[s] && outlineShown(sym)) {
                painter.setBrush(Qt::NoBrush);
                painter.setPen(pen(sym));
                painter.drawPath(path);
            }
        }
    }
    painter.setOpacity(1);
    if (m_options.labels) {
        LabelPlacer placer(QRectF(QPointF(0, 0), QSizeF(vp.sizePx())));
        for (std::size_t i = layers.size(); i-- > 0;)
            if (layers[i].data && layers[i].style)
                collectLabels(placer, vp, layers[i], visible[i], m_options.fontFamily,
                              vp.dotsPerInch() / MapViewport::kScreenDpi);
        stats.labels = placer.draw(painter);
    }
    painter.restore();
    return stats;
}

} // namespace planlines::layers::sheet
