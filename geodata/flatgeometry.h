// One feature's coordinates in flat arrays, without a GEOS geometry: what the SpatiaLite BLOB
// reader (spatialiteblob.h) and layers' WKB reader produce and the map's compact arrays and the
// site check's GEOS builder consume.
#pragma once

#include <cstdint>
#include <vector>

namespace planlines::geodata {

// A part is one point, one line string or one polygon; a polygon's first ring is its shell, the
// rest are holes. Offsets index the next level; each offsets vector holds one more entry than
// there are items (the end). Coordinates are x, y pairs in the table's CRS.
struct FlatGeometry
{
    std::vector<double> xy;              // x0, y0, x1, y1, … (easting, northing)
    std::vector<std::uint32_t> rings;    // point offset of each ring or line
    std::vector<std::uint32_t> parts;    // ring offset of each part
    std::vector<std::uint8_t> partKinds; // per part: 1 point, 2 line string, 3 polygon

    void clear()
    {
        xy.clear();
        rings.clear();
        parts.clear();
        partKinds.clear();
    }
    std::size_t pointCount() const { return xy.size() / 2; }
    std::size_t ringCount() const { return rings.empty() ? 0 : rings.size() - 1; }
    std::size_t partCount() const { return parts.empty() ? 0 : parts.size() - 1; }
};

} // namespace planlines::geodata
