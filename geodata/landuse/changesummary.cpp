// The summary of a comparison as staff read it: `planlines compare` prints these lines and the
// window's 变更分析 panel shows them.
#include "changetables.h"

#include "../area.h"

#include <cstdio>

namespace planlines::geodata::landuse {

namespace {

std::string fixed2(double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

std::string mu(double m2)
{
    return fixed2(m2ToMu(m2)) + " 亩";
}

} // namespace

std::vector<std::string> summaryLines(const ChangeResult &r)
{
    const Balance b = balance(r.matrix);
    double changed = 0;
    for (const auto &p : r.pieces)
        changed += p.areaM2;
    std::vector<std::string> lines;
    lines.push_back("比对 " + r.fromLabel + " → " + r.toLabel);
    lines.push_back("图斑：原 " + std::to_string(r.oldParcels) + "，现 " +
                    std::to_string(r.newParcels) + "；未变 " + std::to_string(r.unchangedParcels) +
                    "，仅地类变化 " + std::to_string(r.reclassifiedParcels) + "，叠加分析 原 " +
                    std::to_string(r.overlaidOld) + " / 现 " + std::to_string(r.overlaidNew));
    lines.push_back("地类变化：" + std::to_string(r.pieces.size()) + " 个变化图斑，" + mu(changed) +
                    "（" + fixed2(changed) + " 平方米）");
    lines.push_back("仅图形变化（分割、合并、重绘，地类未变）：原 " +
                    std::to_string(r.geometryOnlyOld) + " / 现 " +
                    std::to_string(r.geometryOnlyNew) + " 个图斑，" + mu(r.geometryOnlyM2));
    lines.push_back("耕地流出 " + mu(b.outflowM2) + "，流入 " + mu(b.inflowM2) + "，净增减 " +
                    mu(b.netM2()));
    lines.push_back("进出平衡：转为园地、林地、草地等 " + mu(b.balanceOutM2) + "，转回耕地 " +
                    mu(b.balanceInM2) + "，" + (b.balanced() ? "已落实" : "未落实"));
    for (const auto *z : {&r.farmland, &r.redline})
        if (z->present)
            lines.push_back(std::string(z == &r.farmland ? "永久基本农田" : "生态保护红线") +
                            "内地类变化 " + mu(z->areaM2) + "，其中耕地流出 " +
                            mu(z->cultivatedOutflowM2));
    return lines;
}

} // namespace planlines::geodata::landuse
