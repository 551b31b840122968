// From a path a person gave to the GDAL datasets to read, each with the one driver its
// extension allows, opened read-only. Nothing else is ever opened: no VRT, no network driver,
// no /vsi path or URL from the user, zips inspected (ZipInspector) and read in place.
#pragma once

#include "gdalhandles.h"

#include <string>
#include <vector>

namespace planlines::geodata::import {

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
    // Opens one unit read-only with its driver and extra open options (ENCODING=…). Throws
    // geodata::Error with GDAL's message.
    static DatasetHandle open(const SourceUnit &unit, const std::vector<std::string> &extraOptions);
    // The formats `locate` accepts, for --help: ".shp .zip .gdb …".
    static std::string supportedExtensions();
};

} // namespace planlines::geodata::import
