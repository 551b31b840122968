#include "featurehit.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace planlines::layers {

namespace {

double segmentDistance(double px, double py, double ax, double ay, double bx, double by)
{
    const double vx = bx - ax, vy = by - ay;
    const double len2 = vx * vx + vy * vy;
    double t = len2 > 0 ? ((px - ax) * vx + (py - ay) * vy) / len2 : 0;
    t = std::clamp(t, 0.0, 1.0);
    const double dx = px - (ax + t * vx), dy = py - (ay + t * vy);
    return std::sqrt(dx * dx + dy * dy);
}

// Distance from (px, py) to a ring's or line's segments; closed rings include the last edge.
double pathDistance(std::span<const float> xy, double px, double py, bool closed)
{
    const std::size_t n = xy.size() / 2;
    if (n == 0)
        return std::numeric_limits<double>::infinity();
    if (n == 1)
        return std::hypot(px - xy[0], py - xy[1]);
    double best = std::numeric_limits<double>::infinity();
    const std::size_t edges = closed ? n : n - 1;
    for (std::size_t i = 0; i < edges; ++i) {
        const std::size_t j = (i + 1) % n;
        best = std::min(
            best, segmentDistance(px, py, xy[2 * i], xy[2 * i + 1], xy[2 * j], xy[2 * j + 1]));
    }
    return best;
}

// Even-odd crossing test over one ring (without the repeated closing point).
bool crosses(std::span<const float> xy, double px, double py)
{
    bool inside = false;
    const std::size_t n = xy.size() / 2;
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
        const double xi = xy[2 * i], yi = xy[2 * i + 1];
        const double xj = xy[2 * j], yj = xy[2 * j + 1];
        if ((yi > py) != (yj > py) && px < (xj - xi) * (py - yi) / (yj - yi) + xi)
            inside = !inside;
    }
    return inside;
}

double featureDistance(const LayerData &data, std::uint32_t f, double px, double py)
{
    double best = std::numeric_limits<double>::infinity();
    const bool polygon = data.kind() == GeometryKind::Polygon;
    const auto parts = data.parts(f);
    for (std::uint32_t p = parts.begin; p < parts.end; ++p) {
        const auto rings = data.rings(p);
        bool inside = false;
        for (std::uint32_t r = rings.begin; r < rings.end; ++r) {
            const auto xy = data.ringXy(r);
            if (polygon && xy.size() >= 6 && crosses(xy, px, py))
                inside = !inside; // shell and holes together: odd-even leaves the holes out
            best = std::min(best, pathDistance(xy, px, py, polygon));
        }
        if (inside)
            return 0;
    }
    return best;
}

} // namespace

std::vector<FeatureHit> hitTest(const LayerData &data, WorldPoint world, double toleranceM)
{
    std::vector<FeatureHit> hits;
    if (data.featureCount() == 0)
        return hits;
    const double tol = std::max(0.0, toleranceM);
    std::vector<std::uint32_t> candidates;
    data.query(
        {world.easting - tol, world.northing - tol, world.easting + tol, world.northing + tol},
        candidates);
    const double px = world.easting - data.origin().easting;
    const double py = world.northing - data.origin().northing;
    for (const std::uint32_t f : candidates) {
        const double d = featureDistance(data, f, px, py);
        if (d <= tol)
            hits.push_back({f, d});
    }
    std::stable_sort(hits.begin(), hits.end(), [](const FeatureHit &a, const FeatureHit &b) {
        return a.distanceM < b.distanceM;
    });
    return hits;
}

QPainterPath featurePath(const LayerData &data, std::uint32_t feature)
{
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    if (feature >= data.featureCount())
        return path;
    const double ox = data.origin().easting, oy = data.origin().northing;
    const auto parts = data.parts(feature);
    for (std::uint32_t p = parts.begin; p < parts.end; ++p) {
        const auto rings = data.rings(p);
        for (std::uint32_t r = rings.begin; r < rings.end; ++r) {
            const auto xy = data.ringXy(r);
            const std::size_t n = xy.size() / 2;
            if (n == 0)
                continue;
            path.moveTo(ox + xy[0], oy + xy[1]);
            for (std::size_t i = 1; i < n; ++i)
                path.lineTo(ox + xy[2 * i], oy + xy[2 * i + 1]);
            if (data.kind() == GeometryKind::Polygon)
                path.closeSubpath();
        }
    }
    return path;
}

std::int64_t featureIndex(const LayerData &data, std::int64_t fid)
{
    // Loaded in rowid order, so the ids ascend: bisect, and fall back to a scan if not.
    std::uint32_t lo = 0, hi = data.featureCount();
    while (lo < hi) {
        const std::uint32_t mid = lo + (hi - lo) / 2;
        if (data.featureId(mid) < fid)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < data.featureCount() && data.featureId(lo) == fid)
        return lo;
    for (std::uint32_t f = 0; f < data.featureCount(); ++f)
        if (data.featureId(f) == fid)
            return f;
    return -1;
}

} // namespace planlines::layers
