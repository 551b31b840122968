#include "attributeexport.h"

#include "xlsxfile.h"

#include <geodata/error.h>
#include <geodata/savefile.h>

namespace planlines::layers {

namespace {

void appendCsvField(std::string &out, const QString &value)
{
    const std::string v = value.toStdString();
    if (v.find_first_of(",\"\r\n") == std::string::npos) {
        out += v;
        return;
    }
    out += '"';
    for (const char c : v) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

bool numeric(const AttributeColumn &c)
{
    return c.type == geodata::FieldType::Integer || c.type == geodata::FieldType::Real;
}

} // namespace

std::size_t exportCsv(AttributeTable &table, const std::string &path)
{
    std::string out = "\xEF\xBB\xBF";
    const auto &columns = table.columns();
    for (std::size_t c = 0; c < columns.size(); ++c) {
        if (c)
            out += ',';
        appendCsvField(out, columns[c].label);
    }
    out += "\r\n"; // Excel's line end
    std::size_t rows = 0;
    table.forEachRow([&](const std::vector<QString> &values) {
        for (std::size_t c = 0; c < values.size(); ++c) {
            if (c)
                out += ',';
            appendCsvField(out, values[c]);
        }
        out += "\r\n";
        ++rows;
    });
    geodata::saveFile(path, out);
    return rows;
}

std::size_t exportXlsx(AttributeTable &table, const std::string &path)
{
    if (table.rowCount() > kXlsxMaxRows)
        throw geodata::Error("an Excel sheet holds at most " + std::to_string(kXlsxMaxRows) +
                                 " rows, the table shows " + std::to_string(table.rowCount()) +
                                 ": filter it, or export CSV",
                             path);
    XlsxFile file(path); // rows are streamed: a million rows in little memory
    lxw_worksheet *sheet = file.addSheet(table.layer().name.substr(0, 31));
    const auto &columns = table.columns();
    for (std::size_t c = 0; c < columns.size(); ++c) {
        worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c),
                               columns[c].label.toStdString().c_str(), file.bold());
        worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                             std::max(10, static_cast<int>(columns[c].label.size()) * 2 + 2),
                             nullptr);
    }
    worksheet_freeze_panes(sheet, 1, 0);
    lxw_row_t r = 1;
    table.forEachRow([&](const std::vector<QString> &values) {
        for (std::size_t c = 0; c < values.size(); ++c) {
            const auto col = static_cast<lxw_col_t>(c);
            if (values[c].isEmpty())
                continue;
            bool ok = false;
            const double number = numeric(columns[c]) ? values[c].toDouble(&ok) : 0;
            if (ok)
                worksheet_write_number(sheet, r, col, number, nullptr);
            else
                worksheet_write_string(sheet, r, col, values[c].toStdString().c_str(), nullptr);
        }
        ++r;
    });
    file.save();
    return r - 1;
}

} // namespace planlines::layers
