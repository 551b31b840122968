// SpatiaLite's internal geometry BLOB (what a layer table's geom column holds) straight into
// GEOS, without SpatiaLite's own conversion or an AsBinary() round trip: the hot path of a site
// check, which reads every candidate parcel under the site. The BLOB is parsed by
// geodata::readSpatialiteBlob (../spatialiteblob.h), the one reader of the format.
#pragma once

#include "../geometry.h"

#include <optional>
#include <span>

namespace planlines::geodata::check {

class SpatialiteBlob
{
public:
    // The MBR stored in the blob header, or nullopt when the blob is not a SpatiaLite geometry.
    static std::optional<Envelope> envelope(std::span<const unsigned char> blob);
    // The geometry (Z and M dropped). Returns a null Geometry for encodings this reader does
    // not handle (compressed or TinyPoint blobs: ask SpatiaLite for WKB instead); throws
    // geodata::Error("malformed SpatiaLite geometry: …") on damaged blobs.
    static Geometry toGeometry(std::span<const unsigned char> blob);
};

} // namespace planlines::geodata::check
