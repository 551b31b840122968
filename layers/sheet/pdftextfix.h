// Makes the text of a Qt-written PDF extractable. Qt 6.4's PDF engine embeds the CJK font
// (Noto Sans CJK, as a CID TrueType subset) but builds each font's ToUnicode map by searching
// the font's cmap for the lowest code point of every glyph: 高 comes out as the Kangxi radical
// ⾼ (U+2FBC), a space as a tab, and some runs are left out, so pdftotext and search fail.
// PdfTextRecorder notes, in drawing order, which glyphs each text drew for which characters;
// the subset numbers glyphs in that same first-use order, so fixToUnicode() can write each
// font's ToUnicode map anew and rebuild the cross-reference table.
#pragma once

#include <QByteArray>
#include <QFont>
#include <QRawFont>
#include <QString>

#include <map>
#include <string>
#include <vector>

class QPaintDevice;

namespace planlines::layers::sheet {

class PdfTextRecorder
{
public:
    // The glyphs Qt will draw for text in font (shaped as QPainter::drawText does).
    void record(const QString &text, const QFont &font, QPaintDevice *device);

    struct Face
    {
        std::vector<quint32> glyphs;     // first-use order = the subset's numbering from 1
        std::map<quint32, QString> text; // glyph -> the characters it shows
        QRawFont font;                   // to check Qt's map against the font's cmap
        // Digits' forms that a run beginning with a digit would take after the run before it
        // or after a letter (context the run alone does not show), each with the number of
        // glyphs recorded when that run was drawn.
        struct Form
        {
            std::size_t at = 0;
            quint32 glyph = 0;
            QString text;
        };
        std::vector<Form> contextual;
    };
    // By PostScript name (NotoSansCJKsc-Regular), as the PDF's /BaseFont says.
    const std::map<std::string, Face> &faces() const { return m_faces; }

private:
    std::map<std::string, Face> m_faces;
    QString m_previous; // the text of the run recorded before
};

// The text of each glyph of a subset (index = subset number, 0 = .notdef) from Qt's own
// ToUnicode map of it (qtCmap, the object's text) and the recording, or empty when the recording
// does not describe the file. Qt numbers glyphs in first-use order and maps each to the lowest
// code point the font's cmap gives it, which names the glyph exactly (through the cmap); a
// glyph without a code point (a digit after Latin letters, a contextual form) is not in Qt's
// map and is taken from the recording's own first-use order after its named neighbour. The
// recording shapes each run alone, without the characters around it, so the document may use a
// contextual form the recording did not draw (85.94 after STBH0004 on the line before): then
// the form noted for that moment (Face::contextual) is taken; a glyph with neither stays
// without text (one character lost, not the map).
std::vector<QString> subsetText(const QString &qtCmap, const PdfTextRecorder::Face &face);

// Rewrites the ToUnicode maps of the fonts the recorder knows in pdf (a whole file as QPdfWriter
// wrote it). Returns false, leaving pdf as it was, when the file does not have the expected
// structure or the recording is not of this file (subsetText; then Qt's maps stay).
bool fixToUnicode(QByteArray &pdf, const PdfTextRecorder &recorder, QString *why = nullptr);

// fixToUnicode, and where it cannot apply, repairRadicalsInToUnicode, with a warning naming
// why: what every PDF writer that records its text calls once the file is written.
void applyTextFix(QByteArray &pdf, const PdfTextRecorder &recorder);

// Where Qt's own maps stay (fixToUnicode could not apply): every entry that names a Kangxi or
// supplementary radical or a CJK compatibility ideograph (the lowest code point of a glyph the
// unified ideograph shares: ⽬ for 目) is set to its compatibility form's ideograph (NFKC), in
// place (the same number of bytes, so offsets hold). Returns how many entries were changed.
int repairRadicalsInToUnicode(QByteArray &pdf);

} // namespace planlines::layers::sheet
