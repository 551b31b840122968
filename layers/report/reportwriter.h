// Writes the review report (a Document, reportdocument.h) to a file, the format chosen by the
// file's suffix: .pdf (A4, printed and signed), .odt (edited in WPS or Word), .html (one
// self-contained file) or .xlsx (its tables, for figures to be reused).
#pragma once

#include "reportdocument.h"

#include <QString>
#include <QStringList>

namespace planlines::layers::report {

// The suffixes writeReport() knows, lower case without the dot: pdf, odt, html, xlsx.
QStringList reportFormats();

// Written through a temporary file beside path, renamed over it when complete. Throws
// std::runtime_error (geodata::Error) naming the file and the cause — an unknown suffix, a
// missing folder, no permission, a full disk — and then leaves no file at path (an existing
// one stays as it was). Needs a QGuiApplication (fonts) for PDF and ODT.
void writeReport(const Document &document, const QString &path);

} // namespace planlines::layers::report
