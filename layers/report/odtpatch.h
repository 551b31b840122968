// What Qt 6.4's ODF writer leaves out of a report, put back into the content.xml it wrote, so
// the file reads in WPS and Word as the PDF does: headings as outline headings (text:h, seen in
// the navigation pane), headings and captions kept with the next paragraph, the tables' header
// rows repeated on every page (table:table-header-rows) and shaded; and a styles.xml with the
// A4 page and its footer (the unit and the record left, 第 N 页 共 M 页 right, as the PDF's),
// which Qt does not write at all. The package is read and written again entry by entry (zlib),
// every other entry as Qt wrote it.
#pragma once

#include <QByteArray>
#include <QString>

#include <map>
#include <set>
#include <vector>

class QTextDocument;

namespace planlines::layers::report {

struct OdtPatch
{
    std::vector<int> headerRows; // per table, in document order
    std::map<int, int> headings; // paragraph style p<index> → outline level
    std::set<int> keepWithNext;  // paragraph styles p<index>
    std::set<int> shadedCells;   // table-cell styles T<index>
    QString footerLeft;          // the page footer's left part (the unit, the record number)
};

// From the document the ODT was written from: headings by their block format's heading level,
// captions and figures by kKeepWithNext on their block format, header cells by kShaded on
// their cell format (reporttext.cpp sets both). footerLeft is left for the caller.
OdtPatch odtPatchFor(const QTextDocument &doc);

// The ODT package odt with patch applied to its content.xml. Throws geodata::Error when the
// package is not as Qt writes it.
QByteArray patchOdt(const QByteArray &odt, const OdtPatch &patch);

} // namespace planlines::layers::report
