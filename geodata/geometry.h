// Geometry through the reentrant GEOS C API: one GEOS context per thread, and an owning handle
// so no GEOSGeometry is ever leaked or freed twice. Coordinates are in whatever CRS the caller
// states; the store keeps everything in the project's working CRS (planar metres).
#pragma once

#include "error.h"

#include <geos_c.h>

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace planlines::geodata {

// The calling thread's GEOS context, created on first use and destroyed with the thread.
GEOSContextHandle_t geosContext();

struct Envelope
{
    double minX = 0, minY = 0, maxX = 0, maxY = 0;
    double width() const { return maxX - minX; }
    double height() const { return maxY - minY; }
    bool intersects(const Envelope &o) const
    {
        return minX <= o.maxX && o.minX <= maxX && minY <= o.maxY && o.minY <= maxY;
    }
};

// An owned GEOS geometry (unique ownership; moves, never copies implicitly).
class Geometry
{
public:
    Geometry() = default;
    explicit Geometry(GEOSGeometry *g) : m_g(g) {}
    ~Geometry();
    Geometry(Geometry &&o) noexcept : m_g(o.m_g) { o.m_g = nullptr; }
    Geometry &operator=(Geometry &&o) noexcept;
    Geometry(const Geometry &) = delete;
    Geometry &operator=(const Geometry &) = delete;

    static Geometry fromWkt(std::string_view wkt);
    static Geometry fromWkb(std::span<const unsigned char> wkb);
    static Geometry point(double x, double y);
    static Geometry lineString(std::span<const double> xy);
    // A polygon from one closed or open ring of x,y pairs (closed here if needed).
    static Geometry polygon(std::span<const double> shellXy);
    static Geometry collect(std::vector<Geometry> parts, int geosTypeId);

    Geometry clone() const;
    bool isNull() const { return m_g == nullptr; }
    explicit operator bool() const { return m_g != nullptr; }
    GEOSGeometry *get() const { return m_g; }
    GEOSGeometry *release();

    std::string wkt(int decimals = 3) const;
    std::vector<unsigned char> wkb() const;
    int typeId() const;
    std::string typeName() const;
    bool isEmpty() const;
    bool isValid() const;
    std::string invalidReason() const;
    double area() const;
    double length() const;
    Envelope envelope() const;
    int numGeometries() const;
    // Borrowed sub-geometry (owned by this).
    const GEOSGeometry *geometryN(int n) const;
    int numPoints() const;

    Geometry intersection(const Geometry &o) const;
    Geometry difference(const Geometry &o) const;
    Geometry unite(const Geometry &o) const;
    Geometry buffer(double distance, int quadSegs = 8) const;
    Geometry makeValid() const;
    Geometry centroid() const;
    Geometry pointOnSurface() const;
    Geometry simplify(double tolerance) const;
    Geometry offsetCurve(double distance) const;
    Geometry interpolate(double distance) const;
    double project(const Geometry &point) const;
    double distance(const Geometry &o) const;
    bool intersects(const Geometry &o) const;
    bool contains(const Geometry &o) const;
    bool within(const Geometry &o) const;
    // Keeps only polygonal parts and returns a MultiPolygon (empty if none).
    Geometry toMultiPolygon() const;
    // Returns a MultiLineString made of the linear parts.
    Geometry toMultiLineString() const;
    // Point coordinates when this is a Point.
    double x() const;
    double y() const;

private:
    GEOSGeometry *m_g = nullptr;
};

Geometry unaryUnion(std::vector<Geometry> parts);

// An invalid polygonal geometry made valid the way a person means it. A MultiPolygon whose
// parts are each valid but overlap or touch becomes their union: a site drawn as two
// overlapping squares covers the union of them, not the symmetric difference that MakeValid's
// default (linework) method keeps. Anything else goes through MakeValid's structure method
// (shells unioned, holes subtracted, collapsed parts dropped). Polygons only (MultiPolygon).
struct PolygonRepair
{
    Geometry geometry;
    // Set when parts were merged: "parts overlap by 160000.00 m² (1 and 2); the union of the
    // parts is kept" or "parts touch (1 and 2); merged"; empty for a MakeValid repair.
    std::string partsMerged;
};
PolygonRepair repairPolygons(const Geometry &g);

// A prepared geometry over a geometry that the caller keeps alive (GEOS 3.11 does not prepare
// by itself: repeated predicates against one geometry go through this).
class PreparedGeometry
{
public:
    explicit PreparedGeometry(const Geometry &g);
    ~PreparedGeometry();
    PreparedGeometry(const PreparedGeometry &) = delete;
    PreparedGeometry &operator=(const PreparedGeometry &) = delete;
    bool intersects(const Geometry &g) const;
    bool contains(const Geometry &g) const;
    bool containsProperly(const Geometry &g) const;
    bool covers(const Geometry &g) const;

private:
    const GEOSPreparedGeometry *m_p = nullptr;
};

} // namespace planlines::geodata
