// A small project for identify and search tests, in EPSG:4548 around (570 000 E, 4 115 000 N)
// (offsets below are metres from there):
// - 地类图斑 (landuse): A = [0,100]² with the hole [40,60]², B = [50,150]² (overlaps A and
//   covers part of A's hole); fields BSM, TBBH, DLBM, TBMJ — DLBM without a registry alias.
// - 项目选址 (site, points): 光伏项目 at (200, 200), 储能电站 at (203, 200).
// - 黄河大堤 (context line, QDZH K0+000): (0, 0) → (1000, 0) → (1000, 1000).
// - 淤背区生态廊道 (corridor): segments [0, 1000) and [1000, 2000) m of chainage.
// - 乡镇行政区 (township): 田镇街道 = [-100, 1100]².
#pragma once

#include <geodata/layerwriter.h>
#include <geodata/project.h>

#include <string>
#include <vector>

namespace planlines::testing {

struct HitProject
{
    static constexpr double E = 570000;
    static constexpr double N = 4115000;

    static geodata::Geometry rect(double minE, double minN, double maxE, double maxN)
    {
        const std::vector<double> xy{E + minE, N + minN, E + maxE, N + minN, E + maxE,
                                     N + maxN, E + minE, N + maxN, E + minE, N + minN};
        return geodata::Geometry::polygon(xy);
    }

    static std::string create(const std::string &path)
    {
        using geodata::FieldType;
        using geodata::Geometry;
        using geodata::Value;
        using S = std::string;
        auto project = geodata::Project::create(path, "EPSG:4548", "高青县", "370322");
        {
            geodata::LayerWriter w(*project, {"地类图斑",
                                              geodata::Role::Landuse,
                                              "landuse",
                                              "MULTIPOLYGON",
                                              {{"BSM", FieldType::Text, "标识码"},
                                               {"TBBH", FieldType::Text, "图斑编号"},
                                               {"DLBM", FieldType::Text, ""},
                                               {"TBMJ", FieldType::Real, "图斑面积"}},
                                              "test",
                                              false,
                                              "",
                                              0});
            const auto a = rect(0, 0, 100, 100).difference(rect(40, 40, 60, 60));
            w.add(a, std::vector<Value>{S("370322001000000001"), S("0001"), S("0101"), 9600.0});
            w.add(rect(50, 50, 150, 150),
                  std::vector<Value>{S("370322001000000002"), S("0002"), S("0301"), 10000.0});
            w.commit();
        }
        {
            geodata::LayerWriter w(*project, {"项目选址",
                                              geodata::Role::Site,
                                              "site",
                                              "POINT",
                                              {{"XMMC", FieldType::Text, "项目名称"}},
                                              "test",
                                              false,
                                              "",
                                              0});
            w.add(Geometry::point(E + 200, N + 200), std::vector<Value>{S("通威农光互补光伏项目")});
            w.add(Geometry::point(E + 203, N + 200), std::vector<Value>{S("储能电站")});
            w.commit();
        }
        {
            geodata::LayerWriter w(
                *project, {"黄河大堤",
                           geodata::Role::Context,
                           "levee",
                           "MULTILINESTRING",
                           {{"MC", FieldType::Text, "名称"}, {"QDZH", FieldType::Text, "起点桩号"}},
                           "test",
                           false,
                           "",
                           0});
            const std::vector<double> xy{E, N, E + 1000, N, E + 1000, N + 1000};
            w.add(Geometry::lineString(xy), std::vector<Value>{S("黄河大堤"), S("K0+000")});
            w.commit();
        }
        {
            geodata::LayerWriter w(*project, {"淤背区生态廊道",
                                              geodata::Role::Corridor,
                                              "corridor",
                                              "MULTIPOLYGON",
                                              {{"SEGID", FieldType::Text, "段编号"},
                                               {"QDLC", FieldType::Real, "起点里程"},
                                               {"ZDLC", FieldType::Real, "终点里程"}},
                                              "test",
                                              false,
                                              "",
                                              0});
            w.add(rect(0, -90, 1000, 0), std::vector<Value>{S("YB01"), 0.0, 1000.0});
            w.add(rect(1000, 0, 1090, 1000), std::vector<Value>{S("YB02"), 1000.0, 2000.0});
            w.commit();
        }
        {
            geodata::LayerWriter w(*project, {"乡镇行政区",
                                              geodata::Role::Township,
                                              "township",
                                              "MULTIPOLYGON",
                                              {{"XZQMC", FieldType::Text, "行政区名称"}},
                                              "test",
                                              false,
                                              "",
                                              0});
            w.add(rect(-100, -100, 1100, 1100), std::vector<Value>{S("田镇街道")});
            w.commit();
        }
        return path;
    }
};

} // namespace planlines::testing
