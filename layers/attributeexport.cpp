#include "attributeexport.h"

#include <geodata/savefile.h>

#include <QFile>
#include <QTemporaryDir>

#include <xlsxwriter.h>

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
    // libxlsxwriter writes a file of its own: built in a temporary directory, then saved over
    // the target whole.
    QTemporaryDir dir;
    if (!dir.isValid())
        throw geodata::Error(
            "cannot make a temporary directory: " + dir.errorString().toStdString(), path);
    const std::string work = dir.filePath(QStringLiteral("table.xlsx")).toStdString();
    const std::string tmp = dir.path().toStdString();
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE; // rows are streamed: a million rows in little memory
    options.tmpdir = const_cast<char *>(tmp.c_str());
    lxw_workbook *book = workbook_new_opt(work.c_str(), &options);
    if (!book)
        throw geodata::Error("cannot create the workbook", path);
    lxw_worksheet *sheet = workbook_add_worksheet(book, table.layer().name.substr(0, 31).c_str());
    if (!sheet)
        sheet = workbook_add_worksheet(book, nullptr); // a name Excel refuses ([]:*?/\)
    lxw_format *bold = workbook_add_format(book);
    format_set_bold(bold);
    const auto &columns = table.columns();
    for (std::size_t c = 0; c < columns.size(); ++c) {
        worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c),
                               columns[c].label.toStdString().c_str(), bold);
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
    if (const lxw_error e = workbook_close(book); e != LXW_NO_ERROR)
        throw geodata::Error(std::string("cannot write the workbook: ") + lxw_strerror(e), path);
    QFile f(QString::fromStdString(work));
    if (!f.open(QIODevice::ReadOnly))
        throw geodata::Error("cannot read the workbook back: " + f.errorString().toStdString(),
                             path);
    const QByteArray bytes = f.readAll();
    geodata::saveFile(path, std::string_view(bytes.constData(), static_cast<size_t>(bytes.size())));
    return r - 1;
}

} // namespace planlines::layers
