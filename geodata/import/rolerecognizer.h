// Recognises a source layer's thematic role from the standard layer codes (DLTB, YJJBNTTB,
// STBHHX, …) and field sets (DLBM + TBMJ, YJJBNTTBBH, …) of DOMAIN.md, case-insensitively,
// and says why; nullopt when nothing is recognised (the caller then asks, or needs --role).
#pragma once

#include "../role.h"

#include <optional>
#include <string>
#include <vector>

namespace planlines::geodata::import {

struct RoleMatch
{
    Role role = Role::Context;
    std::string reason; // "layer name DLTB", "fields DLBM and TBMJ"
};

class RoleRecognizer
{
public:
    // polygonal: whether the layer holds polygons (township needs them).
    static std::optional<RoleMatch> recognize(const std::string &layerName,
                                              const std::vector<std::string> &fieldNames,
                                              bool polygonal);
};

} // namespace planlines::geodata::import
