#include "pgroles.h"

#include <algorithm>
#include <array>

namespace planlines::geodata {

namespace {
// As roles.sql grants them.
constexpr std::array<std::string_view, 3> kLogs = {"corridor_progress", "check_records",
                                                   "audit_log"};
constexpr std::array<std::string_view, 3> kRegistry = {"layers", "layer_fields", "layer_versions"};
bool among(std::string_view object, const std::array<std::string_view, 3> &tables)
{
    return std::find(tables.begin(), tables.end(), object) != tables.end();
}
} // namespace

std::string_view pgRoleGranting(std::string_view privilege, std::string_view object)
{
    if (privilege == "SELECT")
        return kPgViewerRole;
    if (among(object, kLogs))
        return privilege == "INSERT" ? kPgEditorRole : std::string_view{};
    // Site layers: their registry rows (the row policies keep an editor to role 'site').
    if (among(object, kRegistry) && (privilege == "INSERT" || privilege == "UPDATE"))
        return kPgEditorRole;
    if (privilege == "CREATE" && object.starts_with("schema "))
        return kPgEditorRole; // a site layer's table
    // Anything else (replacing layers, settings, rules, deleting) is the administrator's.
    return kPgAdminRole;
}

} // namespace planlines::geodata
