#include "role.h"

namespace planlines::geodata {

namespace {
struct RoleInfo
{
    Role role;
    std::string_view id, zh, en;
};
constexpr std::array<RoleInfo, 9> kRoles = {{
    {Role::Township, "township", "乡镇行政区", "Townships"},
    {Role::Landuse, "landuse", "地类图斑", "Land-use parcels"},
    {Role::BasicFarmland, "basic_farmland", "永久基本农田", "Permanent basic farmland"},
    {Role::EcoRedline, "eco_redline", "生态保护红线", "Ecological protection red line"},
    {Role::UrbanBoundary, "urban_boundary", "城镇开发边界", "Urban development boundary"},
    {Role::ControlUnit, "control_unit", "环境管控单元", "Environmental control units"},
    {Role::Corridor, "corridor", "淤背区生态廊道", "Silt-back ecological corridor"},
    {Role::Site, "site", "项目选址", "Project sites"},
    {Role::Context, "context", "基础地理", "Context"},
}};
} // namespace

std::string_view roleId(Role role)
{
    return kRoles[static_cast<size_t>(role)].id;
}
std::string_view roleLabelZh(Role role)
{
    return kRoles[static_cast<size_t>(role)].zh;
}
std::string_view roleLabelEn(Role role)
{
    return kRoles[static_cast<size_t>(role)].en;
}

std::optional<Role> roleFromId(std::string_view id)
{
    for (const auto &r : kRoles)
        if (r.id == id)
            return r.role;
    return std::nullopt;
}

} // namespace planlines::geodata
