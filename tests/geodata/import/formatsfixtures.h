// Geometry and layers the format tests write: squares as WKT in the survey CRS, and a 三调
// database's DLTB, XZQ and YJJBNTTB.
#pragma once

#include "importfixtures.h"

#include <cstdio>
#include <string>
#include <vector>

namespace planlines::geodata::test {

inline std::string ring(const std::vector<double> &xy)
{
    std::string s;
    for (size_t i = 0; i + 1 < xy.size(); i += 2) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.7f %.7f,", xy[i], xy[i + 1]);
        s += buf;
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.7f %.7f", xy[0], xy[1]);
    return s + buf;
}

inline std::vector<double> squareXY(double x, double y, double side)
{
    return {x, y, x + side, y, x + side, y + side, x, y + side};
}

inline std::string square(double x, double y, double side)
{
    return "POLYGON((" + ring(squareXY(x, y, side)) + "))";
}

// A DLTB, XZQ and YJJBNTTB as in a 三调 database, prefixed zone-39 eastings (EPSG:4527).
inline std::vector<StyledFixtureLayer> sandiaoLayers()
{
    FixtureLayer dltb{"",
                      "DLTB",
                      4527,
                      wkbMultiPolygon,
                      {{"BSM", OFTString},
                       {"DLBM", OFTString},
                       {"DLMC", OFTString},
                       {"ZLDWMC", OFTString},
                       {"TBMJ", OFTReal}},
                      {},
                      {}};
    dltb.features = {{square(39571000, 4115600, 100), {"1", "0102", "水浇地", "田镇街道", "10000"}},
                     {square(39571200, 4115600, 50), {"2", "0101", "水田", "芦湖街道", "2500"}}};
    FixtureLayer xzq{"", "XZQ", 4527, wkbMultiPolygon, {{"XZQDM", OFTString}, {"XZQMC", OFTString}},
                     {}, {}};
    xzq.features = {{square(39570000, 4115000, 3000), {"370322", "高青县"}}};
    FixtureLayer farm{
        "", "YJJBNTTB", 4527, wkbMultiPolygon, {{"YJJBNTTBBH", OFTString}, {"ZLDWMC", OFTString}},
        {}, {}};
    farm.features = {{square(39571000, 4115600, 100), {"0001", "田镇街道"}}};
    return {{dltb, {}}, {xzq, {}}, {farm, {}}};
}

} // namespace planlines::geodata::test
