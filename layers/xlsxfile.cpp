#include "xlsxfile.h"

#include <geodata/error.h>
#include <geodata/savefile.h>

#include <QFile>

namespace planlines::layers {

XlsxFile::XlsxFile(std::string path, bool constantMemory) : m_path(std::move(path))
{
    if (!m_dir.isValid())
        throw geodata::Error(
            "cannot make a temporary directory: " + m_dir.errorString().toStdString(), m_path);
    m_work = m_dir.filePath(QStringLiteral("book.xlsx")).toStdString();
    m_tmp = m_dir.path().toStdString();
    lxw_workbook_options options{};
    options.constant_memory = constantMemory ? LXW_TRUE : LXW_FALSE;
    options.tmpdir = m_tmp.data();
    m_book = workbook_new_opt(m_work.c_str(), &options);
    if (!m_book)
        throw geodata::Error("cannot create the workbook", m_path);
    m_bold = workbook_add_format(m_book);
    format_set_bold(m_bold);
}

XlsxFile::~XlsxFile()
{
    // workbook_close also frees the workbook; its file goes with the temporary directory.
    if (m_book)
        workbook_close(m_book);
}

lxw_worksheet *XlsxFile::addSheet(const std::string &name)
{
    if (lxw_worksheet *sheet = workbook_add_worksheet(m_book, name.c_str()))
        return sheet;
    return workbook_add_worksheet(m_book, nullptr); // a name Excel refuses ([]:*?/\)
}

void XlsxFile::save()
{
    lxw_workbook *book = m_book;
    m_book = nullptr; // closed (and freed) whatever the result
    if (const lxw_error e = workbook_close(book); e != LXW_NO_ERROR)
        throw geodata::Error(std::string("cannot write the workbook: ") + lxw_strerror(e), m_path);
    QFile f(QString::fromStdString(m_work));
    if (!f.open(QIODevice::ReadOnly))
        throw geodata::Error("cannot read the workbook back: " + f.errorString().toStdString(),
                             m_path);
    const QByteArray bytes = f.readAll();
    if (bytes.size() != f.size())
        throw geodata::Error("cannot read the workbook back: " + f.errorString().toStdString(),
                             m_path);
    geodata::saveFile(m_path,
                      std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
}

} // namespace planlines::layers
