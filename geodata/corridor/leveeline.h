// Linear referencing along the levee centre line: the chainage (桩号) of any point and the point
// at a chainage, through GEOS project/interpolate. Chainage 0 is the line's first vertex (the
// upstream end, K0+000); coordinates are in the project's working CRS (easting, northing, m).
#pragma once

#include "../geometry.h"

#include <string>
#include <vector>

namespace planlines::geodata::corridor {

class LeveeLine
{
public:
    // line: a LineString, or lines that merge into one (a MultiLineString split at vertices).
    // Throws Error naming `name` when the lines do not form one continuous line.
    LeveeLine(const Geometry &line, std::string name);
    LeveeLine(LeveeLine &&) noexcept = default;
    LeveeLine &operator=(LeveeLine &&) noexcept = default;

    const std::string &name() const { return m_name; }
    double lengthM() const { return m_lengthM; }
    const Geometry &geometry() const { return m_line; }

    struct Location
    {
        double chainageM = 0; // along the levee from its start
        double offsetM = 0;   // distance from the point to the levee
        double easting = 0;   // the nearest point on the levee
        double northing = 0;
    };
    // Where a point (working CRS) projects onto the levee.
    Location locate(double easting, double northing) const;

    struct Point
    {
        double easting = 0, northing = 0;
    };
    // How far past an end a chainage still means that end: half the 0.1 m that chainages are
    // printed with, so the length a message prints (K46+921.2) always resolves.
    static constexpr double kEndToleranceM = 0.05;
    // chainageM as a chainage on the levee: within kEndToleranceM past an end it is that end
    // (0 or the length, exactly). Throws Error, saying the levee's length, when it is further
    // out or not finite.
    double checkedChainage(double chainageM) const;
    // The point on the levee at checkedChainage(chainageM).
    Point pointAt(double chainageM) const;

    // The levee between two chainages (clamped to the line): the interpolated ends and the
    // vertices between them, for drawing a stretch of the levee.
    std::vector<Point> pointsBetween(double fromM, double toM) const;

private:
    Geometry m_line;
    std::string m_name;
    double m_lengthM = 0;
};

} // namespace planlines::geodata::corridor
