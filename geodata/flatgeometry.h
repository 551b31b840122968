// One feature's coordinates in flat arrays, without a GEOS geometry: what the SpatiaLite BLOB
// reader (spatialiteblob.h) and layers' WKB reader produce and the map's compact arrays and the
// site check's GEOS builder consume.
#pragma once

#include <cmath>
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

// The planar area enclosed by a ring of n points (closed: the last repeats the first), by the
// shoelace formula relative to the first vertex (coordinates of 10⁵–10⁶ m would lose digits).
inline double ringArea(const double *xy, std::uint32_t n)
{
    if (n < 3)
        return 0;
    const double x0 = xy[0], y0 = xy[1];
    double twice = 0;
    for (std::uint32_t i = 1; i + 1 < n; ++i)
        twice +=
            (xy[2 * i] - x0) * (xy[2 * i + 3] - y0) - (xy[2 * i + 2] - x0) * (xy[2 * i + 1] - y0);
    return std::abs(twice) / 2;
}

// The planar area of a geometry's polygons (shells less holes, parts added): ST_Area's figure
// in the working CRS, whatever engine stored it. 0 for points and lines.
inline double planarArea(const FlatGeometry &g)
{
    double area = 0;
    for (std::size_t part = 0; part < g.partCount(); ++part) {
        if (g.partKinds[part] != 3)
            continue;
        for (std::uint32_t r = g.parts[part]; r < g.parts[part + 1]; ++r) {
            const double a = ringArea(g.xy.data() + 2u * g.rings[r], g.rings[r + 1] - g.rings[r]);
            area += r == g.parts[part] ? a : -a;
        }
    }
    return area;
}

} // namespace planlines::geodata
