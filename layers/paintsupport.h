// Pieces both painters share — the screen's LayerPainter and the sheets' VectorMapPainter:
// pens in millimetres, point-symbol outlines, the cancel flag.
#pragma once

#include "symbol.h"

#include <QPainterPath>
#include <QPen>

#include <atomic>
#include <vector>

namespace planlines::layers {

bool isCancelled(const std::atomic<bool> *cancel);
// A pen widthMm wide (at least minPx) with a dash pattern given in mm.
QPen strokePen(const QColor &color, double widthMm, const std::vector<double> &dashMm,
               double pxPerMm, double minPx);
// A point symbol's outline, sizePx across, centred on (0, 0).
QPainterPath markerPath(MarkerShape shape, double sizePx);

} // namespace planlines::layers
