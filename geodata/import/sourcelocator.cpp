#include "sourcelocator.h"

#include "gdalenvironment.h"
#include "isolatedread.h"
#include "shapefileintegrity.h"
#include "sourceguards.h"
#include "textencoding.h"
#include "zipinspector.h"

#include "../error.h"

#include <cpl_string.h>

#include <cmath>
#include <cstdio>
#include <optional>

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

// CSV: geometry from a WKT column; X/Y columns are chosen after opening (csvPoints).
std::vector<std::string> csvOptions()
{
    return {"GEOM_POSSIBLE_NAMES=WKT,geom,geometry,the_geom,shape", "KEEP_GEOM_COLUMNS=NO",
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

// --- DXF: one layer per geometry kind -----------------------------------------------------------

enum class Kind
{
    Polygon,
    Line,
    Point
};

// A closed linear ring from a linestring whose ends meet (a closed LWPOLYLINE reads so).
OGRGeometryH closedToPolygon(OGRGeometryH line)
{
    const int n = OGR_G_GetPointCount(line);
    if (n < 4 || OGR_G_GetX(line, 0) != OGR_G_GetX(line, n - 1) ||
        OGR_G_GetY(line, 0) != OGR_G_GetY(line, n - 1))
        return nullptr;
    OGRGeometryH ring = OGR_G_CreateGeometry(wkbLinearRing);
    for (int i = 0; i < n; ++i)
        OGR_G_AddPoint_2D(ring, OGR_G_GetX(line, i), OGR_G_GetY(line, i));
    OGRGeometryH poly = OGR_G_CreateGeometry(wkbPolygon);
    OGR_G_AddGeometryDirectly(poly, ring);
    return poly;
}

// Splits a geometry into parts of one kind each (INSERTs read as collections), taking ownership
// of the clones it returns.
void explode(OGRGeometryH g, std::vector<std::pair<Kind, OGRGeometryH>> &out)
{
    if (!g || OGR_G_IsEmpty(g))
        return;
    if (OGR_G_HasCurveGeometry(g, TRUE)) {
        OGRGeometryH linear = OGR_G_GetLinearGeometry(g, 0, nullptr);
        explode(linear, out);
        OGR_G_DestroyGeometry(linear);
        return;
    }
    switch (wkbFlatten(OGR_G_GetGeometryType(g))) {
    case wkbPolygon:
    case wkbMultiPolygon:
        out.emplace_back(Kind::Polygon, OGR_G_Clone(g));
        return;
    case wkbLineString:
        if (OGRGeometryH poly = closedToPolygon(g))
            out.emplace_back(Kind::Polygon, poly);
        else
            out.emplace_back(Kind::Line, OGR_G_Clone(g));
        return;
    case wkbPoint:
    case wkbMultiPoint:
        out.emplace_back(Kind::Point, OGR_G_Clone(g));
        return;
    case wkbMultiLineString:
    case wkbGeometryCollection:
        for (int i = 0; i < OGR_G_GetGeometryCount(g); ++i)
            explode(OGR_G_GetGeometryRef(g, i), out);
        return;
    default:
        return;
    }
}

// A DXF's one "entities" layer mixes kinds: closed polylines and hatches become the polygon
// layer named after the file, open polylines the layer "lines_<file>", points "points_<file>"
// (prefixed, so a line layer is never mistaken for the role its file name carries). Held in
// memory: DXF files are drawings, not bulk data.
DatasetHandle splitDxf(DatasetHandle &dxf, const std::string &stem, const std::string &display,
                       const GdalErrorScope &errors)
{
    const int failuresBefore = errors.failures();
    GDALDriverH memDriver = GDALGetDriverByName("Memory");
    GDALDatasetH mem =
        memDriver ? GDALCreate(memDriver, "dxf", 0, 0, 0, GDT_Unknown, nullptr) : nullptr;
    if (!mem)
        throw Error("cannot hold the drawing in memory", display);
    DatasetHandle out(mem);
    OGRLayerH src = GDALDatasetGetLayer(dxf.get(), 0);
    if (!src)
        return out;
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(src);
    const int nFields = OGR_FD_GetFieldCount(defn);
    const std::string names[] = {stem, "lines_" + stem, "points_" + stem};
    const OGRwkbGeometryType types[] = {wkbMultiPolygon, wkbMultiLineString, wkbMultiPoint};
    OGRLayerH layers[3] = {nullptr, nullptr, nullptr};
    std::int64_t counts[3] = {0, 0, 0};
    auto layerFor = [&](Kind k) {
        const int i = static_cast<int>(k);
        if (!layers[i]) {
            layers[i] = GDALDatasetCreateLayer(mem, names[i].c_str(), OGR_L_GetSpatialRef(src),
                                               types[i], nullptr);
            for (int f = 0; f < nFields; ++f)
                OGR_L_CreateField(layers[i], OGR_FD_GetFieldDefn(defn, f), TRUE);
        }
        return layers[i];
    };
    OGR_L_ResetReading(src);
    std::vector<std::pair<Kind, OGRGeometryH>> parts;
    while (OGRFeatureH f = OGR_L_GetNextFeature(src)) {
        parts.clear();
        explode(OGR_F_GetGeometryRef(f), parts);
        for (auto &[kind, geom] : parts) {
            OGRLayerH layer = layerFor(kind);
            OGRFeatureH copy = OGR_F_Create(OGR_L_GetLayerDefn(layer));
            for (int i = 0; i < nFields; ++i)
                if (OGR_F_IsFieldSetAndNotNull(f, i))
                    OGR_F_SetFieldString(copy, i, OGR_F_GetFieldAsString(f, i));
            OGR_F_SetGeometryDirectly(copy, geom);
            const OGRErr err = OGR_L_CreateFeature(layer, copy);
            OGR_F_Destroy(copy);
            if (err != OGRERR_NONE) {
                const std::string fid = std::to_string(OGR_F_GetFID(f));
                OGR_F_Destroy(f);
                throw Error("cannot hold entity " + fid + " of the drawing in memory", display);
            }
            ++counts[static_cast<int>(kind)];
        }
        OGR_F_Destroy(f);
    }
    // The DXF reader says so and stops at a damaged or missing entity: a part of the drawing
    // must not pass for the whole.
    if (errors.failures() > failuresBefore)
        throw Error("the drawing cannot be read whole (" + errors.firstFailure() +
                        "); nothing is imported from a damaged file",
                    display);
    const char *what[] = {"closed polylines and hatches read as polygons",
                          "open polylines read as lines", "points"};
    for (int i = 0; i < 3; ++i)
        if (layers[i])
            GDALSetMetadataItem(reinterpret_cast<GDALMajorObjectH>(layers[i]), kSourceNoteKey,
                                ("DXF: " + std::to_string(counts[i]) + " " + what[i]).c_str(),
                                nullptr);
    dxf.reset();
    return out;
}

// --- CSV: which column holds eastings -----------------------------------------------------------

struct CsvAxes
{
    std::string easting, northing, note;
};

struct Range
{
    double min = 1e300, max = -1e300;
    std::int64_t count = 0;
    bool within(double lo, double hi) const { return count > 0 && min >= lo && max < hi; }
};

std::string rangeOf(const Range &r)
{
    char buf[96];
    std::snprintf(buf, sizeof buf, "%.6g–%.6g", r.min, r.max);
    return buf;
}

// Column pairs people name coordinates with, first the one conventionally read as x. In the
// Chinese survey convention X is the northing (纵坐标) and Y the easting (横坐标), so names alone
// never decide: the values do.
// A CSV header as GDAL passes it through: GBK names are decoded for matching and messages
// (the open options keep the raw bytes GDAL compares).
std::string readableName(const char *raw)
{
    const std::string name = raw ? raw : "";
    if (detectEncoding(name).name != "GBK")
        return name;
    try {
        return toUtf8(name, "GBK");
    } catch (const Error &) {
        return name;
    }
}

std::optional<CsvAxes> csvAxes(DatasetHandle &ds, const std::string &display)
{
    OGRLayerH layer = GDALDatasetGetLayer(ds.get(), 0);
    if (!layer || OGR_FD_GetGeomFieldCount(OGR_L_GetLayerDefn(layer)) > 0)
        return std::nullopt;
    static const std::pair<const char *, const char *> kPairs[] = {
        {"x", "y"},       {"东坐标", "北坐标"},    {"横坐标", "纵坐标"},
        {"lon", "lat"},   {"lng", "lat"},          {"longitude", "latitude"},
        {"经度", "纬度"}, {"easting", "northing"}, {"east", "north"},
        {"e", "n"}};
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    int a = -1, b = -1;
    for (const auto &[x, y] : kPairs) {
        a = b = -1;
        for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) {
            const std::string n =
                lower(readableName(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i))));
            a = n == x ? i : a;
            b = n == y ? i : b;
        }
        if (a >= 0 && b >= 0)
            break;
    }
    if (a < 0 || b < 0)
        throw Error("the CSV has neither a WKT column nor coordinate columns (X/Y, 东坐标/北坐标, "
                    "横坐标/纵坐标, lon/lat, 经度/纬度)",
                    display);
    Range ra, rb;
    OGR_L_ResetReading(layer);
    while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
        for (auto [i, r] : {std::pair{a, &ra}, std::pair{b, &rb}}) {
            if (!OGR_F_IsFieldSetAndNotNull(f, i))
                continue;
            const double v = OGR_F_GetFieldAsDouble(f, i);
            r->min = std::min(r->min, v);
            r->max = std::max(r->max, v);
            ++r->count;
        }
        OGR_F_Destroy(f);
    }
    OGR_L_ResetReading(layer);
    const std::string rawA = OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, a));
    const std::string rawB = OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, b));
    const std::string na = readableName(rawA.c_str()), nb = readableName(rawB.c_str());
    // Projected: northings in China are 1 000 000–6 000 000 (7 digits); eastings are 6 digits,
    // or 8 with the zone prefix. Degrees: longitudes in China exceed 70, latitudes stay below 55.
    auto northing = [](const Range &r) { return r.within(1e6, 1e7); };
    auto easting = [](const Range &r) { return r.within(1e4, 1e6) || r.within(1.3e7, 4.6e7); };
    auto lon = [](const Range &r) { return r.within(70, 180); };
    auto lat = [](const Range &r) { return r.within(0, 60); };
    bool swap = false;
    std::string why;
    if (northing(ra) && easting(rb)) {
        swap = true;
        why = "northings (7 digits)";
    } else if (easting(ra) && northing(rb)) {
        why = "eastings";
    } else if (lat(ra) && lon(rb)) {
        swap = true;
        why = "latitudes";
    } else if (lon(ra) && lat(rb)) {
        why = "longitudes";
    } else {
        throw Error("cannot tell from their values (" + na + " " + rangeOf(ra) + ", " + nb + " " +
                        rangeOf(rb) + ") which coordinate column is the easting; give a WKT column",
                    display);
    }
    CsvAxes out;
    out.easting = swap ? rawB : rawA;
    out.northing = swap ? rawA : rawB;
    out.note = "axis order decided from the values: column " + na + " (" + rangeOf(ra) +
               ") holds " + why + ", so " + (swap ? nb : na) +
               " is read as the easting/longitude and " + (swap ? na : nb) +
               " as the northing/latitude";
    return out;
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
    const bool dir = fs::is_directory(file, ec);
    if (dir != (ext == ".gdb"))
        throw Error(dir ? "a folder can be imported only when it is a File Geodatabase (.gdb)"
                        : "a File Geodatabase (.gdb) is a folder, not a file",
                    path);
    // Before anything reads it: a FIFO or device would block or never end.
    requireRegularFiles(file, dir);
    if (ext == ".zip")
        return fromZip(file, false);
    if (ext == ".kmz")
        return fromZip(file, true);
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
        // Seamless and view tables name other files to read: refuse them.
        if (ext == ".tab")
            refuseReferencingTab(file);
        // SpatiaLite's virtual tables (VirtualText, VirtualShape …) read files the schema
        // names: refused before GDAL, which loads SpatiaLite, ever opens the database.
        if (ext == ".sqlite" || ext == ".db" || ext == ".gpkg")
            refuseForeignVirtualTables(file);
        if (ext == ".dxf")
            requireDxfEnd(file);
        if (ext == ".csv")
            unit.openOptions = csvOptions();
        return {unit};
    }
    throw Error("unsupported format '" + ext + "' (supported: " + supportedExtensions() + ")",
                path);
}

// What open() does, in this process.
static DatasetHandle openDirect(const SourceUnit &unit,
                                const std::vector<std::string> &extraOptions)
{
    GdalEnvironment::ensureReady();
    GdalErrorScope errors;
    const std::string driver = unit.driver == "CSV-XY" ? "CSV" : unit.driver;
    const char *drivers[] = {driver.c_str(), nullptr};
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
        // GDAL's first message says what went wrong; its last often only that it failed.
        throw Error("cannot be read as " + driver + ": " +
                        (errors.failures() > 0 ? errors.firstFailure()
                                               : GdalEnvironment::lastError(
                                                     "the file is damaged or not of that format")),
                    unit.displayName);
    DatasetHandle ds(h);
    // GDAL reads a damaged Shapefile without a word: its headers say what there should be.
    if (unit.shapefile)
        ShapefileIntegrity::verify(unit.gdalPath, GDALDatasetGetLayer(ds.get(), 0),
                                   unit.displayName);
    if (unit.driver == "DXF")
        return splitDxf(ds, fs::path(unit.file).stem().string(), unit.displayName, errors);
    if (unit.driver == "CSV") {
        // No WKT column: find the coordinate columns, decide which holds eastings from the
        // values, and read the file again with exactly those columns as X and Y.
        auto axes = csvAxes(ds, unit.displayName);
        if (!axes)
            return ds;
        ds.reset();
        SourceUnit again = unit;
        again.openOptions = {"X_POSSIBLE_NAMES=" + axes->easting,
                             "Y_POSSIBLE_NAMES=" + axes->northing, "KEEP_GEOM_COLUMNS=YES",
                             "AUTODETECT_TYPE=YES"};
        again.driver = "CSV-XY";
        DatasetHandle xy = SourceLocator::open(again, extraOptions);
        OGRLayerH layer = GDALDatasetGetLayer(xy.get(), 0);
        if (layer)
            GDALSetMetadataItem(reinterpret_cast<GDALMajorObjectH>(layer), kSourceNoteKey,
                                axes->note.c_str(), nullptr);
        return xy;
    }
    return ds;
}

DatasetHandle SourceLocator::open(const SourceUnit &unit,
                                  const std::vector<std::string> &extraOptions)
{
    // GDAL's DXF reader has cases no option caps (nested INSERT blocks that multiply, huge
    // splines, HATCHes it never returns from): the same read is tried first in a child process
    // with a time and memory limit.
    if (unit.driver == "DXF")
        runIsolated([&] { openDirect(unit, extraOptions); }, "DXF file " + unit.displayName,
                    IsolationLimits::fromEnvironment());
    return openDirect(unit, extraOptions);
}

} // namespace planlines::geodata::import
