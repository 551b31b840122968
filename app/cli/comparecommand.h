// `planlines compare`: land-use change between two versions of a layer (two survey years) or
// two land-use layers (geodata/landuse/changeanalysis.h), as a summary, JSON, CSV files, an
// XLSX workbook and a stored layer of the change polygons.
#pragma once

#include <geodata/landuse/changetables.h>

#include <string>
#include <vector>

namespace planlines::cli {

// The tables as the sheets of one workbook (libxlsxwriter), written whole or not at all.
// Throws geodata::Error naming the file.
void writeXlsxTables(const std::vector<geodata::landuse::Table> &tables, const std::string &path);

} // namespace planlines::cli
