// A hand-made project with known answers: every layer a few squares and L-shapes, in metres
// from an origin in Gaoqing (EPSG:4548), so each overlap is a sum of rectangles.
//
//   y
//  200 +------+------+          +----+----+      +---------+
//      | C 201| D1104|          |  L-shaped |      | park    |
//  100 +------+------+          | red line  |      | (class 2|
//      | A0101| B0103|          +----+      |      | 化工)   |
//    0 +------+------+          300  400   500    600      800
//  -50 [ corridor 0..200 ]
//  -60 ------------------------------------------- levee (黄河大堤)
#pragma once

#include <geodata/layerwriter.h>
#include <geodata/project.h>

#include "common/teststore.h"

#include <memory>
#include <string>
#include <vector>

namespace planlines::geodata::test {

inline constexpr double kX0 = 570000, kY0 = 4115000;

// A rectangle in fixture metres.
inline Geometry rect(double x0, double y0, double x1, double y1)
{
    const double xy[] = {kX0 + x0, kY0 + y0, kX0 + x1, kY0 + y0, kX0 + x1,
                         kY0 + y1, kX0 + x0, kY0 + y1, kX0 + x0, kY0 + y0};
    return Geometry::polygon(xy);
}

// A polygon from fixture-metre vertices (x, y pairs, open ring).
inline Geometry poly(std::vector<double> local)
{
    for (size_t i = 0; i < local.size(); i += 2) {
        local[i] += kX0;
        local[i + 1] += kY0;
    }
    return Geometry::polygon(local);
}

struct CheckFixture
{
    TestStore store{"check"}; // a SpatiaLite file, or a PostGIS database (common/teststore.h)
    std::string path;         // its location
    std::unique_ptr<Project> project;

    CheckFixture()
    {
        path = store.location();
        project = Project::create(path, "EPSG:4548", "测试县", "370322");
        using FT = FieldType;
        auto layer = [&](const char *name, Role role, const char *table, const char *type,
                         std::vector<FieldDef> fields) {
            LayerSpec s;
            s.name = name;
            s.role = role;
            s.table = table;
            s.geometryType = type;
            s.fields = std::move(fields);
            s.source = "test fixture";
            return std::make_unique<LayerWriter>(*project, s);
        };
        {
            auto w = layer("地类图斑", Role::Landuse, "landuse", "MULTIPOLYGON",
                           {{"BSM", FT::Text, ""}, {"DLBM", FT::Text, ""}, {"DLMC", FT::Text, ""}});
            auto add = [&](Geometry g, const char *bsm, const char *dlbm, const char *dlmc) {
                const Value v[] = {std::string(bsm), std::string(dlbm), std::string(dlmc)};
                w->add(g, v);
            };
            add(rect(0, 0, 100, 100), "A", "0101", "水田");
            add(rect(100, 0, 200, 100), "B", "0103", "旱地");
            add(rect(0, 100, 100, 200), "C", "201", "城市");
            add(rect(100, 100, 200, 200), "D", "1104", "坑塘水面");
            add(rect(300, 0, 500, 200), "E", "0301", "乔木林地");
            add(rect(600, 0, 800, 200), "F", "201A", "城市独立工业用地");
            add(rect(0, -60, 200, 0), "G", "0102", "水浇地");
            w->commit();
        }
        {
            auto w = layer("永久基本农田", Role::BasicFarmland, "basic_farmland", "MULTIPOLYGON",
                           {{"YJJBNTTBBH", FT::Text, ""}, {"DLMC", FT::Text, ""}});
            const Value v[] = {std::string("JBNT-1"), std::string("水田")};
            w->add(rect(0, 0, 100, 100), v);
            w->commit();
        }
        {
            auto w = layer("生态保护红线", Role::EcoRedline, "eco_redline", "MULTIPOLYGON",
                           {{"HXBM", FT::Text, ""}, {"HXMC", FT::Text, ""}});
            const Value v[] = {std::string("HX-1"), std::string("测试湿地")};
            w->add(poly({300, 0, 500, 0, 500, 100, 400, 100, 400, 200, 300, 200}), v);
            // East of everything else: the water source zone the distance rule measures to.
            const Value s[] = {std::string("HX-2"), std::string("测试饮用水水源保护区")};
            w->add(rect(1000, 0, 1100, 100), s);
            w->commit();
        }
        {
            auto w = layer("城镇开发边界", Role::UrbanBoundary, "urban_boundary", "MULTIPOLYGON",
                           {{"GHFQDM", FT::Text, ""}, {"GHFQMC", FT::Text, ""}});
            const Value a[] = {std::string("010"), std::string("城镇集中建设区")};
            w->add(rect(0, 100, 100, 200), a);
            const Value b[] = {std::string("020"), std::string("城镇弹性发展区")};
            w->add(rect(100, 100, 200, 200), b);
            const Value c[] = {std::string("010"), std::string("城镇集中建设区")};
            w->add(rect(600, 0, 800, 200), c);
            w->commit();
        }
        {
            auto w = layer("环境管控单元", Role::ControlUnit, "control_unit", "MULTIPOLYGON",
                           {{"HJZHGKDYBM", FT::Text, ""},
                            {"HJZHGKDYMC", FT::Text, ""},
                            {"ZHGKDYFL", FT::Integer, ""},
                            {"KJBJYS", FT::Text, ""}});
            auto add = [&](Geometry g, const char *code, const char *name, int cls,
                           const char *list) {
                const Value v[] = {std::string(code), std::string(name), std::int64_t{cls},
                                   std::string(list)};
                w->add(g, v);
            };
            add(rect(0, -100, 300, 200), "ZH37032230001", "测试一般管控单元", 3, "一般要求");
            add(rect(300, -100, 500, 200), "ZH37032210001", "测试湿地优先保护单元", 1,
                "禁止在优先保护单元内进行工业项目建设");
            add(rect(600, -100, 800, 200), "ZH37032220001", "高青化工产业园重点管控单元", 2,
                "化工项目进园");
            w->commit();
        }
        {
            auto w = layer("淤背区生态廊道", Role::Corridor, "corridor", "MULTIPOLYGON",
                           {{"SEGID", FT::Text, ""}, {"XZQMC", FT::Text, ""}});
            const Value v[] = {std::string("YB-01"), std::string("测试镇")};
            w->add(rect(0, -50, 200, 0), v);
            w->commit();
        }
        {
            auto w = layer("黄河大堤", Role::Context, "levee", "MULTILINESTRING",
                           {{"MC", FT::Text, ""}});
            const double xy[] = {kX0 - 100, kY0 - 60, kX0 + 900, kY0 - 60};
            const Value v[] = {std::string("黄河大堤")};
            w->add(Geometry::lineString(xy), v);
            w->commit();
        }
    }
};

} // namespace planlines::geodata::test
