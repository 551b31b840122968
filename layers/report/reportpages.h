// The report's pages: the QTextDocument laid out on A4 (a 170 × 250 mm text block), with every
// heading and caption moved until it shares its page with what follows (reportpdf.cpp). Apart
// from the PDF writer, for tests that place things on pages.
#pragma once

#include "reporttext.h"

class QPaintDevice;
class QPdfWriter;

namespace planlines::layers::report {

// A4 portrait without printer margins at the report's resolution, titled from document.
void setUpReportWriter(QPdfWriter &writer, const Document &document);

// Laid out on device's pages (a writer set up as above). keepTogether false: as Qt places it,
// nothing moved.
ReportText paginateReport(const Document &document, QPaintDevice &device, bool keepTogether = true);

struct PagePlace
{
    int page = 0;           // 0-based
    double fromPageTop = 0; // the first line's top below its page's top, device pixels
};
// Where the first line of the block holding position is, in a laid-out document.
PagePlace placeOf(QTextDocument &doc, int position);

} // namespace planlines::layers::report
