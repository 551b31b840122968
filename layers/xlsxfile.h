// One XLSX workbook written through libxlsxwriter and saved whole or not at all: the library
// writes a file of its own, so the workbook is built in a temporary directory and its bytes
// are then saved over the target (geodata/savefile). Shared by the attribute table's export,
// the land-use change tables and the review report's tables.
#pragma once

#include <QTemporaryDir>

#include <string>

#include <xlsxwriter.h>

namespace planlines::layers {

class XlsxFile
{
public:
    // constantMemory streams rows (written in order, a million rows in little memory) but
    // writes strings inline; without it strings go to the shared-string table, which every
    // reader expects, and cells may be written in any order. Throws geodata::Error naming path.
    explicit XlsxFile(std::string path, bool constantMemory = true);
    // Closes an unsaved workbook into the temporary directory, which is then removed: nothing
    // is written at the target.
    ~XlsxFile();
    XlsxFile(const XlsxFile &) = delete;
    XlsxFile &operator=(const XlsxFile &) = delete;

    lxw_workbook *book() const { return m_book; }
    const std::string &path() const { return m_path; }
    // A bold format of this workbook (header rows).
    lxw_format *bold() const { return m_bold; }
    // A sheet named name (at most 31 characters, none of []:*?/\ and not used yet, as Excel
    // requires: sheetName() makes one); a sheet of the library's default name when Excel would
    // refuse name.
    lxw_worksheet *addSheet(const std::string &name);

    // Closes the workbook and saves it over the target. Throws geodata::Error naming the file
    // and the cause; the target is then as it was.
    void save();

private:
    std::string m_path;
    QTemporaryDir m_dir;
    std::string m_work;
    std::string m_tmp;
    lxw_workbook *m_book = nullptr;
    lxw_format *m_bold = nullptr;
};

} // namespace planlines::layers
