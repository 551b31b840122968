// The corridor drawn by status on a date: the corridor layer's features take their category
// from each segment's status on that date (planned, under_construction, …, none) instead of the
// table's ZT field, so the role's categorized style (styles/corridor.json) colours them.
#pragma once

#include "../maprenderer.h"
#include "../projectmap.h"

#include <geodata/corridor/corridorstate.h>

#include <vector>

namespace planlines::layers::corridor {

// layers with each layer of table state's corridor table replaced by a copy categorised by
// status and moved up, over every layer but the sites (so the levee, the county line and the
// red line's hatch do not cover it at county scale). Other layers are passed through as they
// are.
std::vector<RenderLayer> withStatus(std::vector<RenderLayer> layers,
                                    const geodata::corridor::CorridorState &state,
                                    const std::string &corridorTable);

// The project's layers that start visible, with the corridor by status on state's date.
std::vector<RenderLayer> statusMapLayers(const ProjectMap &map,
                                         const geodata::corridor::CorridorState &state,
                                         const std::string &corridorTable);

} // namespace planlines::layers::corridor
