#include "maprenderer.h"
#include "labelplacer.h"
#include "layerpainter.h"

#include <algorithm>
#include <cmath>

namespace planlines::layers {

namespace {

bool isCancelled(const std::atomic<bool> *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

void collectLabels(LabelPlacer &placer, const MapViewport &vp, const RenderLayer &layer,
                   const std::vector<std::uint32_t> &ids, const QString &family)
{
    const auto &rule = layer.style->label();
    const LayerData &data = *layer.data;
    if (!rule || data.labelField().empty() ||
        (rule->maxScale > 0 && vp.scaleDenominator() > rule->maxScale))
        return;
    QFont font(family);
    font.setPixelSize(
        std::max(1, static_cast<int>(std::lround(rule->fontSizePt * vp.dotsPerInch() / 72))));
    font.setBold(rule->bold);
    const double scale = 1 / vp.metresPerPixel();
    // Point labels sit beside their marker, not on it.
    const double gapPx = data.kind() == GeometryKind::Point
                             ? (layer.style->symbol().marker.sizeMm / 2 + 0.8) * vp.pixelsPerMm()
                             : 0;
    // Categories may be labelled only nearer in (villages later than the county seat).
    std::vector<bool> valueHidden;
    for (const auto &value : data.categoryValues()) {
        const Category *c = layer.style->category(value);
        valueHidden.push_back(c && c->labelMaxScale > 0 &&
                              vp.scaleDenominator() > c->labelMaxScale);
    }
    constexpr int kMaxPerLayer = 4000; // beyond this, the view is too crowded to read anyway
    int added = 0;
    for (const std::uint32_t f : ids) {
        const QStringView text = data.label(f);
        if (text.isEmpty())
            continue;
        if (const auto c = data.categoryIndex(f); c != LayerData::kNoCategory && valueHidden[c])
            continue;
        const auto &box = data.box(f);
        if (data.kind() != GeometryKind::Point &&
            std::max(box.maxX - box.minX, box.maxY - box.minY) * scale < rule->minFeaturePx)
            continue;
        placer.add({text.toString(), vp.worldToPixel(data.labelAnchor(f)), font, rule->color,
                    rule->halo, 0.6 * vp.pixelsPerMm(), rule->priority, gapPx});
        if (++added >= kMaxPerLayer)
            break;
    }
}

} // namespace

RenderStats MapRenderer::render(QPainter &painter, const MapViewport &viewport,
                                std::span<const RenderLayer> layers,
                                const std::atomic<bool> *cancel) const
{
    RenderStats stats;
    if (!viewport.isValid())
        return stats;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    // Look a little beyond the edges, so outlines and markers of features just outside show.
    geodata::Envelope area = viewport.extent();
    const double margin = 5 * viewport.pixelsPerMm() * viewport.metresPerPixel();
    area = {area.minX - margin, area.minY - margin, area.maxX + margin, area.maxY + margin};

    std::vector<std::vector<std::uint32_t>> visible(layers.size());
    for (std::size_t i = 0; i < layers.size(); ++i) {
        if (!layers[i].data || !layers[i].style)
            continue;
        layers[i].data->query(area, visible[i]);
        painter.setOpacity(layers[i].opacity);
        LayerPainter(painter, viewport, layers[i], m_options, stats).draw(visible[i], cancel);
        if (isCancelled(cancel)) {
            stats.cancelled = true;
            painter.restore();
            return stats;
        }
    }
    painter.setOpacity(1);
    if (m_options.labels) {
        LabelPlacer placer(QRectF(QPointF(0, 0), QSizeF(viewport.sizePx())));
        for (std::size_t i = layers.size(); i-- > 0;)
            if (layers[i].data && layers[i].style)
                collectLabels(placer, viewport, layers[i], visible[i], m_options.fontFamily);
        stats.labels = placer.draw(painter);
    }
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
    QPainter painter(&image);
    const RenderStats s = render(painter, viewport, layers, cancel);
    if (stats)
        *stats = s;
    return image;
}

} // namespace planlines::layers
