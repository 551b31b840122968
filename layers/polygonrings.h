// The polygon rings of a geometry as Qt paths: the outline the check panel draws over the map,
// the change panel highlights, and the report's maps draw the site with. Coordinates stay as
// they are (the project's working CRS); points and lines have no rings.
#pragma once

#include <geodata/geometry.h>

#include <QPainterPath>
#include <QPolygonF>

#include <vector>

namespace planlines::layers {

// Each ring (exterior, then its holes, polygon by polygon) as it is stored, closed.
std::vector<QPolygonF> polygonRings(const geodata::Geometry &g);

// The rings as one path (odd-even fill: the holes stay open). Empty for an empty geometry.
QPainterPath outlinePath(const geodata::Geometry &g);

} // namespace planlines::layers
