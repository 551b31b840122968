#include "changexlsx.h"

#include "xlsxfile.h"

#include <geodata/error.h>

#include <algorithm>

namespace planlines::layers {

using geodata::landuse::Table;

void writeXlsxTables(const std::vector<Table> &tables, const std::string &path)
{
    XlsxFile file(path);
    for (const auto &t : tables) {
        if (t.rows.size() >= 1048576)
            throw geodata::Error("sheet " + t.sheet + " has " + std::to_string(t.rows.size()) +
                                     " rows, more than an Excel sheet holds: use --csv",
                                 path);
        lxw_worksheet *sheet = file.addSheet(t.sheet);
        for (std::size_t c = 0; c < t.headers.size(); ++c) {
            const auto col = static_cast<lxw_col_t>(c);
            worksheet_write_string(sheet, 0, col, t.headers[c].c_str(), file.bold());
            worksheet_set_column(sheet, col, col,
                                 std::max(10.0, static_cast<double>(t.headers[c].size()) * 0.8),
                                 nullptr);
        }
        worksheet_freeze_panes(sheet, 1, 1);
        lxw_row_t r = 1;
        for (const auto &row : t.rows) {
            for (std::size_t c = 0; c < row.size(); ++c) {
                const auto col = static_cast<lxw_col_t>(c);
                const auto &v = row[c].value;
                if (const auto *s = std::get_if<std::string>(&v)) {
                    if (!s->empty())
                        worksheet_write_string(sheet, r, col, s->c_str(), nullptr);
                } else if (const auto *i = std::get_if<std::int64_t>(&v)) {
                    worksheet_write_number(sheet, r, col, static_cast<double>(*i), nullptr);
                } else {
                    worksheet_write_number(sheet, r, col, std::get<double>(v), nullptr);
                }
            }
            ++r;
        }
    }
    file.save();
}

} // namespace planlines::layers
