#include "reportwriter.h"
#include "reportformats.h"

#include <geodata/error.h>
#include <geodata/savefile.h>

#include <QFileInfo>

namespace planlines::layers::report {

QStringList reportFormats()
{
    return {QStringLiteral("pdf"), QStringLiteral("odt"), QStringLiteral("html"),
            QStringLiteral("xlsx")};
}

void writeReport(const Document &document, const QString &path)
{
    const std::string file = path.toStdString();
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (!reportFormats().contains(suffix))
        throw geodata::Error("unknown report format \"." + suffix.toStdString() +
                                 "\": the file name must end in .pdf, .odt, .html or .xlsx",
                             file);
    // A folder that is not there fails before the work, with the words saveFile would use.
    const QFileInfo dir(QFileInfo(path).absolutePath());
    if (!dir.isDir())
        throw geodata::Error(
            "cannot write: the folder " + dir.filePath().toStdString() + " does not exist", file);
    if (suffix == QLatin1String("xlsx")) {
        writeReportXlsx(document, file);
        return;
    }
    const QByteArray bytes = suffix == QLatin1String("pdf")   ? reportPdf(document)
                             : suffix == QLatin1String("odt") ? reportOdt(document)
                                                              : reportHtml(document);
    geodata::saveFile(file, std::string_view(bytes.constData(), std::size_t(bytes.size())));
}

} // namespace planlines::layers::report
