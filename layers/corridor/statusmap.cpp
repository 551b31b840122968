#include "statusmap.h"

#include "../layerstyle.h"

#include <algorithm>
#include <unordered_map>

namespace planlines::layers::corridor {

using namespace geodata::corridor;

std::vector<RenderLayer> withStatus(std::vector<RenderLayer> layers, const CorridorState &state,
                                    const std::string &corridorTable)
{
    std::unordered_map<std::int64_t, std::string> byFid;
    for (const auto &s : state.segments())
        byFid.emplace(s.segment->fid, std::string(statusId(s.status)));
    std::vector<RenderLayer> corridorLayers;
    for (auto &l : layers)
        if (l.data && l.data->table() == corridorTable) {
            l.data = l.data->withCategories([&](std::int64_t fid) -> std::optional<std::string> {
                const auto it = byFid.find(fid);
                if (it == byFid.end())
                    return std::nullopt;
                return it->second;
            });
            corridorLayers.push_back(l);
        }
    // The status is what this map is for: the corridor goes over every other layer but the
    // sites. Below them the levee (a 0.9 mm line along the corridor), the county line and the
    // red line's hatch cover a corridor only 1–2 px wide at county scale, and its colours no
    // longer read.
    if (corridorLayers.empty())
        return layers;
    std::erase_if(layers,
                  [&](const RenderLayer &l) { return l.data && l.data->table() == corridorTable; });
    const auto sites = std::find_if(layers.begin(), layers.end(), [](const RenderLayer &l) {
        return l.style && l.style->role() == geodata::Role::Site;
    });
    layers.insert(sites, corridorLayers.begin(), corridorLayers.end());
    return layers;
}

std::vector<RenderLayer> statusMapLayers(const ProjectMap &map, const CorridorState &state,
                                         const std::string &corridorTable)
{
    std::vector<bool> visible;
    for (const auto &l : map.layers())
        visible.push_back(l.entry.visibleByDefault || l.entry.info.table == corridorTable);
    return withStatus(map.renderLayers(visible), state, corridorTable);
}

} // namespace planlines::layers::corridor
