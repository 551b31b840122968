// Hand-made land-use versions for the change analysis tests: rectangles in EPSG:4548 near
// Gaoqing, offset from (580000, 4110000), so every expected area is arithmetic on the sides.
#pragma once

#include "../testsupport.h"

#include <geodata/landuse/changeanalysis.h>
#include <geodata/layerwriter.h>

#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <string>
#include <vector>

namespace planlines::geodata::landuse::test {

inline constexpr double kX0 = 580000, kY0 = 4110000;

// A rectangle [x1, x2] × [y1, y2] in metres from the origin.
inline std::string rect(double x1, double y1, double x2, double y2)
{
    auto p = [](double x, double y) {
        return std::to_string(kX0 + x) + " " + std::to_string(kY0 + y);
    };
    return "POLYGON ((" + p(x1, y1) + ", " + p(x2, y1) + ", " + p(x2, y2) + ", " + p(x1, y2) +
           ", " + p(x1, y1) + "))";
}

struct TestParcel
{
    std::string wkt, dlbm, bsm;
    std::string zldwdm = "3703221010010000000"; // 青城镇
    double tbdlmj = -1;                         // -1: NULL
};

class ChangeFixture
{
public:
    ChangeFixture()
    {
        project = Project::create(dir.filePath("t.sqlite").toStdString(), "EPSG:4548", "高青县",
                                  "370322");
    }

    // Layers are named after the test function: one project serves the whole test (creating a
    // project costs seconds of fsync on a busy disk).
    static std::string scoped(const std::string &name)
    {
        return std::string(QTest::currentTestFunction()) + "_" + name;
    }

    LayerInfo layer(const std::string &name, const std::vector<TestParcel> &parcels,
                    bool official = false, Role role = Role::Landuse)
    {
        LayerSpec s;
        s.name = scoped(name);
        s.role = role;
        s.table = newTableName(*project, s.name, role);
        s.geometryType = "MULTIPOLYGON";
        s.fields = {{"BSM", FieldType::Text, "标识码"},
                    {"TBBH", FieldType::Text, "图斑编号"},
                    {"DLBM", FieldType::Text, "地类编码"},
                    {"ZLDWDM", FieldType::Text, "坐落单位代码"}};
        if (official)
            s.fields.push_back({"TBDLMJ", FieldType::Real, "图斑地类面积"}),
                s.fields.push_back({"KCXS", FieldType::Real, "扣除系数"});
        LayerWriter w(*project, s);
        int n = 0;
        for (const auto &p : parcels) {
            std::vector<Value> v(official ? 6 : 4);
            v[0] = p.bsm;
            v[1] = std::to_string(++n);
            v[2] = p.dlbm;
            if (!p.zldwdm.empty())
                v[3] = p.zldwdm;
            if (official) {
                if (p.tbdlmj >= 0)
                    v[4] = p.tbdlmj;
                v[5] = 0.1;
            }
            w.add(Geometry::fromWkt(p.wkt), v);
        }
        return w.commit();
    }

    // A layer of another role with plain polygons (township, farmland, red line).
    LayerInfo zone(const std::string &name, Role role, const std::vector<std::string> &wkts,
                   std::vector<FieldDef> fields = {}, std::vector<std::vector<Value>> values = {})
    {
        LayerSpec s;
        s.name = scoped(name);
        s.role = role;
        s.table = newTableName(*project, s.name, role);
        s.geometryType = "MULTIPOLYGON";
        s.fields = std::move(fields);
        LayerWriter w(*project, s);
        for (std::size_t i = 0; i < wkts.size(); ++i)
            w.add(Geometry::fromWkt(wkts[i]), values.empty() ? std::vector<Value>{} : values[i]);
        return w.commit();
    }

    ChangeResult compare(const LayerInfo &a, const LayerInfo &b, CompareOptions options = {})
    {
        auto from = project->features(a);
        auto to = project->features(b);
        return compareLanduse(*from, *to, a.name, b.name, options);
    }

    QTemporaryDir dir;
    std::unique_ptr<Project> project;
};

// The matrix as from→to → m² ("" for no parcel).
inline std::map<std::pair<std::string, std::string>, double>
cellMap(const std::vector<TransferCell> &cells)
{
    std::map<std::pair<std::string, std::string>, double> m;
    for (const auto &c : cells)
        m[{c.fromCode, c.toCode}] += c.areaM2;
    return m;
}

} // namespace planlines::geodata::landuse::test
