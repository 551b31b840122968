// The report as one HTML file: UTF-8, the figures inline as data: URIs, CSS that prints it on
// A4 as the PDF is (repeated table headers, headings kept with what follows, page footers where
// the browser supports page margin boxes).
#include "reportformats.h"
#include "reporttext.h"

#include <QBuffer>
#include <QColor>

namespace planlines::layers::report {

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

// A CSS string literal.
QString cssString(const QString &s)
{
    QString out = s;
    out.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + out.replace(QLatin1Char('\n'), QLatin1Char(' ')) + QLatin1Char('"');
}

QString style(const Document &d)
{
    QStringList footer;
    for (const QString &s : {d.unit, d.footerLeft})
        if (!s.isEmpty())
            footer << s;
    return QStringLiteral(
               "@page{size:A4 portrait;margin:20mm 20mm 27mm 20mm;"
               "@bottom-left{content:%1;font:8pt 'Noto Sans CJK SC',sans-serif;color:#444}"
               "@bottom-right{content:\"第 \" counter(page) \" 页 共 \" counter(pages) \" 页\";"
               "font:8pt 'Noto Sans CJK SC',sans-serif;color:#444}}\n"
               "body{font-family:'Noto Serif CJK SC','Source Han Serif SC','SimSun',serif;"
               "font-size:10.5pt;line-height:1.5;color:#000;max-width:170mm;margin:0 auto;"
               "padding:8mm 0}\n"
               "h1,h2,h3,.caption,.title,.subtitle,th,.label{font-family:'Noto Sans CJK SC',"
               "'Source Han Sans SC','Microsoft YaHei',sans-serif}\n"
               ".title{font-size:20pt;font-weight:bold;text-align:center;margin:6pt 0 8pt}\n"
               ".subtitle{font-size:14pt;text-align:center;margin:0 0 16pt}\n"
               "h1{font-size:14pt;margin:14pt 0 6pt}h2,h3{font-size:12pt;margin:10pt 0 4pt}\n"
               "h1,h2,h3,.caption{break-after:avoid;page-break-after:avoid}\n"
               "p{margin:0 0 5pt;text-indent:2em;text-align:justify}\n"
               "p.note{font-size:9pt;color:#555;text-indent:0}\n"
               "table{border-collapse:collapse;margin:2pt auto 2pt}\n"
               "table.data{width:100%}\n"
               "table.data td,table.data th{border:0.5pt solid #333;padding:2pt 3pt;"
               "font-size:9pt;vertical-align:middle}\n"
               "table.data th{background:#ececec;text-align:center}\n"
               "thead{display:table-header-group}tr{break-inside:avoid;page-break-inside:avoid}\n"
               "td.n{text-align:right;white-space:nowrap}tr.total td{font-weight:bold}\n"
               ".caption{font-size:10.5pt;font-weight:bold;text-align:center;margin:8pt 0 2pt;"
               "text-indent:0}\n"
               ".tablenote{font-size:8.5pt;color:#555;text-indent:0;margin:1pt 0 6pt}\n"
               "table.fields{width:100%;margin:4pt 0 6pt}table.fields td{padding:2.5pt;"
               "vertical-align:top}td.label{width:24%;font-weight:bold;color:#333}\n"
               "figure{margin:6pt 0 8pt;text-align:center;break-inside:avoid}"
               "figure img{max-width:100%}"
               "figcaption{font-family:'Noto Sans CJK SC',sans-serif;font-size:9.5pt;"
               "margin-top:2pt}\n"
               ".verdict{border:1.5pt solid;padding:6pt;margin:6pt 0 8pt;break-inside:avoid}"
               ".verdict .head{text-align:center;font-family:'Noto Sans CJK SC',sans-serif;"
               "font-size:14pt;font-weight:bold;margin-bottom:4pt}"
               ".verdict .word{font-size:18pt}.verdict ol{margin:0;padding-left:2em}\n"
               "table.signatures{width:60%;margin:14pt 0 0 auto}"
               "table.signatures td{padding:16pt 3pt 3pt}"
               "table.signatures td.label{width:30%;text-align:right}"
               "table.signatures td.line{border-bottom:0.75pt solid #000}\n"
               ".break{break-before:page;page-break-before:always}\n"
               "@media screen{body{box-shadow:0 0 4px #bbb;padding:20mm}}\n")
        .arg(cssString(footer.join(QStringLiteral("　"))));
}

QString dataUri(const QImage &image)
{
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return QStringLiteral("data:image/png;base64,") + QString::fromLatin1(png.toBase64());
}

QString row(const QStringList &cells, int columns, const QString &tag,
            const std::vector<bool> &numeric)
{
    QString h = QStringLiteral("<tr>");
    for (int c = 0; c < columns; ++c) {
        const bool n = tag == QLatin1String("td") && std::size_t(c) < numeric.size() &&
                       numeric[std::size_t(c)];
        h += QStringLiteral("<%1%2>%3</%1>")
                 .arg(tag, n ? QStringLiteral(" class=\"n\"") : QString(), esc(cells.value(c)));
    }
    return h + QStringLiteral("</tr>\n");
}

QString table(const Table &t)
{
    int columns = 1;
    for (const auto &r : t.header)
        columns = std::max(columns, int(r.size()));
    for (const auto &r : t.rows)
        columns = std::max(columns, int(r.size()));
    columns = std::max(columns, int(t.total.size()));
    QString h;
    if (!t.caption.isEmpty())
        h += QStringLiteral("<div class=\"caption\">%1</div>\n").arg(esc(t.caption));
    h += QStringLiteral("<table class=\"data\">");
    double total = 0;
    for (const double w : t.widthsMm)
        total += w;
    if (total > 0) {
        h += QStringLiteral("<colgroup>");
        for (const double w : t.widthsMm)
            h += QStringLiteral("<col style=\"width:%1%\">").arg(w / total * 100, 0, 'f', 1);
        h += QStringLiteral("</colgroup>");
    }
    if (!t.header.empty()) {
        h += QStringLiteral("<thead>\n");
        for (const auto &r : t.header)
            h += row(r, columns, QStringLiteral("th"), t.numeric);
        h += QStringLiteral("</thead>");
    }
    h += QStringLiteral("<tbody>\n");
    for (const auto &r : t.rows)
        h += row(r, columns, QStringLiteral("td"), t.numeric);
    if (!t.total.isEmpty())
        h += row(t.total, columns, QStringLiteral("td"), t.numeric)
                 .replace(0, 4, QStringLiteral("<tr class=\"total\">"));
    h += QStringLiteral("</tbody></table>\n");
    if (!t.note.isEmpty())
        h += QStringLiteral("<p class=\"tablenote\">%1</p>\n").arg(esc(t.note));
    return h;
}

QString block(const Block &b)
{
    switch (b.kind) {
    case Block::Kind::Heading: {
        const int level = std::clamp(b.level, 1, 3);
        return QStringLiteral("<h%1>%2</h%1>\n").arg(level).arg(esc(b.text));
    }
    case Block::Kind::Paragraph:
        return QStringLiteral("<p>%1</p>\n").arg(esc(b.text));
    case Block::Kind::Note:
        return QStringLiteral("<p class=\"note\">%1</p>\n").arg(esc(b.text));
    case Block::Kind::Fields: {
        QString h = QStringLiteral("<table class=\"fields\">\n");
        for (const auto &[label, value] : b.fields.items)
            h += QStringLiteral("<tr><td class=\"label\">%1</td><td>%2</td></tr>\n")
                     .arg(esc(label), esc(value));
        return h + QStringLiteral("</table>\n");
    }
    case Block::Kind::Table:
        return table(b.table);
    case Block::Kind::Figure: {
        const Figure &f = b.figure;
        QString h = QStringLiteral("<figure>");
        if (!f.image.isNull())
            h += QStringLiteral("<img src=\"%1\" style=\"width:%2mm\" alt=\"%3\">")
                     .arg(dataUri(f.image))
                     .arg(std::min(f.widthMm > 0 ? f.widthMm : kBodyWidthMm, kBodyWidthMm))
                     .arg(esc(f.caption));
        if (!f.caption.isEmpty())
            h += QStringLiteral("<figcaption>%1</figcaption>").arg(esc(f.caption));
        return h + QStringLiteral("</figure>\n");
    }
    case Block::Kind::Verdict: {
        const Verdict &v = b.verdict;
        const QString colour = QColor::isValidColorName(v.color)
                                   ? QColor::fromString(v.color).name()
                                   : QStringLiteral("#000000");
        QString h = QStringLiteral("<div class=\"verdict\" style=\"border-color:%1\"><div "
                                   "class=\"head\">审查结论：<span class=\"word\" "
                                   "style=\"color:%1\">%2</span></div>")
                        .arg(colour, esc(v.text));
        if (!v.reasons.isEmpty()) {
            h += QStringLiteral("<ol>");
            for (const QString &r : v.reasons)
                h += QStringLiteral("<li>%1</li>").arg(esc(r));
            h += QStringLiteral("</ol>");
        }
        return h + QStringLiteral("</div>\n");
    }
    case Block::Kind::Signatures: {
        QString h = QStringLiteral("<table class=\"signatures\">\n");
        for (const QString &l : b.signatures.labels)
            h += QStringLiteral("<tr><td class=\"label\">%1：</td><td class=\"line\"></td></tr>\n")
                     .arg(esc(l));
        return h + QStringLiteral("</table>\n");
    }
    case Block::Kind::PageBreak:
        return QStringLiteral("<div class=\"break\"></div>\n");
    }
    return {};
}

} // namespace

QByteArray reportHtml(const Document &d)
{
    const QString title = d.title.isEmpty() ? d.subtitle : d.title;
    QString h = QStringLiteral("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta "
                               "charset=\"utf-8\">\n<title>%1</title>\n<style>\n%2</style>\n"
                               "</head>\n<body>\n")
                    .arg(esc(title), style(d));
    if (!d.title.isEmpty())
        h += QStringLiteral("<div class=\"title\">%1</div>\n").arg(esc(d.title));
    if (!d.subtitle.isEmpty())
        h += QStringLiteral("<div class=\"subtitle\">%1</div>\n").arg(esc(d.subtitle));
    for (const Block &b : d.blocks)
        h += block(b);
    h += QStringLiteral("</body>\n</html>\n");
    return h.toUtf8();
}

} // namespace planlines::layers::report
