// The measuring tools' arithmetic: planar length of a polyline and area of a polygon in the
// working CRS (metres, so square metres; shown also in 亩 and 公顷 through geodata/area.h).
#pragma once

#include "mapviewport.h"

#include <span>

namespace planlines::layers {

// Sum of the segment lengths, in metres.
double polylineLengthM(std::span<const WorldPoint> points);
// The area enclosed by the ring through points (closed implicitly), in m²; either winding.
// A self-crossing ring gives the shoelace sum of its signed lobes, as other GIS tools do.
double polygonAreaM2(std::span<const WorldPoint> points);
// The perimeter of that ring (closing edge included), in metres.
double polygonPerimeterM(std::span<const WorldPoint> points);

} // namespace planlines::layers
