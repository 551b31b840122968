// The attribute table's rows as shown (its query's order and filter) written to a file staff
// open in Excel: CSV in UTF-8 with a byte-order mark (Excel in China reads a CSV without one as
// GBK) and XLSX through libxlsxwriter. Either file is whole or not written (geodata/savefile).
#pragma once

#include "attributetable.h"

#include <string>

namespace planlines::layers {

// Excel's sheet has 1 048 576 rows, the header one of them.
constexpr std::size_t kXlsxMaxRows = 1048575;

// Both throw geodata::Error naming the file and the cause; XLSX also when the rows exceed a
// sheet. Return the number of rows written.
std::size_t exportCsv(AttributeTable &table, const std::string &path);
std::size_t exportXlsx(AttributeTable &table, const std::string &path);

} // namespace planlines::layers
