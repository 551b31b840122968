// A project whose layers overlap themselves, for the check: land use tiles 95 % of the square
// [0, 1000]² with 10 × 10 parcels of 100 × 95 m (0101 水田), plus parcel 101 (0102 水浇地)
// lying over the top two rows (y 850–895, wholly over parcels); permanent basic farmland holds two
// patches that overlap ([0,400]×[0,400] and [200,600]×[0,400]: union 240 000 m², sum 320 000)
// and 5 000 one-metre patches far east, so that it is read through its R*Tree like a county's;
// the red line two overlapping zones ([0,300]×[500,800] and [200,500]×[500,800]: union
// 150 000, sum 180 000). Coordinates in metres from an origin in Gaoqing (EPSG:4548).
#pragma once

#include <geodata/layerwriter.h>
#include <geodata/project.h>

#include "common/teststore.h"

#include <memory>
#include <string>

namespace planlines::geodata::test {

inline constexpr double kOX = 580000, kOY = 4110000;

inline Geometry orect(double x0, double y0, double x1, double y1)
{
    const double xy[] = {kOX + x0, kOY + y0, kOX + x1, kOY + y0, kOX + x1,
                         kOY + y1, kOX + x0, kOY + y1, kOX + x0, kOY + y0};
    return Geometry::polygon(xy);
}

struct OverlapFixture
{
    TestStore store{"overlaps"}; // a SpatiaLite file, or a PostGIS database
    std::string path;            // its location
    std::unique_ptr<Project> project;

    explicit OverlapFixture(bool farmlandIndexed = true)
    {
        path = store.location();
        project = Project::create(path, "EPSG:4548", "测试县", "370322");
        using FT = FieldType;
        auto layer = [&](const char *name, Role role, const char *table,
                         std::vector<FieldDef> fields) {
            LayerSpec s;
            s.name = name;
            s.role = role;
            s.table = table;
            s.geometryType = "MULTIPOLYGON";
            s.fields = std::move(fields);
            s.source = "test fixture";
            return std::make_unique<LayerWriter>(*project, s);
        };
        {
            auto w = layer("地类图斑", Role::Landuse, "landuse",
                           {{"BSM", FT::Text, ""}, {"DLBM", FT::Text, ""}, {"DLMC", FT::Text, ""}});
            for (int j = 0; j < 10; ++j)
                for (int i = 0; i < 10; ++i) {
                    const Value v[] = {"T" + std::to_string(j * 10 + i + 1), std::string("0101"),
                                       std::string("水田")};
                    w->add(orect(i * 100, j * 95, i * 100 + 100, j * 95 + 95), v);
                }
            const Value extra[] = {std::string("X101"), std::string("0102"), std::string("水浇地")};
            w->add(orect(0, 850, 1000, 895), extra);
            w->commit();
        }
        {
            auto w = layer("永久基本农田", Role::BasicFarmland, "basic_farmland",
                           {{"YJJBNTTBBH", FT::Text, ""}, {"DLMC", FT::Text, ""}});
            const Value a[] = {std::string("JB-1"), std::string("水田")};
            w->add(orect(0, 0, 400, 400), a);
            const Value b[] = {std::string("JB-2"), std::string("水田")};
            w->add(orect(200, 0, 600, 400), b);
            if (farmlandIndexed)
                for (int i = 0; i < 5000; ++i) {
                    const Value v[] = {"F" + std::to_string(i), std::string("水田")};
                    const double x = 20000 + (i % 100) * 2, y = (i / 100) * 2;
                    w->add(orect(x, y, x + 1, y + 1), v);
                }
            w->commit();
        }
        {
            auto w = layer("生态保护红线", Role::EcoRedline, "eco_redline",
                           {{"HXBM", FT::Text, ""}, {"HXMC", FT::Text, ""}});
            const Value a[] = {std::string("HX-A"), std::string("湿地甲")};
            w->add(orect(0, 500, 300, 800), a);
            const Value b[] = {std::string("HX-B"), std::string("湿地乙")};
            w->add(orect(200, 500, 500, 800), b);
            w->commit();
        }
    }
};

} // namespace planlines::geodata::test
