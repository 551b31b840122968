#include "odtpatch.h"
#include "reporttext.h"

#include <geodata/error.h>

#include <QRegularExpression>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>

#include <algorithm>
#include <cstring>
#include <string>

#include <zlib.h>

namespace planlines::layers::report {

namespace {

// --- A zip package, entry by entry (what an ODT is; ZIP APPNOTE 4.3) ---

struct Entry
{
    QByteArray name;
    QByteArray data; // uncompressed
};

quint32 u32(const QByteArray &b, qsizetype at)
{
    if (at < 0 || at + 4 > b.size())
        throw geodata::Error("the OpenDocument package is cut short");
    const auto *p = reinterpret_cast<const unsigned char *>(b.constData() + at);
    return quint32(p[0]) | quint32(p[1]) << 8 | quint32(p[2]) << 16 | quint32(p[3]) << 24;
}

quint16 u16(const QByteArray &b, qsizetype at)
{
    if (at < 0 || at + 2 > b.size())
        throw geodata::Error("the OpenDocument package is cut short");
    const auto *p = reinterpret_cast<const unsigned char *>(b.constData() + at);
    return quint16(p[0] | p[1] << 8);
}

QByteArray inflateRaw(const QByteArray &in, qsizetype size)
{
    QByteArray out(size, Qt::Uninitialized);
    z_stream z{};
    if (inflateInit2(&z, -MAX_WBITS) != Z_OK)
        throw geodata::Error("zlib cannot start inflating");
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.constData()));
    z.avail_in = uInt(in.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    const int r = inflate(&z, Z_FINISH);
    inflateEnd(&z);
    if (r != Z_STREAM_END || z.total_out != uLong(size))
        throw geodata::Error("an entry of the OpenDocument package does not inflate");
    return out;
}

QByteArray deflateRaw(const QByteArray &in)
{
    z_stream z{};
    if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) !=
        Z_OK)
        throw geodata::Error("zlib cannot start deflating");
    QByteArray out(qsizetype(deflateBound(&z, uLong(in.size()))), Qt::Uninitialized);
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.constData()));
    z.avail_in = uInt(in.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    const int r = deflate(&z, Z_FINISH);
    deflateEnd(&z);
    if (r != Z_STREAM_END)
        throw geodata::Error("zlib cannot deflate an entry of the OpenDocument package");
    out.truncate(qsizetype(z.total_out));
    return out;
}

std::vector<Entry> readZip(const QByteArray &zip)
{
    // The end of central directory record: its signature within the last 64 KiB + 22 bytes.
    qsizetype end = -1;
    for (qsizetype at = zip.size() - 22; at >= 0 && at >= zip.size() - 22 - 65535; --at)
        if (u32(zip, at) == 0x06054b50) {
            end = at;
            break;
        }
    if (end < 0)
        throw geodata::Error("the OpenDocument package has no zip directory");
    const int count = u16(zip, end + 10);
    qsizetype at = u32(zip, end + 16);
    std::vector<Entry> entries;
    for (int i = 0; i < count; ++i) {
        if (u32(zip, at) != 0x02014b50)
            throw geodata::Error("the OpenDocument package's zip directory is damaged");
        const int method = u16(zip, at + 10);
        const qsizetype packed = u32(zip, at + 20), size = u32(zip, at + 24);
        const int nameLength = u16(zip, at + 28), extra = u16(zip, at + 30),
                  comment = u16(zip, at + 32);
        const qsizetype local = u32(zip, at + 42);
        Entry e;
        e.name = zip.mid(at + 46, nameLength);
        at += 46 + nameLength + extra + comment;
        if (u32(zip, local) != 0x04034b50)
            throw geodata::Error("the OpenDocument package's entries are damaged");
        const qsizetype data = local + 30 + u16(zip, local + 26) + u16(zip, local + 28);
        if (data + packed > zip.size())
            throw geodata::Error("the OpenDocument package is cut short");
        const QByteArray bytes = zip.mid(data, packed);
        if (method == 0)
            e.data = bytes;
        else if (method == 8)
            e.data = inflateRaw(bytes, size);
        else
            throw geodata::Error("the OpenDocument package uses an unknown compression");
        entries.push_back(std::move(e));
    }
    return entries;
}

void put16(QByteArray &b, int v)
{
    b.append(char(v & 0xFF)).append(char((v >> 8) & 0xFF));
}

void put32(QByteArray &b, quint32 v)
{
    for (int i = 0; i < 4; ++i)
        b.append(char((v >> (8 * i)) & 0xFF));
}

// The package again: mimetype first and stored (ODF requires it), the others deflated.
QByteArray writeZip(const std::vector<Entry> &entries)
{
    QByteArray zip, directory;
    for (const Entry &e : entries) {
        const bool store = e.name == "mimetype";
        const QByteArray packed = store ? e.data : deflateRaw(e.data);
        const quint32 crc = quint32(
            crc32(0, reinterpret_cast<const Bytef *>(e.data.constData()), uInt(e.data.size())));
        const quint32 offset = quint32(zip.size());
        auto header = [&](QByteArray &b, bool central) {
            put32(b, central ? 0x02014b50 : 0x04034b50);
            if (central)
                put16(b, 20); // made by
            put16(b, 20);     // needed
            put16(b, 0);      // flags
            put16(b, store ? 0 : 8);
            put16(b, 0);    // time
            put16(b, 0x21); // date: 1980-01-01
            put32(b, crc);
            put32(b, quint32(packed.size()));
            put32(b, quint32(e.data.size()));
            put16(b, int(e.name.size()));
            put16(b, 0); // extra
            if (central) {
                put16(b, 0); // comment
                put16(b, 0); // disk
                put16(b, 0); // internal attributes
                put32(b, 0); // external attributes
                put32(b, offset);
            }
            b.append(e.name);
        };
        header(zip, false);
        zip.append(packed);
        header(directory, true);
    }
    const quint32 at = quint32(zip.size());
    zip.append(directory);
    put32(zip, 0x06054b50);
    put16(zip, 0);
    put16(zip, 0);
    put16(zip, int(entries.size()));
    put16(zip, int(entries.size()));
    put32(zip, quint32(directory.size()));
    put32(zip, at);
    put16(zip, 0);
    return zip;
}

// --- content.xml ---

// Adds attribute to the properties element of each style named prefix<index> for index in
// indices (properties: "paragraph-properties", "table-cell-properties").
void addToStyles(QString &xml, const QString &prefix, const QString &family,
                 const QString &properties, const std::set<int> &indices, const QString &attribute)
{
    const QRegularExpression re(QStringLiteral("(<style:style style:name=\"%1(\\d+)\" "
                                               "style:family=\"%2\">\\s*<style:%3)")
                                    .arg(prefix, family, properties));
    QString out;
    qsizetype last = 0;
    for (auto it = re.globalMatch(xml); it.hasNext();) {
        const auto m = it.next();
        if (!indices.count(m.captured(2).toInt()))
            continue;
        out += QStringView(xml).mid(last, m.capturedEnd(1) - last);
        out += QLatin1Char(' ') + attribute;
        last = m.capturedEnd(1);
    }
    out += QStringView(xml).mid(last);
    xml = out;
}

void markHeaderRows(QString &xml, const std::vector<int> &headerRows)
{
    qsizetype at = 0;
    for (const int rows : headerRows) {
        at = xml.indexOf(QLatin1String("<table:table "), at);
        if (at < 0)
            throw geodata::Error("the OpenDocument text has fewer tables than the report");
        at += 1;
        if (rows <= 0)
            continue;
        const qsizetype first = xml.indexOf(QLatin1String("<table:table-row>"), at);
        if (first < 0)
            continue;
        xml.insert(first, QLatin1String("<table:table-header-rows>"));
        qsizetype end = first;
        for (int r = 0; r < rows && end >= 0; ++r) {
            end = xml.indexOf(QLatin1String("</table:table-row>"), end);
            if (end >= 0)
                end += qsizetype(std::strlen("</table:table-row>"));
        }
        if (end < 0)
            throw geodata::Error("a table of the OpenDocument text has fewer rows than its header");
        xml.insert(end, QLatin1String("</table:table-header-rows>"));
        at = end;
    }
}

void markHeadings(QString &xml, const std::map<int, int> &headings)
{
    static const QRegularExpression re(QStringLiteral("<text:p text:style-name=\"p(\\d+)\">"));
    QString out;
    qsizetype last = 0;
    for (auto it = re.globalMatch(xml); it.hasNext();) {
        const auto m = it.next();
        const auto h = headings.find(m.captured(1).toInt());
        if (h == headings.end() || m.capturedStart() < last)
            continue;
        const qsizetype close = xml.indexOf(QLatin1String("</text:p>"), m.capturedEnd());
        if (close < 0)
            break;
        out += QStringView(xml).mid(last, m.capturedStart() - last);
        out += QStringLiteral("<text:h text:style-name=\"p%1\" text:outline-level=\"%2\">")
                   .arg(h->first)
                   .arg(h->second);
        out += QStringView(xml).mid(m.capturedEnd(), close - m.capturedEnd());
        out += QLatin1String("</text:h>");
        last = close + qsizetype(std::strlen("</text:p>"));
    }
    out += QStringView(xml).mid(last);
    xml = out;
}

QString xmlEscaped(const QString &s)
{
    return s.toHtmlEscaped();
}

// The A4 page of the PDF (20 mm at the sides and the top, the footer at the foot of the text
// block) as the default master page "Standard", which WPS, Word and LibreOffice give every
// page of a document whose paragraphs name no other. The footer: a right-aligned tab stop at
// the text block's right edge between the left part and the page numbers, which are fields
// the word processor fills in after its own layout.
QByteArray stylesXml(const QString &footerLeft)
{
    QString footer = xmlEscaped(footerLeft);
    footer += QStringLiteral("<text:tab/>第 <text:page-number text:select-page=\"current\">1"
                             "</text:page-number> 页 共 <text:page-count>1</text:page-count> 页");
    return QStringLiteral(
               "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<office:document-styles "
               "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
               "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
               "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
               "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" "
               "office:version=\"1.2\">"
               "<office:automatic-styles>"
               "<style:page-layout style:name=\"pmA4\">"
               "<style:page-layout-properties fo:page-width=\"210mm\" fo:page-height=\"297mm\" "
               "style:print-orientation=\"portrait\" fo:margin-top=\"20mm\" "
               "fo:margin-bottom=\"12mm\" fo:margin-left=\"20mm\" fo:margin-right=\"20mm\"/>"
               "<style:footer-style><style:header-footer-properties fo:min-height=\"10mm\" "
               "fo:margin-top=\"5mm\" fo:padding-top=\"1.5mm\" "
               "fo:border-top=\"0.2mm solid #888888\"/></style:footer-style>"
               "</style:page-layout>"
               "<style:style style:name=\"Footer\" style:family=\"paragraph\">"
               "<style:paragraph-properties><style:tab-stops>"
               "<style:tab-stop style:position=\"170mm\" style:type=\"right\"/>"
               "</style:tab-stops></style:paragraph-properties>"
               "<style:text-properties fo:font-family=\"%1\" fo:font-size=\"8pt\" "
               "fo:color=\"#555555\"/>"
               "</style:style>"
               "</office:automatic-styles>"
               "<office:master-styles>"
               "<style:master-page style:name=\"Standard\" style:page-layout-name=\"pmA4\">"
               "<style:footer><text:p text:style-name=\"Footer\">%2</text:p></style:footer>"
               "</style:master-page>"
               "</office:master-styles>"
               "</office:document-styles>\n")
        .arg(sansFamily(), footer)
        .toUtf8();
}

// The manifest with styles.xml listed after content.xml (once).
QByteArray manifestWithStyles(const QByteArray &manifest)
{
    if (manifest.contains("manifest:full-path=\"styles.xml\""))
        return manifest;
    const QByteArray entry = " <manifest:file-entry manifest:media-type=\"text/xml\" "
                             "manifest:full-path=\"styles.xml\"/>\n";
    const qsizetype end = manifest.indexOf("</manifest:manifest>");
    if (end < 0)
        throw geodata::Error("the OpenDocument package's manifest is damaged");
    return manifest.left(end) + entry + manifest.mid(end);
}

} // namespace

OdtPatch odtPatchFor(const QTextDocument &doc)
{
    OdtPatch p;
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        const QTextBlockFormat f = b.blockFormat();
        if (f.headingLevel() > 0)
            p.headings[b.blockFormatIndex()] = f.headingLevel();
        if (f.headingLevel() > 0 || f.boolProperty(kKeepWithNext))
            p.keepWithNext.insert(b.blockFormatIndex());
    }
    for (QTextFrame *frame : doc.rootFrame()->childFrames()) {
        const auto *table = qobject_cast<QTextTable *>(frame);
        if (!table)
            continue;
        p.headerRows.push_back(table->format().headerRowCount());
        for (int r = 0; r < table->format().headerRowCount() && r < table->rows(); ++r)
            for (int c = 0; c < table->columns(); ++c) {
                const QTextTableCell cell = table->cellAt(r, c);
                if (cell.format().boolProperty(kShaded))
                    p.shadedCells.insert(cell.tableCellFormatIndex());
            }
    }
    return p;
}

QByteArray patchOdt(const QByteArray &odt, const OdtPatch &patch)
{
    std::vector<Entry> entries = readZip(odt);
    bool found = false;
    for (Entry &e : entries) {
        if (e.name != "content.xml")
            continue;
        found = true;
        QString xml = QString::fromUtf8(e.data);
        addToStyles(xml, QStringLiteral("p"), QStringLiteral("paragraph"),
                    QStringLiteral("paragraph-properties"), patch.keepWithNext,
                    QStringLiteral("fo:keep-with-next=\"always\""));
        addToStyles(xml, QStringLiteral("T"), QStringLiteral("table-cell"),
                    QStringLiteral("table-cell-properties"), patch.shadedCells,
                    QStringLiteral("fo:background-color=\"#ececec\""));
        markHeaderRows(xml, patch.headerRows);
        markHeadings(xml, patch.headings);
        e.data = xml.toUtf8();
    }
    if (!found)
        throw geodata::Error("the OpenDocument package has no content.xml");
    bool manifest = false;
    for (Entry &e : entries)
        if (e.name == "META-INF/manifest.xml") {
            e.data = manifestWithStyles(e.data);
            manifest = true;
        }
    if (!manifest)
        throw geodata::Error("the OpenDocument package has no manifest");
    std::erase_if(entries, [](const Entry &e) { return e.name == "styles.xml"; });
    const auto content = std::find_if(entries.begin(), entries.end(),
                                      [](const Entry &e) { return e.name == "content.xml"; });
    entries.insert(content + 1, Entry{"styles.xml", stylesXml(patch.footerLeft)});
    return writeZip(entries);
}

} // namespace planlines::layers::report
