// Which CRS a source layer's coordinates are in: what the file says (.prj, embedded
// definition), what a person says (--srs), or, when the file says nothing, what the coordinate
// ranges show (degrees; Gauss-Krüger eastings with a zone prefix; unprefixed eastings near the
// working CRS's central meridian). Every decision says how it was made.
#pragma once

#include "../geometry.h"

#include <ogr_api.h>

#include <optional>
#include <string>

namespace planlines::geodata::import {

struct CrsDecision
{
    std::string crs;           // "EPSG:4527", or WKT when the source's CRS has no EPSG code
    std::string name;          // "CGCS2000 / 3-degree Gauss-Kruger zone 39"
    std::string how;           // "source", "inferred", "override"
    std::string detail;        // "from the .prj", "CRS inferred from coordinate ranges: …"
    std::string label() const; // "EPSG:4527 (CGCS2000 / …)"
};

class CrsResolver
{
public:
    // The layer's own CRS, or nullopt when it has none. For a Shapefile (shpPath non-empty) a
    // .prj that GDAL could not read, or one holding a URL, is an error, not a missing CRS.
    static std::optional<CrsDecision> fromLayer(OGRLayerH layer, const std::string &shpPath,
                                                const std::string &context);
    // --srs EPSG:N (or any definition PROJ reads without the network).
    static CrsDecision fromOverride(const std::string &srs);
    // From the extent of the raw coordinates (x = easting or longitude). Throws geodata::Error
    // when the ranges match no known pattern.
    static CrsDecision infer(const Envelope &extent, const std::string &workingCrs,
                             const std::string &context);
};

} // namespace planlines::geodata::import
