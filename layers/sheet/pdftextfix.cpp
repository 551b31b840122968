#include "pdftextfix.h"

#include <QGlyphRun>
#include <QRawFont>
#include <QRegularExpression>
#include <QTextLayout>

#include <algorithm>
#include <optional>
#include <set>
#include <string_view>
#include <utility>

namespace planlines::layers::sheet {

namespace {

quint16 be16(const char *p)
{
    return quint16((quint8(p[0]) << 8) | quint8(p[1]));
}

// The PostScript name (name id 6) from the font's 'name' table, as Qt writes it to /BaseFont.
std::string postscriptName(const QRawFont &font)
{
    const QByteArray name = font.fontTable("name");
    if (name.size() < 6)
        return font.familyName().remove(QLatin1Char(' ')).toStdString();
    const int count = be16(name.constData() + 2);
    const int strings = be16(name.constData() + 4);
    for (int i = 0; i < count; ++i) {
        const int rec = 6 + 12 * i;
        if (rec + 12 > name.size())
            break;
        const char *r = name.constData() + rec;
        const int platform = be16(r), nameId = be16(r + 6), length = be16(r + 8),
                  offset = be16(r + 10);
        if (nameId != 6 || strings + offset + length > name.size())
            continue;
        const char *s = name.constData() + strings + offset;
        if (platform == 3 || platform == 0) {
            QString out;
            for (int k = 0; k + 1 < length; k += 2)
                out += QChar(be16(s + k));
            return out.toStdString();
        }
        if (platform == 1)
            return std::string(s, std::size_t(length));
    }
    return font.familyName().remove(QLatin1Char(' ')).toStdString();
}

QByteArray hex16(QStringView utf16)
{
    QByteArray out;
    for (const QChar c : utf16)
        out += QByteArray::number(c.unicode(), 16).rightJustified(4, '0').toUpper();
    return out;
}

struct XrefEntry
{
    qint64 offset = 0;
    int generation = 0;
    char type = 'f';
};

// A bfrange entry of a ToUnicode map: <first> <last> <destination> or <first> <last> [<d> …].
const QRegularExpression &rangeEntry()
{
    static const QRegularExpression entry(
        QStringLiteral("<([0-9A-Fa-f]+)>\\s*<([0-9A-Fa-f]+)>\\s*(<[0-9A-Fa-f]+>|\\[[^\\]]*\\])"));
    return entry;
}

// Qt's entries of a ToUnicode map: subset number → the one code point Qt wrote for it.
std::map<int, char32_t> qtEntries(const QString &cmap)
{
    const QRegularExpression &entry = rangeEntry();
    static const QRegularExpression hex(QStringLiteral("<([0-9A-Fa-f]+)>"));
    std::map<int, char32_t> out;
    const qsizetype from = cmap.indexOf(QLatin1String("beginbfrange"));
    if (from < 0)
        return out;
    for (auto it = entry.globalMatch(cmap.mid(from)); it.hasNext();) {
        const auto m = it.next();
        const int first = m.captured(1).toInt(nullptr, 16), last = m.captured(2).toInt(nullptr, 16);
        const QString dst = m.captured(3);
        if (dst.startsWith(QLatin1Char('['))) {
            int k = 0;
            for (auto h = hex.globalMatch(dst); h.hasNext(); ++k)
                out[first + k] = char32_t(h.next().captured(1).toUInt(nullptr, 16));
        } else {
            const char32_t value = char32_t(dst.mid(1, dst.size() - 2).toUInt(nullptr, 16));
            for (int k = 0; first + k <= last && k < 0x10000; ++k)
                out[first + k] = value + char32_t(k);
        }
    }
    return out;
}

} // namespace

std::vector<QString> subsetText(const QString &qtCmap, const PdfTextRecorder::Face &face)
{
    const std::map<int, char32_t> entries = qtEntries(qtCmap);
    if (entries.empty())
        return {};
    const int last = entries.rbegin()->first;
    // The glyph of every subset number Qt mapped.
    std::vector<std::optional<quint32>> glyphOf(std::size_t(last) + 1);
    std::set<quint32> named;
    for (const auto &[index, code] : entries) {
        if (index <= 0 || code == 0 || code > 0xFFFF)
            continue;
        const QChar uc{char16_t(code)};
        quint32 glyph = 0;
        int n = 1;
        if (uc.isSurrogate() || !face.font.glyphIndexesForChars(&uc, 1, &glyph, &n) || glyph == 0)
            continue;
        glyphOf[std::size_t(index)] = glyph;
        named.insert(glyph);
    }
    // The recording must know (nearly) every glyph Qt named: else it is of another document.
    std::map<quint32, std::size_t> recordedAt;
    for (std::size_t i = 0; i < face.glyphs.size(); ++i)
        recordedAt.emplace(face.glyphs[i], i);
    std::size_t unknown = 0;
    for (const quint32 g : named)
        unknown += !recordedAt.count(g);
    if (named.empty() || unknown * 20 > named.size())
        return {};
    // Glyphs Qt did not name, in the recording's order after the last named glyph before them.
    std::vector<QString> text(std::max<std::size_t>(std::size_t(last), face.glyphs.size()) + 1);
    std::size_t next = 0;     // the recording's position after the last glyph placed
    std::set<quint32> placed; // glyphs Qt did not name, given a number here
    for (std::size_t index = 1; index < text.size(); ++index) {
        std::optional<quint32> glyph = index < glyphOf.size() ? glyphOf[index] : std::nullopt;
        if (glyph) {
            if (const auto at = recordedAt.find(*glyph); at != recordedAt.end())
                next = std::max(next, at->second + 1);
        } else {
            while (next < face.glyphs.size() && placed.count(face.glyphs[next]))
                ++next;
            if (next < face.glyphs.size() && !named.count(face.glyphs[next])) {
                glyph = face.glyphs[next++];
            } else {
                // A form the recording noted as a candidate for a run drawn between this
                // glyph's named neighbours (it may draw that form itself later, elsewhere).
                std::size_t upto = face.glyphs.size();
                for (std::size_t k = index + 1; k < glyphOf.size(); ++k)
                    if (glyphOf[k] && recordedAt.count(*glyphOf[k])) {
                        upto = recordedAt.at(*glyphOf[k]);
                        break;
                    }
                for (const auto &c : face.contextual)
                    if (c.at >= next && c.at <= upto && !named.count(c.glyph) &&
                        !placed.count(c.glyph)) {
                        glyph = c.glyph;
                        text[index] = c.text;
                        break;
                    }
            }
            if (glyph)
                placed.insert(*glyph);
        }
        if (!glyph || !text[index].isEmpty())
            continue;
        if (const auto t = face.text.find(*glyph); t != face.text.end())
            text[index] = t->second;
        else if (const auto e = entries.find(int(index)); e != entries.end())
            text[index] =
                QString(QChar(char16_t(e->second))).normalized(QString::NormalizationForm_KC);
    }
    return text;
}

void PdfTextRecorder::record(const QString &text, const QFont &font, QPaintDevice *device)
{
    QTextLayout layout(text, font, device);
    layout.beginLayout();
    layout.createLine();
    layout.endLayout();
    for (const QGlyphRun &run : layout.glyphRuns()) {
        const QRawFont raw = run.rawFont();
        Face &face = m_faces[postscriptName(raw)];
        if (!face.font.isValid())
            face.font = raw;
        for (const quint32 g : run.glyphIndexes())
            if (std::find(face.glyphs.begin(), face.glyphs.end(), g) == face.glyphs.end())
                face.glyphs.push_back(g);
    }
    // Which characters each glyph shows, from the shaping itself: digits after Latin letters
    // are shaped to other glyphs than the cmap's.
    for (qsizetype i = 0; i < text.size(); ++i) {
        const int length = text[i].isHighSurrogate() && i + 1 < text.size() ? 2 : 1;
        const QString chars = text.mid(i, length);
        for (const QGlyphRun &run : layout.glyphRuns(int(i), length)) {
            Face &face = m_faces[postscriptName(run.rawFont())];
            for (const quint32 g : run.glyphIndexes())
                face.text.try_emplace(g, chars);
        }
        i += length - 1;
    }
    // A run beginning with a digit may follow Latin letters in its paragraph (…STBH0004, then
    // 85.94 on the next line): the font then draws the digits' other forms, which this layout,
    // without the letters, does not give. The forms the run takes after the run drawn before
    // it (the line before, in a text document) and after a letter are noted as candidates.
    const QString before = std::exchange(m_previous, text);
    if (text.isEmpty() || !text.front().isDigit())
        return;
    for (const QString &prefix : {before, QStringLiteral("A")}) {
        if (prefix.isEmpty())
            continue;
        const QString after = prefix + text;
        QTextLayout context(after, font, device);
        context.beginLayout();
        context.createLine();
        context.endLayout();
        for (qsizetype i = prefix.size(); i < after.size() && after[i].isDigit(); ++i)
            for (const QGlyphRun &run : context.glyphRuns(int(i), 1)) {
                Face &face = m_faces[postscriptName(run.rawFont())];
                for (const quint32 g : run.glyphIndexes())
                    face.contextual.push_back({face.glyphs.size(), g, after.mid(i, 1)});
            }
    }
}

bool fixToUnicode(QByteArray &pdf, const PdfTextRecorder &recorder, QString *why)
{
    auto failed = [why](const QString &reason) {
        if (why)
            *why = reason;
        return false;
    };
    const qsizetype sx = pdf.lastIndexOf("startxref");
    if (sx < 0)
        return failed(QStringLiteral("no startxref"));
    const qint64 xrefPos =
        pdf.mid(sx + 9, 24).trimmed().split('\n').value(0).trimmed().toLongLong();
    if (!pdf.mid(xrefPos, 4).startsWith("xref"))
        return failed(QStringLiteral("no classic xref table"));
    const qsizetype trailerPos = pdf.indexOf("trailer", xrefPos);
    if (trailerPos < 0)
        return failed(QStringLiteral("no trailer"));
    const QList<QByteArray> tokens =
        pdf.mid(xrefPos + 4, trailerPos - xrefPos - 4).simplified().split(' ');
    if (tokens.size() < 2 || tokens[0].toInt() != 0)
        return failed(QStringLiteral("unexpected xref section"));
    const int count = tokens[1].toInt();
    if (tokens.size() != 2 + 3 * count)
        return failed(QStringLiteral("several xref sections"));
    std::vector<XrefEntry> xref(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i)
        xref[std::size_t(i)] = {tokens[2 + 3 * i].toLongLong(), tokens[3 + 3 * i].toInt(),
                                tokens[4 + 3 * i].isEmpty() ? 'f' : tokens[4 + 3 * i][0]};
    auto objectText = [&](int id) -> std::pair<qint64, qint64> {
        if (id <= 0 || id >= count || xref[std::size_t(id)].type != 'n')
            return {-1, -1};
        const qint64 start = xref[std::size_t(id)].offset;
        const qsizetype end = pdf.indexOf("endobj", start);
        return {start, end < 0 ? -1 : end + 6};
    };

    struct Edit
    {
        qint64 start, end;
        QByteArray text;
    };
    std::vector<Edit> edits;
    static const QRegularExpression toUnicodeRef(QStringLiteral("/ToUnicode\\s+(\\d+)\\s+0\\s+R"));
    static const QRegularExpression baseFont(QStringLiteral("/BaseFont\\s*/([^\\s/\\[<>()]+)"));
    for (int id = 1; id < count; ++id) {
        const auto [start, end] = objectText(id);
        if (start < 0 || end < 0)
            continue;
        // Only a font's dictionary matters: never look into page content streams.
        const std::string_view whole(pdf.constData() + start, std::size_t(end - start));
        const std::size_t stream = whole.find("stream");
        const qint64 dictEnd = stream == std::string_view::npos ? end : start + qint64(stream);
        if (whole.substr(0, std::size_t(dictEnd - start)).find("/ToUnicode") ==
            std::string_view::npos)
            continue;
        const QString obj = QString::fromLatin1(pdf.mid(start, dictEnd - start));
        const auto ref = toUnicodeRef.match(obj);
        const auto base = baseFont.match(obj);
        if (!ref.hasMatch() || !base.hasMatch())
            continue;
        QString name = base.captured(1);
        if (name.size() > 7 && name[6] == QLatin1Char('+'))
            name = name.mid(7); // the subset tag
        const auto face = recorder.faces().find(name.toStdString());
        if (face == recorder.faces().end())
            continue;
        const int cmapId = ref.captured(1).toInt();
        const auto [cStart, cEnd] = objectText(cmapId);
        if (cStart < 0 || cEnd < 0)
            return failed(QStringLiteral("ToUnicode object %1 missing").arg(cmapId));
        const QString old = QString::fromLatin1(pdf.mid(cStart, cEnd - cStart));
        const std::vector<QString> text = subsetText(old, face->second);
        if (text.empty())
            return failed(
                QStringLiteral("font %1: recorded glyphs do not match the file").arg(name));
        QByteArray cmap =
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
        std::vector<QByteArray> chars;
        for (std::size_t i = 1; i < text.size(); ++i)
            if (!text[i].isEmpty())
                chars.push_back(
                    "<" + QByteArray::number(qulonglong(i), 16).rightJustified(4, '0').toUpper() +
                    "> <" + hex16(text[i]) + ">\n");
        for (std::size_t i = 0; i < chars.size(); i += 100) {
            const std::size_t n = std::min<std::size_t>(100, chars.size() - i);
            cmap += QByteArray::number(qulonglong(n)) + " beginbfchar\n";
            for (std::size_t k = i; k < i + n; ++k)
                cmap += chars[k];
            cmap += "endbfchar\n";
        }
        cmap += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
        QByteArray object = QByteArray::number(cmapId) + " 0 obj\n<< /Length " +
                            QByteArray::number(cmap.size()) + " >>\nstream\n" + cmap +
                            "\nendstream\nendobj";
        edits.push_back({cStart, cEnd, object});
    }
    if (edits.empty())
        return failed(QStringLiteral("no font of the recorded text in the file"));
    std::sort(edits.begin(), edits.end(),
              [](const Edit &a, const Edit &b) { return a.start < b.start; });
    for (std::size_t i = 1; i < edits.size(); ++i)
        if (edits[i].start < edits[i - 1].end)
            return failed(QStringLiteral("overlapping objects"));
    auto shifted = [&](qint64 pos) {
        qint64 delta = 0;
        for (const Edit &e : edits)
            if (e.end <= pos)
                delta += e.text.size() - (e.end - e.start);
        return pos + delta;
    };
    QByteArray out;
    out.reserve(pdf.size() + 4096);
    qint64 at = 0;
    for (const Edit &e : edits) {
        out += pdf.mid(at, e.start - at);
        out += e.text;
        at = e.end;
    }
    out += pdf.mid(at, xrefPos - at);
    const qint64 newXref = out.size();
    out += "xref\n0 " + QByteArray::number(count) + "\n";
    for (const XrefEntry &x : xref) {
        const qint64 offset = x.type == 'n' ? shifted(x.offset) : x.offset;
        out += QByteArray::number(offset).rightJustified(10, '0') + " " +
               QByteArray::number(x.generation).rightJustified(5, '0') + " " + x.type + " \n";
    }
    out += pdf.mid(trailerPos, sx - trailerPos);
    out += "startxref\n" + QByteArray::number(newXref) + "\n%%EOF\n";
    pdf = std::move(out);
    return true;
}

int repairRadicalsInToUnicode(QByteArray &pdf)
{
    // The 4-digit destination <XXXX> of a bfchar (<src> <dst>) or bfrange entry (<a> <b> <dst>,
    // only when a = b: a range's following values count up from it; or <a> <b> [<d> …]).
    const QRegularExpression &range = rangeEntry();
    static const QRegularExpression single(QStringLiteral("<[0-9A-Fa-f]+>\\s*(<[0-9A-Fa-f]+>)"));
    static const QRegularExpression hex(QStringLiteral("<([0-9A-Fa-f]{4})>"));
    int changed = 0;
    const auto repair = [&](qsizetype at, const QString &value) {
        for (auto h = hex.globalMatch(value); h.hasNext();) {
            const auto m = h.next();
            const uint code = m.captured(1).toUInt(nullptr, 16);
            const bool radical =
                (code >= 0x2E80 && code <= 0x2FDF) || (code >= 0xF900 && code <= 0xFAFF);
            if (!radical)
                continue;
            const QString unified =
                QString(QChar(char16_t(code))).normalized(QString::NormalizationForm_KC);
            if (unified.size() != 1 || unified[0].unicode() == code)
                continue;
            const QByteArray digits =
                QByteArray::number(unified[0].unicode(), 16).toUpper().rightJustified(4, '0');
            pdf.replace(at + m.capturedStart(1), 4, digits);
            ++changed;
        }
    };
    for (const char *section : {"bfrange", "bfchar"}) {
        const QByteArray begin = QByteArray("begin") + section, end = QByteArray("end") + section;
        for (qsizetype from = pdf.indexOf(begin); from >= 0; from = pdf.indexOf(begin, from)) {
            const qsizetype start = from + begin.size(), stop = pdf.indexOf(end, start);
            if (stop < 0)
                break;
            const QString text = QString::fromLatin1(pdf.mid(start, stop - start));
            if (section[2] == 'r') {
                for (auto it = range.globalMatch(text); it.hasNext();) {
                    const auto m = it.next();
                    if (m.captured(3).startsWith(QLatin1Char('[')) ||
                        m.captured(1).toUInt(nullptr, 16) == m.captured(2).toUInt(nullptr, 16))
                        repair(start + m.capturedStart(3), m.captured(3));
                }
            } else {
                for (auto it = single.globalMatch(text); it.hasNext();) {
                    const auto m = it.next();
                    repair(start + m.capturedStart(1), m.captured(1));
                }
            }
            from = stop + end.size();
        }
    }
    return changed;
}

void applyTextFix(QByteArray &pdf, const PdfTextRecorder &recorder)
{
    QString why;
    if (fixToUnicode(pdf, recorder, &why))
        return;
    const int repaired = repairRadicalsInToUnicode(pdf);
    qWarning("planlines: PDF text left as Qt wrote it (%s); %d radicals set to their ideographs",
             qPrintable(why), repaired);
}

} // namespace planlines::layers::sheet
