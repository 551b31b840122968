#include "boundaryfile.h"

#include "geodata/coordinatetransform.h"
#include "geodata/error.h"

#include <QByteArray>
#include <QDate>
#include <QFile>
#include <QSaveFile>
#include <QString>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <map>
#include <memory>
#include <sstream>

namespace planlines::geodata::import {

namespace {

// EPSG's Gauss-Krüger CRSs of China come in runs of consecutive codes, one code per zone;
// every code here was checked with `projinfo` against PROJ 9.1.1's database (and is checked
// again by the tests through crsName()).
struct ZoneTable
{
    GeodeticDatum datum;
    int widthDegrees;
    int firstZone, lastZone;
    int prefixedFirstCode; // easting with the zone prefix ("… zone 39")
    int plainFirstCode;    // easting without it ("… CM 117E")
};

constexpr std::array<ZoneTable, 6> kZoneTables{{
    {GeodeticDatum::Cgcs2000, 3, 25, 45, 4513, 4534},
    {GeodeticDatum::Cgcs2000, 6, 13, 23, 4491, 4502},
    {GeodeticDatum::Xian1980, 3, 25, 45, 2349, 2370},
    {GeodeticDatum::Xian1980, 6, 13, 23, 2327, 2338},
    {GeodeticDatum::Beijing1954, 3, 25, 45, 2401, 2422},
    {GeodeticDatum::Beijing1954, 6, 13, 23, 21413, 21453},
}};

const ZoneTable *zoneTable(GeodeticDatum datum, int widthDegrees)
{
    for (const ZoneTable &t : kZoneTables)
        if (t.datum == datum && t.widthDegrees == widthDegrees)
            return &t;
    return nullptr;
}

constexpr double kPrefixUnit = 1.0e6;  // the zone prefix counts millions of metres of easting
constexpr double kSamePointM = 0.0005; // closing point equal to the first within half a mm

// ---- text -----------------------------------------------------------------------------------

void replaceAll(std::string &s, std::string_view from, std::string_view to)
{
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
}

std::string_view trimmed(std::string_view s)
{
    const auto space = [](char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
    };
    while (!s.empty() && space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && space(s.back()))
        s.remove_suffix(1);
    return s;
}

// Full-width punctuation that Chinese input methods put into hand-edited files.
std::string normalised(std::string line)
{
    replaceAll(line, "\xEF\xBC\x8C", ","); // ，
    replaceAll(line, "\xEF\xBC\x9D", "="); // ＝
    replaceAll(line, "\xE3\x80\x80", " "); // ideographic space
    replaceAll(line, "\xEF\xBC\xBB", "["); // ［
    replaceAll(line, "\xEF\xBC\xBD", "]"); // ］
    return std::string(trimmed(line));
}

std::vector<std::string> splitFields(std::string_view line)
{
    std::vector<std::string> fields;
    size_t start = 0;
    while (true) {
        const size_t comma = line.find(',', start);
        fields.emplace_back(trimmed(line.substr(start, comma - start)));
        if (comma == std::string_view::npos)
            break;
        start = comma + 1;
    }
    while (fields.size() > 1 && fields.back().empty())
        fields.pop_back();
    return fields;
}

std::optional<double> parseDouble(std::string_view s)
{
    if (s.starts_with('+'))
        s.remove_prefix(1);
    double v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

std::optional<int> parseInt(std::string_view s)
{
    if (s.starts_with('+'))
        s.remove_prefix(1);
    int v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size())
        return std::nullopt;
    return v;
}

// Digits after the decimal point, for the rounding a declared area carries.
int decimals(std::string_view number)
{
    const size_t dot = number.find('.');
    return dot == std::string_view::npos ? 0 : int(number.size() - dot - 1);
}

std::string fixed(double v, int digits)
{
    std::array<char, 64> buf{};
    const auto [end, ec] =
        std::to_chars(buf.data(), buf.data() + buf.size(), v, std::chars_format::fixed, digits);
    if (ec != std::errc())
        throw Error("cannot format " + std::to_string(v), "boundary file");
    std::string s(buf.data(), end);
    if (s.starts_with("-") && s.find_first_not_of("-0.") == std::string::npos)
        s.erase(0, 1); // no "-0.000"
    return s;
}

std::string inQuotes(std::string_view s)
{
    return "\"" + std::string(s) + "\"";
}

// ---- GEOS ---------------------------------------------------------------------------------------

// A closed GEOS linear ring from open easting,northing pairs (ownership to the caller).
GEOSGeometry *linearRing(const std::vector<double> &openXy)
{
    auto ctx = geosContext();
    std::vector<double> closed = openXy;
    closed.push_back(openXy[0]);
    closed.push_back(openXy[1]);
    GEOSCoordSequence *seq = GEOSCoordSeq_copyFromBuffer_r(
        ctx, closed.data(), static_cast<unsigned>(closed.size() / 2), 0, 0);
    GEOSGeometry *ring = seq ? GEOSGeom_createLinearRing_r(ctx, seq) : nullptr;
    if (!ring)
        throw GeometryError("GEOS could not build a ring", "boundary file");
    return ring;
}

Geometry polygonWithHoles(const std::vector<double> &shell,
                          const std::vector<const std::vector<double> *> &holes)
{
    auto ctx = geosContext();
    GEOSGeometry *shellRing = linearRing(shell);
    std::vector<GEOSGeometry *> holeRings;
    for (const auto *h : holes)
        holeRings.push_back(linearRing(*h));
    GEOSGeometry *p = GEOSGeom_createPolygon_r(ctx, shellRing, holeRings.data(),
                                               static_cast<unsigned>(holeRings.size()));
    if (!p)
        throw GeometryError("GEOS could not build a polygon", "boundary file");
    return Geometry(p);
}

// Open easting,northing pairs of a GEOS ring (the closing point dropped).
std::vector<double> openRingXy(const GEOSGeometry *ring)
{
    auto ctx = geosContext();
    const GEOSCoordSequence *seq = GEOSGeom_getCoordSeq_r(ctx, ring);
    unsigned n = 0;
    if (!seq || !GEOSCoordSeq_getSize_r(ctx, seq, &n))
        throw GeometryError("GEOS could not read a ring", "boundary file");
    std::vector<double> xy(2 * size_t(n));
    if (n > 0 && !GEOSCoordSeq_copyToBuffer_r(ctx, seq, xy.data(), 0, 0))
        throw GeometryError("GEOS could not read a ring", "boundary file");
    if (n > 1 && xy[0] == xy[2 * (n - 1)] && xy[1] == xy[2 * (n - 1) + 1])
        xy.resize(2 * size_t(n - 1));
    return xy;
}

// The polygons of a Polygon or MultiPolygon, each as open rings: shell first, then holes.
std::vector<std::vector<std::vector<double>>> polygonRings(const Geometry &g,
                                                           const std::string &what)
{
    auto ctx = geosContext();
    const int type = g ? g.typeId() : -1;
    if (type != GEOS_POLYGON && type != GEOS_MULTIPOLYGON)
        throw Error("a boundary file holds polygons, not " +
                        (g ? g.typeName() : std::string("a missing geometry")),
                    what);
    std::vector<std::vector<std::vector<double>>> out;
    for (int i = 0; i < g.numGeometries(); ++i) {
        const GEOSGeometry *poly = type == GEOS_POLYGON ? g.get() : g.geometryN(i);
        if (GEOSisEmpty_r(ctx, poly) == 1)
            continue;
        std::vector<std::vector<double>> rings;
        rings.push_back(openRingXy(GEOSGetExteriorRing_r(ctx, poly)));
        const int holes = GEOSGetNumInteriorRings_r(ctx, poly);
        for (int h = 0; h < holes; ++h)
            rings.push_back(openRingXy(GEOSGetInteriorRingN_r(ctx, poly, h)));
        out.push_back(std::move(rings));
    }
    if (out.empty())
        throw Error("the polygon is empty", what);
    return out;
}

// ---- reading ------------------------------------------------------------------------------------

struct RawPoint
{
    std::string name;
    int ring = 1;
    double northing = 0, easting = 0; // as in the file: X, Y (Y possibly prefixed)
    int line = 0;
};

struct RawParcel
{
    BoundaryParcel parcel;
    int areaDecimals = 4;
    std::vector<RawPoint> points;
};

class Reader
{
public:
    Reader(std::string_view bytes, std::string sourceName, const BoundaryReadOptions &o)
        : m_bytes(bytes), m_options(o)
    {
        m_file.sourceName = std::move(sourceName);
    }

    BoundaryFile run()
    {
        chooseEncoding();
        parseLines();
        if (m_parcels.empty())
            throw Error("no parcels: [地块坐标] is missing or lists no parcel line",
                        m_file.sourceName);
        decideCrs();
        for (RawParcel &raw : m_parcels)
            m_file.parcels.push_back(buildParcel(raw));
        return std::move(m_file);
    }

private:
    std::string at(int line) const { return m_file.sourceName + ", line " + std::to_string(line); }
    [[noreturn]] void fail(int line, const std::string &cause) const
    {
        throw Error(cause, line > 0 ? at(line) : m_file.sourceName);
    }
    void warn(int line, const std::string &message)
    {
        m_file.warnings.push_back((line > 0 ? "line " + std::to_string(line) + ": " : "") +
                                  message);
    }

    void chooseEncoding()
    {
        if (m_options.encoding.empty()) {
            m_file.encoding = detectEncoding(m_bytes);
            if (!m_file.encoding.certain && m_file.encoding.reason != "ASCII only")
                warn(0, "text encoding guessed as " + m_file.encoding.name + ": " +
                            m_file.encoding.reason);
        } else {
            m_file.encoding = {m_options.encoding, true, "given by the caller"};
        }
    }

    void parseLines()
    {
        enum class Section
        {
            None,
            Header,
            Parcels,
            Other
        } section = Section::None;
        int lineNo = 0;
        size_t start = 0;
        while (start < m_bytes.size()) {
            size_t end = m_bytes.find('\n', start);
            if (end == std::string_view::npos)
                end = m_bytes.size();
            ++lineNo;
            // '\n' is never part of a GBK or GB18030 character, so lines decode one by one
            // and a decoding error can name its line.
            const std::string_view raw = m_bytes.substr(start, end - start);
            start = end + 1;
            std::string text;
            try {
                text = toUtf8(raw, m_file.encoding.name);
            } catch (const Error &e) {
                fail(lineNo, e.cause() + " (within the line; the file was read as " +
                                 m_file.encoding.name + ")");
            }
            const std::string line = normalised(std::move(text));
            if (line.empty())
                continue;
            if (line.front() == '[' && line.back() == ']') {
                const std::string name(trimmed(std::string_view(line).substr(1, line.size() - 2)));
                if (name == "属性描述") {
                    section = Section::Header;
                } else if (name == "地块坐标") {
                    section = Section::Parcels;
                } else {
                    section = Section::Other;
                    warn(lineNo, "section [" + name + "] is not part of the format; skipped");
                }
                continue;
            }
            switch (section) {
            case Section::None:
                fail(lineNo, "expected [属性描述] or [地块坐标] before " + inQuotes(line));
            case Section::Header:
                parseAttribute(lineNo, line);
                break;
            case Section::Parcels:
                parseParcelSectionLine(lineNo, line);
                break;
            case Section::Other:
                break;
            }
        }
    }

    void parseAttribute(int lineNo, const std::string &line)
    {
        const size_t eq = line.find('=');
        if (eq == std::string::npos) {
            warn(lineNo, "no key=value in [属性描述]: " + inQuotes(line) + " skipped");
            return;
        }
        const std::string key(trimmed(std::string_view(line).substr(0, eq)));
        const std::string value(trimmed(std::string_view(line).substr(eq + 1)));
        m_file.attributes.emplace_back(key, value);
        m_attributeLines[key] = lineNo;
    }

    void parseParcelSectionLine(int lineNo, const std::string &line)
    {
        const std::vector<std::string> f = splitFields(line);
        if (f.back() == "@" || f.size() >= 8)
            parseParcelLine(lineNo, f);
        else if (f.size() == 4)
            parsePointLine(lineNo, f);
        else
            fail(lineNo, "expected a parcel line (点数,面积,地块编号,地块名称,图形属性,图幅号,"
                         "地块用途,地类编码,@) or a point line (点号,圈号,X,Y); found " +
                             std::to_string(f.size()) + " fields in " + inQuotes(line));
    }

    void parseParcelLine(int lineNo, const std::vector<std::string> &f)
    {
        RawParcel raw;
        BoundaryParcel &p = raw.parcel;
        p.line = lineNo;
        const auto field = [&f](size_t i) { return i < f.size() && f[i] != "@" ? f[i] : ""; };
        const std::optional<int> count = parseInt(field(0));
        if (!count || *count < 0)
            fail(lineNo, "点数 " + inQuotes(field(0)) + " is not a whole number");
        p.declaredPointCount = *count;
        if (!field(1).empty()) {
            const std::optional<double> area = parseDouble(field(1));
            if (!area || *area < 0)
                fail(lineNo, "面积 " + inQuotes(field(1)) + " is not a number of 公顷");
            p.declaredAreaHa = area;
            raw.areaDecimals = decimals(field(1));
        }
        p.number = field(2);
        p.name = field(3);
        p.shape = field(4).empty() ? "面" : field(4);
        p.mapSheet = field(5);
        p.use = field(6);
        p.landUseCode = field(7);
        if (p.shape != "面" && p.shape != "线" && p.shape != "点") {
            warn(lineNo, p.label() + ": 图形属性 " + inQuotes(p.shape) +
                             " is none of 点, 线, 面; read as 面");
            p.shape = "面";
        }
        m_parcels.push_back(std::move(raw));
    }

    void parsePointLine(int lineNo, const std::vector<std::string> &f)
    {
        if (m_parcels.empty())
            fail(lineNo, "point line before any parcel line (点数,面积,地块编号,…,@)");
        RawPoint pt;
        pt.line = lineNo;
        pt.name = f[0];
        const std::optional<int> ring = parseInt(f[1]);
        if (!ring || *ring < 1)
            fail(lineNo, "圈号 " + inQuotes(f[1]) + " is not a whole number from 1");
        pt.ring = *ring;
        const std::optional<double> x = parseDouble(f[2]);
        if (!x)
            fail(lineNo, "X (northing) " + inQuotes(f[2]) + " is not a number");
        const std::optional<double> y = parseDouble(f[3]);
        if (!y)
            fail(lineNo, "Y (easting) " + inQuotes(f[3]) + " is not a number");
        if (*x >= 1.0e7 && *y < 1.0e7)
            fail(lineNo, "X " + f[2] +
                             " is no northing but looks like an easting with a zone "
                             "prefix: X and Y swapped? (X is the northing)");
        if (*x < 0 || *x >= 1.0e7)
            fail(lineNo, "X (northing) " + f[2] + " is outside 0–10 000 000 m");
        if (*y <= 0 || *y >= 100 * kPrefixUnit)
            fail(lineNo, "Y (easting) " + f[3] +
                             " is neither an easting (0–1 000 000 m) nor "
                             "one with a zone prefix");
        pt.northing = *x;
        pt.easting = *y;
        m_parcels.back().points.push_back(std::move(pt));
    }

    int attributeLine(const std::string &key) const
    {
        const auto it = m_attributeLines.find(key);
        return it == m_attributeLines.end() ? 0 : it->second;
    }

    static int prefixOf(double easting) { return int(std::floor(easting / kPrefixUnit)); }

    // The zone prefix every Y carries (0 for none); all points must agree.
    int commonPrefix() const
    {
        std::optional<int> common;
        int firstLine = 0;
        for (const RawParcel &p : m_parcels)
            for (const RawPoint &pt : p.points) {
                const int prefix = prefixOf(pt.easting);
                if (!common) {
                    common = prefix;
                    firstLine = pt.line;
                } else if (prefix != *common) {
                    const auto describe = [](int zonePrefix) {
                        return zonePrefix == 0 ? std::string("no zone prefix")
                                               : "zone prefix " + std::to_string(zonePrefix);
                    };
                    fail(pt.line, "Y " + fixed(pt.easting, 3) + " has " + describe(prefix) +
                                      " but Y on line " + std::to_string(firstLine) + " has " +
                                      describe(*common));
                }
            }
        return common.value_or(0);
    }

    void decideCrs()
    {
        const int prefix = commonPrefix();
        if (m_options.epsg != 0) {
            const std::optional<GaussKrugerCrs> crs = GaussKrugerCrs::fromEpsg(m_options.epsg);
            if (!crs)
                fail(0, "EPSG:" + std::to_string(m_options.epsg) +
                            " is not a Gauss-Krüger CRS of CGCS2000, Xian 1980 or Beijing 1954");
            if (prefix != 0 && prefix != crs->zone)
                fail(0, "Y carries zone prefix " + std::to_string(prefix) +
                            " but EPSG:" + std::to_string(m_options.epsg) + " is zone " +
                            std::to_string(crs->zone));
            m_file.crs = *crs;
            m_file.crsReason = "EPSG:" + std::to_string(m_options.epsg) + " given by the caller";
        } else {
            decideCrsFromHeader(prefix);
        }
        m_prefix = prefix;
        m_file.crsReason += " → " + m_file.crs.id() + " " + crsName(m_file.crs.id());
    }

    void decideCrsFromHeader(int prefix)
    {
        GaussKrugerCrs crs;
        const std::string system = m_file.attribute("坐标系");
        if (system.empty())
            fail(attributeLine("坐标系"), "[属性描述] names no 坐标系 (2000国家大地坐标系, "
                                          "80国家大地坐标系 or 54北京坐标系)");
        const std::optional<GeodeticDatum> datum = datumFromText(system);
        if (!datum)
            fail(attributeLine("坐标系"), "unknown 坐标系 " + inQuotes(system) +
                                              ": expected 2000国家大地坐标系, 80国家大地坐标系 "
                                              "or 54北京坐标系");
        crs.datum = *datum;
        std::string reason = "坐标系=" + system;

        int width = 0;
        const std::string widthText = m_file.attribute("几度分带");
        if (!widthText.empty()) {
            const std::string digits(
                widthText.substr(0, widthText.find_first_not_of("0123456789")));
            const std::optional<int> w = parseInt(digits);
            if (!w || (*w != 3 && *w != 6))
                fail(attributeLine("几度分带"),
                     "几度分带 " + inQuotes(widthText) + " is neither 3 nor 6");
            width = *w;
            reason += ", 几度分带=" + std::to_string(width);
        }

        std::optional<int> declaredZone;
        const std::string zoneText = m_file.attribute("带号");
        if (!zoneText.empty()) {
            declaredZone = parseInt(zoneText);
            if (!declaredZone)
                fail(attributeLine("带号"),
                     "带号 " + inQuotes(zoneText) + " is not a whole number");
        }
        int zone = 0;
        int zoneLine = 0;
        if (prefix != 0) {
            zone = prefix;
            zoneLine = m_parcels.front().points.empty() ? 0 : m_parcels.front().points[0].line;
            reason += ", zone " + std::to_string(zone) + " from the Y prefix";
            if (declaredZone && *declaredZone != prefix)
                warn(attributeLine("带号"), "带号=" + zoneText + " but Y carries zone prefix " +
                                                std::to_string(prefix) + "; zone " +
                                                std::to_string(prefix) + " used");
            else if (declaredZone)
                reason += " (带号 agrees)";
        } else if (declaredZone) {
            zone = *declaredZone;
            zoneLine = attributeLine("带号");
            reason += ", 带号=" + zoneText + ", Y without zone prefix";
        } else {
            fail(0, "no 带号 in [属性描述] and Y carries no zone prefix: the zone is unknown");
        }

        if (width == 0) {
            for (int w : {3, 6}) {
                const ZoneTable *t = zoneTable(crs.datum, w);
                if (t && zone >= t->firstZone && zone <= t->lastZone)
                    width = w;
            }
            if (width == 0)
                fail(zoneLine, "zone " + std::to_string(zone) +
                                   " is neither a 3° zone (25–45) nor a 6° zone (13–23) of China");
            reason += ", " + std::to_string(width) + "° zones (no 几度分带; from the zone number)";
        }
        const ZoneTable *t = zoneTable(crs.datum, width);
        if (!t || zone < t->firstZone || zone > t->lastZone)
            fail(zoneLine, "zone " + std::to_string(zone) + " is not a " + std::to_string(width) +
                               "° zone of China (" + std::to_string(t->firstZone) + "–" +
                               std::to_string(t->lastZone) + ")");
        crs.zoneWidthDegrees = width;
        crs.zone = zone;
        crs.prefixed = prefix != 0;

        const std::string projection = m_file.attribute("投影类型");
        if (!projection.empty() && projection.find("高斯") == std::string::npos &&
            projection.find("Gauss") == std::string::npos &&
            projection.find("GK") == std::string::npos)
            warn(attributeLine("投影类型"),
                 "投影类型=" + projection + " is not Gauss-Krüger; read as Gauss-Krüger");
        const std::string unit = m_file.attribute("计量单位");
        if (!unit.empty() && unit != "米" && unit != "m" && unit != "M")
            warn(attributeLine("计量单位"), "计量单位=" + unit + "; coordinates read as metres");

        m_file.crs = crs;
        m_file.crsReason = reason;
    }

    // The file's Y as an easting in the chosen CRS's prefix convention.
    double easting(double fileY) const
    {
        const double plain = m_prefix != 0 ? fileY - m_prefix * kPrefixUnit : fileY;
        return m_file.crs.prefixed ? plain + m_file.crs.zone * kPrefixUnit : plain;
    }

    BoundaryParcel buildParcel(RawParcel &raw)
    {
        BoundaryParcel &p = raw.parcel;
        if (raw.points.empty())
            fail(p.line, p.label() + " has no points");

        // Rings: runs of consecutive points with one 圈号.
        std::vector<std::vector<const RawPoint *>> runs;
        for (const RawPoint &pt : raw.points) {
            if (runs.empty() || runs.back().front()->ring != pt.ring) {
                for (const auto &r : runs)
                    if (r.front()->ring == pt.ring)
                        fail(pt.line, p.label() + ": 圈 " + std::to_string(pt.ring) +
                                          " resumes after 圈 " +
                                          std::to_string(runs.back().front()->ring) +
                                          "; a ring's points must be consecutive");
                runs.emplace_back();
            }
            runs.back().push_back(&pt);
        }

        const bool polygonal = p.shape == "面";
        const size_t minimum = polygonal ? 3 : p.shape == "线" ? 2 : 1;
        size_t listed = 0, open = 0;
        for (const auto &run : runs) {
            BoundaryRing ring;
            ring.number = run.front()->ring;
            ring.line = run.front()->line;
            size_t n = run.size();
            listed += n;
            if (polygonal && n > 1 &&
                std::abs(run.front()->northing - run.back()->northing) <= kSamePointM &&
                std::abs(run.front()->easting - run.back()->easting) <= kSamePointM)
                --n; // the closing point repeats the first
            open += n;
            if (n < minimum)
                fail(p.line, p.label() + ": ring (圈) " + std::to_string(ring.number) + " has " +
                                 std::to_string(n) + (polygonal ? " distinct" : "") +
                                 (n == 1 ? " point" : " points") + "; a " +
                                 (polygonal ? "polygon ring" : "line") + " needs at least " +
                                 std::to_string(minimum));
            for (size_t i = 0; i < n; ++i) {
                ring.pointNames.push_back(run[i]->name);
                ring.eastingNorthing.push_back(easting(run[i]->easting));
                ring.eastingNorthing.push_back(run[i]->northing);
            }
            p.rings.push_back(std::move(ring));
        }
        if (polygonal) {
            const size_t closed = open + runs.size();
            const size_t declared = size_t(p.declaredPointCount);
            if (declared != listed && declared != closed && declared != open)
                warn(p.line, p.label() + " declares " + std::to_string(declared) +
                                 " points; the file lists " + std::to_string(listed) + " (" +
                                 std::to_string(open) + " without closing points)");
        } else if (size_t(p.declaredPointCount) != listed) {
            warn(p.line, p.label() + " declares " + std::to_string(p.declaredPointCount) +
                             " points; the file lists " + std::to_string(listed));
        }

        if (polygonal)
            p.geometry = polygons(p);
        else
            p.geometry = linesOrPoints(p);

        if (!p.geometry.isValid())
            warn(p.line, p.label() + ": the boundary is not a valid polygon (" +
                             p.geometry.invalidReason() + ")");
        if (polygonal && p.declaredAreaHa)
            checkArea(raw);
        return std::move(p);
    }

    // Ring 1 is the outer ring; a later ring inside an earlier part's outer ring (and not in one
    // of its holes) is a hole of that part, otherwise the outer ring of a further part.
    Geometry polygons(const BoundaryParcel &p)
    {
        struct Part
        {
            const BoundaryRing *shell;
            Geometry shellArea;
            std::vector<const BoundaryRing *> holes;
            std::vector<Geometry> holeAreas;
        };
        std::vector<Part> parts;
        for (const BoundaryRing &ring : p.rings) {
            Geometry area = Geometry::polygon(ring.eastingNorthing);
            Part *owner = nullptr;
            for (Part &part : parts) {
                if (!part.shellArea.contains(area))
                    continue;
                const bool inHole =
                    std::any_of(part.holeAreas.begin(), part.holeAreas.end(),
                                [&](const Geometry &h) { return h.contains(area); });
                if (!inHole) {
                    owner = &part;
                    break;
                }
            }
            if (owner) {
                owner->holes.push_back(&ring);
                owner->holeAreas.push_back(std::move(area));
            } else {
                parts.push_back(Part{&ring, std::move(area), {}, {}});
            }
        }
        std::vector<Geometry> polys;
        for (const Part &part : parts) {
            std::vector<const std::vector<double> *> holes;
            for (const BoundaryRing *h : part.holes)
                holes.push_back(&h->eastingNorthing);
            polys.push_back(polygonWithHoles(part.shell->eastingNorthing, holes));
        }
        return Geometry::collect(std::move(polys), GEOS_MULTIPOLYGON);
    }

    static Geometry linesOrPoints(const BoundaryParcel &p)
    {
        std::vector<Geometry> parts;
        for (const BoundaryRing &ring : p.rings) {
            const auto &xy = ring.eastingNorthing;
            if (p.shape == "线") {
                parts.push_back(Geometry::lineString(xy));
            } else {
                for (size_t i = 0; i + 1 < xy.size(); i += 2)
                    parts.push_back(Geometry::point(xy[i], xy[i + 1]));
            }
        }
        return Geometry::collect(std::move(parts),
                                 p.shape == "线" ? GEOS_MULTILINESTRING : GEOS_MULTIPOINT);
    }

    void checkArea(const RawParcel &raw)
    {
        const BoundaryParcel &p = raw.parcel;
        const double declaredM2 = haToM2(*p.declaredAreaHa);
        const double actualM2 = p.area().areaM2;
        const double diff = std::abs(actualM2 - declaredM2);
        // The declared figure is rounded: never report less than half its last digit.
        const double roundingM2 = haToM2(0.5 * std::pow(10.0, -raw.areaDecimals));
        if (diff <= roundingM2 + 1e-9)
            return;
        if (diff <= m_options.areaToleranceM2 && diff <= m_options.areaToleranceRatio * declaredM2)
            return;
        const double percent = declaredM2 > 0 ? 100.0 * diff / declaredM2 : 100.0;
        warn(p.line, p.label() + ": declared area " + fixed(*p.declaredAreaHa, raw.areaDecimals) +
                         " 公顷 (" + fixed(declaredM2, 2) + " m²) but the boundary encloses " +
                         fixed(actualM2, 2) + " m² (" + fixed(m2ToHa(actualM2), 4) +
                         " 公顷), a difference of " + fixed(diff, 2) + " m² (" + fixed(percent, 2) +
                         " %)");
    }

    std::string_view m_bytes;
    BoundaryReadOptions m_options;
    BoundaryFile m_file;
    std::map<std::string, int> m_attributeLines;
    std::vector<RawParcel> m_parcels;
    int m_prefix = 0;
};

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
    return Reader(bytes, sourceName, options).run();
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
    for (BoundaryParcel &p : parcels) {
        auto parts = polygonRings(p.geometry, p.label());
        p.rings.clear();
        std::vector<Geometry> polys;
        int ringNumber = 0, pointNumber = 0;
        for (auto &rings : parts) {
            for (auto &xy : rings) {
                if (transform)
                    transform->transform(xy);
                BoundaryRing ring;
                ring.number = ++ringNumber;
                for (size_t i = 0; i < xy.size() / 2; ++i)
                    ring.pointNames.push_back("J" + std::to_string(++pointNumber));
                ring.eastingNorthing = xy;
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
        p.declaredAreaHa = m2ToHa(p.geometry.area());
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
        const bool written =
            std::any_of(header.begin(), header.end(), [&k](const auto &h) { return h.first == k; });
        if (!written)
            line(checkedField(k, "key", context) + "=" + checkedField(v, k, context));
    }

    line("[地块坐标]");
    const double prefix = crs.prefixed ? 0.0 : crs.zone * kPrefixUnit;
    for (const BoundaryParcel &p : parcels) {
        const std::string where = context + ": " + p.label();
        const auto parts = polygonRings(p.geometry, where);
        size_t points = 0;
        for (const auto &rings : parts)
            for (const auto &xy : rings)
                points += xy.size() / 2 + 1;
        line(std::to_string(points) + "," + fixed(m2ToHa(p.geometry.area()), 4) + "," +
             checkedField(p.number, "地块编号", where) + "," +
             checkedField(p.name, "地块名称", where) + ",面," +
             checkedField(p.mapSheet, "图幅号", where) + "," +
             checkedField(p.use, "地块用途", where) + "," +
             checkedField(p.landUseCode, "地类编码", where) + ",@");
        int ringNumber = 0, pointNumber = 0;
        for (const auto &rings : parts)
            for (const auto &xy : rings) {
                ++ringNumber;
                const int first = pointNumber + 1;
                const auto point = [&](int number, size_t i) {
                    line("J" + std::to_string(number) + "," + std::to_string(ringNumber) + "," +
                         fixed(xy[i + 1], 3) + "," + fixed(xy[i] + prefix, 3));
                };
                for (size_t i = 0; i + 1 < xy.size(); i += 2)
                    point(++pointNumber, i);
                point(first, 0);
            }
    }
    return fromUtf8(out.str(), textEncoding);
}

void BoundaryFile::save(const std::string &path, const std::string &textEncoding) const
{
    const std::string bytes = write(textEncoding);
    // QSaveFile writes a temporary file beside path and renames it over path on commit().
    QSaveFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly))
        throw Error("cannot write: " + file.errorString().toStdString(), path);
    if (file.write(bytes.data(), qint64(bytes.size())) != qint64(bytes.size()))
        throw Error("cannot write: " + file.errorString().toStdString(), path);
    if (!file.commit())
        throw Error("cannot save: " + file.errorString().toStdString(), path);
}

} // namespace planlines::geodata::import
