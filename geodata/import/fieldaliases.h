// The Chinese aliases of the standard field codes (三调 and the planning database, DOMAIN.md):
// BSM → 标识码, DLBM → 地类编码, … Staff read the alias; the table keeps the code.
#pragma once

#include <string>
#include <string_view>

namespace planlines::geodata::import {

// The alias of a field code (case-insensitive), or "" when it is not a standard code.
std::string_view fieldAlias(std::string_view fieldName);

} // namespace planlines::geodata::import

#include "../project.h"

#include <vector>

namespace planlines::geodata::import {

// At most this many source fields fit in a layer table: SQLite's limit of 2 000 columns, less
// the table's own fid and geom.
inline constexpr std::size_t kMaxSourceFields = 1998;

// Makes source field names usable as the columns of a layer table, in place: a name the table
// uses itself (fid, geom) or that SQLite, SpatiaLite or GDAL give a meaning (rowid, oid,
// _rowid_, ogc_fid, geometry) becomes "src_<name>"; a name equal to an earlier one but for case
// (SQLite's names are case-blind) gets "_2", "_3" …. A renamed field keeps its original name as
// its alias unless it has a standard one. Returns what was renamed, "FID stored as src_FID (…)",
// for the report.
std::vector<std::string> makeColumnNames(std::vector<FieldDef> &fields);

} // namespace planlines::geodata::import
