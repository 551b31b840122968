// Internal to the boundary coordinate file reader and writer: the Gauss-Krüger zone tables,
// text helpers for its comma-separated lines, and GEOS ring helpers. Not a public API.
#pragma once

#include "boundaryfile.h"

#include "geodata/error.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planlines::geodata::import::detail {

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

inline const ZoneTable *zoneTable(GeodeticDatum datum, int widthDegrees)
{
    for (const ZoneTable &t : kZoneTables)
        if (t.datum == datum && t.widthDegrees == widthDegrees)
            return &t;
    return nullptr;
}

constexpr double kPrefixUnit = 1.0e6;  // the zone prefix counts millions of metres of easting
constexpr double kSamePointM = 0.0005; // closing point equal to the first within half a mm

// ---- text -----------------------------------------------------------------------------------

inline void replaceAll(std::string &s, std::string_view from, std::string_view to)
{
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
}

inline std::string_view trimmed(std::string_view s)
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
inline std::string normalised(std::string line)
{
    replaceAll(line, "\xEF\xBC\x8C", ","); // ，
    replaceAll(line, "\xEF\xBC\x9D", "="); // ＝
    replaceAll(line, "\xE3\x80\x80", " "); // ideographic space
    replaceAll(line, "\xEF\xBC\xBB", "["); // ［
    replaceAll(line, "\xEF\xBC\xBD", "]"); // ］
    return std::string(trimmed(line));
}

inline std::vector<std::string> splitFields(std::string_view line)
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

inline std::optional<double> parseDouble(std::string_view s)
{
    if (s.starts_with('+'))
        s.remove_prefix(1);
    double v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

inline std::optional<int> parseInt(std::string_view s)
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
inline int decimals(std::string_view number)
{
    const size_t dot = number.find('.');
    return dot == std::string_view::npos ? 0 : int(number.size() - dot - 1);
}

inline std::string fixed(double v, int digits)
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

// A value of the file echoed in a message, at most 80 characters of it (a line of garbage or a
// 301-digit number is not repeated whole).
inline std::string inQuotes(std::string_view s)
{
    std::size_t at = 0, chars = 0;
    while (at < s.size() && chars < 80) {
        ++at;
        while (at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80)
            ++at; // continuation bytes of a UTF-8 character
        ++chars;
    }
    return "\"" + std::string(s.substr(0, at)) + (at < s.size() ? "…\"" : "\"");
}

// The signed area of a ring of easting, northing pairs (relative to its first point,
// for precision at projected coordinates).
inline double ringArea(const std::vector<double> &xy)
{
    double twice = 0;
    const size_t m = xy.size() / 2;
    for (size_t i = 0; i < m; ++i) {
        const size_t j = (i + 1) % m;
        twice += (xy[2 * i] - xy[0]) * (xy[2 * j + 1] - xy[1]) -
                 (xy[2 * j] - xy[0]) * (xy[2 * i + 1] - xy[1]);
    }
    return twice / 2;
}

inline Envelope envelopeOf(const std::vector<double> &xy)
{
    Envelope e{xy[0], xy[1], xy[0], xy[1]};
    for (size_t i = 0; i + 1 < xy.size(); i += 2) {
        e.minX = std::min(e.minX, xy[i]);
        e.maxX = std::max(e.maxX, xy[i]);
        e.minY = std::min(e.minY, xy[i + 1]);
        e.maxY = std::max(e.maxY, xy[i + 1]);
    }
    return e;
}

// ---- GEOS ---------------------------------------------------------------------------------------

// A closed GEOS linear ring from open easting,northing pairs (ownership to the caller).
inline GEOSGeometry *linearRing(const std::vector<double> &openXy)
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

inline Geometry polygonWithHoles(const std::vector<double> &shell,
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
inline std::vector<double> openRingXy(const GEOSGeometry *ring)
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
inline std::vector<std::vector<std::vector<double>>> polygonRings(const Geometry &g,
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

} // namespace planlines::geodata::import::detail
