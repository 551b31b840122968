// Turns one source feature's OGR geometry into a GEOS geometry fit for the project: linear,
// 2D, every vertex finite and transformed to the working CRS, polygons valid (repaired with
// MakeValid, polygonal parts kept) and promoted to multi. What cannot be made fit is rejected
// with the reason a person reads beside the feature id.
#pragma once

#include "gdalhandles.h"
#include "plausiblearea.h"

#include "../coordinatetransform.h"
#include "../geometry.h"

#include <string>

namespace planlines::geodata::import {

enum class GeometryKind
{
    Polygon,
    Line,
    Point,
    MultiPoint
};
// The SpatiaLite column type of a kind: MULTIPOLYGON, MULTILINESTRING, POINT, MULTIPOINT.
std::string columnType(GeometryKind kind);

struct CleanedGeometry
{
    Geometry geometry;        // null when rejected
    std::string rejection;    // why, when rejected
    std::string repair;       // what was wrong, when repaired
    bool outsideArea = false; // rejected for lying outside the plausible area
};

// What clean() does with an invalid polygon: repair it (import), or keep it as it is for a
// caller that repairs it itself and reports the repair with its result (the site check).
enum class InvalidPolygons
{
    Repair,
    Keep
};

class GeometryCleaner
{
public:
    // transform may be null (source already in the working CRS).
    GeometryCleaner(GeometryKind kind, const CoordinateTransform *transform,
                    const PlausibleArea &area, InvalidPolygons invalid = InvalidPolygons::Repair);
    CleanedGeometry clean(GeometryHandle source) const;

    // |coordinate| above this in the source is absurd in any CRS we read.
    static constexpr double kAbsurd = 1e9;

private:
    GeometryKind m_kind;
    const CoordinateTransform *m_transform;
    const PlausibleArea &m_area;
    InvalidPolygons m_invalid;
};

} // namespace planlines::geodata::import
