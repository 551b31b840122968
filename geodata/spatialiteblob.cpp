#include "spatialiteblob.h"

#include "error.h"
#include "geometry.h"

#include <cstring>
#include <limits>

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
