// SpatiaLite's internal BLOB geometry format written directly from little-endian 2D WKB, so a
// bulk insert binds the bytes SpatiaLite stores instead of calling GeomFromWKB() per row:
//   00 | 01 (little-endian) | srid int32 | MBR minx miny maxx maxy (4 doubles) | 7C |
//   class int32 | body (WKB body; each part of a multi geometry starts 69 + its class) | FE
// See SpatiaLite's "BLOB-Geometry" documentation (gaiaToSpatiaLiteBlobWkb is the reference).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace planlines::geodata {

struct Envelope;

// Encodes a 2D Point, LineString, Polygon or Multi* (ISO codes 1–6, little-endian) as a
// SpatiaLite BLOB with `srid`; writes the MBR into `mbr` when given. Throws geodata::Error
// ("malformed WKB: …") for anything else: big-endian, Z/M, collections, truncated input.
std::vector<unsigned char> spatialiteBlobFromWkb(std::span<const unsigned char> wkb, int srid,
                                                 Envelope *mbr = nullptr);

} // namespace planlines::geodata
