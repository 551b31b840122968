#include "labelanchor.h"

#include <algorithm>
#include <cmath>

namespace planlines::layers {

namespace {

constexpr std::size_t kMaxSlabs = 48;
constexpr double kLabelAspect = 4; // a label of a few characters is about four times as wide

double ringSignedArea(const FlatGeometry &g, std::size_t ring)
{
    const std::size_t b = g.rings[ring], e = g.rings[ring + 1];
    double sum = 0;
    for (std::size_t i = b; i < e; ++i) {
        const std::size_t j = i + 1 < e ? i + 1 : b;
        sum += g.xy[2 * i] * g.xy[2 * j + 1] - g.xy[2 * j] * g.xy[2 * i + 1];
    }
    return sum / 2;
}

// The widest run inside part at northing y: (width, middle easting); width -1 when none.
std::pair<double, double> widestRun(const FlatGeometry &g, std::size_t part, double y,
                                    std::vector<double> &xs)
{
    xs.clear();
    for (std::size_t r = g.parts[part]; r < g.parts[part + 1]; ++r) {
        const std::size_t b = g.rings[r], e = g.rings[r + 1];
        for (std::size_t i = b; i < e; ++i) {
            const std::size_t j = i + 1 < e ? i + 1 : b; // rings may come open or closed
            const double x1 = g.xy[2 * i], y1 = g.xy[2 * i + 1];
            const double x2 = g.xy[2 * j], y2 = g.xy[2 * j + 1];
            if ((y1 <= y) != (y2 <= y))
                xs.push_back(x1 + (y - y1) * (x2 - x1) / (y2 - y1));
        }
    }
    std::sort(xs.begin(), xs.end());
    std::pair<double, double> best{-1, 0};
    for (std::size_t i = 0; i + 1 < xs.size(); i += 2)
        if (xs[i + 1] - xs[i] > best.first)
            best = {xs[i + 1] - xs[i], (xs[i] + xs[i + 1]) / 2};
    return best;
}

WorldPoint boxCentre(const FlatGeometry &g, std::size_t firstPoint, std::size_t endPoint)
{
    double minX = g.xy[2 * firstPoint], maxX = minX;
    double minY = g.xy[2 * firstPoint + 1], maxY = minY;
    for (std::size_t i = firstPoint; i < endPoint; ++i) {
        minX = std::min(minX, g.xy[2 * i]);
        maxX = std::max(maxX, g.xy[2 * i]);
        minY = std::min(minY, g.xy[2 * i + 1]);
        maxY = std::max(maxY, g.xy[2 * i + 1]);
    }
    return {(minX + maxX) / 2, (minY + maxY) / 2};
}

} // namespace

WorldPoint LabelAnchor::ofPolygon(const FlatGeometry &g)
{
    if (g.pointCount() == 0 || g.partCount() == 0)
        return {};
    std::size_t bestPart = 0;
    double bestArea = -1;
    for (std::size_t p = 0; p < g.partCount(); ++p) {
        double area = 0;
        for (std::size_t r = g.parts[p]; r < g.parts[p + 1]; ++r)
            area += (r == g.parts[p] ? 1 : -1) * std::abs(ringSignedArea(g, r));
        if (area > bestArea) {
            bestArea = area;
            bestPart = p;
        }
    }
    const std::size_t shell = g.parts[bestPart];
    if (shell >= g.parts[bestPart + 1])
        return boxCentre(g, 0, g.pointCount());
    // Between two successive vertex heights the part's cross-section changes smoothly, so the
    // middle of each such slab is a candidate row, clear of horizontal edges. A label wants a
    // wide run (width) with room above and below (the slab's height), and prefers the middle.
    std::vector<double> ys;
    for (std::size_t r = shell; r < g.parts[bestPart + 1]; ++r)
        for (std::size_t i = g.rings[r]; i < g.rings[r + 1]; ++i)
            ys.push_back(g.xy[2 * i + 1]);
    std::sort(ys.begin(), ys.end());
    ys.erase(std::unique(ys.begin(), ys.end()), ys.end());
    if (ys.size() > kMaxSlabs + 1) { // big boundaries: evenly spaced heights suffice
        std::vector<double> sampled;
        for (std::size_t k = 0; k <= kMaxSlabs; ++k)
            sampled.push_back(ys[k * (ys.size() - 1) / kMaxSlabs]);
        ys.swap(sampled);
    }
    if (ys.size() < 2)
        return boxCentre(g, g.rings[shell], g.rings[shell + 1]);
    const double minY = ys.front(), height = ys.back() - ys.front();
    std::vector<double> xs;
    double bestScore = -1;
    WorldPoint best = boxCentre(g, g.rings[shell], g.rings[shell + 1]);
    for (std::size_t k = 0; k + 1 < ys.size(); ++k) {
        const double y = (ys[k] + ys[k + 1]) / 2;
        const auto [width, x] = widestRun(g, bestPart, y, xs);
        if (width <= 0)
            continue;
        const double offCentre = std::abs(y - (minY + height / 2)) / height;
        const double score =
            std::min(width, kLabelAspect * (ys[k + 1] - ys[k])) * (1 - 0.25 * offCentre);
        if (score > bestScore) {
            bestScore = score;
            best = {x, y};
        }
    }
    return best;
}

WorldPoint LabelAnchor::ofLine(const FlatGeometry &g)
{
    if (g.pointCount() == 0)
        return {};
    std::size_t bestRing = 0;
    double bestLength = -1;
    for (std::size_t r = 0; r < g.ringCount(); ++r) {
        double len = 0;
        for (std::size_t i = g.rings[r]; i + 1 < g.rings[r + 1]; ++i)
            len += std::hypot(g.xy[2 * i + 2] - g.xy[2 * i], g.xy[2 * i + 3] - g.xy[2 * i + 1]);
        if (len > bestLength) {
            bestLength = len;
            bestRing = r;
        }
    }
    double remaining = bestLength / 2;
    for (std::size_t i = g.rings[bestRing]; i + 1 < g.rings[bestRing + 1]; ++i) {
        const double dx = g.xy[2 * i + 2] - g.xy[2 * i], dy = g.xy[2 * i + 3] - g.xy[2 * i + 1];
        const double len = std::hypot(dx, dy);
        if (len >= remaining && len > 0) {
            const double t = remaining / len;
            return {g.xy[2 * i] + t * dx, g.xy[2 * i + 1] + t * dy};
        }
        remaining -= len;
    }
    return {g.xy[2 * g.rings[bestRing]], g.xy[2 * g.rings[bestRing] + 1]};
}

WorldPoint LabelAnchor::ofPoint(const FlatGeometry &g)
{
    if (g.pointCount() == 0)
        return {};
    return {g.xy[0], g.xy[1]};
}

} // namespace planlines::layers
