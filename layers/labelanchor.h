// Where a feature's label is placed: inside a polygon (the middle of the widest horizontal run
// across its largest part, which a concave shape's centroid may miss), half-way along a line,
// on a point.
#pragma once

#include "mapviewport.h"
#include "wkbreader.h"

namespace planlines::layers {

class LabelAnchor
{
public:
    static WorldPoint ofPolygon(const FlatGeometry &g);
    static WorldPoint ofLine(const FlatGeometry &g);
    static WorldPoint ofPoint(const FlatGeometry &g);
};

} // namespace planlines::layers
