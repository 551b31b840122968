#include "geometry.h"

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>

namespace planlines::geodata {

namespace {

thread_local std::string t_lastGeosError;

void geosMessage(const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    std::vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    t_lastGeosError = buf;
}

struct ContextHolder
{
    GEOSContextHandle_t h;
    ContextHolder() : h(GEOS_init_r())
    {
        GEOSContext_setErrorHandler_r(h, geosMessage);
        GEOSContext_setNoticeHandler_r(h, nullptr);
    }
    ~ContextHolder() { GEOS_finish_r(h); }
};

GEOSGeometry *checked(GEOSGeometry *g, const char *op)
{
    if (!g)
        throw GeometryError(t_lastGeosError.empty() ? "GEOS operation failed" : t_lastGeosError,
                            std::string("GEOS ") + op);
    return g;
}

} // namespace

GEOSContextHandle_t geosContext()
{
    thread_local ContextHolder holder;
    return holder.h;
}

Geometry::~Geometry()
{
    if (m_g)
        GEOSGeom_destroy_r(geosContext(), m_g);
}

Geometry &Geometry::operator=(Geometry &&o) noexcept
{
    if (this != &o) {
        if (m_g)
            GEOSGeom_destroy_r(geosContext(), m_g);
        m_g = o.m_g;
        o.m_g = nullptr;
    }
    return *this;
}

GEOSGeometry *Geometry::release()
{
    auto *g = m_g;
    m_g = nullptr;
    return g;
}

Geometry Geometry::fromWkt(std::string_view wkt)
{
    auto ctx = geosContext();
    GEOSWKTReader *r = GEOSWKTReader_create_r(ctx);
    std::string s(wkt);
    GEOSGeometry *g = GEOSWKTReader_read_r(ctx, r, s.c_str());
    GEOSWKTReader_destroy_r(ctx, r);
    return Geometry(checked(g, "WKT read"));
}

Geometry Geometry::fromWkb(std::span<const unsigned char> wkb)
{
    auto ctx = geosContext();
    GEOSWKBReader *r = GEOSWKBReader_create_r(ctx);
    GEOSGeometry *g = GEOSWKBReader_read_r(ctx, r, wkb.data(), wkb.size());
    GEOSWKBReader_destroy_r(ctx, r);
    return Geometry(checked(g, "WKB read"));
}

// GEOS takes NaN and infinities and then answers overlays inconsistently; refuse them here.
static void requireFinite(std::span<const double> xy, const char *what)
{
    for (size_t i = 0; i < xy.size(); ++i)
        if (!std::isfinite(xy[i]))
            throw GeometryError("coordinate " + std::to_string(i / 2 + 1) +
                                    " is not a finite number",
                                std::string("GEOS ") + what);
}

Geometry Geometry::point(double x, double y)
{
    const double xy[] = {x, y};
    requireFinite(xy, "point");
    return Geometry(checked(GEOSGeom_createPointFromXY_r(geosContext(), x, y), "point"));
}

static GEOSCoordSequence *sequence(std::span<const double> xy, bool close)
{
    requireFinite(xy, close ? "ring" : "linestring");
    const size_t n = xy.size() / 2;
    const bool addClose = close && n > 0 && (xy[0] != xy[2 * n - 2] || xy[1] != xy[2 * n - 1]);
    auto ctx = geosContext();
    GEOSCoordSequence *seq = GEOSCoordSeq_create_r(ctx, static_cast<unsigned>(n + addClose), 2);
    for (size_t i = 0; i < n; ++i)
        GEOSCoordSeq_setXY_r(ctx, seq, static_cast<unsigned>(i), xy[2 * i], xy[2 * i + 1]);
    if (addClose)
        GEOSCoordSeq_setXY_r(ctx, seq, static_cast<unsigned>(n), xy[0], xy[1]);
    return seq;
}

Geometry Geometry::lineString(std::span<const double> xy)
{
    return Geometry(
        checked(GEOSGeom_createLineString_r(geosContext(), sequence(xy, false)), "linestring"));
}

Geometry Geometry::polygon(std::span<const double> shellXy)
{
    auto ctx = geosContext();
    GEOSGeometry *ring = checked(GEOSGeom_createLinearRing_r(ctx, sequence(shellXy, true)), "ring");
    return Geometry(checked(GEOSGeom_createPolygon_r(ctx, ring, nullptr, 0), "polygon"));
}

Geometry Geometry::collect(std::vector<Geometry> parts, int geosTypeId)
{
    std::vector<GEOSGeometry *> raw;
    raw.reserve(parts.size());
    for (auto &p : parts)
        raw.push_back(p.release());
    return Geometry(checked(GEOSGeom_createCollection_r(geosContext(), geosTypeId, raw.data(),
                                                        static_cast<unsigned>(raw.size())),
                            "collection"));
}

Geometry Geometry::clone() const
{
    return m_g ? Geometry(checked(GEOSGeom_clone_r(geosContext(), m_g), "clone")) : Geometry();
}

std::string Geometry::wkt(int decimals) const
{
    auto ctx = geosContext();
    GEOSWKTWriter *w = GEOSWKTWriter_create_r(ctx);
    GEOSWKTWriter_setRoundingPrecision_r(ctx, w, decimals);
    GEOSWKTWriter_setTrim_r(ctx, w, 1);
    char *s = GEOSWKTWriter_write_r(ctx, w, m_g);
    GEOSWKTWriter_destroy_r(ctx, w);
    std::string out = s ? s : "";
    GEOSFree_r(ctx, s);
    return out;
}

std::vector<unsigned char> Geometry::wkb() const
{
    auto ctx = geosContext();
    GEOSWKBWriter *w = GEOSWKBWriter_create_r(ctx);
    GEOSWKBWriter_setByteOrder_r(ctx, w, GEOS_WKB_NDR);
    size_t size = 0;
    unsigned char *buf = GEOSWKBWriter_write_r(ctx, w, m_g, &size);
    GEOSWKBWriter_destroy_r(ctx, w);
    if (!buf)
        throw GeometryError(t_lastGeosError, "GEOS WKB write");
    std::vector<unsigned char> out(buf, buf + size);
    GEOSFree_r(ctx, buf);
    return out;
}

int Geometry::typeId() const
{
    return GEOSGeomTypeId_r(geosContext(), m_g);
}

std::string Geometry::typeName() const
{
    char *s = GEOSGeomType_r(geosContext(), m_g);
    std::string out = s ? s : "";
    GEOSFree_r(geosContext(), s);
    return out;
}

bool Geometry::isEmpty() const
{
    return !m_g || GEOSisEmpty_r(geosContext(), m_g) == 1;
}
bool Geometry::isValid() const
{
    return GEOSisValid_r(geosContext(), m_g) == 1;
}

std::string Geometry::invalidReason() const
{
    char *s = GEOSisValidReason_r(geosContext(), m_g);
    std::string out = s ? s : "";
    GEOSFree_r(geosContext(), s);
    return out;
}

double Geometry::area() const
{
    double a = 0;
    if (GEOSArea_r(geosContext(), m_g, &a) != 1)
        throw GeometryError(t_lastGeosError, "GEOS area");
    return a;
}

double Geometry::length() const
{
    double l = 0;
    if (GEOSLength_r(geosContext(), m_g, &l) != 1)
        throw GeometryError(t_lastGeosError, "GEOS length");
    return l;
}

Envelope Geometry::envelope() const
{
    Envelope e;
    if (isEmpty())
        return e;
    auto ctx = geosContext();
    GEOSGeom_getXMin_r(ctx, m_g, &e.minX);
    GEOSGeom_getYMin_r(ctx, m_g, &e.minY);
    GEOSGeom_getXMax_r(ctx, m_g, &e.maxX);
    GEOSGeom_getYMax_r(ctx, m_g, &e.maxY);
    return e;
}

int Geometry::numGeometries() const
{
    return GEOSGetNumGeometries_r(geosContext(), m_g);
}
const GEOSGeometry *Geometry::geometryN(int n) const
{
    return GEOSGetGeometryN_r(geosContext(), m_g, n);
}
int Geometry::numPoints() const
{
    return GEOSGetNumCoordinates_r(geosContext(), m_g);
}

// Overlay that survives the rare robustness failure of floating-point noding: retry on
// repaired inputs, then snapped to a 1 mm grid (coordinates here are metres or finer).
template <typename Op, typename PrecOp>
static Geometry robustOverlay(const GEOSGeometry *a, const GEOSGeometry *b, Op op, PrecOp precOp,
                              const char *name)
{
    auto ctx = geosContext();
    if (GEOSGeometry *g = op(ctx, a, b))
        return Geometry(g);
    const std::string first = t_lastGeosError;
    if (GEOSGeometry *g = precOp(ctx, a, b, 1e-3))
        return Geometry(g);
    // MakeValid turns spikes into lines; overlay takes no mixed collections, so polygonal
    // inputs keep only their polygons.
    auto repaired = [ctx](const GEOSGeometry *g) {
        Geometry v(GEOSMakeValid_r(ctx, g));
        const int t = GEOSGeomTypeId_r(ctx, g);
        if (v && (t == GEOS_POLYGON || t == GEOS_MULTIPOLYGON)) {
            v = v.toMultiPolygon();
            // A repair that loses all the area would answer "no overlap" for a polygon GEOS
            // could not read: give up instead, and the caller throws the first error.
            if (v.isEmpty() && !GEOSisEmpty_r(ctx, g))
                return Geometry();
        }
        return v;
    };
    Geometry va = repaired(a), vb = repaired(b);
    if (va && vb) {
        if (GEOSGeometry *g = op(ctx, va.get(), vb.get()))
            return Geometry(g);
        if (GEOSGeometry *g = precOp(ctx, va.get(), vb.get(), 1e-3))
            return Geometry(g);
    }
    throw GeometryError(first.empty() ? "GEOS operation failed" : first,
                        std::string("GEOS ") + name);
}

Geometry Geometry::intersection(const Geometry &o) const
{
    return robustOverlay(m_g, o.m_g, GEOSIntersection_r, GEOSIntersectionPrec_r, "intersection");
}
Geometry Geometry::difference(const Geometry &o) const
{
    return robustOverlay(m_g, o.m_g, GEOSDifference_r, GEOSDifferencePrec_r, "difference");
}
Geometry Geometry::unite(const Geometry &o) const
{
    return robustOverlay(m_g, o.m_g, GEOSUnion_r, GEOSUnionPrec_r, "union");
}
Geometry Geometry::buffer(double distance, int quadSegs) const
{
    return Geometry(checked(GEOSBuffer_r(geosContext(), m_g, distance, quadSegs), "buffer"));
}
Geometry Geometry::makeValid() const
{
    return Geometry(checked(GEOSMakeValid_r(geosContext(), m_g), "make valid"));
}
Geometry Geometry::centroid() const
{
    return Geometry(checked(GEOSGetCentroid_r(geosContext(), m_g), "centroid"));
}
Geometry Geometry::pointOnSurface() const
{
    return Geometry(checked(GEOSPointOnSurface_r(geosContext(), m_g), "point on surface"));
}
Geometry Geometry::simplify(double tolerance) const
{
    return Geometry(
        checked(GEOSTopologyPreserveSimplify_r(geosContext(), m_g, tolerance), "simplify"));
}
Geometry Geometry::offsetCurve(double distance) const
{
    return Geometry(checked(
        GEOSOffsetCurve_r(geosContext(), m_g, distance, 8, GEOSBUF_JOIN_ROUND, 5.0), "offset"));
}
Geometry Geometry::interpolate(double distance) const
{
    return Geometry(checked(GEOSInterpolate_r(geosContext(), m_g, distance), "interpolate"));
}
double Geometry::project(const Geometry &point) const
{
    const double d = GEOSProject_r(geosContext(), m_g, point.m_g);
    if (d < 0)
        throw GeometryError(t_lastGeosError, "GEOS project");
    return d;
}
double Geometry::distance(const Geometry &o) const
{
    double d = 0;
    if (GEOSDistance_r(geosContext(), m_g, o.m_g, &d) != 1)
        throw GeometryError(t_lastGeosError, "GEOS distance");
    return d;
}
bool Geometry::intersects(const Geometry &o) const
{
    return GEOSIntersects_r(geosContext(), m_g, o.m_g) == 1;
}
bool Geometry::contains(const Geometry &o) const
{
    return GEOSContains_r(geosContext(), m_g, o.m_g) == 1;
}
bool Geometry::within(const Geometry &o) const
{
    return GEOSWithin_r(geosContext(), m_g, o.m_g) == 1;
}

static void collectParts(GEOSContextHandle_t ctx, const GEOSGeometry *g, int wantType,
                         std::vector<GEOSGeometry *> &out)
{
    const int t = GEOSGeomTypeId_r(ctx, g);
    if (t == wantType) {
        if (!GEOSisEmpty_r(ctx, g))
            out.push_back(GEOSGeom_clone_r(ctx, g));
        return;
    }
    if (t == GEOS_MULTIPOLYGON || t == GEOS_MULTILINESTRING || t == GEOS_GEOMETRYCOLLECTION ||
        t == GEOS_MULTIPOINT) {
        const int n = GEOSGetNumGeometries_r(ctx, g);
        for (int i = 0; i < n; ++i)
            collectParts(ctx, GEOSGetGeometryN_r(ctx, g, i), wantType, out);
    }
}

Geometry Geometry::toMultiPolygon() const
{
    auto ctx = geosContext();
    std::vector<GEOSGeometry *> parts;
    if (m_g)
        collectParts(ctx, m_g, GEOS_POLYGON, parts);
    return Geometry(checked(GEOSGeom_createCollection_r(ctx, GEOS_MULTIPOLYGON, parts.data(),
                                                        static_cast<unsigned>(parts.size())),
                            "multipolygon"));
}

Geometry Geometry::toMultiLineString() const
{
    auto ctx = geosContext();
    std::vector<GEOSGeometry *> parts;
    if (m_g)
        collectParts(ctx, m_g, GEOS_LINESTRING, parts);
    return Geometry(checked(GEOSGeom_createCollection_r(ctx, GEOS_MULTILINESTRING, parts.data(),
                                                        static_cast<unsigned>(parts.size())),
                            "multilinestring"));
}

double Geometry::x() const
{
    double v = NAN;
    GEOSGeomGetX_r(geosContext(), m_g, &v);
    return v;
}
double Geometry::y() const
{
    double v = NAN;
    GEOSGeomGetY_r(geosContext(), m_g, &v);
    return v;
}

Geometry unaryUnion(std::vector<Geometry> parts)
{
    if (parts.empty())
        return Geometry::collect({}, GEOS_MULTIPOLYGON);
    Geometry all = Geometry::collect(std::move(parts), GEOS_GEOMETRYCOLLECTION);
    auto ctx = geosContext();
    if (GEOSGeometry *g = GEOSUnaryUnion_r(ctx, all.get()))
        return Geometry(g);
    const std::string first = t_lastGeosError;
    Geometry valid(GEOSMakeValid_r(ctx, all.get()));
    if (valid) {
        if (GEOSGeometry *g = GEOSUnaryUnionPrec_r(ctx, valid.get(), 1e-3))
            return Geometry(g);
    }
    throw GeometryError(first, "GEOS union");
}

PreparedGeometry::PreparedGeometry(const Geometry &g) : m_p(GEOSPrepare_r(geosContext(), g.get()))
{
    if (!m_p)
        throw GeometryError(t_lastGeosError, "GEOS prepare");
}
PreparedGeometry::~PreparedGeometry()
{
    GEOSPreparedGeom_destroy_r(geosContext(), m_p);
}
bool PreparedGeometry::intersects(const Geometry &g) const
{
    return GEOSPreparedIntersects_r(geosContext(), m_p, g.get()) == 1;
}
bool PreparedGeometry::contains(const Geometry &g) const
{
    return GEOSPreparedContains_r(geosContext(), m_p, g.get()) == 1;
}
bool PreparedGeometry::containsProperly(const Geometry &g) const
{
    return GEOSPreparedContainsProperly_r(geosContext(), m_p, g.get()) == 1;
}
bool PreparedGeometry::covers(const Geometry &g) const
{
    return GEOSPreparedCovers_r(geosContext(), m_p, g.get()) == 1;
}

namespace {

std::string partsMergedText(const Geometry &multi, const Geometry &merged)
{
    auto ctx = geosContext();
    const int n = multi.numGeometries();
    double partsM2 = 0;
    std::vector<Geometry> parts;
    for (int i = 0; i < n; ++i) {
        parts.emplace_back(GEOSGeom_clone_r(ctx, multi.geometryN(i)));
        partsM2 += parts.back().area();
    }
    const double overlapM2 = std::max(0.0, partsM2 - merged.area());
    // Which parts: pairwise for the usual few, counted for a file of thousands.
    std::string which;
    constexpr int kListed = 100;
    if (n <= kListed) {
        int listed = 0;
        for (int i = 0; i < n && listed < 10; ++i)
            for (int j = i + 1; j < n && listed < 10; ++j) {
                if (!parts[i].envelope().intersects(parts[j].envelope()) ||
                    !parts[i].intersects(parts[j]))
                    continue;
                which += (which.empty() ? "" : "; ") + std::to_string(i + 1) + " and " +
                         std::to_string(j + 1);
                ++listed;
            }
    } else {
        which = std::to_string(n) + " parts";
    }
    char area[32];
    std::snprintf(area, sizeof area, "%.2f", overlapM2);
    if (overlapM2 > 0.005)
        return std::string("parts overlap by ") + area + " m² (" + which +
               "); the union of the parts is kept";
    return "parts touch (" + which + "); merged";
}

} // namespace

PolygonRepair repairPolygons(const Geometry &g)
{
    auto ctx = geosContext();
    PolygonRepair out;
    if (g.typeId() == GEOS_MULTIPOLYGON && g.numGeometries() > 1) {
        bool partsValid = true;
        for (int i = 0; i < g.numGeometries() && partsValid; ++i)
            partsValid = GEOSisValid_r(ctx, g.geometryN(i)) == 1;
        if (partsValid) {
            std::vector<Geometry> parts;
            for (int i = 0; i < g.numGeometries(); ++i)
                parts.emplace_back(GEOSGeom_clone_r(ctx, g.geometryN(i)));
            Geometry merged = unaryUnion(std::move(parts)).toMultiPolygon();
            out.partsMerged = partsMergedText(g, merged);
            out.geometry = std::move(merged);
            return out;
        }
    }
    GEOSMakeValidParams *params = GEOSMakeValidParams_create_r(ctx);
    GEOSMakeValidParams_setMethod_r(ctx, params, GEOS_MAKE_VALID_STRUCTURE);
    GEOSMakeValidParams_setKeepCollapsed_r(ctx, params, 0);
    GEOSGeometry *valid = GEOSMakeValidWithParams_r(ctx, g.get(), params);
    GEOSMakeValidParams_destroy_r(ctx, params);
    out.geometry = valid ? Geometry(valid).toMultiPolygon() : g.makeValid().toMultiPolygon();
    return out;
}

} // namespace planlines::geodata
