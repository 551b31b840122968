#include "boundaryfile.h"

#include "geodata/coordinatetransform.h"
#include "geodata/error.h"
#include "geodata/savefile.h"

#include <QByteArray>
#include <QDate>
#include <QFile>
#include <QString>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
#include <sstream>

#include "boundaryreader.h"
#include "boundarysupport.h"

namespace planlines::geodata::import {

using namespace detail;

namespace {

// ---- writing ------------------------------------------------------------------------------------

// A value the format cannot carry (its separators, line breaks) is refused, not mangled.
const std::string &checkedField(const std::string &value, const std::string &what,
                                const std::string &context)
{
    for (std::string_view bad : {",", "\xEF\xBC\x8C", "\n", "\r"})
        if (value.find(bad) != std::string::npos)
            throw Error(what + " " + inQuotes(value) +
                            " contains a comma or line break, which the format cannot hold",
                        context);
    return value;
}

// ---- the coordinates and area as written --------------------------------------------------------

// A point as the file writes it: X (northing) and Y (easting with the zone prefix) to the
// millimetre, as text and as whole millimetres.
struct WrittenPoint
{
    std::string x, y;
    std::int64_t northingMm = 0, eastingMm = 0;
};
using WrittenRing = std::vector<WrittenPoint>;   // open: the closing point is not repeated
using WrittenPolygon = std::vector<WrittenRing>; // shell, then holes
__extension__ typedef __int128 Int128;           // a shoelace sum in mm² of prefixed eastings

// "4115600.123" → 4115600123: the digits of a number written with 3 decimals.
std::int64_t millimetres(const std::string &written)
{
    std::string digits;
    for (char c : written)
        if (c != '.')
            digits += c;
    std::int64_t mm = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), mm);
    if (ec != std::errc() || end != digits.data() + digits.size())
        throw Error("cannot read back the coordinate " + written, "boundary file");
    return mm;
}

// The polygons of g as the file writes them; eastingPrefix is added to every easting.
std::vector<WrittenPolygon> writtenPolygons(const Geometry &g, double eastingPrefix,
                                            const std::string &where)
{
    std::vector<WrittenPolygon> out;
    for (const auto &rings : polygonRings(g, where)) {
        WrittenPolygon polygon;
        for (const auto &xy : rings) {
            WrittenRing ring;
            for (size_t i = 0; i + 1 < xy.size(); i += 2) {
                WrittenPoint p{fixed(xy[i + 1], 3), fixed(xy[i] + eastingPrefix, 3)};
                p.northingMm = millimetres(p.x);
                p.eastingMm = millimetres(p.y);
                ring.push_back(std::move(p));
            }
            polygon.push_back(std::move(ring));
        }
        out.push_back(std::move(polygon));
    }
    return out;
}

// The 面积 (公顷, 4 decimals) of polygons as written, so that a reader who recomputes it from
// the file's own coordinates finds the same figure: the shoelace area of the millimetre
// coordinates in exact integers, shells added and holes subtracted, rounded half up to 1 m².
std::string writtenAreaHa(const std::vector<WrittenPolygon> &polygons)
{
    Int128 twiceMm2 = 0;
    for (const WrittenPolygon &polygon : polygons)
        for (size_t r = 0; r < polygon.size(); ++r) {
            const WrittenRing &ring = polygon[r];
            Int128 sum = 0;
            for (size_t i = 0; i < ring.size(); ++i) {
                const WrittenPoint &a = ring[i], &b = ring[(i + 1) % ring.size()];
                sum += Int128(a.eastingMm) * b.northingMm - Int128(b.eastingMm) * a.northingMm;
            }
            sum = sum < 0 ? -sum : sum;
            twiceMm2 += r == 0 ? sum : -sum;
        }
    const auto m2 =
        static_cast<std::int64_t>(std::max<Int128>(twiceMm2 + 1'000'000, 0) / 2'000'000);
    std::string fraction = std::to_string(m2 % 10000);
    fraction.insert(0, 4 - fraction.size(), '0');
    return std::to_string(m2 / 10000) + "." + fraction;
}

} // namespace

// ---- GaussKrugerCrs -----------------------------------------------------------------------------

int GaussKrugerCrs::epsg() const
{
    const ZoneTable *t = zoneTable(datum, zoneWidthDegrees);
    if (!t || zone < t->firstZone || zone > t->lastZone)
        throw Error("no EPSG code for " + datumText() + ", " + std::to_string(zoneWidthDegrees) +
                        "° zone " + std::to_string(zone),
                    "Gauss-Krüger CRS");
    return (prefixed ? t->prefixedFirstCode : t->plainFirstCode) + (zone - t->firstZone);
}

int GaussKrugerCrs::centralMeridianDegrees() const
{
    return zoneWidthDegrees == 3 ? 3 * zone : 6 * zone - 3;
}

std::string GaussKrugerCrs::datumText() const
{
    switch (datum) {
    case GeodeticDatum::Cgcs2000:
        return "2000国家大地坐标系";
    case GeodeticDatum::Xian1980:
        return "80国家大地坐标系";
    case GeodeticDatum::Beijing1954:
        return "54北京坐标系";
    }
    return {};
}

std::optional<GaussKrugerCrs> GaussKrugerCrs::fromEpsg(int epsg)
{
    for (const ZoneTable &t : kZoneTables) {
        const int zones = t.lastZone - t.firstZone + 1;
        for (bool prefixed : {true, false}) {
            const int first = prefixed ? t.prefixedFirstCode : t.plainFirstCode;
            if (epsg >= first && epsg < first + zones)
                return GaussKrugerCrs{t.datum, t.widthDegrees, t.firstZone + (epsg - first),
                                      prefixed};
        }
    }
    return std::nullopt;
}

std::optional<GeodeticDatum> datumFromText(std::string_view coordinateSystem)
{
    std::string s;
    for (char c : coordinateSystem)
        if (c != ' ' && c != '\t')
            s += char(std::toupper(static_cast<unsigned char>(c)));
    const auto has = [&s](std::string_view part) { return s.find(part) != std::string::npos; };
    // 新54 (New Beijing 1954) is a different datum with no EPSG CRS: not Beijing 1954.
    if (has("新54") || has("新北京"))
        return std::nullopt;
    if (has("2000") || has("CGCS"))
        return GeodeticDatum::Cgcs2000;
    if (has("80") || has("西安") || has("XIAN"))
        return GeodeticDatum::Xian1980;
    if (has("54") || has("北京") || has("BEIJING"))
        return GeodeticDatum::Beijing1954;
    return std::nullopt;
}

// ---- BoundaryParcel -----------------------------------------------------------------------------

std::string BoundaryParcel::label() const
{
    std::string s = "地块 " + (number.empty() ? std::string("?") : number);
    if (!name.empty())
        s += " (" + name + ")";
    return s;
}

// ---- BoundaryFile -------------------------------------------------------------------------------

BoundaryFile BoundaryFile::read(const std::string &path, const ReadOptions &options)
{
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly))
        throw Error("cannot open the file: " + file.errorString().toStdString(), path);
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        throw Error("cannot read the file: " + file.errorString().toStdString(), path);
    return fromBytes(std::string_view(bytes.constData(), size_t(bytes.size())), path, options);
}

BoundaryFile BoundaryFile::fromBytes(std::string_view bytes, const std::string &sourceName,
                                     const ReadOptions &options)
{
    return readBoundaryFile(bytes, sourceName, options);
}

BoundaryFile BoundaryFile::fromGeometries(std::vector<BoundaryParcel> parcels,
                                          const std::string &geometryCrs,
                                          const GaussKrugerCrs &target)
{
    BoundaryFile file;
    file.crs = target;
    file.crsReason = "written in " + target.id();
    file.encoding = {"UTF-8", true, "in memory"};
    std::unique_ptr<CoordinateTransform> transform;
    if (geometryCrs != target.id())
        transform = std::make_unique<CoordinateTransform>(geometryCrs, target.id());
    // The parcels hold what write() will write: coordinates rounded to the millimetre.
    const double prefix = target.prefixed ? 0.0 : target.zone * kPrefixUnit;
    for (BoundaryParcel &p : parcels) {
        auto parts = polygonRings(p.geometry, p.label());
        std::vector<Geometry> transformed;
        for (auto &rings : parts) {
            for (auto &xy : rings)
                if (transform)
                    transform->transform(xy);
            std::vector<const std::vector<double> *> holes;
            for (size_t h = 1; h < rings.size(); ++h)
                holes.push_back(&rings[h]);
            transformed.push_back(polygonWithHoles(rings[0], holes));
        }
        const auto written = writtenPolygons(
            Geometry::collect(std::move(transformed), GEOS_MULTIPOLYGON), prefix, p.label());
        p.rings.clear();
        std::vector<Geometry> polys;
        int ringNumber = 0, pointNumber = 0;
        for (const WrittenPolygon &polygon : written) {
            std::vector<std::vector<double>> rings;
            for (const WrittenRing &points : polygon) {
                BoundaryRing ring;
                ring.number = ++ringNumber;
                for (const WrittenPoint &pt : points) {
                    ring.pointNames.push_back("J" + std::to_string(++pointNumber));
                    ring.eastingNorthing.push_back(double(pt.eastingMm) / 1000 - prefix);
                    ring.eastingNorthing.push_back(double(pt.northingMm) / 1000);
                }
                rings.push_back(ring.eastingNorthing);
                p.rings.push_back(std::move(ring));
            }
            std::vector<const std::vector<double> *> holes;
            for (size_t h = 1; h < rings.size(); ++h)
                holes.push_back(&rings[h]);
            polys.push_back(polygonWithHoles(rings[0], holes));
        }
        p.geometry = Geometry::collect(std::move(polys), GEOS_MULTIPOLYGON);
        p.shape = "面";
        p.line = 0;
        p.declaredPointCount = pointNumber + ringNumber;
        p.declaredAreaHa = parseDouble(writtenAreaHa(written));
        file.parcels.push_back(std::move(p));
    }
    return file;
}

std::string BoundaryFile::attribute(std::string_view key) const
{
    for (const auto &[k, v] : attributes)
        if (k == key)
            return v;
    return {};
}

void BoundaryFile::setAttribute(const std::string &key, const std::string &value)
{
    for (auto &[k, v] : attributes)
        if (k == key) {
            v = value;
            return;
        }
    attributes.emplace_back(key, value);
}

std::string BoundaryFile::write(const std::string &textEncoding) const
{
    const std::string context = sourceName.empty() ? "boundary file" : sourceName;
    std::ostringstream out;
    const auto line = [&out](const std::string &s) { out << s << "\r\n"; };

    // The header: the CRS keys follow crs, whatever the attributes say.
    const std::string date = attribute("数据产生日期").empty()
                                 ? QDate::currentDate().toString(Qt::ISODate).toStdString()
                                 : attribute("数据产生日期");
    const std::vector<std::pair<std::string, std::string>> header{
        {"格式版本号", attribute("格式版本号").empty() ? "1.00版本" : attribute("格式版本号")},
        {"数据产生单位", attribute("数据产生单位")},
        {"数据产生日期", date},
        {"坐标系", crs.datumText()},
        {"几度分带", std::to_string(crs.zoneWidthDegrees)},
        {"投影类型", "高斯克吕格"},
        {"计量单位", "米"},
        {"带号", std::to_string(crs.zone)},
        {"精度", "0.001"},
        {"转换参数", attribute("转换参数").empty() ? ",,,,,," : attribute("转换参数")},
    };
    line("[属性描述]");
    for (const auto &[k, v] : header) {
        if (k != "转换参数")
            checkedField(v, k, context);
        line(k + "=" + v);
    }
    for (const auto &[k, v] : attributes) {
        const bool written = std::any_of(header.begin(), header.end(),
                                         [&key = k](const auto &h) { return h.first == key; });
        if (!written)
            line(checkedField(k, "key", context) + "=" + checkedField(v, k, context));
    }

    line("[地块坐标]");
    const double prefix = crs.prefixed ? 0.0 : crs.zone * kPrefixUnit;
    for (const BoundaryParcel &p : parcels) {
        const std::string where = context + ": " + p.label();
        const auto polygons = writtenPolygons(p.geometry, prefix, where);
        size_t points = 0;
        for (const WrittenPolygon &polygon : polygons)
            for (const WrittenRing &ring : polygon)
                points += ring.size() + 1;
        line(std::to_string(points) + "," + writtenAreaHa(polygons) + "," +
             checkedField(p.number, "地块编号", where) + "," +
             checkedField(p.name, "地块名称", where) + ",面," +
             checkedField(p.mapSheet, "图幅号", where) + "," +
             checkedField(p.use, "地块用途", where) + "," +
             checkedField(p.landUseCode, "地类编码", where) + ",@");
        int ringNumber = 0, pointNumber = 0;
        for (const WrittenPolygon &polygon : polygons)
            for (const WrittenRing &ring : polygon) {
                ++ringNumber;
                const int first = pointNumber + 1;
                const auto point = [&](int number, const WrittenPoint &pt) {
                    line("J" + std::to_string(number) + "," + std::to_string(ringNumber) + "," +
                         pt.x + "," + pt.y);
                };
                for (const WrittenPoint &pt : ring)
                    point(++pointNumber, pt);
                point(first, ring.front());
            }
    }
    return fromUtf8(out.str(), textEncoding);
}

void BoundaryFile::save(const std::string &path, const std::string &textEncoding) const
{
    const std::string bytes = write(textEncoding);
    // A temporary file beside path, renamed over it once whole (a full disk names its cause).
    saveFile(path, bytes);
}

} // namespace planlines::geodata::import
