#include "labelcollect.h"

#include <algorithm>
#include <cmath>

namespace planlines::layers {

void collectLabels(LabelPlacer &placer, const MapViewport &vp, const RenderLayer &layer,
                   const std::vector<std::uint32_t> &ids, const QString &family,
                   double minFeatureFactor)
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
    const double minPx = rule->minFeaturePx * minFeatureFactor;
    constexpr int kMaxPerLayer = 4000;
    int added = 0;
    for (const std::uint32_t f : ids) {
        const QStringView text = data.label(f);
        if (text.isEmpty())
            continue;
        if (const auto c = data.categoryIndex(f); c != LayerData::kNoCategory && valueHidden[c])
            continue;
        const auto &box = data.box(f);
        if (data.kind() != GeometryKind::Point &&
            std::max(box.maxX - box.minX, box.maxY - box.minY) * scale < minPx)
            continue;
        placer.add({text.toString(), vp.worldToPixel(data.labelAnchor(f)), font, rule->color,
                    rule->halo, 0.6 * vp.pixelsPerMm(), rule->priority, gapPx});
        if (++added >= kMaxPerLayer)
            break;
    }
}

} // namespace planlines::layers
