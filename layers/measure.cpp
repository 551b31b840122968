#include "measure.h"

#include <cmath>

namespace planlines::layers {

double polylineLengthM(std::span<const WorldPoint> points)
{
    double total = 0;
    for (std::size_t i = 1; i < points.size(); ++i)
        total += std::hypot(points[i].easting - points[i - 1].easting,
                            points[i].northing - points[i - 1].northing);
    return total;
}

double polygonAreaM2(std::span<const WorldPoint> points)
{
    if (points.size() < 3)
        return 0;
    // Relative to the first point: Gauss-Krüger coordinates are millions of metres, and the
    // products of such numbers lose the centimetres the sum needs.
    const WorldPoint o = points.front();
    double twice = 0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const WorldPoint &a = points[i];
        const WorldPoint &b = points[(i + 1) % points.size()];
        twice += (a.easting - o.easting) * (b.northing - o.northing) -
                 (b.easting - o.easting) * (a.northing - o.northing);
    }
    return std::abs(twice) / 2;
}

double polygonPerimeterM(std::span<const WorldPoint> points)
{
    if (points.size() < 2)
        return 0;
    return polylineLengthM(points) + std::hypot(points.back().easting - points.front().easting,
                                                points.back().northing - points.front().northing);
}

} // namespace planlines::layers
