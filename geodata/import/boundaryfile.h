// The boundary coordinate file (界址点坐标文件, .txt): how project boundaries travel between
// offices. Reads every parcel and ring of one into GEOS geometry in the Gauss-Krüger CRS its
// header names, and writes polygons back in the form Windows tools expect (GBK, CRLF).
#pragma once

#include "geodata/area.h"
#include "geodata/geometry.h"
#include "geodata/import/textencoding.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace planlines::geodata::import {

// The geodetic datum a boundary file's 坐标系 names.
enum class GeodeticDatum
{
    Cgcs2000,   // 2000国家大地坐标系
    Xian1980,   // 80国家大地坐标系 (西安80)
    Beijing1954 // 54北京坐标系
};

// A Gauss-Krüger CRS of China as EPSG defines them: datum, 3° or 6° zones, zone number, and
// whether eastings carry the zone number as a prefix (39 571 000.000) or not (571 000.000).
struct GaussKrugerCrs
{
    GeodeticDatum datum = GeodeticDatum::Cgcs2000;
    int zoneWidthDegrees = 3; // 3 or 6
    int zone = 39;            // 3°: 25–45 (CM = 3 × zone), 6°: 13–23 (CM = 6 × zone − 3)
    bool prefixed = true;     // easting includes zone × 1 000 000

    // The EPSG code (4527 for CGCS2000 3° zone 39 prefixed). Throws Error for a zone EPSG lacks.
    int epsg() const;
    std::string id() const { return "EPSG:" + std::to_string(epsg()); }
    int centralMeridianDegrees() const;
    // What a boundary file's 坐标系 says for this datum (2000国家大地坐标系).
    std::string datumText() const;
    // The inverse of epsg(); std::nullopt for a code outside the tables.
    static std::optional<GaussKrugerCrs> fromEpsg(int epsg);
    bool operator==(const GaussKrugerCrs &) const = default;
};

// The datum a 坐标系 value names, or std::nullopt when it names none we know.
std::optional<GeodeticDatum> datumFromText(std::string_view coordinateSystem);

// One ring (圈) of a parcel as the file lists it, without the repeated closing point.
struct BoundaryRing
{
    int number = 1;                      // 圈号: 1 outer, 2… holes or further parts
    std::vector<std::string> pointNames; // 点号 (J1, J2…), UTF-8
    std::vector<double> eastingNorthing; // easting, northing pairs in the file's CRS
    int line = 0;                        // line of the ring's first point, 0 if not read
};

// One parcel (地块): the attributes of its parcel line, its rings and its geometry.
struct BoundaryParcel
{
    std::string number;       // 地块编号
    std::string name;         // 地块名称
    std::string shape = "面"; // 图形属性: 点, 线 or 面
    std::string mapSheet;     // 图幅号
    std::string use;          // 地块用途
    std::string landUseCode;  // 地类编码
    int declaredPointCount = 0;
    std::optional<double> declaredAreaHa; // 面积 (公顷) as the file states it
    std::vector<BoundaryRing> rings;
    // MultiPolygon (面), MultiLineString (线) or MultiPoint (点) in the file's CRS, x = easting
    // (with the zone prefix when the CRS is prefixed), y = northing.
    Geometry geometry;
    int line = 0; // line of the parcel line, 0 if not read from a file

    Area area() const { return Area{geometry ? geometry.area() : 0.0}; }
    // "地块 1 (地块1)" for messages.
    std::string label() const;
};

// How BoundaryFile::read() reads (a namespace-level type so that `= {}` works as a default).
struct BoundaryReadOptions
{
    // "GBK", "UTF-8", …; empty: detectEncoding() decides.
    std::string encoding;
    // An EPSG code from GaussKrugerCrs's tables to use instead of the CRS the header
    // describes; 0: from the header. Eastings are converted to its prefix convention.
    int epsg = 0;
    // A declared area is reported when it differs from the boundary's by more than either
    // (and by more than half a unit of its last decimal).
    double areaToleranceRatio = 0.005;
    double areaToleranceM2 = 1.0;
};

// A whole boundary file: its [属性描述] header, its CRS and its parcels.
struct BoundaryFile
{
    using ReadOptions = BoundaryReadOptions;

    std::string sourceName; // the path or name given to read(), for messages
    EncodingGuess encoding; // how the text was decoded (name; certain if given or certain)
    // [属性描述] key=value pairs in file order, UTF-8, trimmed.
    std::vector<std::pair<std::string, std::string>> attributes;
    GaussKrugerCrs crs;
    std::string crsReason; // how the CRS was decided, for the import report
    std::vector<BoundaryParcel> parcels;
    // Things a person should check that did not stop the read ("line 7: 地块 1 (地块1): …").
    std::vector<std::string> warnings;

    // Reads the file at path. Throws Error naming the file, the line and the cause.
    static BoundaryFile read(const std::string &path, const ReadOptions &options = {});
    // Reads a file's bytes; sourceName names it in messages.
    static BoundaryFile fromBytes(std::string_view bytes, const std::string &sourceName,
                                  const ReadOptions &options = {});

    // A file for writing: parcels whose geometry (Polygon or MultiPolygon) is in geometryCrs
    // (any CRS PROJ knows, "EPSG:4527" by default) are transformed to target and rounded to the
    // millimetre, as write() will write them. Their rings are rebuilt from the geometry, points
    // numbered J1… per parcel; declaredAreaHa is the 面积 write() will state.
    static BoundaryFile fromGeometries(std::vector<BoundaryParcel> parcels,
                                       const std::string &geometryCrs = "EPSG:4527",
                                       const GaussKrugerCrs &target = {});

    // The value of a [属性描述] key, or empty.
    std::string attribute(std::string_view key) const;
    void setAttribute(const std::string &key, const std::string &value);

    // The file's text encoded in encoding ("GBK" or "UTF-8"), CRLF line ends: the header (CRS
    // keys from crs, 数据产生日期 today unless set), then each parcel line (point count
    // including closing points, area in 公顷) and its points: 点号 J1… per parcel, 圈号,
    // X = northing, Y = easting with the zone prefix, 3 decimals, each ring closed by repeating
    // its first point. Writes geometry, not rings. The area is that of the coordinates as
    // written (shoelace of the millimetre values, holes subtracted, parts added), so that it
    // agrees with the file to its 4th decimal.
    std::string write(const std::string &textEncoding = "GBK") const;
    // write() into a temporary file beside path, renamed over path when complete.
    void save(const std::string &path, const std::string &textEncoding = "GBK") const;
};

} // namespace planlines::geodata::import
