// Decodes OGC well-known binary (what SpatiaLite's AsBinary() returns) into flat arrays without
// building a GEOS geometry: the hot path of reading 80 000 parcels. Accepts either byte order,
// XY, XYZ, XYM and XYZM (ISO codes and EWKB flags; Z and M are dropped) and flattens collections.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace planlines::layers {

// One feature's coordinates. A part is one point, one line string or one polygon; a polygon's
// first ring is its shell, the rest are holes. Offsets index the next level; each offsets
// vector holds one more entry than there are items (the end).
struct FlatGeometry
{
    std::vector<double> xy;           // x0, y0, x1, y1, … (easting, northing)
    std::vector<std::uint32_t> rings; // point offset of each ring or line
    std::vector<std::uint32_t> parts; // ring offset of each part

    void clear();
    std::size_t pointCount() const { return xy.size() / 2; }
    std::size_t ringCount() const { return rings.empty() ? 0 : rings.size() - 1; }
    std::size_t partCount() const { return parts.empty() ? 0 : parts.size() - 1; }
};

class WkbReader
{
public:
    // Appends the geometry in wkb to out (call out.clear() between features). Throws
    // geodata::Error("malformed WKB: …") on truncated or unknown input.
    static void read(std::span<const unsigned char> wkb, FlatGeometry &out);
};

} // namespace planlines::layers
