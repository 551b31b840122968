// Coordinate transformation through PROJ with the network off. Axis order is normalised for
// visualisation: geographic CRSs take (longitude, latitude), projected ones (easting, northing),
// whatever order the EPSG definition states.
#pragma once

#include "error.h"

#include <memory>
#include <span>
#include <string>

namespace planlines::geodata {

// A PROJ transformation between two CRSs given as "EPSG:nnnn" (or any PROJ-accepted string).
class CoordinateTransform
{
public:
    CoordinateTransform(const std::string &sourceCrs, const std::string &targetCrs);
    ~CoordinateTransform();
    CoordinateTransform(const CoordinateTransform &) = delete;
    CoordinateTransform &operator=(const CoordinateTransform &) = delete;

    // Transforms x,y pairs in place (lon,lat or easting,northing). Throws on failure.
    void transform(std::span<double> xy) const;
    void transformInverse(std::span<double> xy) const;
    // Name of the operation PROJ chose (for the import report).
    std::string description() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

// Human-readable name of a CRS ("CGCS2000 / 3-degree Gauss-Kruger CM 117E").
std::string crsName(const std::string &crs);

// Whether a CRS is projected with both axes in metres (EPSG:4548 yes; EPSG:4490, geographic,
// no): what planar areas and distances in m² and m need. False for a CRS PROJ does not know.
bool crsIsProjectedInMetres(const std::string &crs);

} // namespace planlines::geodata
