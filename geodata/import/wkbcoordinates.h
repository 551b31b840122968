// The x,y pairs inside a little-endian 2D WKB geometry, found once and then read or rewritten
// in place: the importer checks and transforms every vertex in one bulk PROJ call per feature
// without rebuilding the geometry.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace planlines::geodata::import {

class WkbCoordinates
{
public:
    // Byte offsets of each vertex's x (y follows). Throws geodata::Error on malformed,
    // big-endian, 3D or curved WKB.
    explicit WkbCoordinates(std::span<const unsigned char> wkb);
    std::size_t vertexCount() const { return m_offsets.size(); }
    // x0,y0,x1,y1,… in WKB order.
    std::vector<double> read(std::span<const unsigned char> wkb) const;
    void write(std::span<unsigned char> wkb, std::span<const double> xy) const;

private:
    void walk(std::span<const unsigned char> wkb, std::size_t &pos, int depth);
    std::vector<std::size_t> m_offsets;
};

} // namespace planlines::geodata::import
