#include "wkbreader.h"

#include "error.h"
#include "geometry.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <string>

namespace planlines::geodata {

namespace {

class Cursor
{
public:
    explicit Cursor(std::span<const unsigned char> bytes) : m_bytes(bytes) {}

    std::uint8_t byte()
    {
        need(1);
        return m_bytes[m_pos++];
    }
    std::uint32_t uint32(bool littleEndian)
    {
        need(4);
        std::uint32_t v;
        std::memcpy(&v, m_bytes.data() + m_pos, 4);
        m_pos += 4;
        return littleEndian == (std::endian::native == std::endian::little) ? v : byteswap(v);
    }
    double real(bool littleEndian)
    {
        need(8);
        std::uint64_t v;
        std::memcpy(&v, m_bytes.data() + m_pos, 8);
        m_pos += 8;
        if (littleEndian != (std::endian::native == std::endian::little))
            v = byteswap(v);
        return std::bit_cast<double>(v);
    }
    void skip(std::size_t n)
    {
        need(n);
        m_pos += n;
    }
    // Counts come from the file: refuse ones the remaining bytes cannot hold.
    void needItems(std::uint32_t count, std::size_t minBytesEach)
    {
        if (count > (m_bytes.size() - m_pos) / minBytesEach)
            fail("count " + std::to_string(count) + " exceeds the data");
    }

    [[noreturn]] void fail(const std::string &why) const
    {
        throw Error("malformed WKB: " + why + " at byte " + std::to_string(m_pos));
    }

private:
    void need(std::size_t n) const
    {
        if (m_bytes.size() - m_pos < n)
            fail("truncated");
    }
    static std::uint32_t byteswap(std::uint32_t v)
    {
        return (v >> 24) | ((v >> 8) & 0xff00u) | ((v << 8) & 0xff0000u) | (v << 24);
    }
    static std::uint64_t byteswap(std::uint64_t v)
    {
        return (static_cast<std::uint64_t>(byteswap(static_cast<std::uint32_t>(v))) << 32) |
               byteswap(static_cast<std::uint32_t>(v >> 32));
    }

    std::span<const unsigned char> m_bytes;
    std::size_t m_pos = 0;
};

struct Reader
{
    Cursor &in;
    FlatGeometry &out;

    void points(bool le, int dims, std::uint32_t n)
    {
        if (n > 1)
            in.needItems(n, 8u * static_cast<unsigned>(dims));
        for (std::uint32_t i = 0; i < n; ++i) {
            out.xy.push_back(in.real(le));
            out.xy.push_back(in.real(le));
            in.skip(8u * static_cast<unsigned>(dims - 2));
        }
    }
    void beginRing() { out.rings.push_back(static_cast<std::uint32_t>(out.pointCount())); }
    void beginPart(std::uint8_t kind)
    {
        out.parts.push_back(static_cast<std::uint32_t>(out.rings.size()));
        out.partKinds.push_back(kind);
    }
    void endAll()
    {
        // Keep the trailing "end" offsets: one past the last ring, one past the last part.
        out.rings.push_back(static_cast<std::uint32_t>(out.pointCount()));
        out.parts.push_back(static_cast<std::uint32_t>(out.rings.size() - 1));
    }

    void geometry(int depth)
    {
        if (depth > 8)
            in.fail("collections nested too deeply");
        const std::uint8_t order = in.byte();
        if (order > 1)
            in.fail("bad byte-order mark " + std::to_string(order));
        const bool le = order == 1;
        std::uint32_t type = in.uint32(le);
        int dims = 2;
        // EWKB flags (PostGIS) and ISO thousands both mark Z and M.
        if (type & 0x80000000u)
            ++dims;
        if (type & 0x40000000u)
            ++dims;
        if (type & 0x20000000u)
            in.skip(4); // EWKB SRID
        type &= 0x0fffffffu;
        if (type >= 1000 && type < 4000) {
            dims += type >= 3000 ? 2 : 1;
            type %= 1000;
        }
        switch (type) {
        case 1: // Point
            beginPart(1);
            beginRing();
            points(le, dims, 1);
            break;
        case 2: // LineString
            beginPart(2);
            beginRing();
            points(le, dims, in.uint32(le));
            break;
        case 3: { // Polygon
            beginPart(3);
            const std::uint32_t nRings = in.uint32(le);
            in.needItems(nRings, 4);
            for (std::uint32_t r = 0; r < nRings; ++r) {
                beginRing();
                points(le, dims, in.uint32(le));
            }
            break;
        }
        case 4:   // MultiPoint
        case 5:   // MultiLineString
        case 6:   // MultiPolygon
        case 7: { // GeometryCollection
            const std::uint32_t n = in.uint32(le);
            in.needItems(n, 9);
            for (std::uint32_t i = 0; i < n; ++i)
                geometry(depth + 1);
            break;
        }
        default:
            in.fail("unsupported geometry type " + std::to_string(type));
        }
    }
};

} // namespace

void WkbReader::read(std::span<const unsigned char> wkb, FlatGeometry &out)
{
    // Drop a previous end marker so parts and rings continue where they stopped.
    if (!out.rings.empty())
        out.rings.pop_back();
    if (!out.parts.empty())
        out.parts.pop_back();
    Cursor in(wkb);
    Reader r{in, out};
    r.geometry(0);
    r.endAll();
}

Envelope WkbReader::box(std::span<const unsigned char> wkb, FlatGeometry &scratch)
{
    scratch.clear();
    read(wkb, scratch);
    const std::vector<double> &xy = scratch.xy;
    if (xy.size() < 2)
        return {};
    Envelope e{xy[0], xy[1], xy[0], xy[1]};
    for (std::size_t i = 2; i + 1 < xy.size(); i += 2) {
        e.minX = std::min(e.minX, xy[i]);
        e.maxX = std::max(e.maxX, xy[i]);
        e.minY = std::min(e.minY, xy[i + 1]);
        e.maxY = std::max(e.maxY, xy[i + 1]);
    }
    return e;
}

} // namespace planlines::geodata
