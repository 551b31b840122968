// A tiny project for the layers and qml tests, in EPSG:4548 around (570 000 E, 4 115 000 N):
// four 100 m land-use squares of known DLBM in a row, an ecological red line above them, one
// township around everything and one project site. Every coordinate is stated here, so a test
// can say which colour it expects at which pixel.
#pragma once

#include <geodata/layerwriter.h>
#include <geodata/project.h>

#include <QString>

#include <string>
#include <vector>

namespace planlines::testing {

struct TestProject
{
    static constexpr double kEast = 570000;
    static constexpr double kNorth = 4115000;

    // Land-use squares [kEast + 100 i, kEast + 100 (i + 1)] × [kNorth, kNorth + 100].
    static constexpr const char *kSquareDlbm[4] = {"0102", "0301", "1101", "203"};
    // The red line: [kEast + 100, kEast + 400] × [kNorth + 150, kNorth + 350].
    // The township: [kEast - 100, kEast + 600] × [kNorth - 100, kNorth + 500].
    static geodata::Envelope townshipExtent()
    {
        return {kEast - 100, kNorth - 100, kEast + 600, kNorth + 500};
    }

    static std::vector<double> rect(double minE, double minN, double maxE, double maxN)
    {
        return {minE, minN, maxE, minN, maxE, maxN, minE, maxN, minE, minN};
    }

    // Writes the project to path (which must not exist) and returns path.
    static std::string create(const std::string &path, bool synthetic = true)
    {
        using geodata::FieldDef;
        using geodata::FieldType;
        using geodata::Geometry;
        using geodata::Value;
        auto project = geodata::Project::create(path, "EPSG:4548", "高青县", "370322");

        geodata::LayerWriter landuse(*project, {"地类图斑",
                                                geodata::Role::Landuse,
                                                "landuse",
                                                "MULTIPOLYGON",
                                                {{"DLBM", FieldType::Text, "地类编码"},
                                                 {"DLMC", FieldType::Text, "地类名称"}},
                                                "test",
                                                synthetic,
                                                "",
                                                0});
        const char *names[4] = {"水浇地", "乔木林地", "河流水面", "村庄"};
        for (int i = 0; i < 4; ++i) {
            const auto xy = rect(kEast + 100 * i, kNorth, kEast + 100 * (i + 1), kNorth + 100);
            const std::vector<Value> values{std::string(kSquareDlbm[i]), std::string(names[i])};
            landuse.add(Geometry::polygon(xy), values);
        }
        landuse.commit();

        geodata::LayerWriter redline(*project, {"生态保护红线",
                                                geodata::Role::EcoRedline,
                                                "eco_redline",
                                                "MULTIPOLYGON",
                                                {{"HXMC", FieldType::Text, "红线名称"}},
                                                "test",
                                                synthetic,
                                                "",
                                                0});
        redline.add(Geometry::polygon(rect(kEast + 100, kNorth + 150, kEast + 400, kNorth + 350)),
                    std::vector<Value>{std::string("黄河湿地")});
        redline.commit();

        geodata::LayerWriter township(*project, {"乡镇行政区",
                                                 geodata::Role::Township,
                                                 "township",
                                                 "MULTIPOLYGON",
                                                 {{"XZQMC", FieldType::Text, "行政区名称"}},
                                                 "test",
                                                 synthetic,
                                                 "",
                                                 0});
        const auto t = townshipExtent();
        township.add(Geometry::polygon(rect(t.minX, t.minY, t.maxX, t.maxY)),
                     std::vector<Value>{std::string("田镇街道")});
        township.commit();

        geodata::LayerWriter site(*project, {"项目选址",
                                             geodata::Role::Site,
                                             "site",
                                             "POINT",
                                             {{"XMMC", FieldType::Text, "项目名称"}},
                                             "test",
                                             synthetic,
                                             "",
                                             0});
        site.add(Geometry::point(kEast + 500, kNorth + 400),
                 std::vector<Value>{std::string("光伏项目")});
        site.commit();
        return path;
    }
};

} // namespace planlines::testing
