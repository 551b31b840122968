// The labels of one layer's features handed to a LabelPlacer, as both painters place them (the
// screen's and the image sheets' MapRenderer, the vector sheets' VectorMapPainter): the style's
// label rule (font in points at the viewport's dpi, the rule's and each category's scale
// limits), point labels beside their marker, features too small to carry a label left out, and
// at most 4 000 labels a layer (beyond that the view is too crowded to read anyway).
#pragma once

#include "labelplacer.h"
#include "maprenderer.h"

#include <cstdint>
#include <vector>

namespace planlines::layers {

// ids: the layer's features in the view. A polygon or line needs rule.minFeaturePx ×
// minFeatureFactor pixels across (1 on screen; dpi / 96 on paper, so the limit is in mm).
void collectLabels(LabelPlacer &placer, const MapViewport &vp, const RenderLayer &layer,
                   const std::vector<std::uint32_t> &ids, const QString &family,
                   double minFeatureFactor = 1);

} // namespace planlines::layers
