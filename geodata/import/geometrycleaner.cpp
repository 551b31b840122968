#include "geometrycleaner.h"

#include "wkbcoordinates.h"

#include <cmath>
#include <cstdio>

namespace planlines::geodata::import {

namespace {

CleanedGeometry rejected(std::string why, bool outside = false)
{
    CleanedGeometry c;
    c.rejection = std::move(why);
    c.outsideArea = outside;
    return c;
}

bool kindAccepts(GeometryKind kind, OGRwkbGeometryType t)
{
    switch (kind) {
    case GeometryKind::Polygon:
        return t == wkbPolygon || t == wkbMultiPolygon;
    case GeometryKind::Line:
        return t == wkbLineString || t == wkbMultiLineString;
    case GeometryKind::Point:
        return t == wkbPoint;
    case GeometryKind::MultiPoint:
        return t == wkbPoint || t == wkbMultiPoint;
    }
    return false;
}

std::string pointText(double x, double y)
{
    char buf[96];
    std::snprintf(buf, sizeof buf, "(%.3f, %.3f)", x, y);
    return buf;
}

} // namespace

std::string columnType(GeometryKind kind)
{
    switch (kind) {
    case GeometryKind::Polygon:
        return "MULTIPOLYGON";
    case GeometryKind::Line:
        return "MULTILINESTRING";
    case GeometryKind::Point:
        return "POINT";
    case GeometryKind::MultiPoint:
        return "MULTIPOINT";
    }
    return "MULTIPOLYGON";
}

GeometryCleaner::GeometryCleaner(GeometryKind kind, const CoordinateTransform *transform,
                                 const PlausibleArea &area, InvalidPolygons invalid)
    : m_kind(kind), m_transform(transform), m_area(area), m_invalid(invalid)
{
}

CleanedGeometry GeometryCleaner::clean(GeometryHandle g) const
{
    if (!g)
        return rejected("no geometry");
    if (OGR_G_IsEmpty(g.get()))
        return rejected("empty geometry");
    if (OGR_G_HasCurveGeometry(g.get(), TRUE))
        g.reset(OGR_G_GetLinearGeometry(g.get(), 0, nullptr));
    if (!g)
        return rejected("curved geometry could not be linearised");
    OGR_G_FlattenTo2D(g.get());
    // A geometry collection of one kind (KML, DXF) is read as its multi form.
    OGRwkbGeometryType type = wkbFlatten(OGR_G_GetGeometryType(g.get()));
    if (type == wkbGeometryCollection) {
        if (m_kind == GeometryKind::Polygon)
            g.reset(OGR_G_ForceToMultiPolygon(g.release()));
        else if (m_kind == GeometryKind::Line)
            g.reset(OGR_G_ForceToMultiLineString(g.release()));
        else if (m_kind == GeometryKind::MultiPoint)
            g.reset(OGR_G_ForceToMultiPoint(g.release()));
        type = wkbFlatten(OGR_G_GetGeometryType(g.get()));
    }
    if (!kindAccepts(m_kind, type))
        return rejected(std::string("a ") + OGRGeometryTypeToName(type) + " in a " +
                        columnType(m_kind) + " layer");

    std::vector<unsigned char> wkb(static_cast<size_t>(OGR_G_WkbSize(g.get())));
    if (OGR_G_ExportToWkb(g.get(), wkbNDR, wkb.data()) != OGRERR_NONE)
        return rejected("geometry cannot be encoded");
    g.reset();
    std::vector<double> xy;
    std::optional<WkbCoordinates> coords;
    try {
        coords.emplace(wkb);
        xy = coords->read(wkb);
    } catch (const Error &e) {
        return rejected(e.cause());
    }
    if (xy.empty())
        return rejected("empty geometry");
    for (size_t i = 0; i + 1 < xy.size(); i += 2) {
        if (!std::isfinite(xy[i]) || !std::isfinite(xy[i + 1]))
            return rejected("vertex " + std::to_string(i / 2 + 1) +
                            " has a NaN or infinite "
                            "coordinate");
        if (std::abs(xy[i]) > kAbsurd || std::abs(xy[i + 1]) > kAbsurd)
            return rejected("vertex " + std::to_string(i / 2 + 1) + " has an absurd coordinate " +
                            pointText(xy[i], xy[i + 1]));
    }
    if (m_transform) {
        try {
            m_transform->transform(xy);
        } catch (const Error &e) {
            return rejected("cannot be transformed to the working CRS: " + e.cause());
        }
    }
    Envelope env{xy[0], xy[1], xy[0], xy[1]};
    for (size_t i = 2; i + 1 < xy.size(); i += 2) {
        env.minX = std::min(env.minX, xy[i]);
        env.maxX = std::max(env.maxX, xy[i]);
        env.minY = std::min(env.minY, xy[i + 1]);
        env.maxY = std::max(env.maxY, xy[i + 1]);
    }
    if (!m_area.contains(env))
        return rejected("lies outside the working CRS's area of use at " +
                            pointText(env.minX, env.minY) + " after transformation",
                        true);
    coords->write(wkb, xy);

    CleanedGeometry out;
    try {
        Geometry geom = Geometry::fromWkb(wkb);
        if (m_kind == GeometryKind::Polygon) {
            if (m_invalid == InvalidPolygons::Keep) {
                geom = geom.toMultiPolygon();
            } else if (!geom.isValid()) {
                out.repair = geom.invalidReason();
                PolygonRepair repaired = repairPolygons(geom);
                if (!repaired.partsMerged.empty())
                    out.repair = repaired.partsMerged;
                geom = std::move(repaired.geometry);
                if (geom.isEmpty() || geom.area() <= 0)
                    return rejected("invalid polygon (" + out.repair +
                                    ") has no area left after repair");
            } else {
                geom = geom.toMultiPolygon();
            }
        } else if (m_kind == GeometryKind::Line) {
            geom = geom.toMultiLineString();
        } else if (m_kind == GeometryKind::MultiPoint && geom.typeId() == GEOS_POINT) {
            std::vector<Geometry> one;
            one.push_back(std::move(geom));
            geom = Geometry::collect(std::move(one), GEOS_MULTIPOINT);
        }
        if (geom.isEmpty())
            return rejected("empty geometry");
        out.geometry = std::move(geom);
    } catch (const Error &e) {
        return rejected("GEOS cannot read the geometry: " + e.cause());
    }
    return out;
}

} // namespace planlines::geodata::import
