// The check-result table of a site's sheet: the latest check record of the site (by its name),
// as the rows of the sheet's table block — the verdict, the site's area and its overlap with
// each control line (m², 亩, share of the site) and the rules that did not pass.
#pragma once

#include "sheetspec.h"

#include <geodata/check/checkrecords.h>

#include <optional>

namespace planlines::layers::sheet {

struct CheckTable
{
    QString title; // 选址检查结果（记录 #12，2026-11-30）
    std::vector<QStringList> rows;
};

// The table of one record's stored result.
CheckTable checkTableFrom(const geodata::check::CheckRecord &record);

// The latest record (highest id) whose site name is siteName, or nothing.
std::optional<geodata::check::CheckRecord> latestCheckRecord(geodata::Project &project,
                                                             const QString &siteName);

// Gives each sheet whose title names a site with a check record that record's table (a batch
// of sites: atlasSheets titles each sheet with its site's name). Returns how many got one.
int attachCheckTables(geodata::Project &project, std::vector<SheetSpec> &sheets);

} // namespace planlines::layers::sheet
