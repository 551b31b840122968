// A stand-in for the report writer (reportwriter.h, another branch): a Document as HTML,
// laid out by QTextDocument into a PDF (as the check report was) or written as ODT by
// QTextDocumentWriter. Goes when writeReport lands; only saveReport (sitereport.cpp) calls it.
#pragma once

#include "reportdocument.h"

#include <QString>

namespace planlines::layers::report {

// .pdf, .odt or .html; anything else throws geodata::Error naming the path.
void writeInterim(const Document &doc, const QString &path);

} // namespace planlines::layers::report
