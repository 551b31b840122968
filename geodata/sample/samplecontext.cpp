// SampleLayers: the context layers (county boundary, water, roads, levee, settlements).
#include "../layerwriter.h"
#include "samplelayers.h"

#include <cmath>

namespace planlines::geodata::sample {

namespace {
using FT = FieldType;

// The linear features among `features`, clipped to the county, with name, kind and width.
void addLines(LayerWriter &w, const std::vector<SourceFeature> &features, const Geometry &county)
{
    for (const auto &f : features) {
        const int t = f.geometry.typeId();
        if (t != GEOS_LINESTRING && t != GEOS_MULTILINESTRING)
            continue;
        Geometry g = f.geometry.intersection(county).toMultiLineString();
        if (g.isEmpty())
            continue;
        const Value v[] = {f.str("name"), f.str("kind"), f.num("width_m")};
        w.add(g, v);
    }
}
} // namespace

void SampleLayers::writeContext()
{
    {
        LayerWriter w(m_project, spec("县界", Role::Context, "county", "MULTIPOLYGON",
                                      {{"XZQDM", FT::Text, "行政区代码"},
                                       {"XZQMC", FT::Text, "行政区名称"},
                                       {"MJ", FT::Real, "面积（平方米）"}},
                                      "county.geojson", 5));
        const Value v[] = {std::string("370322"), std::string("高青县"),
                           round2(m_src.county.area())};
        w.add(m_src.county, v);
        w.commit();
        ++m_layers;
    }
    {
        LayerWriter w(m_project, spec("水域", Role::Context, "water_area", "MULTIPOLYGON",
                                      {{"MC", FT::Text, "名称"}, {"LX", FT::Text, "类型"}},
                                      "waters.geojson, yellow_river.geojson", 90));
        {
            const Value v[] = {std::string("黄河"), std::string("river")};
            w.add(m_terrain.channel, v);
        }
        for (const auto &f : m_src.waters) {
            const int t = f.geometry.typeId();
            if (t != GEOS_POLYGON && t != GEOS_MULTIPOLYGON)
                continue;
            const Value v[] = {f.str("name"), f.str("kind")};
            w.add(f.geometry, v);
        }
        w.commit();
        ++m_layers;
    }
    const Geometry county = m_src.county.clone();
    {
        LayerWriter w(m_project, spec("河流水系", Role::Context, "water_line", "MULTILINESTRING",
                                      {{"MC", FT::Text, "名称"},
                                       {"LX", FT::Text, "类型"},
                                       {"KD", FT::Real, "宽度（米）"}},
                                      "waters.geojson, yellow_river.geojson", 91));
        {
            const Value v[] = {std::string("黄河"), std::string("river"), 460.0};
            w.add(m_src.river, v);
        }
        addLines(w, m_src.waters, county);
        w.commit();
        ++m_layers;
    }
    {
        LayerWriter w(m_project, spec("道路", Role::Context, "road", "MULTILINESTRING",
                                      {{"MC", FT::Text, "名称"},
                                       {"DJ", FT::Text, "等级"},
                                       {"KD", FT::Real, "宽度（米）"}},
                                      "roads.geojson", 92));
        addLines(w, m_src.roads, county);
        w.commit();
        ++m_layers;
    }
    {
        LayerWriter w(m_project, spec("黄河大堤", Role::Context, "levee", "MULTILINESTRING",
                                      {{"MC", FT::Text, "名称"},
                                       {"CD", FT::Real, "长度（米）"},
                                       {"QDZH", FT::Text, "起点桩号"}},
                                      "levee.geojson (centre line, chainage from upstream)", 93));
        const Value v[] = {std::string("黄河右岸临黄大堤"), round2(m_src.levee.length()),
                           std::string("K0+000")};
        w.add(m_src.levee, v);
        w.commit();
        ++m_layers;
    }
    {
        LayerWriter w(
            m_project,
            spec("居民点", Role::Context, "place", "POINT",
                 {{"MC", FT::Text, "名称"}, {"LX", FT::Text, "类型"}, {"DM", FT::Text, "代码"}},
                 "places.geojson and generated villages", 95));
        for (const auto &p : m_src.places) {
            const Value v[] = {p.str("name"), p.str("kind"), p.str("township")};
            w.add(p.geometry, v);
        }
        for (const auto &vlg : m_terrain.villages) {
            const Value v[] = {vlg.name, std::string("village"), vlg.code};
            w.add(Geometry::point(vlg.x, vlg.y), v);
        }
        w.commit();
        ++m_layers;
    }
}

} // namespace planlines::geodata::sample
