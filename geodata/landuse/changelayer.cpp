#include "changelayer.h"

#include "changetables.h"
#include "landuseclasses.h"

#include "../area.h"
#include "../layerwriter.h"

#include <cmath>

namespace planlines::geodata::landuse {

std::string changeType(const std::string &fromCode, const std::string &toCode)
{
    const bool from = isCultivated(fromCode), to = isCultivated(toCode);
    if (from && !to)
        return "耕地流出";
    if (!from && to)
        return "耕地流入";
    if (from && to)
        return "耕地内部调整";
    return "其他地类变化";
}

LayerInfo writeChangeLayer(Project &project, const ChangeResult &result, const std::string &name)
{
    LayerSpec spec;
    spec.name = name;
    spec.role = Role::Context;
    spec.table = newTableName(project, "landuse_change", Role::Context);
    spec.geometryType = "MULTIPOLYGON";
    spec.replaceKeepingHistory = true;
    spec.source = result.fromLabel + " → " + result.toLabel;
    spec.description = "地类变化：" + result.fromLabel + " 与 " + result.toLabel + " 比对";
    spec.fields = {{"BHLX", FieldType::Text, "变化类型"},
                   {"YDLBM", FieldType::Text, "原地类编码"},
                   {"YDLMC", FieldType::Text, "原地类名称"},
                   {"XDLBM", FieldType::Text, "现地类编码"},
                   {"XDLMC", FieldType::Text, "现地类名称"},
                   {"MJ", FieldType::Real, "面积（平方米）"},
                   {"MJM", FieldType::Real, "面积（亩）"},
                   {"XZDM", FieldType::Text, "乡镇代码"},
                   {"XZMC", FieldType::Text, "乡镇名称"},
                   {"YBSM", FieldType::Text, "原标识码"},
                   {"YTBBH", FieldType::Text, "原图斑编号"},
                   {"XBSM", FieldType::Text, "现标识码"},
                   {"XTBBH", FieldType::Text, "现图斑编号"},
                   {"JBNTMJ", FieldType::Real, "永久基本农田内面积（平方米）"},
                   {"STHXMJ", FieldType::Real, "生态保护红线内面积（平方米）"}};
    std::map<std::string, std::string> townshipNames;
    for (const auto &t : result.townships)
        townshipNames[t.code] = t.name;
    auto name2 = [&](const std::string &code) -> Value {
        if (code.empty())
            return {};
        std::string label = classLabel(result, code);
        return label.size() > code.size() + 1 ? label.substr(code.size() + 1) : std::string();
    };
    auto text = [](const std::string &s) -> Value {
        if (s.empty())
            return {};
        return s;
    };
    auto round2 = [](double v) { return std::round(v * 100) / 100; };
    LayerWriter w(project, spec);
    for (const auto &p : result.pieces) {
        std::vector<Value> v(spec.fields.size());
        v[0] = changeType(p.fromCode, p.toCode);
        v[1] = text(p.fromCode);
        v[2] = name2(p.fromCode);
        v[3] = text(p.toCode);
        v[4] = name2(p.toCode);
        v[5] = round2(p.areaM2);
        v[6] = std::round(m2ToMu(p.areaM2) * 10000) / 10000;
        v[7] = text(p.township);
        v[8] = text(townshipNames[p.township]);
        v[9] = text(p.oldBsm);
        v[10] = text(p.oldTbbh);
        v[11] = text(p.newBsm);
        v[12] = text(p.newTbbh);
        v[13] = round2(p.farmlandM2);
        v[14] = round2(p.redlineM2);
        w.add(p.geometry(), v);
    }
    return w.commit();
}

} // namespace planlines::geodata::landuse
