// The Chinese aliases of the standard field codes (三调 and the planning database, DOMAIN.md):
// BSM → 标识码, DLBM → 地类编码, … Staff read the alias; the table keeps the code.
#pragma once

#include <string>
#include <string_view>

namespace planlines::geodata::import {

// The alias of a field code (case-insensitive), or "" when it is not a standard code.
std::string_view fieldAlias(std::string_view fieldName);

} // namespace planlines::geodata::import
