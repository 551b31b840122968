#include "boundaryreader.h"
#include "boundarysupport.h"

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
#include <set>
#include <sstream>

namespace planlines::geodata::import {

using namespace detail;

namespace {

constexpr size_t kMaxRings = 1000; // rings (圈) of one parcel

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
        // Windows Notepad's "Unicode" is UTF-16 LE with a byte-order mark ("Unicode big endian"
        // BE): decoded whole, since '\n' is two bytes there, and read as UTF-8 lines. No other
        // encoding starts with these bytes, so the mark wins over --encoding too.
        const std::string_view head = m_bytes.substr(0, 2);
        const char *utf16 = head == "\xFF\xFE"   ? "UTF-16LE"
                            : head == "\xFE\xFF" ? "UTF-16BE"
                                                 : nullptr;
        if (utf16) {
            try {
                m_utf16 = toUtf8(m_bytes.substr(2), utf16);
            } catch (const Error &e) {
                fail(0, e.cause() + " (the file starts with the byte-order mark of " + utf16 + ")");
            }
            m_bytes = m_utf16;
            m_file.encoding = {utf16, true, "byte-order mark"};
            m_lineEncoding = "UTF-8";
            return;
        }
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
                text = toUtf8(raw, m_lineEncoding.empty() ? m_file.encoding.name : m_lineEncoding);
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
            fail(lineNo, "X " + inQuotes(f[2]) +
                             " is no northing but looks like an easting with a zone "
                             "prefix: X and Y swapped? (X is the northing)");
        if (*x < 0 || *x >= 1.0e7)
            fail(lineNo, "X (northing) " + inQuotes(f[2]) + " is outside 0–10 000 000 m");
        if (*y <= 0 || *y >= 100 * kPrefixUnit)
            fail(lineNo, "Y (easting) " + inQuotes(f[3]) +
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
        std::set<int> seen;
        for (const RawPoint &pt : raw.points) {
            if (runs.empty() || runs.back().front()->ring != pt.ring) {
                if (!seen.insert(pt.ring).second)
                    fail(pt.line, p.label() + ": 圈 " + std::to_string(pt.ring) +
                                      " resumes after 圈 " +
                                      std::to_string(runs.back().front()->ring) +
                                      "; a ring's points must be consecutive");
                runs.emplace_back();
                // GEOS's validity test of a polygon with thousands of nested rings takes
                // seconds per thousand: a bound keeps a hostile file from hanging the import.
                if (runs.size() > kMaxRings)
                    fail(pt.line, p.label() + " has more than " + std::to_string(kMaxRings) +
                                      " rings (圈); no land parcel has so many, and the file "
                                      "is refused");
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

    // A ring's container is the smallest other ring holding it; a ring inside an even number
    // of rings is the outer ring of a part, one inside an odd number a hole of its container.
    // With ring 1 the outer ring and every hole after the ring around it, as the format has
    // it, that is what the file says; it also reads a hole listed before its outer ring.
    // Rings sorted by area, largest first, are searched backwards from the next larger one:
    // the first that holds a ring is its container, so 5 000 nested rings cost one
    // containment test each instead of one per earlier ring (the read was quadratic).
    Geometry polygons(const BoundaryParcel &p)
    {
        const size_t n = p.rings.size();
        struct Ring
        {
            Geometry area;
            double size = 0;
            Envelope box;
            int container = -1, depth = 0;
        };
        std::vector<Ring> rings(n);
        for (size_t i = 0; i < n; ++i) {
            const auto &xy = p.rings[i].eastingNorthing;
            rings[i].area = Geometry::polygon(xy);
            rings[i].size = std::abs(ringArea(xy));
            rings[i].box = envelopeOf(xy);
        }
        std::vector<size_t> bySize(n);
        for (size_t i = 0; i < n; ++i)
            bySize[i] = i;
        std::stable_sort(bySize.begin(), bySize.end(),
                         [&](size_t a, size_t b) { return rings[a].size > rings[b].size; });
        for (size_t k = 1; k < n; ++k) {
            Ring &r = rings[bySize[k]];
            for (size_t j = k; j-- > 0;) {
                const Ring &c = rings[bySize[j]];
                if (c.box.minX <= r.box.minX && c.box.minY <= r.box.minY &&
                    c.box.maxX >= r.box.maxX && c.box.maxY >= r.box.maxY &&
                    c.area.contains(r.area)) {
                    r.container = static_cast<int>(bySize[j]);
                    r.depth = c.depth + 1;
                    break;
                }
            }
        }
        // Parts in the order of their outer rings in the file, holes in file order.
        std::vector<int> partOf(n, -1);
        std::vector<std::vector<const std::vector<double> *>> holes;
        std::vector<const std::vector<double> *> shells;
        for (size_t i = 0; i < n; ++i)
            if (rings[i].depth % 2 == 0) {
                partOf[i] = static_cast<int>(shells.size());
                shells.push_back(&p.rings[i].eastingNorthing);
                holes.emplace_back();
            }
        for (size_t i = 0; i < n; ++i)
            if (rings[i].depth % 2 == 1)
                holes[partOf[rings[i].container]].push_back(&p.rings[i].eastingNorthing);
        std::vector<Geometry> polys;
        for (size_t k = 0; k < shells.size(); ++k)
            polys.push_back(polygonWithHoles(*shells[k], holes[k]));
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
    std::string m_utf16;        // a UTF-16 file decoded to UTF-8 (m_bytes then points here)
    std::string m_lineEncoding; // what lines are decoded from when not m_file.encoding.name
    BoundaryReadOptions m_options;
    BoundaryFile m_file;
    std::map<std::string, int> m_attributeLines;
    std::vector<RawParcel> m_parcels;
    int m_prefix = 0;
};

} // namespace

BoundaryFile readBoundaryFile(std::string_view bytes, std::string sourceName,
                              const BoundaryReadOptions &options)
{
    return Reader(bytes, std::move(sourceName), options).run();
}

} // namespace planlines::geodata::import
