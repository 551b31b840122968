// Decodes OGC well-known binary (what SpatiaLite's AsBinary() returns; the map reads layer BLOBs
// with geodata::readSpatialiteBlob and comes here only for what that leaves to SpatiaLite) into
// flat arrays without building a GEOS geometry. Accepts either byte order,
// XY, XYZ, XYM and XYZM (ISO codes and EWKB flags; Z and M are dropped) and flattens collections.
#pragma once

#include <geodata/flatgeometry.h>

#include <cstdint>
#include <span>
#include <vector>

namespace planlines::layers {

// One feature's coordinates (geodata/flatgeometry.h: parts, rings, x/y pairs).
using FlatGeometry = geodata::FlatGeometry;

class WkbReader
{
public:
    // Appends the geometry in wkb to out (call out.clear() between features). Throws
    // geodata::Error("malformed WKB: …") on truncated or unknown input.
    static void read(std::span<const unsigned char> wkb, FlatGeometry &out);
};

} // namespace planlines::layers
