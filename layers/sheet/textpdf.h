// A PDF whose text can be searched and copied, from any painting code. Qt 6.4's PDF writer
// gets the ToUnicode maps of CJK fonts wrong (高 read back as the Kangxi radical ⾼, digits after
// a letter left out: see pdftextfix.h). writeTextPdf() paints twice with the same code: first
// onto a device that only notes, in drawing order, the text each run draws (PdfTextRecorder),
// then onto the PDF; fixToUnicode() then writes the maps anew from the notes. The painting
// code needs nothing special: QPainter::drawText and QTextDocument both work.
#pragma once

#include <QByteArray>
#include <QString>

#include <functional>

class QPainter;
class QPdfWriter;

namespace planlines::layers::sheet {

// Draws the document with painter; calls newPage() between pages. It must draw the same
// things each time it is called.
using PdfPainter = std::function<void(QPainter &painter, const std::function<void()> &newPage)>;

// Returns the PDF's bytes. setup configures the writer (page layout, resolution, title) before
// anything is drawn. Throws geodata::Error when the painter cannot start. When the notes do not
// agree with the file (why says how), Qt's maps are kept and a warning is logged.
QByteArray writeTextPdf(const std::function<void(QPdfWriter &)> &setup, const PdfPainter &paint);

} // namespace planlines::layers::sheet
