#include "rolerecognizer.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>

namespace planlines::geodata::import {

namespace {

std::string upper(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return s;
}

struct NameRule
{
    const char *name;
    Role role;
};

// Standard layer codes of the 三调 and the county planning database. XZQJX (boundary lines)
// is a line layer but still the township boundary; GDBHMB (耕地保护目标) is the farmland
// protection target, read as basic farmland.
constexpr NameRule kNames[] = {
    {"DLTB", Role::Landuse},         {"XZQ", Role::Township},
    {"XZQJX", Role::Township},       {"YJJBNTTB", Role::BasicFarmland},
    {"YJJBNT", Role::BasicFarmland}, {"YJJBNTBHTB", Role::BasicFarmland},
    {"GDBHMB", Role::BasicFarmland}, {"STBHHX", Role::EcoRedline},
    {"CZKFBJ", Role::UrbanBoundary}, {"HJZHGKDY", Role::ControlUnit},
    {"ZHGKDY", Role::ControlUnit},
};

struct FieldRule
{
    std::initializer_list<const char *> all; // every one of these fields
    Role role;
    bool needsPolygons;
};

// Checked in order: the most specific sets first.
const FieldRule kFields[] = {
    {{"YJJBNTTBBH"}, Role::BasicFarmland, false}, {{"DLBM", "TBMJ"}, Role::Landuse, false},
    {{"HXMC"}, Role::EcoRedline, false},          {{"HXLX"}, Role::EcoRedline, false},
    {{"HJZHGKDYBM"}, Role::ControlUnit, false},   {{"ZHGKDYFL"}, Role::ControlUnit, false},
    {{"GHFQDM"}, Role::UrbanBoundary, false},     {{"GHFQMC"}, Role::UrbanBoundary, false},
    {{"SEGID"}, Role::Corridor, false},           {{"QDZH"}, Role::Corridor, false},
    {{"XZQDM", "XZQMC"}, Role::Township, true},   {{"XMMC"}, Role::Site, false},
};

// The base name of a layer: "DLTB", "dltb_2023" → "DLTB" (a code followed by a separator).
bool nameMatches(const std::string &layer, const std::string &code)
{
    if (layer == code)
        return true;
    if (layer.size() > code.size() && layer.compare(0, code.size(), code) == 0) {
        const char next = layer[code.size()];
        return next == '_' || next == '-' || next == ' ' || next == '.' ||
               std::isdigit(static_cast<unsigned char>(next));
    }
    return false;
}

} // namespace

std::optional<RoleMatch> RoleRecognizer::recognize(const std::string &layerName,
                                                   const std::vector<std::string> &fieldNames,
                                                   bool polygonal)
{
    const std::string name = upper(layerName);
    // Longest code first so YJJBNTTB is not read as YJJBNT.
    const NameRule *best = nullptr;
    for (const auto &rule : kNames)
        if (nameMatches(name, rule.name) &&
            (!best || std::string_view(rule.name).size() > std::string_view(best->name).size()))
            best = &rule;
    if (best)
        return RoleMatch{best->role, std::string("layer name ") + best->name};

    std::vector<std::string> fields;
    for (const auto &f : fieldNames)
        fields.push_back(upper(f));
    auto has = [&](const char *f) {
        return std::find(fields.begin(), fields.end(), f) != fields.end();
    };
    for (const auto &rule : kFields) {
        if (rule.needsPolygons && !polygonal)
            continue;
        if (!std::all_of(rule.all.begin(), rule.all.end(), has))
            continue;
        std::string reason = rule.all.size() > 1 ? "fields " : "field ";
        for (auto it = rule.all.begin(); it != rule.all.end(); ++it)
            reason += (it == rule.all.begin() ? "" : " and ") + std::string(*it);
        return RoleMatch{rule.role, reason};
    }
    return std::nullopt;
}

} // namespace planlines::geodata::import
