// The review report as a QTextDocument: the one rich-text form the PDF paginates and the ODT
// writer saves. Built anew from the Document with the page fixes pagination found (a page
// break before a heading, a table continued on a new page so its 合计 row keeps company), and
// with the places that must share a page noted, so pagination can check them after layout.
#pragma once

#include "reportdocument.h"

#include <QTextDocument>
#include <QTextFormat>

#include <map>
#include <memory>
#include <set>

namespace planlines::layers::report {

// Where pagination moved things, by Document::blocks index.
struct PageFixes
{
    std::set<std::size_t> breakBefore; // a page break before the block
    // A table continued, on a new page, from each of these body rows.
    std::map<std::size_t, std::set<int>> splitAt;
};

// Two places that must be on one page: the first character of a block (a heading and the
// headings after it, a table's caption, a figure's image, a table row) and a later one (the
// first rows of the table, the first line of the paragraph, the figure's caption, the last
// line of each of the row's cells: a row is not parted across pages).
struct Keep
{
    std::size_t block = 0; // the block whose fix moves start
    int start = 0;         // document positions
    int target = 0;
    bool split = false; // fixed by splitAt (block, row), else by breakBefore (block)
    int row = 0;
};

struct ReportText
{
    std::unique_ptr<QTextDocument> doc;
    std::vector<Keep> keeps;
};

enum class TextTarget
{
    Print, // laid out by Qt (the PDF): table widths as shares of the page
    Odf    // saved by QTextDocumentWriter: widths in points, as the ODF writer writes them
};

// Marks on formats for the ODT's patch (odtpatch.h): a block kept with the next (a caption, a
// figure's image), a header cell shaded.
constexpr int kKeepWithNext = QTextFormat::UserProperty + 1;
constexpr int kShaded = QTextFormat::UserProperty + 2;

// The text width the report is set in (A4 with 20 mm margins).
constexpr double kBodyWidthMm = 170;

ReportText buildReportText(const Document &document, const PageFixes &fixes = {},
                           TextTarget target = TextTarget::Print);

// The fonts the report is set in (fonts-noto-cjk).
inline QString serifFamily()
{
    return QStringLiteral("Noto Serif CJK SC");
}
inline QString sansFamily()
{
    return QStringLiteral("Noto Sans CJK SC");
}

} // namespace planlines::layers::report
