// Decodes OGC well-known binary (what SpatiaLite's AsBinary() returns; the map reads layer BLOBs
// with geodata::readSpatialiteBlob and comes here only for what that leaves to SpatiaLite) into
// flat arrays without building a GEOS geometry. Accepts either byte order,
// XY, XYZ, XYM and XYZM (ISO codes and EWKB flags; Z and M are dropped) and flattens collections.
#pragma once

#include "flatgeometry.h"

#include <cstdint>
#include <span>
#include <vector>

namespace planlines::geodata {

struct Envelope;

class WkbReader
{
public:
    // Appends the geometry in wkb to out (call out.clear() between features). Throws
    // Error("malformed WKB: …") on truncated or unknown input.
    static void read(std::span<const unsigned char> wkb, FlatGeometry &out);
    // The bounding box of the geometry in wkb (PostGIS rows carry no box of their own),
    // decoded through scratch; an empty envelope when it has no coordinates.
    static Envelope box(std::span<const unsigned char> wkb, FlatGeometry &scratch);
};

} // namespace planlines::geodata
