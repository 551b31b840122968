// The review report's four formats, each the whole file's bytes (reportwriter.cpp saves them
// through a temporary file beside the target) or, for XLSX, the file itself.
#pragma once

#include "reportdocument.h"

#include <QByteArray>
#include <QString>

#include <string>

namespace planlines::layers::report {

// How wide a text sets, in ems of the body font: a Chinese character 1, a Latin letter or a
// digit about half. The ODT/PDF tables share their widths out by it, the XLSX sizes columns.
inline double textEms(const QString &text)
{
    double ems = 0;
    for (const QChar c : text)
        ems += c.unicode() < 0x2E80 ? 0.55 : 1.0;
    return ems;
}

// A4 portrait, text extractable, fonts embedded, every page with the unit, footerLeft and
// 第 N 页 共 M 页; headings and captions kept with what follows (reportpdf.cpp).
QByteArray reportPdf(const Document &document);
// OpenDocument text through QTextDocumentWriter (reportodt.cpp).
QByteArray reportOdt(const Document &document);
// One self-contained UTF-8 HTML file, the images as data: URIs, print CSS (reporthtml.cpp).
QByteArray reportHtml(const Document &document);
// One sheet per table after a 概要 sheet (reportxlsx.cpp); written whole or not at all.
void writeReportXlsx(const Document &document, const std::string &path);

} // namespace planlines::layers::report
