#include "changexlsx.h"

#include <geodata/error.h>
#include <geodata/savefile.h>

#include <QFile>
#include <QTemporaryDir>

#include <xlsxwriter.h>

#include <algorithm>

namespace planlines::layers {

using geodata::landuse::Table;

void writeXlsxTables(const std::vector<Table> &tables, const std::string &path)
{
    // libxlsxwriter writes a file of its own: built in a temporary directory, then saved over
    // the target whole.
    QTemporaryDir dir;
    if (!dir.isValid())
        throw geodata::Error(
            "cannot make a temporary directory: " + dir.errorString().toStdString(), path);
    const std::string work = dir.filePath(QStringLiteral("compare.xlsx")).toStdString();
    const std::string tmp = dir.path().toStdString();
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    options.tmpdir = const_cast<char *>(tmp.c_str());
    lxw_workbook *book = workbook_new_opt(work.c_str(), &options);
    if (!book)
        throw geodata::Error("cannot create the workbook", path);
    lxw_format *bold = workbook_add_format(book);
    format_set_bold(bold);
    for (const auto &t : tables) {
        if (t.rows.size() >= 1048576)
            throw geodata::Error("sheet " + t.sheet + " has " + std::to_string(t.rows.size()) +
                                     " rows, more than an Excel sheet holds: use --csv",
                                 path);
        lxw_worksheet *sheet = workbook_add_worksheet(book, t.sheet.c_str());
        for (std::size_t c = 0; c < t.headers.size(); ++c) {
            const auto col = static_cast<lxw_col_t>(c);
            worksheet_write_string(sheet, 0, col, t.headers[c].c_str(), bold);
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
    if (const lxw_error e = workbook_close(book); e != LXW_NO_ERROR)
        throw geodata::Error(std::string("cannot write the workbook: ") + lxw_strerror(e), path);
    QFile f(QString::fromStdString(work));
    if (!f.open(QIODevice::ReadOnly))
        throw geodata::Error("cannot read the workbook back: " + f.errorString().toStdString(),
                             path);
    const QByteArray bytes = f.readAll();
    geodata::saveFile(path, std::string_view(bytes.constData(), static_cast<size_t>(bytes.size())));
}

} // namespace planlines::layers
