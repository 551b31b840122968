// What a layer's features are drawn as: points, lines or polygons.
#pragma once

#include <string_view>

namespace planlines::layers {

enum class GeometryKind
{
    Point,
    Line,
    Polygon
};

// POINT and MULTIPOINT are points, *LINESTRING lines, *POLYGON polygons (SpatiaLite's names).
inline GeometryKind geometryKindOf(std::string_view geometryType)
{
    if (geometryType.find("POINT") != std::string_view::npos)
        return GeometryKind::Point;
    if (geometryType.find("LINESTRING") != std::string_view::npos)
        return GeometryKind::Line;
    return GeometryKind::Polygon;
}

} // namespace planlines::layers
