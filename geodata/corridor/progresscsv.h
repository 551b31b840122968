// Progress entries from a CSV file (UTF-8 or GBK): one row per segment or chainage range
// (K1+200-K3+400 applies to every segment the range overlaps), with a date, a status and
// optionally percent, planted area, note and photos. The file is applied whole or not at all:
// any bad row refuses the whole file, and every bad row is reported with its line number.
#pragma once

#include "progressrecorder.h"

#include <string>
#include <vector>

namespace planlines::geodata::corridor {

struct CsvRowError
{
    int line = 0; // line of the file (the header is line 1)
    std::string reason;
};

struct ProgressCsvResult
{
    std::string path;
    std::string encoding;               // "UTF-8" or "GBK"
    int rows = 0;                       // data rows read
    std::vector<ProgressInput> inputs;  // after expanding chainage ranges
    std::vector<int> inputLines;        // the line each input came from
    std::vector<std::int64_t> entryIds; // written entries (empty unless applied)
    std::vector<CsvRowError> errors;
    std::vector<std::string> ignoredColumns;
    bool applied = false;
    // "path: line N: reason" per error, or what was recorded.
    std::string toText() const;
};

// Reads and validates path; when every row is good and dryRun is false, records all entries in
// one transaction (see recordProgress). Throws Error naming the file only when it cannot be read
// at all (missing, not text, no header, no segment/chainage, date or status column).
ProgressCsvResult importProgressCsv(Project &project, const Corridor &corridor,
                                    const std::string &path, bool dryRun = false);

// The column names understood (first of each row is the canonical one), for --help and docs.
std::string progressCsvColumnsHelp();

} // namespace planlines::geodata::corridor
