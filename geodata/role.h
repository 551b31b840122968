// Thematic roles: what the program understands a layer to be, whatever the file called it.
// The identifiers are stable: they appear in the database, the CLI, JSON and style files.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace planlines::geodata {

enum class Role
{
    Township,
    Landuse,
    BasicFarmland,
    EcoRedline,
    UrbanBoundary,
    ControlUnit,
    Corridor,
    Site,
    Context,
};

inline constexpr std::array kAllRoles = {Role::Township,   Role::Landuse,       Role::BasicFarmland,
                                         Role::EcoRedline, Role::UrbanBoundary, Role::ControlUnit,
                                         Role::Corridor,   Role::Site,          Role::Context};

// "township", "landuse", "basic_farmland", … (stable).
std::string_view roleId(Role role);
std::optional<Role> roleFromId(std::string_view id);
// The Chinese name staff use (乡镇行政区, 地类图斑, 永久基本农田, …), UTF-8.
std::string_view roleLabelZh(Role role);
std::string_view roleLabelEn(Role role);

} // namespace planlines::geodata
