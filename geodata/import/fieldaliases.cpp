#include "fieldaliases.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <string>

namespace planlines::geodata::import {

namespace {

struct Alias
{
    std::string_view code, alias;
};

constexpr Alias kAliases[] = {
    // 地类图斑 (DLTB)
    {"BSM", "标识码"},
    {"YSDM", "要素代码"},
    {"TBYBH", "图斑预编号"},
    {"TBBH", "图斑编号"},
    {"DLBM", "地类编码"},
    {"DLMC", "地类名称"},
    {"QSXZ", "权属性质"},
    {"QSDWDM", "权属单位代码"},
    {"QSDWMC", "权属单位名称"},
    {"ZLDWDM", "坐落单位代码"},
    {"ZLDWMC", "坐落单位名称"},
    {"TBMJ", "图斑面积"},
    {"KCDLBM", "扣除地类编码"},
    {"KCXS", "扣除地类系数"},
    {"KCMJ", "扣除地类面积"},
    {"TBDLMJ", "图斑地类面积"},
    {"GDLX", "耕地类型"},
    {"GDPDJB", "耕地坡度级别"},
    {"XZDWKD", "线状地物宽度"},
    {"TBXHDM", "图斑细化代码"},
    {"TBXHMC", "图斑细化名称"},
    {"ZZSXDM", "种植属性代码"},
    {"ZZSXMC", "种植属性名称"},
    {"GDDB", "耕地等别"},
    {"FRDBS", "飞入地标识"},
    {"CZCSXM", "城镇村属性码"},
    {"SJNF", "数据年份"},
    {"MSSM", "描述说明"},
    {"HDMC", "海岛名称"},
    {"BZ", "备注"},
    // 永久基本农田
    {"YJJBNTTBBH", "永久基本农田图斑编号"},
    {"YJJBNTMJ", "永久基本农田面积"},
    {"BHKSSJ", "保护开始时间"},
    {"BHJSSJ", "保护结束时间"},
    // 行政区
    {"XZQDM", "行政区代码"},
    {"XZQMC", "行政区名称"},
    {"DCMJ", "调查面积"},
    {"JSMJ", "计算面积"},
    {"JXLX", "界线类型"},
    {"JXXZ", "界线性质"},
    // 城镇开发边界, 生态保护红线
    {"GHFQDM", "规划分区代码"},
    {"GHFQMC", "规划分区名称"},
    {"MJ", "面积"},
    {"HXBM", "红线编码"},
    {"HXMC", "红线名称"},
    {"HXLX", "红线类型"},
    {"GKCS", "管控措施"},
    // 环境管控单元 (a provincial convention)
    {"HJZHGKDYBM", "环境管控单元编码"},
    {"HJZHGKDYMC", "环境管控单元名称"},
    {"ZHGKDYFL", "管控单元分类"},
    {"KJBJYS", "空间布局约束"},
    {"PWWPFGK", "污染物排放管控"},
    {"HJFXFK", "环境风险防控"},
    {"ZYKFXLYQ", "资源开发效率要求"},
    // corridor and sites (this program's conventions)
    {"SEGID", "段号"},
    {"QDZH", "起点桩号"},
    {"ZDZH", "终点桩号"},
    {"XMMC", "项目名称"},
};

} // namespace

std::string_view fieldAlias(std::string_view fieldName)
{
    std::string up(fieldName);
    std::transform(up.begin(), up.end(), up.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    for (const auto &a : kAliases)
        if (a.code == up)
            return a.alias;
    return {};
}

} // namespace planlines::geodata::import

namespace planlines::geodata::import {

namespace {

std::string lowerAscii(std::string_view s)
{
    std::string out(s);
    for (char &c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool reserved(std::string_view name)
{
    const std::string n = lowerAscii(name);
    for (const char *r : {"fid", "geom", "rowid", "oid", "_rowid_", "ogc_fid", "geometry"})
        if (n == r)
            return true;
    return false;
}

} // namespace

std::vector<std::string> makeColumnNames(std::vector<FieldDef> &fields)
{
    std::vector<std::string> renamed;
    std::set<std::string> taken; // lower-case, as SQLite compares them
    for (const FieldDef &f : fields)
        if (!reserved(f.name))
            taken.insert(lowerAscii(f.name));
    std::set<std::string> used;
    for (FieldDef &f : fields) {
        const std::string original = f.name;
        const std::string base = reserved(original) ? "src_" + original : original;
        // A new name must not be one another source field has; no two columns may be equal
        // but for case.
        auto clash = [&](const std::string &name) {
            const std::string l = lowerAscii(name);
            return used.count(l) > 0 || (name != original && taken.count(l) > 0);
        };
        std::string name = base;
        for (int n = 2; clash(name); ++n)
            name = base + "_" + std::to_string(n);
        used.insert(lowerAscii(name));
        if (name == original)
            continue;
        if (f.alias.empty())
            f.alias = original;
        f.name = name;
        renamed.push_back(original + " stored as " + name +
                          (reserved(original) ? " (a reserved column name)"
                                              : " (another field has this name but for case)"));
    }
    return renamed;
}

} // namespace planlines::geodata::import
