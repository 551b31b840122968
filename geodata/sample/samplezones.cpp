// SampleLayers: the planning zones (red line, urban boundary, control units), the corridor,
// the project sites and the context layers.
#include "../area.h"
#include "../layerwriter.h"
#include "samplelayers.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cmath>
#include <map>

namespace planlines::geodata::sample {

namespace {
using FT = FieldType;
} // namespace

void SampleLayers::writeRedline()
{
    LayerWriter w(m_project, spec("生态保护红线", Role::EcoRedline, "eco_redline", "MULTIPOLYGON",
                                  {{"HXBM", FT::Text, "红线编码"},
                                   {"HXMC", FT::Text, "红线名称"},
                                   {"HXLX", FT::Text, "红线类型"},
                                   {"MJ", FT::Real, "面积（平方米）"},
                                   {"GKCS", FT::Text, "管控措施"}},
                                  "yellow_river.geojson, levee.geojson, zones.geojson", 40));
    m_redlines.clear();
    const Geometry river = m_terrain.channel.unite(m_terrain.floodplain).toMultiPolygon();
    const std::string gk =
        "生态保护红线内，自然保护地核心保护区原则上禁止人为活动；其他区域严格禁止"
        "开发性、生产性建设活动，仅允许对生态功能不造成破坏的有限人为活动。";
    {
        const Value v[] = {std::string("3703221001"), std::string("黄河"),
                           std::string("水源涵养（黄河湿地）"), round2(river.area()), gk};
        w.add(river, v);
        m_redlines.emplace_back("黄河", river.clone());
    }
    int seq = 1;
    for (const auto &z : m_src.zones) {
        if (z.str("kind") != "redline")
            continue;
        Geometry g = z.geometry.difference(river).toMultiPolygon();
        if (g.isEmpty())
            continue;
        std::string code = z.str("HXBM");
        if (code.empty())
            code = "370322100" + std::to_string(++seq);
        const Value v[] = {code, z.str("HXMC"), z.str("HXLX"), round2(g.area()), gk};
        w.add(g, v);
        m_redlines.emplace_back(z.str("HXMC"), std::move(g));
    }
    w.commit();
    ++m_layers;
}

void SampleLayers::writeUrbanBoundary()
{
    LayerWriter w(m_project,
                  spec("城镇开发边界", Role::UrbanBoundary, "urban_boundary", "MULTIPOLYGON",
                       {{"GHFQDM", FT::Text, "规划分区代码"},
                        {"GHFQMC", FT::Text, "规划分区名称"},
                        {"SZCZ", FT::Text, "所在城镇"},
                        {"MJ", FT::Real, "面积（平方米）"}},
                       "zones.geojson (kind urban)", 50));
    for (const auto &z : m_src.zones) {
        if (z.str("kind") != "urban")
            continue;
        std::string code = z.str("GHFQDM");
        const std::string zone = z.str("zone");
        if (code.empty())
            code = zone == "城镇集中建设区" ? "10" : zone == "城镇弹性发展区" ? "20" : "30";
        const Value v[] = {code, zone, z.str("town"), round2(z.geometry.area())};
        w.add(z.geometry, v);
    }
    w.commit();
    ++m_layers;
}

void SampleLayers::writeControlUnits()
{
    // Geometry from each unit's "source"; priority units first, then key, then general, each
    // minus what earlier units hold, so units never overlap.
    struct Unit
    {
        QJsonObject def;
        Geometry geometry;
    };
    std::vector<Unit> units;
    for (const auto &u : m_src.controlUnits)
        units.push_back({u.toObject(), {}});
    std::stable_sort(units.begin(), units.end(), [](const Unit &a, const Unit &b) {
        auto rank = [](const Unit &u) {
            const int cls = u.def.value("class").toInt();
            const QString src = u.def.value("source").toString();
            return cls * 10 + (src.startsWith("zone:") ? 0 : 1);
        };
        return rank(a) < rank(b);
    });
    std::vector<Geometry> taken;
    for (auto &u : units) {
        const std::string source = u.def.value("source").toString().toStdString();
        const auto colon = source.find(':');
        const std::string kind = source.substr(0, colon), key = source.substr(colon + 1);
        Geometry g;
        if (kind == "redline") {
            for (const auto &r : m_redlines)
                if (r.first == key || (key == "黄河" && r.first == "黄河"))
                    g = r.second.clone();
        } else if (kind == "zone") {
            for (const auto &z : m_src.zones)
                if (z.str("name") == key && z.str("kind") != "urban")
                    g = z.geometry.clone();
        } else if (kind == "urban") {
            std::vector<Geometry> parts;
            for (const auto &z : m_src.zones)
                if (z.str("kind") == "urban" && z.str("town") == key)
                    parts.push_back(z.geometry.clone());
            if (!parts.empty())
                g = unaryUnion(std::move(parts));
        } else if (kind == "township") {
            for (const auto &t : m_terrain.townships)
                if (t.code == key)
                    g = t.geometry.clone();
        }
        if (g.isNull() || g.isEmpty())
            throw Error("control unit source '" + source + "' matches nothing",
                        "sample control_units.json, unit " +
                            u.def.value("code").toString().toStdString());
        for (const auto &prev : taken)
            if (g.intersects(prev))
                g = g.difference(prev);
        u.geometry = g.toMultiPolygon();
        taken.push_back(u.geometry.clone());
    }

    LayerWriter w(m_project, spec("环境管控单元", Role::ControlUnit, "control_unit", "MULTIPOLYGON",
                                  {{"HJZHGKDYBM", FT::Text, "环境综合管控单元编码"},
                                   {"HJZHGKDYMC", FT::Text, "环境综合管控单元名称"},
                                   {"ZHGKDYFL", FT::Integer, "管控单元分类"},
                                   {"ZHGKDYLX", FT::Text, "管控单元类别"},
                                   {"KJBJYS", FT::Text, "空间布局约束"},
                                   {"PWWPFGK", FT::Text, "污染物排放管控"},
                                   {"HJFXFK", FT::Text, "环境风险防控"},
                                   {"ZYKFXLYQ", FT::Text, "资源开发效率要求"},
                                   {"MJ", FT::Real, "面积（平方米）"}},
                                  "control_units.json", 60));
    for (const auto &u : units) {
        if (u.geometry.isEmpty())
            continue;
        auto s = [&](const char *k) { return u.def.value(k).toString().toStdString(); };
        const Value v[] = {
            s("code"),       s("name"),     std::int64_t{u.def.value("class").toInt()},
            s("class_name"), s("KJBJYS"),   s("PWWPFGK"),
            s("HJFXFK"),     s("ZYKFXLYQ"), round2(u.geometry.area())};
        w.add(u.geometry, v);
    }
    w.commit();
    ++m_layers;
}

void SampleLayers::writeCorridor(const std::vector<CorridorSegment> &segments)
{
    LayerWriter w(m_project, spec("淤背区生态廊道", Role::Corridor, "corridor", "MULTIPOLYGON",
                                  {{"SEGID", FT::Text, "段编号"},
                                   {"QDZH", FT::Text, "起点桩号"},
                                   {"ZDZH", FT::Text, "终点桩号"},
                                   {"QDLC", FT::Real, "起点里程（米）"},
                                   {"ZDLC", FT::Real, "终点里程（米）"},
                                   {"KD", FT::Real, "宽度（米）"},
                                   {"MJ", FT::Real, "面积（平方米）"},
                                   {"XZQDM", FT::Text, "所在乡镇代码"},
                                   {"XZQMC", FT::Text, "所在乡镇"},
                                   {"GCNR", FT::Text, "建设内容"},
                                   {"ZRDW", FT::Text, "责任单位"},
                                   {"JHKG", FT::Date, "计划开工"},
                                   {"JHWG", FT::Date, "计划完工"},
                                   {"TZ", FT::Real, "投资（万元）"},
                                   {"ZT", FT::Text, "当前状态"}},
                                  "levee.geojson (segments of 1 km on the landward side)", 70));
    auto names = m_src.townshipNames();
    auto &db = m_project.db();
    auto progress = db.prepare(
        "INSERT INTO corridor_progress (segment_id, date, status, percent, planted_area_m2, "
        "note, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    // DOMAIN.md: the corridor holds the 240-亩 绿心公园, on a former settling basin where 常家镇
    // meets 芦湖街道: the two segments either side of that boundary.
    std::vector<std::string> codes, works;
    for (const auto &s : segments) {
        const Geometry c = s.geometry.pointOnSurface();
        codes.push_back(townshipAt(c.x(), c.y()));
        works.push_back(s.works);
    }
    for (std::size_t i = 1; i < codes.size(); ++i)
        if (codes[i - 1] == "370322105000" && codes[i] == "370322002000") {
            works[i - 1] = works[i] = "林分提升、绿心公园";
            break;
        }
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const auto &s = segments[i];
        const std::string &code = codes[i];
        const std::string status = s.history.empty() ? "planned" : s.history.back().status;
        // The last segment ends where the levee does: its ZDLC is the levee's length unrounded
        // (to the cm it would stop up to 5 mm short of the end, and the end have no segment).
        const double endM = i + 1 == segments.size() ? s.endM : round2(s.endM);
        const Value v[] = {s.id,
                           formatChainage(s.startM),
                           formatChainage(s.endM),
                           round2(s.startM),
                           endM,
                           round2(s.widthM),
                           round2(s.geometry.area()),
                           code,
                           names[code],
                           works[i],
                           s.unit,
                           s.planStart,
                           s.planEnd,
                           s.investmentWan,
                           statusLabel(status)};
        w.add(s.geometry, v);
        for (const auto &h : s.history) {
            progress.bindAll(s.id, h.date, h.status, h.percent,
                             h.plantedAreaM2 > 0 ? Value(round2(h.plantedAreaM2)) : Value(), h.note,
                             h.date + "T00:00:00Z", std::string("planlines sample"));
            progress.run();
            m_project.audit("corridor.progress", "corridor_progress",
                            std::to_string(db.lastInsertRowId()),
                            "{\"segment\":\"" + s.id + "\",\"status\":\"" + h.status + "\"}");
        }
    }
    w.commit(); // the progress rows and their audit rows commit with the layer
    ++m_layers;
}

void SampleLayers::writeSites()
{
    LayerWriter w(m_project, spec("项目选址", Role::Site, "site", "MULTIPOLYGON",
                                  {{"XMMC", FT::Text, "项目名称"},
                                   {"RWBH", FT::Integer, "任务编号"},
                                   {"QTDW", FT::Text, "牵头单位"},
                                   {"HYDM", FT::Text, "行业代码"},
                                   {"HYMC", FT::Text, "行业名称"},
                                   {"GHYT", FT::Text, "规划用途"},
                                   {"MJ", FT::Real, "面积（平方米）"},
                                   {"XZQMC", FT::Text, "所在乡镇"},
                                   {"YQJG", FT::Text, "预期检查结果"},
                                   {"BZ", FT::Text, "备注"}},
                                  "sites.geojson (2023 key-task list)", 80));
    auto names = m_src.townshipNames();
    for (const auto &s : m_src.sites) {
        const Geometry c = s.geometry.pointOnSurface();
        const Value v[] = {s.str("name"),
                           std::int64_t{s.props.value("task_no").toInt()},
                           s.str("lead_unit"),
                           s.str("industry"),
                           s.str("industry_name"),
                           s.str("use"),
                           round2(s.geometry.area()),
                           names[townshipAt(c.x(), c.y())],
                           s.str("expect"),
                           s.str("note")};
        w.add(s.geometry, v);
    }
    w.commit();
    ++m_layers;
}

} // namespace planlines::geodata::sample
