#include "spatialiteblob.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace planlines::geodata::check {

namespace {

// Layout (SpatiaLite "BLOB-Geometry"): 0x00, endian (1 = little), SRID int32, MBR 4 doubles,
// 0x7C, class type int32, body, 0xFE. Collection entities are each 0x69 + type + body.
constexpr std::size_t kHeader = 43;

class Cursor
{
public:
    Cursor(std::span<const unsigned char> bytes, bool littleEndian)
        : m_bytes(bytes), m_swap(littleEndian != (std::endian::native == std::endian::little))
    {
    }
    void seek(std::size_t pos) { m_pos = pos; }
    std::uint8_t byte()
    {
        need(1);
        return m_bytes[m_pos++];
    }
    std::uint32_t uint32()
    {
        need(4);
        std::uint32_t v;
        std::memcpy(&v, m_bytes.data() + m_pos, 4);
        m_pos += 4;
        return m_swap ? __builtin_bswap32(v) : v;
    }
    // n points of `dims` doubles each, appended as x, y pairs.
    void points(std::uint32_t n, int dims, std::vector<double> &xy)
    {
        const std::size_t stride = 8u * static_cast<std::size_t>(dims);
        if (n > (m_bytes.size() - m_pos) / stride)
            fail("point count " + std::to_string(n) + " exceeds the data");
        xy.resize(2u * n);
        const unsigned char *p = m_bytes.data() + m_pos;
        for (std::uint32_t i = 0; i < n; ++i, p += stride) {
            std::uint64_t x, y;
            std::memcpy(&x, p, 8);
            std::memcpy(&y, p + 8, 8);
            if (m_swap) {
                x = __builtin_bswap64(x);
                y = __builtin_bswap64(y);
            }
            xy[2u * i] = std::bit_cast<double>(x);
            xy[2u * i + 1] = std::bit_cast<double>(y);
        }
        m_pos += stride * n;
    }
    [[noreturn]] void fail(const std::string &why) const
    {
        throw Error("malformed SpatiaLite geometry: " + why + " at byte " + std::to_string(m_pos));
    }

private:
    void need(std::size_t n) const
    {
        if (m_bytes.size() - m_pos < n)
            fail("truncated");
    }
    std::span<const unsigned char> m_bytes;
    bool m_swap;
    std::size_t m_pos = 0;
};

struct Builder
{
    Cursor &in;
    GEOSContextHandle_t ctx = geosContext();
    std::vector<double> xy;

    GEOSCoordSequence *sequence(int dims)
    {
        in.points(in.uint32(), dims, xy);
        for (double v : xy)
            if (!std::isfinite(v))
                in.fail("non-finite coordinate");
        auto *seq = GEOSCoordSeq_copyFromBuffer_r(ctx, xy.data(),
                                                  static_cast<unsigned>(xy.size() / 2), 0, 0);
        if (!seq)
            in.fail("GEOS refused the coordinates");
        return seq;
    }
    static GEOSGeometry *checkedGeom(Cursor &in, GEOSGeometry *g, const char *what)
    {
        if (!g)
            in.fail(std::string("GEOS refused a ") + what);
        return g;
    }
    // One simple geometry of a class type (1 point, 2 line, 3 polygon) with its dims.
    GEOSGeometry *simple(std::uint32_t type, int dims)
    {
        switch (type) {
        case 1: {
            xy.resize(2);
            in.points(1, dims, xy);
            return checkedGeom(in, GEOSGeom_createPointFromXY_r(ctx, xy[0], xy[1]), "point");
        }
        case 2:
            return checkedGeom(in, GEOSGeom_createLineString_r(ctx, sequence(dims)), "line");
        case 3: {
            const std::uint32_t rings = in.uint32();
            if (rings == 0)
                return checkedGeom(in, GEOSGeom_createEmptyPolygon_r(ctx), "polygon");
            std::vector<GEOSGeometry *> made;
            made.reserve(rings);
            for (std::uint32_t r = 0; r < rings; ++r) {
                GEOSGeometry *ring = nullptr;
                try {
                    ring = GEOSGeom_createLinearRing_r(ctx, sequence(dims));
                } catch (...) {
                    for (auto *g : made)
                        GEOSGeom_destroy_r(ctx, g);
                    throw;
                }
                if (!ring) {
                    for (auto *g : made)
                        GEOSGeom_destroy_r(ctx, g);
                    in.fail("ring " + std::to_string(r + 1) + " is not a closed ring of 4+ points");
                }
                made.push_back(ring);
            }
            return checkedGeom(in,
                               GEOSGeom_createPolygon_r(ctx, made[0], made.data() + 1,
                                                        static_cast<unsigned>(rings - 1)),
                               "polygon");
        }
        default:
            in.fail("unsupported entity type " + std::to_string(type));
        }
    }
    static bool split(std::uint32_t classType, std::uint32_t &base, int &dims)
    {
        if (classType >= 1000000)
            return false; // compressed
        dims = classType >= 3000 ? 4 : classType >= 1000 ? 3 : 2;
        base = classType % 1000;
        return base >= 1 && base <= 7;
    }
};

} // namespace

std::optional<Envelope> SpatialiteBlob::envelope(std::span<const unsigned char> blob)
{
    if (blob.size() < kHeader + 1 || blob[0] != 0x00 || blob[1] > 1 || blob[38] != 0x7C ||
        blob.back() != 0xFE)
        return std::nullopt;
    const bool swap = (blob[1] == 1) != (std::endian::native == std::endian::little);
    double v[4];
    for (int i = 0; i < 4; ++i) {
        std::uint64_t u;
        std::memcpy(&u, blob.data() + 6 + 8 * i, 8);
        v[i] = std::bit_cast<double>(swap ? __builtin_bswap64(u) : u);
    }
    return Envelope{v[0], v[1], v[2], v[3]};
}

bool SpatialiteBlob::polygonRings(std::span<const unsigned char> blob, PolygonRings &out)
{
    out.xy.clear();
    out.rings.clear();
    if (blob.size() < kHeader + 1 || blob[0] != 0x00 || blob[1] > 1 || blob[38] != 0x7C ||
        blob.back() != 0xFE)
        return false;
    const std::span<const unsigned char> body = blob.first(blob.size() - 1);
    const bool swap = (blob[1] == 1) != (std::endian::native == std::endian::little);
    std::size_t pos = 39;
    auto u32 = [&](std::uint32_t &v) {
        if (body.size() - pos < 4)
            return false;
        std::memcpy(&v, body.data() + pos, 4);
        v = swap ? __builtin_bswap32(v) : v;
        pos += 4;
        return true;
    };
    auto polygon = [&](std::uint32_t index, int dims) {
        std::uint32_t rings = 0;
        if (!u32(rings))
            return false;
        const std::size_t stride = 8u * static_cast<std::size_t>(dims);
        for (std::uint32_t r = 0; r < rings; ++r) {
            std::uint32_t n = 0;
            if (!u32(n) || n < 4 || n > (body.size() - pos) / stride)
                return false;
            const std::size_t first = out.xy.size() / 2;
            out.xy.resize(out.xy.size() + 2u * n);
            double *dst = out.xy.data() + 2 * first;
            const unsigned char *p = body.data() + pos;
            for (std::uint32_t i = 0; i < n; ++i, p += stride) {
                std::uint64_t x, y;
                std::memcpy(&x, p, 8);
                std::memcpy(&y, p + 8, 8);
                dst[2 * i] = std::bit_cast<double>(swap ? __builtin_bswap64(x) : x);
                dst[2 * i + 1] = std::bit_cast<double>(swap ? __builtin_bswap64(y) : y);
            }
            pos += stride * n;
            if (dst[0] != dst[2 * n - 2] || dst[1] != dst[2 * n - 1])
                return false; // not closed: GEOS says so on the other path
            out.rings.push_back({index, static_cast<std::uint32_t>(first), n});
        }
        return true;
    };
    std::uint32_t classType = 0;
    if (!u32(classType) || classType >= 1000000)
        return false;
    const int dims = classType >= 3000 ? 4 : classType >= 1000 ? 3 : 2;
    const std::uint32_t base = classType % 1000;
    if (base == 3) {
        if (!polygon(0, dims))
            return false;
    } else if (base == 6) {
        std::uint32_t n = 0;
        if (!u32(n))
            return false;
        for (std::uint32_t i = 0; i < n; ++i) {
            std::uint32_t type = 0;
            if (pos >= body.size() || body[pos++] != 0x69 || !u32(type) || type >= 1000000 ||
                type % 1000 != 3)
                return false;
            if (!polygon(i, type >= 3000 ? 4 : type >= 1000 ? 3 : 2))
                return false;
        }
    } else {
        return false;
    }
    if (pos != body.size() || out.xy.empty())
        return false;
    Envelope e{out.xy[0], out.xy[1], out.xy[0], out.xy[1]};
    for (std::size_t i = 0; i < out.xy.size(); i += 2) {
        const double x = out.xy[i], y = out.xy[i + 1];
        if (!std::isfinite(x) || !std::isfinite(y))
            return false;
        e.minX = std::min(e.minX, x);
        e.maxX = std::max(e.maxX, x);
        e.minY = std::min(e.minY, y);
        e.maxY = std::max(e.maxY, y);
    }
    out.envelope = e;
    return true;
}

Geometry SpatialiteBlob::toGeometry(std::span<const unsigned char> blob)
{
    if (blob.size() < kHeader + 1 || blob[0] != 0x00 || blob[1] > 1 || blob[38] != 0x7C ||
        blob.back() != 0xFE)
        throw Error("malformed SpatiaLite geometry: bad header or end marker");
    Cursor in(blob.first(blob.size() - 1), blob[1] == 1);
    in.seek(39);
    Builder b{in, geosContext(), {}};
    std::uint32_t base = 0;
    int dims = 2;
    if (!Builder::split(in.uint32(), base, dims))
        return Geometry();
    if (base <= 3)
        return Geometry(b.simple(base, dims));
    const std::uint32_t n = in.uint32();
    std::vector<GEOSGeometry *> parts;
    parts.reserve(n);
    try {
        for (std::uint32_t i = 0; i < n; ++i) {
            if (in.byte() != 0x69)
                in.fail("missing entity marker");
            std::uint32_t eBase = 0;
            int eDims = 2;
            if (!Builder::split(in.uint32(), eBase, eDims)) {
                for (auto *g : parts)
                    GEOSGeom_destroy_r(b.ctx, g);
                return Geometry();
            }
            parts.push_back(b.simple(eBase, eDims));
        }
    } catch (...) {
        for (auto *g : parts)
            GEOSGeom_destroy_r(b.ctx, g);
        throw;
    }
    const int type = base == 4   ? GEOS_MULTIPOINT
                     : base == 5 ? GEOS_MULTILINESTRING
                     : base == 6 ? GEOS_MULTIPOLYGON
                                 : GEOS_GEOMETRYCOLLECTION;
    GEOSGeometry *g =
        GEOSGeom_createCollection_r(b.ctx, type, parts.data(), static_cast<unsigned>(parts.size()));
    if (!g) {
        for (auto *p : parts)
            GEOSGeom_destroy_r(b.ctx, p);
        throw Error("malformed SpatiaLite geometry: GEOS refused the collection");
    }
    return Geometry(g);
}

} // namespace planlines::geodata::check
