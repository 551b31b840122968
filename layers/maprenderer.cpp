#include "maprenderer.h"
#include "labelcollect.h"
#include "labelplacer.h"
#include "layerpainter.h"

#include <QThread>

#include <algorithm>
#include <cmath>
#include <thread>

namespace planlines::layers {

namespace {

bool isCancelled(const std::atomic<bool> *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

// How far a layer's drawing reaches beyond its features' boxes, in pixels: half the widest
// outline or hatch line, or half the largest marker.
double reachPx(const LayerStyle &style, GeometryKind kind, const MapViewport &viewport,
               double minLineWidthPx)
{
    double mm = 0;
    auto consider = [&](const Symbol &s) {
        mm = std::max({mm, s.outlineWidthMm / 2, s.hatch ? s.hatch->widthMm / 2 : 0.0});
    };
    consider(style.symbol());
    for (const auto &c : style.categories())
        consider(c.symbol);
    double px = std::max(mm * viewport.pixelsPerMm(), minLineWidthPx / 2);
    if (kind == GeometryKind::Point)
        px =
            std::max(px, (style.symbol().marker.sizeMm / 2 + style.symbol().marker.outlineWidthMm) *
                             viewport.pixelsPerMm());
    return px + 1;
}

// The area whose features can touch the viewport's pixels.
geodata::Envelope queryArea(const MapViewport &viewport, double marginPx)
{
    const geodata::Envelope e = viewport.extent();
    const double margin = marginPx * viewport.metresPerPixel();
    return {e.minX - margin, e.minY - margin, e.maxX + margin, e.maxY + margin};
}

} // namespace

void MapRenderer::drawLayers(QPainter &painter, const MapViewport &viewport,
                             std::span<const RenderLayer> layers, RenderStats &stats,
                             std::vector<std::vector<std::uint32_t>> &visible,
                             const std::atomic<bool> *cancel) const
{
    visible.assign(layers.size(), {});
    for (std::size_t i = 0; i < layers.size(); ++i) {
        if (layers[i].raster)
            layers[i].raster->draw(painter, viewport, layers[i].opacity);
        if (!layers[i].data || !layers[i].style)
            continue;
        layers[i].data->query(queryArea(viewport, reachPx(*layers[i].style, layers[i].data->kind(),
                                                          viewport, m_options.minLineWidthPx)),
                              visible[i]);
        painter.setOpacity(layers[i].opacity); // the layer panel's setting
        LayerPainter(painter, viewport, layers[i], m_options, stats).draw(visible[i], cancel);
        painter.setOpacity(1);
        if (isCancelled(cancel)) {
            stats.cancelled = true;
            return;
        }
    }
}

void MapRenderer::drawLabels(QPainter &painter, const MapViewport &viewport,
                             std::span<const RenderLayer> layers,
                             const std::vector<std::vector<std::uint32_t>> &visible,
                             RenderStats &stats) const
{
    if (!m_options.labels)
        return;
    LabelPlacer placer(QRectF(QPointF(0, 0), QSizeF(viewport.sizePx())));
    for (std::size_t i = layers.size(); i-- > 0;)
        if (layers[i].data && layers[i].style)
            collectLabels(placer, viewport, layers[i], visible[i], m_options.fontFamily);
    stats.labels = placer.draw(painter);
    const QTransform toWorld = viewport.worldToPixelTransform().inverted();
    stats.labelBoxes.clear();
    stats.labelBoxes.reserve(placer.placed().size());
    for (const QRectF &box : placer.placed())
        stats.labelBoxes.push_back(toWorld.mapRect(box));
}

RenderStats MapRenderer::render(QPainter &painter, const MapViewport &viewport,
                                std::span<const RenderLayer> layers,
                                const std::atomic<bool> *cancel) const
{
    RenderStats stats;
    if (!viewport.isValid())
        return stats;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    std::vector<std::vector<std::uint32_t>> visible;
    drawLayers(painter, viewport, layers, stats, visible, cancel);
    if (!stats.cancelled)
        drawLabels(painter, viewport, layers, visible, stats);
    painter.restore();
    return stats;
}

QImage MapRenderer::renderImage(const MapViewport &viewport, std::span<const RenderLayer> layers,
                                RenderStats *stats, const std::atomic<bool> *cancel) const
{
    QImage image(viewport.sizePx(), QImage::Format_ARGB32_Premultiplied);
    image.fill(m_options.background);
    const double dotsPerMetre = viewport.dotsPerInch() / MapViewport::kMetresPerInch;
    image.setDotsPerMeterX(static_cast<int>(std::lround(dotsPerMetre)));
    image.setDotsPerMeterY(static_cast<int>(std::lround(dotsPerMetre)));
    const RenderStats total = renderInto(image, QPoint(0, 0), viewport, layers, cancel);
    if (stats)
        *stats = total;
    return image;
}

RenderStats MapRenderer::renderInto(QImage &image, QPoint topLeft, const MapViewport &viewport,
                                    std::span<const RenderLayer> layers,
                                    const std::atomic<bool> *cancel) const
{
    RenderStats total;
    const QRect area(topLeft, viewport.sizePx());
    if (!viewport.isValid() || !image.rect().contains(area))
        return total;
    const int bpp = image.depth() / 8;
    // A view of the area's rows [top, bottom): it paints straight into image's memory.
    auto view = [&](int top, int bottom) {
        QImage v(image.scanLine(area.top() + top) + std::ptrdiff_t(area.left()) * bpp, area.width(),
                 bottom - top, image.bytesPerLine(), image.format());
        v.setDotsPerMeterX(image.dotsPerMeterX());
        v.setDotsPerMeterY(image.dotsPerMeterY());
        return v;
    };

    // Bands of whole rows: each paints its own slice of image's memory, so no copy is needed,
    // and antialiased edges across a band boundary get the same coverage as in one pass.
    // More bands than threads, taken in turn, so a band dense with parcels does not hold up
    // the others.
    const int threads =
        std::max(1, m_options.threads > 0 ? m_options.threads : QThread::idealThreadCount());
    const int height = area.height();
    const int bandCount = threads == 1 ? 1 : std::clamp(height / 64, 1, 4 * threads);
    std::vector<RenderStats> bandStats(static_cast<std::size_t>(bandCount));
    // The label pass needs every feature in view; the bands' queries overlap, so query again.
    std::atomic<int> next{0};
    auto work = [&] {
        for (int b; (b = next.fetch_add(1)) < bandCount;) {
            const int top = height * b / bandCount;
            const int bottom = height * (b + 1) / bandCount;
            QImage band = view(top, bottom);
            QPainter painter(&band);
            painter.setRenderHint(QPainter::Antialiasing, true);
            std::vector<std::vector<std::uint32_t>> visible;
            drawLayers(painter, viewport.cropped(QRect(0, top, area.width(), bottom - top)), layers,
                       bandStats[static_cast<std::size_t>(b)], visible, cancel);
        }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < std::min(threads, bandCount); ++t)
        pool.emplace_back(work);
    work();
    for (auto &t : pool)
        t.join();
    for (const auto &s : bandStats) {
        total.features += s.features;
        total.dots += s.dots;
        total.cancelled = total.cancelled || s.cancelled;
    }
    if (!total.cancelled && m_options.labels) {
        std::vector<std::vector<std::uint32_t>> visible(layers.size());
        const geodata::Envelope queried = queryArea(viewport, 0);
        for (std::size_t i = 0; i < layers.size(); ++i) {
            const auto *rule = layers[i].data && layers[i].style && layers[i].style->label()
                                   ? &*layers[i].style->label()
                                   : nullptr;
            // Not a query of every parcel in view when its labels are only shown nearer in.
            if (rule && !(rule->maxScale > 0 && viewport.scaleDenominator() > rule->maxScale))
                layers[i].data->query(queried, visible[i]);
        }
        QImage whole = view(0, height);
        QPainter painter(&whole);
        painter.setRenderHint(QPainter::Antialiasing, true);
        drawLabels(painter, viewport, layers, visible, total);
    }
    return total;
}

} // namespace planlines::layers
