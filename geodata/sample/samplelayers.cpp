#include "samplelayers.h"
#include "../area.h"
#include "../layerwriter.h"
#include "samplerandom.h"

#include <cmath>
#include <cstdio>
#include <map>

namespace planlines::geodata::sample {

SampleLayers::SampleLayers(Project &project, const SampleSources &sources, const Terrain &terrain,
                           std::uint64_t seed)
    : m_project(project), m_src(sources), m_terrain(terrain), m_seed(seed)
{
    // 坐落单位: the nearest village or community of the parcel's township.
    m_units.resize(m_terrain.townships.size());
    std::map<std::string, size_t> index;
    for (size_t i = 0; i < m_terrain.townships.size(); ++i)
        index[m_terrain.townships[i].code] = i;
    for (const auto *list : {&m_terrain.villages, &m_terrain.communities})
        for (const auto &v : *list)
            m_units[index[v.townshipCode]].push_back(&v);
}

LayerSpec SampleLayers::spec(const char *name, Role role, const char *table,
                             const char *geometryType, std::vector<FieldDef> fields,
                             const std::string &source, int order) const
{
    LayerSpec s;
    s.name = name;
    s.role = role;
    s.table = table;
    s.geometryType = geometryType;
    s.fields = std::move(fields);
    s.source = "planlines sample (seed " + std::to_string(m_seed) + "): " + source;
    s.synthetic = true;
    s.description =
        "合成示例数据（非真实规划数据）：" + std::string(name) + "，由 planlines sample 生成";
    s.sortOrder = order;
    return s;
}

std::string SampleLayers::townshipAt(double x, double y) const
{
    const Geometry p = Geometry::point(x, y);
    for (const auto &t : m_terrain.townships)
        if (t.geometry.intersects(p))
            return t.code;
    return {};
}

void SampleLayers::writeTownships()
{
    using FT = FieldType;
    LayerWriter w(m_project, spec("乡镇行政区", Role::Township, "township", "MULTIPOLYGON",
                                  {{"XZQDM", FT::Text, "行政区代码"},
                                   {"XZQMC", FT::Text, "行政区名称"},
                                   {"MJ", FT::Real, "面积（平方米）"}},
                                  "township_seeds.geojson, county.geojson", 10));
    for (const auto &t : m_terrain.townships) {
        const Value v[] = {t.code, t.name, round2(t.geometry.area())};
        w.add(t.geometry, v);
    }
    w.commit();
    ++m_layers;
}

LayerSpec SampleLayers::landuseSpec(int year) const
{
    using FT = FieldType;
    const bool first = year == 2023;
    LayerSpec s = spec("地类图斑", Role::Landuse, "landuse", "MULTIPOLYGON",
                       {{"BSM", FT::Text, "标识码"},
                        {"YSDM", FT::Text, "要素代码"},
                        {"TBBH", FT::Text, "图斑编号"},
                        {"DLBM", FT::Text, "地类编码"},
                        {"DLMC", FT::Text, "地类名称"},
                        {"QSXZ", FT::Text, "权属性质"},
                        {"QSDWDM", FT::Text, "权属单位代码"},
                        {"QSDWMC", FT::Text, "权属单位名称"},
                        {"ZLDWDM", FT::Text, "坐落单位代码"},
                        {"ZLDWMC", FT::Text, "坐落单位名称"},
                        {"TBMJ", FT::Real, "图斑面积"},
                        {"KCDLBM", FT::Text, "扣除地类编码"},
                        {"KCXS", FT::Real, "扣除地类系数"},
                        {"KCMJ", FT::Real, "扣除地类面积"},
                        {"TBDLMJ", FT::Real, "图斑地类面积"},
                        {"GDLX", FT::Text, "耕地类型"},
                        {"GDPDJB", FT::Text, "耕地坡度级别"},
                        {"GDDB", FT::Integer, "耕地等别"},
                        {"SJNF", FT::Integer, "数据年份"}},
                       std::to_string(year) + "年度国土变更调查（样例）: " +
                           (first ? std::string("generated fields (Voronoi) with 三调 attributes")
                                  : std::string("changed from 2023 by rules (construction, "
                                                "planting, reclamation, split, merged and "
                                                "redrawn parcels)")),
                       20);
    s.description = "合成示例数据（非真实规划数据）：地类图斑，" + std::to_string(year) +
                    "年度国土变更调查（样例），由 planlines sample 生成";
    s.replaceKeepingHistory = !first;
    return s;
}

SampleLayers::SiteUnit SampleLayers::unitAt(int township, double x, double y) const
{
    const auto &tw = m_terrain.townships[static_cast<size_t>(township)];
    const Village *unit = nullptr;
    double best = 1e300;
    for (const auto *v : m_units[static_cast<size_t>(township)]) {
        const double d = (v->x - x) * (v->x - x) + (v->y - y) * (v->y - y);
        if (d < best) {
            best = d;
            unit = v;
        }
    }
    return {(unit ? unit->code : tw.code) + "0000000", unit ? unit->name : tw.name};
}

std::vector<Value> SampleLayers::landuseRow(const Geometry &g, const std::string &dlbm,
                                            const std::string &name, int township,
                                            const SiteUnit &unit, double x, double y,
                                            std::int64_t bsmSeq, int tbbh, int year) const
{
    const auto &tw = m_terrain.townships[static_cast<size_t>(township)];
    const bool state = dlbm == "1101" || dlbm == "1103" || dlbm == "1109" || dlbm == "1003" ||
                       dlbm == "201" || dlbm == "201A" || (dlbm == "0301" && !name.empty());
    const std::string qsdwdm = state ? tw.code + "0000000" : unit.code;
    const std::string qsdwmc = state ? tw.name + "国有土地" : unit.name;
    const double area = round2(g.area());
    char bsm[32];
    std::snprintf(bsm, sizeof bsm, "370322%012lld", static_cast<long long>(bsmSeq));
    const bool cultivated = isCultivated(dlbm);
    Value gddb = std::monostate{};
    if (cultivated) // 耕地等别: 6–9 on this plain, better land away from the river
        gddb = static_cast<std::int64_t>(
            6 + std::min(3, static_cast<int>(4 * valueNoise(m_seed ^ 77, x, y, 5000))));
    return {std::string(bsm),
            std::string("2001010100"), // 要素代码 of 地类图斑
            std::to_string(tbbh),
            dlbm,
            std::string(landuseName(dlbm)),
            std::string(state ? "10" : "30"),
            qsdwdm,
            qsdwmc,
            unit.code,
            unit.name,
            area,
            cultivated ? Value(std::string("1203")) : Value(std::monostate{}),
            cultivated ? Value(0.0) : Value(std::monostate{}),
            cultivated ? Value(0.0) : Value(std::monostate{}),
            area,
            std::monostate{},
            cultivated ? Value(std::string("1")) : Value(std::monostate{}),
            gddb,
            std::int64_t{year}};
}

std::int64_t SampleLayers::writeLanduse(const std::vector<Parcel> &parcels)
{
    LayerWriter w(m_project, landuseSpec(2023));
    // 图斑编号 run per 坐落单位; kept so that the second year keeps them and numbers new
    // parcels after the last.
    m_tbbh.assign(parcels.size(), 0);
    m_tbbhLast.clear();
    std::int64_t seq = 0;
    for (std::size_t i = 0; i < parcels.size(); ++i) {
        const auto &p = parcels[i];
        const SiteUnit unit = unitAt(p.township, p.x, p.y);
        m_tbbh[i] = ++m_tbbhLast[unit.code];
        const auto v = landuseRow(p.geometry, p.dlbm, p.name, p.township, unit, p.x, p.y, ++seq,
                                  m_tbbh[i], 2023);
        w.add(p.geometry, v);
    }
    const auto info = w.commit();
    ++m_layers;
    return info.featureCount;
}

std::int64_t SampleLayers::writeLanduseSecondYear(const std::vector<Parcel> &parcels,
                                                  const std::vector<SecondYearParcel> &next,
                                                  std::vector<EncodedGeometry> encoded)
{
    LayerWriter w(m_project, landuseSpec(2024));
    // New parcels get 标识码 after the last of 2023 and 图斑编号 after the last of their unit.
    std::int64_t seq = static_cast<std::int64_t>(parcels.size());
    const bool preEncoded =
        encoded.size() == next.size() && w.encoding() == GeometryEncoding::SpatialiteBlob;
    for (std::size_t i = 0; i < next.size(); ++i) {
        const auto &p = next[i];
        const bool kept = p.kept >= 0;
        const Parcel *old = kept ? &parcels[static_cast<size_t>(p.kept)] : nullptr;
        const SiteUnit unit = unitAt(p.township, p.x, p.y);
        const auto v =
            landuseRow(p.geometry, p.dlbm, old ? old->name : std::string(), p.township, unit, p.x,
                       p.y, kept ? p.kept + 1 : ++seq,
                       kept ? m_tbbh[static_cast<size_t>(p.kept)] : ++m_tbbhLast[unit.code], 2024);
        if (preEncoded)
            w.add(std::move(encoded[i]), v);
        else
            w.add(p.geometry, v);
    }
    return w.commit().featureCount;
}

void SampleLayers::writeBasicFarmland(const std::vector<Parcel> &parcels)
{
    using FT = FieldType;
    // Permanent basic farmland: most cultivated parcels, never inside the red line, the urban
    // development boundary or the corridor (the 三区三线 do not overlap).
    std::vector<Geometry> excludedParts;
    for (const auto &r : m_redlines)
        excludedParts.push_back(r.second.clone());
    for (const auto &z : m_src.zones)
        if (z.str("kind") == "urban" || z.str("kind") == "redline")
            excludedParts.push_back(z.geometry.clone());
    const Geometry excluded = unaryUnion(std::move(excludedParts));
    const PreparedGeometry prepExcluded(excluded);

    LayerWriter w(m_project,
                  spec("永久基本农田", Role::BasicFarmland, "basic_farmland", "MULTIPOLYGON",
                       {{"BSM", FT::Text, "标识码"},
                        {"YSDM", FT::Text, "要素代码"},
                        {"YJJBNTTBBH", FT::Text, "永久基本农田图斑编号"},
                        {"TBBH", FT::Text, "图斑编号"},
                        {"DLBM", FT::Text, "地类编码"},
                        {"DLMC", FT::Text, "地类名称"},
                        {"ZLDWDM", FT::Text, "坐落单位代码"},
                        {"ZLDWMC", FT::Text, "坐落单位名称"},
                        {"YJJBNTMJ", FT::Real, "永久基本农田面积"},
                        {"GDDB", FT::Integer, "耕地等别"},
                        {"BHKSSJ", FT::Date, "保护开始时间"},
                        {"BHJSSJ", FT::Date, "保护结束时间"},
                        {"SJNF", FT::Integer, "数据年份"}},
                       "cultivated parcels of 地类图斑 outside red line and urban boundary", 30));
    // Read back the written parcels' attributes by BSM order (same order as `parcels`).
    auto st = m_project.db().prepare(
        "SELECT BSM, TBBH, DLBM, DLMC, ZLDWDM, ZLDWMC, GDDB FROM landuse ORDER BY fid");
    std::int64_t n = 0;
    for (const auto &p : parcels) {
        if (!st.step())
            break;
        if (!isCultivated(p.dlbm))
            continue;
        // About one field in nine stays general farmland, in patches.
        if (patchNoise(m_seed ^ 91, p.x, p.y, 1500) > 0.74)
            continue;
        if (prepExcluded.intersects(p.geometry))
            continue;
        char bh[24];
        std::snprintf(bh, sizeof bh, "%08lld", static_cast<long long>(++n));
        const Value v[] = {std::string("3703229") + bh + "000",
                           std::string("2099010100"),
                           std::string(bh),
                           st.text(1),
                           st.text(2),
                           st.text(3),
                           st.text(4),
                           st.text(5),
                           round2(p.geometry.area()),
                           st.value(6),
                           std::string("2022-10-01"),
                           std::monostate{},
                           std::int64_t{2023}};
        w.add(p.geometry, v);
    }
    w.commit();
    ++m_layers;
}

} // namespace planlines::geodata::sample
