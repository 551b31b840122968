#include "wkbcoordinates.h"

#include "../error.h"

#include <cstdint>
#include <cstring>

namespace planlines::geodata::import {

namespace {

std::uint32_t u32(std::span<const unsigned char> wkb, std::size_t pos)
{
    if (pos + 4 > wkb.size())
        throw Error("truncated WKB geometry");
    std::uint32_t v;
    std::memcpy(&v, wkb.data() + pos, 4); // little-endian host (x86-64, arm64)
    return v;
}

} // namespace

WkbCoordinates::WkbCoordinates(std::span<const unsigned char> wkb)
{
    std::size_t pos = 0;
    walk(wkb, pos, 0);
    if (pos != wkb.size())
        throw Error("trailing bytes after the WKB geometry");
}

void WkbCoordinates::walk(std::span<const unsigned char> wkb, std::size_t &pos, int depth)
{
    if (depth > 32)
        throw Error("WKB geometry nested too deep");
    if (pos >= wkb.size() || wkb[pos] != 1)
        throw Error("WKB geometry is not little-endian");
    const std::uint32_t type = u32(wkb, pos + 1);
    pos += 5;
    auto points = [&](std::uint32_t n) {
        if (n > (wkb.size() - pos) / 16)
            throw Error("truncated WKB geometry");
        for (std::uint32_t i = 0; i < n; ++i, pos += 16)
            m_offsets.push_back(pos);
    };
    switch (type) {
    case 1: // Point
        points(1);
        return;
    case 2: { // LineString
        const std::uint32_t n = u32(wkb, pos);
        pos += 4;
        points(n);
        return;
    }
    case 3: { // Polygon
        const std::uint32_t rings = u32(wkb, pos);
        pos += 4;
        for (std::uint32_t r = 0; r < rings; ++r) {
            const std::uint32_t n = u32(wkb, pos);
            pos += 4;
            points(n);
        }
        return;
    }
    case 4:
    case 5:
    case 6:
    case 7: {
        const std::uint32_t parts = u32(wkb, pos);
        pos += 4;
        for (std::uint32_t p = 0; p < parts; ++p)
            walk(wkb, pos, depth + 1);
        return;
    }
    default:
        throw Error("unsupported WKB geometry type " + std::to_string(type));
    }
}

std::vector<double> WkbCoordinates::read(std::span<const unsigned char> wkb) const
{
    std::vector<double> xy(m_offsets.size() * 2);
    for (std::size_t i = 0; i < m_offsets.size(); ++i)
        std::memcpy(&xy[2 * i], wkb.data() + m_offsets[i], 16);
    return xy;
}

void WkbCoordinates::write(std::span<unsigned char> wkb, std::span<const double> xy) const
{
    for (std::size_t i = 0; i < m_offsets.size(); ++i)
        std::memcpy(wkb.data() + m_offsets[i], &xy[2 * i], 16);
}

} // namespace planlines::geodata::import
