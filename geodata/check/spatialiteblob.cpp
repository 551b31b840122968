#include "spatialiteblob.h"

#include "../spatialiteblob.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

namespace planlines::geodata::check {

namespace {

[[noreturn]] void fail(const std::string &why)
{
    throw Error("malformed SpatiaLite geometry: " + why);
}

// GEOS geometries built from the flat arrays of geodata::readSpatialiteBlob (the one parser).
class GeosBuilder
{
public:
    explicit GeosBuilder(const FlatGeometry &g) : m_g(g) {}
    ~GeosBuilder()
    {
        for (auto *p : m_made)
            GEOSGeom_destroy_r(m_ctx, p);
    }

    // Every part, owned by the builder until release().
    void buildParts()
    {
        for (std::size_t p = 0; p < m_g.partCount(); ++p)
            m_made.push_back(part(p));
    }
    std::vector<GEOSGeometry *> release() { return std::exchange(m_made, {}); }
    GEOSContextHandle_t context() const { return m_ctx; }

private:
    GEOSCoordSequence *sequence(std::uint32_t ring) const
    {
        const std::uint32_t b = m_g.rings[ring], e = m_g.rings[ring + 1];
        auto *seq = GEOSCoordSeq_copyFromBuffer_r(m_ctx, m_g.xy.data() + 2u * b, e - b, 0, 0);
        if (!seq)
            fail("GEOS refused the coordinates");
        return seq;
    }
    static GEOSGeometry *checked(GEOSGeometry *g, const char *what)
    {
        if (!g)
            fail(std::string("GEOS refused a ") + what);
        return g;
    }
    GEOSGeometry *part(std::size_t p) const
    {
        const std::uint32_t first = m_g.parts[p], end = m_g.parts[p + 1];
        switch (m_g.partKinds[p]) {
        case 1:
            return checked(GEOSGeom_createPointFromXY_r(m_ctx, m_g.xy[2u * m_g.rings[first]],
                                                        m_g.xy[2u * m_g.rings[first] + 1]),
                           "point");
        case 2:
            return checked(GEOSGeom_createLineString_r(m_ctx, sequence(first)), "line");
        default: {
            if (first == end)
                return checked(GEOSGeom_createEmptyPolygon_r(m_ctx), "polygon");
            std::vector<GEOSGeometry *> rings;
            rings.reserve(end - first);
            for (std::uint32_t r = first; r < end; ++r) {
                GEOSGeometry *ring = GEOSGeom_createLinearRing_r(m_ctx, sequence(r));
                if (!ring) {
                    for (auto *g : rings)
                        GEOSGeom_destroy_r(m_ctx, g);
                    fail("ring " + std::to_string(r - first + 1) +
                         " is not a closed ring of 4+ points");
                }
                rings.push_back(ring);
            }
            return checked(GEOSGeom_createPolygon_r(m_ctx, rings[0], rings.data() + 1,
                                                    static_cast<unsigned>(rings.size() - 1)),
                           "polygon");
        }
        }
    }

    const FlatGeometry &m_g;
    GEOSContextHandle_t m_ctx = geosContext();
    std::vector<GEOSGeometry *> m_made;
};

} // namespace

std::optional<Envelope> SpatialiteBlob::envelope(std::span<const unsigned char> blob)
{
    return spatialiteBlobEnvelope(blob);
}

bool SpatialiteBlob::polygonRings(std::span<const unsigned char> blob, PolygonRings &out)
{
    out.xy.clear();
    out.rings.clear();
    thread_local FlatGeometry flat; // its buffers kept between calls
    std::uint32_t base = 0;
    try {
        base = readSpatialiteBlob(blob, flat);
    } catch (const Error &) {
        return false; // the GEOS path reports what is wrong
    }
    if ((base != 3 && base != 6) || flat.pointCount() == 0)
        return false;
    for (std::size_t part = 0; part < flat.partCount(); ++part) {
        if (flat.partKinds[part] != 3)
            return false;
        for (std::uint32_t r = flat.parts[part]; r < flat.parts[part + 1]; ++r) {
            const std::uint32_t first = flat.rings[r];
            const std::uint32_t n = flat.rings[r + 1] - first;
            if (n < 4)
                return false;
            const double *c = flat.xy.data() + 2 * std::size_t(first);
            if (c[0] != c[2 * n - 2] || c[1] != c[2 * n - 1])
                return false; // not closed: GEOS says so on the other path
            out.rings.push_back({static_cast<std::uint32_t>(part), first, n});
        }
    }
    out.xy.swap(flat.xy);
    Envelope e{out.xy[0], out.xy[1], out.xy[0], out.xy[1]};
    for (std::size_t i = 0; i < out.xy.size(); i += 2) {
        e.minX = std::min(e.minX, out.xy[i]);
        e.maxX = std::max(e.maxX, out.xy[i]);
        e.minY = std::min(e.minY, out.xy[i + 1]);
        e.maxY = std::max(e.maxY, out.xy[i + 1]);
    }
    out.envelope = e;
    return true;
}

Geometry SpatialiteBlob::toGeometry(std::span<const unsigned char> blob)
{
    thread_local FlatGeometry flat;
    const std::uint32_t base = readSpatialiteBlob(blob, flat);
    if (base == 0)
        return Geometry();
    GeosBuilder builder(flat);
    builder.buildParts();
    auto parts = builder.release();
    if (base <= 3) {
        if (parts.size() != 1) {
            for (auto *p : parts)
                GEOSGeom_destroy_r(builder.context(), p);
            fail("a simple geometry with " + std::to_string(parts.size()) + " parts");
        }
        return Geometry(parts[0]);
    }
    const int type = base == 4   ? GEOS_MULTIPOINT
                     : base == 5 ? GEOS_MULTILINESTRING
                     : base == 6 ? GEOS_MULTIPOLYGON
                                 : GEOS_GEOMETRYCOLLECTION;
    GEOSGeometry *g = GEOSGeom_createCollection_r(builder.context(), type, parts.data(),
                                                  static_cast<unsigned>(parts.size()));
    if (!g) {
        for (auto *p : parts)
            GEOSGeom_destroy_r(builder.context(), p);
        fail("GEOS refused the collection");
    }
    return Geometry(g);
}

} // namespace planlines::geodata::check
