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
    };
    // By PostScript name (NotoSansCJKsc-Regular), as the PDF's /BaseFont says.
    const std::map<std::string, Face> &faces() const { return m_faces; }

private:
    std::map<std::string, Face> m_faces;
};

// Rewrites the ToUnicode maps of the fonts the recorder knows in pdf (a whole file as QPdfWriter
// wrote it). Returns false, leaving pdf as it was, when the file does not have the expected
// structure or the recorded glyphs do not agree with the subset (then Qt's maps stay).
bool fixToUnicode(QByteArray &pdf, const PdfTextRecorder &recorder, QString *why = nullptr);

// Where Qt's own maps stay (fixToUnicode could not apply): every entry that names a Kangxi or
// supplementary radical or a CJK compatibility ideograph (the lowest code point of a glyph the
// unified ideograph shares: ⽬ for 目) is set to its compatibility form's ideograph (NFKC), in
// place (the same number of bytes, so offsets hold). Returns how many entries were changed.
int repairRadicalsInToUnicode(QByteArray &pdf);

} // namespace planlines::layers::sheet
