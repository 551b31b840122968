#include "leveeline.h"
#include "../chainage.h"

#include <geos_c.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace planlines::geodata::corridor {

LeveeLine::LeveeLine(const Geometry &line, std::string name) : m_name(std::move(name))
{
    if (line.isNull() || line.isEmpty())
        throw Error("the levee line is empty", "levee layer " + m_name);
    GEOSContextHandle_t ctx = geosContext();
    if (line.typeId() == GEOS_LINESTRING) {
        m_line = line.clone();
    } else if (line.typeId() == GEOS_MULTILINESTRING && line.numGeometries() == 1) {
        m_line = Geometry(GEOSGeom_clone_r(ctx, line.geometryN(0))); // keeps its direction
    } else {
        Geometry merged(GEOSLineMerge_r(ctx, line.get()));
        if (merged.isNull())
            throw GeometryError("GEOS could not merge the levee lines", "levee layer " + m_name);
        if (merged.typeId() == GEOS_MULTILINESTRING && merged.numGeometries() == 1)
            merged = Geometry(GEOSGeom_clone_r(ctx, merged.geometryN(0)));
        if (merged.typeId() != GEOS_LINESTRING)
            throw Error("the levee is not one continuous line (" +
                            std::to_string(merged.numGeometries()) +
                            " pieces after merging); chainage needs a single centre line",
                        "levee layer " + m_name);
        m_line = std::move(merged);
    }
    m_lengthM = m_line.length();
}

LeveeLine::Location LeveeLine::locate(double easting, double northing) const
{
    if (!std::isfinite(easting) || !std::isfinite(northing))
        throw Error("the point has a non-finite coordinate", "levee layer " + m_name);
    GEOSContextHandle_t ctx = geosContext();
    const Geometry p = Geometry::point(easting, northing);
    const double along = GEOSProject_r(ctx, m_line.get(), p.get());
    if (along < 0)
        throw GeometryError("GEOS could not project the point onto the levee",
                            "levee layer " + m_name);
    Geometry onLine(GEOSInterpolate_r(ctx, m_line.get(), along));
    if (onLine.isNull())
        throw GeometryError("GEOS could not interpolate along the levee", "levee layer " + m_name);
    Location loc;
    loc.chainageM = along;
    loc.easting = onLine.x();
    loc.northing = onLine.y();
    loc.offsetM = std::hypot(easting - loc.easting, northing - loc.northing);
    return loc;
}

double LeveeLine::checkedChainage(double chainageM) const
{
    if (!std::isfinite(chainageM) || chainageM < -kEndToleranceM ||
        chainageM > m_lengthM + kEndToleranceM) {
        char at[48], length[48];
        std::snprintf(at, sizeof at, "%.1f m", chainageM);
        std::snprintf(length, sizeof length, "%.2f m", m_lengthM);
        throw Error(std::string("chainage ") + at + " is outside the levee, which is " + length +
                        " long (K0+000 to " + formatChainage(m_lengthM, 1) + ")",
                    "levee layer " + m_name);
    }
    return std::clamp(chainageM, 0.0, m_lengthM);
}

LeveeLine::Point LeveeLine::pointAt(double chainageM) const
{
    Geometry p(GEOSInterpolate_r(geosContext(), m_line.get(), checkedChainage(chainageM)));
    if (p.isNull())
        throw GeometryError("GEOS could not interpolate along the levee", "levee layer " + m_name);
    return {p.x(), p.y()};
}

std::vector<LeveeLine::Point> LeveeLine::pointsBetween(double fromM, double toM) const
{
    if (fromM > toM)
        std::swap(fromM, toM);
    fromM = std::clamp(fromM, 0.0, m_lengthM);
    toM = std::clamp(toM, 0.0, m_lengthM);
    std::vector<Point> out{pointAt(fromM)};
    GEOSContextHandle_t ctx = geosContext();
    const GEOSCoordSequence *seq = GEOSGeom_getCoordSeq_r(ctx, m_line.get());
    unsigned n = 0;
    if (!seq || !GEOSCoordSeq_getSize_r(ctx, seq, &n))
        throw GeometryError("GEOS could not read the levee's coordinates", "levee layer " + m_name);
    double along = 0, px = 0, py = 0;
    for (unsigned i = 0; i < n; ++i) {
        double x = 0, y = 0;
        GEOSCoordSeq_getXY_r(ctx, seq, i, &x, &y);
        if (i > 0)
            along += std::hypot(x - px, y - py);
        px = x;
        py = y;
        if (along > fromM && along < toM)
            out.push_back({x, y});
    }
    out.push_back(pointAt(toM));
    return out;
}

} // namespace planlines::geodata::corridor
