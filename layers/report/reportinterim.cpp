#include "reportinterim.h"

#include "../sheet/textpdf.h"

#include <geodata/error.h>
#include <geodata/savefile.h>

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>
#include <QTextDocumentWriter>
#include <QUrl>

namespace planlines::layers::report {

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString tableHtml(const Table &t)
{
    QString h = QStringLiteral("<p><b>%1</b></p><table width=\"100%\" border=\"1\" "
                               "cellspacing=\"0\" cellpadding=\"3\"><thead>")
                    .arg(esc(t.caption));
    auto row = [&](const QStringList &cells, bool head) {
        h += QStringLiteral("<tr>");
        for (qsizetype i = 0; i < cells.size(); ++i) {
            const bool num = !head && static_cast<std::size_t>(i) < t.numeric.size() &&
                             t.numeric[static_cast<std::size_t>(i)];
            h += QStringLiteral("<%1%2>%3</%1>")
                     .arg(head ? QStringLiteral("th") : QStringLiteral("td"),
                          num ? QStringLiteral(" align=\"right\"") : QString(), esc(cells[i]));
        }
        h += QStringLiteral("</tr>");
    };
    for (const auto &r : t.header)
        row(r, true);
    h += QStringLiteral("</thead><tbody>");
    for (const auto &r : t.rows)
        row(r, false);
    if (!t.total.isEmpty())
        row(t.total, false);
    h += QStringLiteral("</tbody></table>");
    if (!t.note.isEmpty())
        h += QStringLiteral("<p style=\"font-size:8pt;color:#555\">%1</p>").arg(esc(t.note));
    return h;
}

// The document as HTML; figures referenced as fig<N>.png, or embedded as data: URLs.
QString html(const Document &doc, bool embed)
{
    QString h = QStringLiteral("<html><head><meta charset=\"utf-8\"><title>%1</title></head><body>")
                    .arg(esc(doc.title));
    h += QStringLiteral("<h1 align=\"center\">%1</h1><h2 align=\"center\">%2</h2>")
             .arg(esc(doc.title), esc(doc.subtitle));
    int figure = 0;
    for (const Block &b : doc.blocks) {
        switch (b.kind) {
        case Block::Kind::Heading:
            h += QStringLiteral("<h%1>%2</h%1>").arg(b.level + 1).arg(esc(b.text));
            break;
        case Block::Kind::Paragraph:
            h += QStringLiteral("<p>%1</p>").arg(esc(b.text));
            break;
        case Block::Kind::Note:
            h += QStringLiteral("<p style=\"font-size:8pt;color:#666\">%1</p>").arg(esc(b.text));
            break;
        case Block::Kind::Fields:
            h += QStringLiteral("<table width=\"100%\" cellpadding=\"3\">");
            for (const auto &[k, v] : b.fields.items)
                h += QStringLiteral("<tr><td width=\"22%\"><b>%1</b></td><td>%2</td></tr>")
                         .arg(esc(k), esc(v));
            h += QStringLiteral("</table>");
            break;
        case Block::Kind::Table:
            h += tableHtml(b.table);
            break;
        case Block::Kind::Figure: {
            QString src = QStringLiteral("fig%1.png").arg(figure++);
            if (embed) {
                QByteArray png;
                QBuffer buf(&png);
                buf.open(QIODevice::WriteOnly);
                b.figure.image.save(&buf, "PNG");
                src =
                    QStringLiteral("data:image/png;base64,") + QString::fromLatin1(png.toBase64());
            }
            h += QStringLiteral("<p align=\"center\"><img src=\"%1\" width=\"640\"><br>%2</p>")
                     .arg(src, esc(b.figure.caption));
            break;
        }
        case Block::Kind::Verdict:
            h += QStringLiteral("<p style=\"font-size:16pt;color:%1\"><b>审查结论：%2</b></p>")
                     .arg(b.verdict.color, esc(b.verdict.text));
            for (const auto &r : b.verdict.reasons)
                h += QStringLiteral("<p style=\"color:%1\">%2</p>").arg(b.verdict.color, esc(r));
            break;
        case Block::Kind::Signatures:
            h += QStringLiteral("<table width=\"100%\" cellpadding=\"8\"><tr>");
            for (const auto &l : b.signatures.labels)
                h += QStringLiteral("<td>%1：______________</td>").arg(esc(l));
            h += QStringLiteral("</tr></table>");
            break;
        case Block::Kind::PageBreak:
            h += QStringLiteral("<p style=\"page-break-after:always\"></p>");
            break;
        }
    }
    h += QStringLiteral("<p style=\"font-size:8pt;color:#666\">编制单位：%1</p></body></html>")
             .arg(esc(doc.unit));
    return h;
}

void loadInto(QTextDocument &text, const Document &doc)
{
    QFont font(QStringLiteral("Noto Sans CJK SC"));
    font.setPointSizeF(9);
    text.setDefaultFont(font);
    int figure = 0;
    for (const Block &b : doc.blocks)
        if (b.kind == Block::Kind::Figure)
            text.addResource(QTextDocument::ImageResource,
                             QUrl(QStringLiteral("fig%1.png").arg(figure++)), b.figure.image);
    text.setHtml(html(doc, false));
}

QByteArray pdf(const Document &doc)
{
    QTextDocument text;
    loadInto(text, doc);
    const auto setup = [&doc](QPdfWriter &writer) {
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 22), QPageLayout::Millimeter);
        writer.setResolution(150);
        writer.setTitle(doc.title);
        writer.setCreator(QStringLiteral("PlanLines"));
    };
    return sheet::writeTextPdf(setup, [&](QPainter &painter, const auto &newPage) {
        QPaintDevice *device = painter.device();
        text.documentLayout()->setPaintDevice(device);
        const QSizeF page(device->width(), device->height());
        text.setPageSize(page);
        const int pages = text.pageCount();
        QFont footer(QStringLiteral("Noto Sans CJK SC"));
        footer.setPointSizeF(8);
        for (int i = 0; i < pages; ++i) {
            if (i > 0)
                newPage();
            painter.save();
            painter.translate(0, -i * page.height());
            text.drawContents(&painter, QRectF(QPointF(0, i * page.height()), page));
            painter.restore();
            painter.setFont(footer);
            painter.setPen(Qt::darkGray);
            const QRectF foot(0, page.height(), page.width(), device->logicalDpiY() * 0.3);
            painter.drawText(foot, Qt::AlignLeft | Qt::AlignBottom,
                             doc.unit + QStringLiteral("　") + doc.footerLeft);
            painter.drawText(foot, Qt::AlignRight | Qt::AlignBottom,
                             QStringLiteral("第 %1 页 共 %2 页").arg(i + 1).arg(pages));
        }
    });
}

} // namespace

void writeInterim(const Document &doc, const QString &path)
{
    const QString lower = path.toLower();
    QByteArray bytes;
    if (lower.endsWith(QLatin1String(".pdf"))) {
        bytes = pdf(doc);
    } else if (lower.endsWith(QLatin1String(".html"))) {
        bytes = html(doc, true).toUtf8();
    } else if (lower.endsWith(QLatin1String(".odt"))) {
        QTextDocument text;
        loadInto(text, doc);
        QBuffer buf(&bytes);
        buf.open(QIODevice::WriteOnly);
        QTextDocumentWriter writer(&buf, "odf");
        if (!writer.write(&text))
            throw geodata::Error("cannot write the report as OpenDocument text",
                                 path.toStdString());
    } else {
        throw geodata::Error(
            "the report writer for this format is not here yet (.pdf, .odt, .html)",
            path.toStdString());
    }
    geodata::saveFile(path.toStdString(), std::string_view(bytes.constData(), bytes.size()));
}

} // namespace planlines::layers::report
