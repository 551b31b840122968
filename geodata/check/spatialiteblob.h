// SpatiaLite's internal geometry BLOB (what a layer table's geom column holds) straight into
// GEOS, without SpatiaLite's own conversion or an AsBinary() round trip: the hot path of a site
// check, which reads every candidate parcel under the site. The BLOB is parsed by
// geodata::readSpatialiteBlob (../spatialiteblob.h), the one reader of the format.
#pragma once

#include "../geometry.h"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace planlines::geodata::check {

// The rings of a polygonal blob as plain coordinates (no GEOS objects): what the site check
// needs to measure a parcel that lies wholly inside or across a convex site.
struct PolygonRings
{
    struct Ring
    {
        std::uint32_t polygon; // which polygon of a MULTIPOLYGON (0 for a POLYGON)
        std::uint32_t first;   // index of its first point in xy (points, not doubles)
        std::uint32_t count;   // points, the closing one included
    };
    std::vector<double> xy; // x, y pairs
    std::vector<Ring> rings;
    Envelope envelope; // of the coordinates themselves (not the header's MBR)
};

class SpatialiteBlob
{
public:
    // Reads a POLYGON or MULTIPOLYGON blob into `out` (reused between calls). False for other
    // types, encodings this reader does not handle, damaged blobs or non-finite coordinates:
    // the caller then takes the GEOS path, which reports what is wrong.
    static bool polygonRings(std::span<const unsigned char> blob, PolygonRings &out);
    // The MBR stored in the blob header, or nullopt when the blob is not a SpatiaLite geometry.
    static std::optional<Envelope> envelope(std::span<const unsigned char> blob);
    // The geometry (Z and M dropped). Returns a null Geometry for encodings this reader does
    // not handle (compressed or TinyPoint blobs: ask SpatiaLite for WKB instead); throws
    // geodata::Error("malformed SpatiaLite geometry: …") on damaged blobs.
    static Geometry toGeometry(std::span<const unsigned char> blob);
};

} // namespace planlines::geodata::check
