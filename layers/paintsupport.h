// Pieces both painters share — the screen's LayerPainter and the sheets' VectorMapPainter:
// pens in millimetres, point-symbol outlines, the cancel flag.
#pragma once

#include "mapviewport.h"
#include "symbol.h"

#include <QPainter>
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
// Hatch lines across clip (pixels of vp), phased from the world origin so the hatch stays put
// under the features while the map pans; pen widths in mm (at least minPx).
void drawHatch(QPainter &painter, const Hatch &h, const QPainterPath &clip, const MapViewport &vp,
               double pxPerMm, double minPx);

} // namespace planlines::layers
