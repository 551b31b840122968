#include "statusmap.h"

#include <unordered_map>

namespace planlines::layers::corridor {

using namespace geodata::corridor;

std::vector<RenderLayer> withStatus(std::vector<RenderLayer> layers, const CorridorState &state,
                                    const std::string &corridorTable)
{
    std::unordered_map<std::int64_t, std::string> byFid;
    for (const auto &s : state.segments())
        byFid.emplace(s.segment->fid, std::string(statusId(s.status)));
    for (auto &l : layers)
        if (l.data && l.data->table() == corridorTable)
            l.data = l.data->withCategories([&](std::int64_t fid) -> std::optional<std::string> {
                const auto it = byFid.find(fid);
                if (it == byFid.end())
                    return std::nullopt;
                return it->second;
            });
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
