// From a path a person gave to the GDAL datasets to read, each with the one driver its
// extension allows, opened read-only. Nothing else is ever opened: no VRT, no network driver,
// no /vsi path or URL from the user, zips inspected (ZipInspector) and read in place.
#pragma once

#include "gdalhandles.h"

#include <string>
#include <vector>

namespace planlines::geodata::import {

// Metadata item a SourceLocator sets on a layer it reshaped (a DXF split by geometry kind, a CSV
// whose X/Y axis order was decided from the values): what was decided, for the report.
inline constexpr const char *kSourceNoteKey = "PLANLINES_SOURCE_NOTE";

// One dataset inside a source: the file itself, or a Shapefile / .gdb / .kml inside a zip.
struct SourceUnit
{
    std::string file;        // the file the person named (absolute)
    std::string displayName; // file, or "file!entry" inside an archive
    std::string gdalPath;    // what GDAL opens (/vsizip/… inside archives)
    std::string driver;      // the single allowed driver
    std::vector<std::string> openOptions;
    bool shapefile = false;
};

class SourceLocator
{
public:
    // The datasets of a file (several for a zip holding several Shapefiles). Throws
    // geodata::Error naming the file and the cause (unknown format, unsafe archive, …).
    static std::vector<SourceUnit> locate(const std::string &path);
    // Opens one unit read-only with its driver and extra open options (ENCODING=…). A DXF comes
    // back as an in-memory dataset with one layer per geometry kind (polygons: closed polylines
    // and hatches; lines_<file>: open polylines; points_<file>); a CSV without a WKT column
    // with its X/Y columns chosen from their values (a layer note says how). Throws
    // geodata::Error with GDAL's message.
    static DatasetHandle open(const SourceUnit &unit, const std::vector<std::string> &extraOptions);
    // The formats `locate` accepts, for --help: ".shp .zip .gdb …".
    static std::string supportedExtensions();
};

} // namespace planlines::geodata::import
