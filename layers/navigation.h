// Pan and zoom arithmetic of the map window, free of Qt Quick so it is tested on its own: the
// round scales staff print at, snapping to them, the resolution of a scale at a screen's DPI,
// zooming to an extent, and the in-between views of a smooth animation.
#pragma once

#include "mapviewport.h"

#include <array>

namespace planlines::layers::navigation {

// The scales of the county's paper maps, 1 : N, largest scale first.
inline constexpr std::array<double, 6> kRoundScales = {2000, 5000, 10000, 25000, 50000, 100000};

// Metres of ground per screen pixel that show 1 : denominator on a screen of dotsPerInch.
double metresPerPixelAt(double denominator, double dotsPerInch);
// The N of 1 : N that metresPerPixel shows on a screen of dotsPerInch.
double scaleDenominatorAt(double metresPerPixel, double dotsPerInch);

// The round scale nearest to denominator, comparing ratios (1:7 000 is nearer 1:5 000 than
// 1:10 000 because 7/5 < 10/7). Beyond the list's ends: its first or last value.
double nearestRoundScale(double denominator);
// The next round scale zooming in (direction > 0: a smaller N) or out (direction < 0) from
// denominator; a scale within 0.5 % of a round one counts as that one. Stays at the list's end.
double nextRoundScale(double denominator, int direction);

// The view of viewport's size showing extent whole with marginPx free on each side, at
// viewport's DPI. A point or empty extent is shown at minMetresPerPixel around it.
MapViewport zoomedToExtent(const MapViewport &viewport, const geodata::Envelope &extent,
                           double marginPx, double minMetresPerPixel);

// The view a fraction t (0..1) of the way from `from` to `to`: the resolution changes
// geometrically (each frame zooms by the same ratio) and the centre moves so that the
// screen point that stays fixed in the whole move (when there is one) stays fixed on every frame.
MapViewport interpolated(const MapViewport &from, const MapViewport &to, double t);

// Ease-in-out (cubic) of an animation's linear progress t in 0..1.
double easeInOut(double t);

} // namespace planlines::layers::navigation
