// A row of a PgResult as a row reader (see the struct).
#pragma once

#include "pgconnection.h"

namespace planlines::geodata {

// One row of a result, read by column as geodata::Statement reads its current row (for row
// readers shared by both engines, such as ../progressrow.h).
struct PgRow
{
    const PgResult &result;
    int row;
    bool isNull(int col) const { return result.isNull(row, col); }
    std::int64_t int64(int col) const { return result.int64(row, col); }
    double real(int col) const { return result.real(row, col); }
    std::string text(int col) const { return result.text(row, col); }
};

} // namespace planlines::geodata
