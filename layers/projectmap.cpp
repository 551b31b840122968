#include "projectmap.h"

#include <geodata/coordinatetransform.h>

#include <algorithm>
#include <optional>

namespace planlines::layers {

ProjectMap ProjectMap::load(const std::string &path, const LayerCatalog &catalog)
{
    return load(path, catalog, [](const CatalogEntry &) { return true; });
}

ProjectMap ProjectMap::load(const std::string &path, const LayerCatalog &catalog,
                            const std::function<bool(const CatalogEntry &)> &include)
{
    auto project = geodata::Project::open(path, /*readOnly=*/true);
    ProjectMap map;
    map.m_path = path;
    map.m_countyName = project->countyName();
    map.m_workingCrs = project->workingCrs();
    try {
        map.m_crsDescription = geodata::crsName(map.m_workingCrs);
    } catch (const geodata::Error &) {
        map.m_crsDescription = map.m_workingCrs; // the name is a courtesy; the code suffices
    }
    for (auto &entry : catalog.entries(project->layers())) {
        if (!include(entry))
            continue;
        auto data = LayerData::load(*project, entry.info, LayerData::optionsFor(*entry.style));
        map.m_layers.push_back({std::move(entry), std::move(data)});
    }
    return map;
}

bool ProjectMap::anySynthetic() const
{
    return std::any_of(m_layers.begin(), m_layers.end(),
                       [](const MapLayer &l) { return l.entry.info.synthetic; });
}

geodata::Envelope ProjectMap::homeExtent() const
{
    auto unite = [](std::optional<geodata::Envelope> &acc, const geodata::Envelope &e) {
        if (!acc)
            acc = e;
        else
            acc = geodata::Envelope{std::min(acc->minX, e.minX), std::min(acc->minY, e.minY),
                                    std::max(acc->maxX, e.maxX), std::max(acc->maxY, e.maxY)};
    };
    std::optional<geodata::Envelope> townships, all;
    for (const auto &l : m_layers) {
        if (l.data->featureCount() == 0)
            continue;
        unite(all, l.data->extent());
        if (l.entry.info.role == geodata::Role::Township)
            unite(townships, l.data->extent());
    }
    return townships.value_or(all.value_or(geodata::Envelope{}));
}

std::vector<RenderLayer> ProjectMap::renderLayers(const std::vector<bool> &visible) const
{
    std::vector<RenderLayer> out;
    for (std::size_t i = 0; i < m_layers.size(); ++i)
        if (i < visible.size() && visible[i])
            out.push_back({m_layers[i].data, m_layers[i].entry.style, nullptr, 1});
    return out;
}

} // namespace planlines::layers
