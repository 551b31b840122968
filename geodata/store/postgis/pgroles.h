// The three group roles of a PlanLines database on PostgreSQL (granted by `planlines db init`,
// geodata/sql/postgis/roles.sql): a person's login role is made a member of one of them.
//   planlines_viewer  reads everything
//   planlines_editor  + corridor progress entries, check records, audit rows, site layers
//   planlines_admin   + every layer (replacing one), settings, rules
#pragma once

#include <string_view>

namespace planlines::geodata {

inline constexpr std::string_view kPgViewerRole = "planlines_viewer";
inline constexpr std::string_view kPgEditorRole = "planlines_editor";
inline constexpr std::string_view kPgAdminRole = "planlines_admin";

// The least of the three roles that holds privilege (SELECT, INSERT, UPDATE, CREATE …) on
// object (a table name, or "schema NAME"), as roles.sql grants it: for refusals that name the
// role a person needs. Empty when none does: the logs (progress, check records, audit) are
// append-only for everyone.
std::string_view pgRoleGranting(std::string_view privilege, std::string_view object);

} // namespace planlines::geodata
