// The layers the LayerWriter suites write (layerwritertest, layerchecksumtest): a land use
// layer of three features whose areas are worked out by hand. EPSG:4548 near Gaoqing.
#pragma once

#include "geodata/layerwriter.h"

#include <string>
#include <vector>

namespace planlines::geodata::test {

struct Feature
{
    std::string wkt;
    std::vector<Value> values;
};

inline LayerSpec landuseSpec(std::string name = "地类图斑", std::string table = "landuse")
{
    LayerSpec s;
    s.name = std::move(name);
    s.role = Role::Landuse;
    s.table = std::move(table);
    s.geometryType = "MULTIPOLYGON";
    s.fields = {{"DLBM", FieldType::Text, "地类编码"},
                {"DLMC", FieldType::Text, "地类名称"},
                {"QSDWMC", FieldType::Text, "权属单位名称"},
                {"TBMJ", FieldType::Real, "图斑面积"}};
    s.source = "三调/高青县_DLTB.shp";
    s.description = "第三次国土调查地类图斑";
    return s;
}

// A 100 m square given as a Polygon, an L-shape of 1800 m², and two squares (100 + 900 m²).
inline std::vector<Feature> landuseFeatures()
{
    return {
        {"POLYGON ((566500 4118900, 566600 4118900, 566600 4119000, 566500 4119000, "
         "566500 4118900))",
         {std::string("0101"), std::string("水田"), std::string("田镇街道"), 10000.0}},
        {"POLYGON ((566700 4118900, 566760 4118900, 566760 4118920, 566720 4118920, "
         "566720 4118950, 566700 4118950, 566700 4118900))",
         {std::string("0103"), std::string("旱地"), std::string("高城镇"), 1800.0}},
        {"MULTIPOLYGON (((566800 4118900, 566810 4118900, 566810 4118910, 566800 4118910, "
         "566800 4118900)), ((566820 4118900, 566850 4118900, 566850 4118930, 566820 4118930, "
         "566820 4118900)))",
         {std::string("0301"), std::string("乔木林地"), std::string("青城镇"), 1000.0}},
    };
}
constexpr double kAreasM2[] = {10000.0, 1800.0, 1000.0};

inline LayerInfo write(Project &p, LayerSpec spec, const std::vector<Feature> &features)
{
    LayerWriter w(p, std::move(spec));
    for (const auto &f : features)
        w.add(Geometry::fromWkt(f.wkt), f.values);
    return w.commit();
}

} // namespace planlines::geodata::test
