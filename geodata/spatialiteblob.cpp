#include "spatialiteblob.h"

#include "error.h"
#include "geometry.h"

#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>

namespace planlines::geodata {
namespace {

constexpr unsigned char kStart = 0x00, kLittleEndian = 0x01, kMbrEnd = 0x7C, kEntity = 0x69,
                        kEnd = 0xFE;

class Encoder
{
public:
    Encoder(std::span<const unsigned char> wkb, std::vector<unsigned char> &out)
        : m_wkb(wkb), m_out(out)
    {
    }

    // Copies one geometry's body (after its byte order and class) to the output.
    void body(std::uint32_t type, int depth)
    {
        switch (type) {
        case 1:
            points(1);
            return;
        case 2:
            points(count());
            return;
        case 3:
            for (std::uint32_t r = count(); r > 0; --r)
                points(count());
            return;
        case 4:
        case 5:
        case 6: {
            if (depth > 0)
                fail("a multi geometry inside a multi geometry");
            for (std::uint32_t n = count(); n > 0; --n) {
                need(5);
                if (m_wkb[m_pos] != kLittleEndian)
                    fail("big-endian part");
                std::uint32_t part = 0;
                std::memcpy(&part, m_wkb.data() + m_pos + 1, 4);
                if (part != type - 3)
                    fail("part of class " + std::to_string(part) + " in a geometry of class " +
                         std::to_string(type));
                m_out.push_back(kEntity);
                m_out.insert(m_out.end(), m_wkb.begin() + static_cast<std::ptrdiff_t>(m_pos + 1),
                             m_wkb.begin() + static_cast<std::ptrdiff_t>(m_pos + 5));
                m_pos += 5;
                body(part, depth + 1);
            }
            return;
        }
        default:
            fail("unsupported geometry class " + std::to_string(type));
        }
    }

    Envelope mbr{std::numeric_limits<double>::max(), std::numeric_limits<double>::max(),
                 std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
    std::size_t position() const { return m_pos; }
    void skip(std::size_t n)
    {
        need(n);
        m_pos += n;
    }

private:
    [[noreturn]] static void fail(const std::string &why) { throw Error("malformed WKB: " + why); }
    void need(std::size_t n) const
    {
        if (m_wkb.size() - m_pos < n)
            fail("truncated");
    }
    std::uint32_t count()
    {
        need(4);
        std::uint32_t n = 0;
        std::memcpy(&n, m_wkb.data() + m_pos, 4);
        m_out.insert(m_out.end(), m_wkb.begin() + static_cast<std::ptrdiff_t>(m_pos),
                     m_wkb.begin() + static_cast<std::ptrdiff_t>(m_pos + 4));
        m_pos += 4;
        return n;
    }
    void points(std::uint32_t n)
    {
        if (n > (m_wkb.size() - m_pos) / 16)
            fail("truncated");
        const unsigned char *p = m_wkb.data() + m_pos;
        for (std::uint32_t i = 0; i < n; ++i, p += 16) {
            double xy[2];
            std::memcpy(xy, p, 16);
            mbr.minX = xy[0] < mbr.minX ? xy[0] : mbr.minX;
            mbr.maxX = xy[0] > mbr.maxX ? xy[0] : mbr.maxX;
            mbr.minY = xy[1] < mbr.minY ? xy[1] : mbr.minY;
            mbr.maxY = xy[1] > mbr.maxY ? xy[1] : mbr.maxY;
        }
        m_out.insert(m_out.end(), m_wkb.begin() + static_cast<std::ptrdiff_t>(m_pos),
                     m_wkb.begin() + static_cast<std::ptrdiff_t>(m_pos + 16 * std::size_t(n)));
        m_pos += 16 * std::size_t(n);
    }

    std::span<const unsigned char> m_wkb;
    std::vector<unsigned char> &m_out;
    std::size_t m_pos = 0;
};

void putDouble(unsigned char *at, double v)
{
    std::memcpy(at, &v, 8);
}

} // namespace

std::vector<unsigned char> spatialiteBlobFromWkb(std::span<const unsigned char> wkb, int srid,
                                                 Envelope *mbr)
{
    if (wkb.size() < 5 || wkb[0] != kLittleEndian)
        throw Error(wkb.size() < 5 ? "malformed WKB: truncated" : "malformed WKB: big-endian");
    std::uint32_t type = 0;
    std::memcpy(&type, wkb.data() + 1, 4);
    if (type < 1 || type > 6)
        throw Error("malformed WKB: unsupported geometry class " + std::to_string(type));

    std::vector<unsigned char> out;
    out.reserve(wkb.size() + 40);
    out.resize(43);
    out[0] = kStart;
    out[1] = kLittleEndian;
    const auto srid32 = static_cast<std::int32_t>(srid);
    std::memcpy(out.data() + 2, &srid32, 4);
    out[38] = kMbrEnd;
    std::memcpy(out.data() + 39, &type, 4);
    Encoder e(wkb, out);
    e.skip(5);
    e.body(type, 0);
    if (e.position() != wkb.size())
        throw Error("malformed WKB: " + std::to_string(wkb.size() - e.position()) +
                    " bytes after the geometry");
    if (e.mbr.minX > e.mbr.maxX)
        throw Error("malformed WKB: empty geometry");
    putDouble(out.data() + 6, e.mbr.minX);
    putDouble(out.data() + 14, e.mbr.minY);
    putDouble(out.data() + 22, e.mbr.maxX);
    putDouble(out.data() + 30, e.mbr.maxY);
    out.push_back(kEnd);
    if (mbr)
        *mbr = e.mbr;
    return out;
}

} // namespace planlines::geodata

namespace planlines::geodata {
namespace {

// Layout: 0x00, endian (1 = little), SRID int32, MBR 4 doubles, 0x7C, class int32, body, 0xFE.
// Entities of a collection are each 0x69 + class int32 + body.
constexpr std::size_t kHeaderBytes = 43;

bool hasBlobFrame(std::span<const unsigned char> blob)
{
    return blob.size() > kHeaderBytes && blob[0] == kStart && blob[1] <= kLittleEndian &&
           blob[38] == kMbrEnd && blob.back() == kEnd;
}

class BlobReader
{
public:
    BlobReader(std::span<const unsigned char> body, bool littleEndian, FlatGeometry &out)
        : m_bytes(body), m_swap(littleEndian != (std::endian::native == std::endian::little)),
          m_out(out)
    {
    }

    // The class's base type (1–7) and dimensions; false for compressed classes (1 000 000+).
    static bool split(std::uint32_t classType, std::uint32_t &base, int &dims)
    {
        if (classType >= 1000000)
            return false;
        dims = classType >= 3000 ? 4 : classType >= 1000 ? 3 : 2;
        base = classType % 1000;
        return true;
    }

    std::uint32_t geometry()
    {
        std::uint32_t base = 0;
        int dims = 2;
        if (!split(uint32(), base, dims))
            return 0;
        if (base >= 1 && base <= 3) {
            part(base, dims);
        } else if (base >= 4 && base <= 7) {
            const std::uint32_t n = uint32();
            if (n > (m_bytes.size() - m_pos) / 5)
                fail("entity count " + std::to_string(n) + " exceeds the data");
            for (std::uint32_t i = 0; i < n; ++i) {
                if (byte() != kEntity)
                    fail("missing entity marker");
                std::uint32_t entity = 0;
                int entityDims = 2;
                if (!split(uint32(), entity, entityDims))
                    return 0;
                if (entity < 1 || entity > 3 || (base != 7 && entity != base - 3))
                    fail("entity of class " + std::to_string(entity) + " in a geometry of class " +
                         std::to_string(base));
                part(entity, entityDims);
            }
        } else {
            fail("unsupported geometry class " + std::to_string(base));
        }
        if (m_pos != m_bytes.size())
            fail(std::to_string(m_bytes.size() - m_pos) + " bytes after the geometry");
        m_out.rings.push_back(static_cast<std::uint32_t>(m_out.pointCount()));
        m_out.parts.push_back(static_cast<std::uint32_t>(m_out.rings.size() - 1));
        return base;
    }

    void seek(std::size_t pos) { m_pos = pos; }

private:
    void part(std::uint32_t kind, int dims)
    {
        m_out.partKinds.push_back(static_cast<std::uint8_t>(kind));
        m_out.parts.push_back(static_cast<std::uint32_t>(m_out.rings.size()));
        if (kind == 3) {
            const std::uint32_t rings = uint32();
            if (rings > (m_bytes.size() - m_pos) / 4)
                fail("ring count " + std::to_string(rings) + " exceeds the data");
            for (std::uint32_t r = 0; r < rings; ++r)
                ring(uint32(), dims);
        } else {
            ring(kind == 1 ? 1 : uint32(), dims);
        }
    }

    void ring(std::uint32_t n, int dims)
    {
        m_out.rings.push_back(static_cast<std::uint32_t>(m_out.pointCount()));
        const std::size_t stride = 8u * static_cast<std::size_t>(dims);
        if (n > (m_bytes.size() - m_pos) / stride)
            fail("point count " + std::to_string(n) + " exceeds the data");
        const std::size_t first = m_out.xy.size();
        m_out.xy.resize(first + 2u * n);
        double *to = m_out.xy.data() + first;
        const unsigned char *p = m_bytes.data() + m_pos;
        if (!m_swap && dims == 2) {
            std::memcpy(to, p, 16u * n);
        } else {
            for (std::uint32_t i = 0; i < n; ++i, p += stride) {
                std::uint64_t x, y;
                std::memcpy(&x, p, 8);
                std::memcpy(&y, p + 8, 8);
                if (m_swap) {
                    x = __builtin_bswap64(x);
                    y = __builtin_bswap64(y);
                }
                to[2u * i] = std::bit_cast<double>(x);
                to[2u * i + 1] = std::bit_cast<double>(y);
            }
        }
        m_pos += stride * n;
        for (std::size_t i = 0; i < 2u * n; ++i)
            if (!std::isfinite(to[i]))
                fail("non-finite coordinate");
    }

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
    void need(std::size_t n) const
    {
        if (m_bytes.size() - m_pos < n)
            fail("truncated");
    }
    [[noreturn]] void fail(const std::string &why) const
    {
        throw Error("malformed SpatiaLite geometry: " + why + " at byte " + std::to_string(m_pos));
    }

    std::span<const unsigned char> m_bytes;
    bool m_swap;
    FlatGeometry &m_out;
    std::size_t m_pos = 0;
};

} // namespace

std::uint32_t readSpatialiteBlob(std::span<const unsigned char> blob, FlatGeometry &out)
{
    out.clear();
    if (blob.size() >= 2 && blob[0] == kStart && (blob[1] == 0x80 || blob[1] == 0x81))
        return 0; // TinyPoint
    if (!hasBlobFrame(blob))
        throw Error("malformed SpatiaLite geometry: bad header or end marker");
    BlobReader r(blob.first(blob.size() - 1), blob[1] == kLittleEndian, out);
    r.seek(kHeaderBytes - 4);
    const std::uint32_t base = r.geometry();
    if (base == 0)
        out.clear();
    return base;
}

std::optional<Envelope> spatialiteBlobEnvelope(std::span<const unsigned char> blob)
{
    if (!hasBlobFrame(blob))
        return std::nullopt;
    const bool swap = (blob[1] == kLittleEndian) != (std::endian::native == std::endian::little);
    double v[4];
    for (int i = 0; i < 4; ++i) {
        std::uint64_t u;
        std::memcpy(&u, blob.data() + 6 + 8 * i, 8);
        v[i] = std::bit_cast<double>(swap ? __builtin_bswap64(u) : u);
    }
    return Envelope{v[0], v[1], v[2], v[3]};
}

} // namespace planlines::geodata
