// The land-use change tables (geodata/landuse/changetables.h) as the sheets of one XLSX
// workbook (libxlsxwriter), for `planlines compare --xlsx` and the window's 变更分析 panel.
#pragma once

#include <geodata/landuse/changetables.h>

#include <string>
#include <vector>

namespace planlines::layers {

// Written whole or not at all (geodata/savefile). Throws geodata::Error naming the file.
void writeXlsxTables(const std::vector<geodata::landuse::Table> &tables, const std::string &path);

} // namespace planlines::layers
