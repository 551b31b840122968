#include "sourcelocator.h"

#include "gdalenvironment.h"
#include "zipinspector.h"

#include "../error.h"

#include <cpl_string.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace fs = std::filesystem;

namespace planlines::geodata::import {

namespace {

struct Format
{
    const char *extension;
    const char *driver;
};

// Extension → the one driver that may read it. VRT, LIBKML and every network driver are absent
// on purpose: they can reach other files or the network.
constexpr Format kFormats[] = {
    {".shp", "ESRI Shapefile"},
    {".gdb", "OpenFileGDB"},
    {".gpkg", "GPKG"},
    {".geojson", "GeoJSON"},
    {".json", "GeoJSON"},
    {".kml", "KML"},
    {".dxf", "DXF"},
    {".tab", "MapInfo File"},
    {".mif", "MapInfo File"},
    {".csv", "CSV"},
    {".sqlite", "SQLite"},
    {".db", "SQLite"},
};

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool endsWith(const std::string &s, const std::string &suffix)
{
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string readHead(const std::string &path, size_t bytes)
{
    std::ifstream in(path, std::ios::binary);
    std::string s(bytes, '\0');
    in.read(s.data(), static_cast<std::streamsize>(bytes));
    s.resize(static_cast<size_t>(in.gcount()));
    return s;
}

// CSV: geometry from a WKT column or unambiguous longitude/latitude or easting/northing names.
std::vector<std::string> csvOptions()
{
    return {"GEOM_POSSIBLE_NAMES=WKT,geom,geometry,the_geom,shape",
            "X_POSSIBLE_NAMES=lon,lng,longitude,经度,easting,east",
            "Y_POSSIBLE_NAMES=lat,latitude,纬度,northing,north", "KEEP_GEOM_COLUMNS=NO",
            "AUTODETECT_TYPE=YES"};
}

std::vector<SourceUnit> fromZip(const std::string &file, bool kmz)
{
    const auto entries = ZipInspector::inspect(file);
    std::vector<SourceUnit> units;
    std::vector<std::string> gdbs;
    const std::string base = "/vsizip/" + file + "/";
    for (const auto &e : entries) {
        const std::string name = lower(e.name);
        if (kmz) {
            if (!e.isDirectory() && endsWith(name, ".kml"))
                units.push_back({file, file + "!" + e.name, base + e.name, "KML", {}, false});
            continue;
        }
        if (const auto gdb = name.find(".gdb/"); gdb != std::string::npos) {
            const std::string dir = e.name.substr(0, gdb + 4);
            if (std::find(gdbs.begin(), gdbs.end(), dir) == gdbs.end())
                gdbs.push_back(dir);
        } else if (!e.isDirectory() && endsWith(name, ".shp")) {
            units.push_back({file, file + "!" + e.name, base + e.name, "ESRI Shapefile", {}, true});
        }
    }
    for (const auto &dir : gdbs)
        units.push_back({file, file + "!" + dir, base + dir, "OpenFileGDB", {}, false});
    if (kmz) {
        // A KMZ's document is doc.kml by convention; other .kml entries are its resources.
        auto doc = std::find_if(units.begin(), units.end(), [](const SourceUnit &u) {
            return endsWith(lower(u.gdalPath), "/doc.kml");
        });
        if (doc != units.end())
            units = {*doc};
        else if (units.size() > 1)
            units.resize(1);
    }
    if (units.empty())
        throw Error(kmz ? "the KMZ archive holds no .kml document"
                        : "the zip archive holds no Shapefile (.shp) or File Geodatabase (.gdb)",
                    file);
    return units;
}

} // namespace

std::string SourceLocator::supportedExtensions()
{
    std::string out;
    for (const auto &f : kFormats)
        out += std::string(out.empty() ? "" : " ") + f.extension;
    return out + " .zip .kmz";
}

std::vector<SourceUnit> SourceLocator::locate(const std::string &path)
{
    if (path.rfind("/vsi", 0) == 0 || path.find("://") != std::string::npos)
        throw Error("only local files can be imported (no /vsi paths or URLs)", path);
    std::error_code ec;
    const std::string file = fs::absolute(fs::path(path), ec).lexically_normal().string();
    if (ec || !fs::exists(file, ec))
        throw Error("no such file", path);
    std::string ext = lower(fs::path(file).extension().string());
    if (ext.empty() && endsWith(lower(file), ".gdb/"))
        ext = ".gdb";
    if (ext == ".zip")
        return fromZip(file, false);
    if (ext == ".kmz")
        return fromZip(file, true);
    const bool dir = fs::is_directory(file, ec);
    if (dir != (ext == ".gdb"))
        throw Error(dir ? "a folder can be imported only when it is a File Geodatabase (.gdb)"
                        : "a File Geodatabase (.gdb) is a folder, not a file",
                    path);
    if (!dir && fs::file_size(file, ec) == 0)
        throw Error("the file is empty", path);
    for (const auto &f : kFormats) {
        if (ext != f.extension)
            continue;
        SourceUnit unit{file, file, file, f.driver, {}, ext == ".shp"};
        if (unit.shapefile) {
            const fs::path stem = fs::path(file).replace_extension();
            if (!fs::exists(stem.string() + ".dbf") && !fs::exists(stem.string() + ".DBF"))
                throw Error("the Shapefile has no .dbf (attribute table) beside it", path);
        }
        if (ext == ".tab") {
            // Seamless and view tables name other files to read: refuse them.
            const std::string head = lower(readHead(file, 65536));
            if (head.find("isseamless") != std::string::npos ||
                head.find("create view") != std::string::npos)
                throw Error("MapInfo seamless or view tables refer to other files and are not "
                            "imported; import the tables they name",
                            path);
        }
        if (ext == ".csv")
            unit.openOptions = csvOptions();
        return {unit};
    }
    throw Error("unsupported format '" + ext + "' (supported: " + supportedExtensions() + ")",
                path);
}

DatasetHandle SourceLocator::open(const SourceUnit &unit,
                                  const std::vector<std::string> &extraOptions)
{
    GdalEnvironment::ensureReady();
    GdalErrorScope errors;
    const char *drivers[] = {unit.driver.c_str(), nullptr};
    CPLStringList options;
    for (const auto &o : unit.openOptions)
        options.AddString(o.c_str());
    for (const auto &o : extraOptions)
        options.AddString(o.c_str());
    // A single file needs no directory listing (sidecars are found by name); folders and
    // archives do.
    const bool single = unit.gdalPath.rfind("/vsizip/", 0) != 0 && unit.driver != "OpenFileGDB";
    const char *before = CPLGetThreadLocalConfigOption("GDAL_DISABLE_READDIR_ON_OPEN", nullptr);
    const std::string previous = before ? before : "";
    CPLSetThreadLocalConfigOption("GDAL_DISABLE_READDIR_ON_OPEN", single ? "EMPTY_DIR" : nullptr);
    GDALDatasetH h =
        GDALOpenEx(unit.gdalPath.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR,
                   drivers, options.List(), nullptr);
    CPLSetThreadLocalConfigOption("GDAL_DISABLE_READDIR_ON_OPEN",
                                  previous.empty() ? nullptr : previous.c_str());
    if (!h)
        throw Error("cannot be read as " + unit.driver + ": " +
                        GdalEnvironment::lastError("the file is damaged or not of that format"),
                    unit.displayName);
    return DatasetHandle(h);
}

} // namespace planlines::geodata::import
