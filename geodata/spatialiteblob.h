// SpatiaLite's internal BLOB geometry format, written and read without SpatiaLite: a bulk insert
// binds the bytes SpatiaLite stores instead of calling GeomFromWKB() per row, and the map and the
// site check read a layer's geom column straight into flat arrays instead of AsBinary() per row.
//   00 | 01 (little-endian) | srid int32 | MBR minx miny maxx maxy (4 doubles) | 7C |
//   class int32 | body (WKB body; each part of a multi geometry starts 69 + its class) | FE
// See SpatiaLite's "BLOB-Geometry" documentation (gaiaToSpatiaLiteBlobWkb is the reference).
#pragma once

#include "flatgeometry.h"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace planlines::geodata {

struct Envelope;

// Encodes a 2D Point, LineString, Polygon or Multi* (ISO codes 1–6, little-endian) as a
// SpatiaLite BLOB with `srid`; writes the MBR into `mbr` when given. Throws geodata::Error
// ("malformed WKB: …") for anything else: big-endian, Z/M, collections, truncated input.
std::vector<unsigned char> spatialiteBlobFromWkb(std::span<const unsigned char> wkb, int srid,
                                                 Envelope *mbr = nullptr);

// Reads a SpatiaLite geometry BLOB (either byte order; XY, XYZ, XYM, XYZM with Z and M dropped;
// collections flattened into parts) into out, replacing its contents. Returns the geometry's
// class (1 point, 2 line string, 3 polygon, 4–6 multi, 7 collection), or 0 for encodings left
// to SpatiaLite (compressed geometries, TinyPoint): ask it for AsBinary() instead. Throws
// geodata::Error("malformed SpatiaLite geometry: …") on damaged or non-finite input.
std::uint32_t readSpatialiteBlob(std::span<const unsigned char> blob, FlatGeometry &out);

// The MBR stored in the BLOB header, or nullopt when the bytes are not a SpatiaLite geometry.
std::optional<Envelope> spatialiteBlobEnvelope(std::span<const unsigned char> blob);

} // namespace planlines::geodata
