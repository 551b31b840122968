#include "navigation.h"

#include <algorithm>
#include <cmath>

namespace planlines::layers::navigation {

double metresPerPixelAt(double denominator, double dotsPerInch)
{
    return denominator * MapViewport::kMetresPerInch / dotsPerInch;
}

double scaleDenominatorAt(double metresPerPixel, double dotsPerInch)
{
    return metresPerPixel * dotsPerInch / MapViewport::kMetresPerInch;
}

double nearestRoundScale(double denominator)
{
    if (!(denominator > 0))
        return kRoundScales.front();
    double best = kRoundScales.front();
    double bestRatio = INFINITY;
    for (const double s : kRoundScales) {
        const double ratio = std::abs(std::log(denominator / s));
        if (ratio < bestRatio) {
            bestRatio = ratio;
            best = s;
        }
    }
    return best;
}

double nextRoundScale(double denominator, int direction)
{
    constexpr double kSame = 0.005;
    if (direction > 0) {
        for (auto it = kRoundScales.rbegin(); it != kRoundScales.rend(); ++it)
            if (*it < denominator * (1 - kSame))
                return *it;
        return kRoundScales.front();
    }
    for (const double s : kRoundScales)
        if (s > denominator * (1 + kSame))
            return s;
    return kRoundScales.back();
}

MapViewport zoomedToExtent(const MapViewport &viewport, const geodata::Envelope &extent,
                           double marginPx, double minMetresPerPixel)
{
    MapViewport fit =
        MapViewport::fitting(extent, viewport.sizePx(), marginPx, viewport.dotsPerInch());
    if (extent.width() <= 0 && extent.height() <= 0)
        return MapViewport(fit.centre(), minMetresPerPixel, viewport.sizePx(),
                           viewport.dotsPerInch());
    if (fit.metresPerPixel() < minMetresPerPixel)
        return MapViewport(fit.centre(), minMetresPerPixel, viewport.sizePx(),
                           viewport.dotsPerInch());
    return fit;
}

MapViewport interpolated(const MapViewport &from, const MapViewport &to, double t)
{
    t = std::clamp(t, 0.0, 1.0);
    if (t <= 0)
        return from;
    if (t >= 1)
        return to;
    const double r0 = from.metresPerPixel();
    const double r1 = to.metresPerPixel();
    const double r = r0 * std::pow(r1 / r0, t);
    const WorldPoint c0 = from.centre();
    const WorldPoint c1 = to.centre();
    WorldPoint centre{c0.easting + (c1.easting - c0.easting) * t,
                      c0.northing + (c1.northing - c0.northing) * t};
    if (std::abs(r1 - r0) > 1e-9 * r0) {
        // The world point shown at the same pixel offset d from the centre in both views:
        // c0 + d r0 = c1 + d r1, so d = (c1 - c0) / (r0 - r1) (pixels, y northwards). When it
        // is on screen (a zoom about the cursor), keep it there: c = c0 + d (r0 - r).
        const double dx = (c1.easting - c0.easting) / (r0 - r1);
        const double dy = (c1.northing - c0.northing) / (r0 - r1);
        if (std::abs(dx) <= to.sizePx().width() / 2.0 && std::abs(dy) <= to.sizePx().height() / 2.0)
            centre = {c0.easting + dx * (r0 - r), c0.northing + dy * (r0 - r)};
    }
    return MapViewport(centre, r, to.sizePx(), to.dotsPerInch());
}

double easeInOut(double t)
{
    t = std::clamp(t, 0.0, 1.0);
    return t < 0.5 ? 4 * t * t * t : 1 - std::pow(-2 * t + 2, 3) / 2;
}

} // namespace planlines::layers::navigation
