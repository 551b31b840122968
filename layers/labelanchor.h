// Where a feature's label is placed: inside a polygon (the middle of the widest horizontal run
// across its largest part, which a concave shape's centroid may miss), half-way along a line,
// on a point.
#pragma once

#include "mapviewport.h"

#include <geodata/flatgeometry.h>

namespace planlines::layers {

using FlatGeometry = geodata::FlatGeometry;

class LabelAnchor
{
public:
    static WorldPoint ofPolygon(const FlatGeometry &g);
    static WorldPoint ofLine(const FlatGeometry &g);
    static WorldPoint ofPoint(const FlatGeometry &g);
};

} // namespace planlines::layers
