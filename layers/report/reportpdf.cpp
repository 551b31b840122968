// The report as a PDF: the QTextDocument laid out on A4 pages, moved until every heading and
// caption shares its page with what follows it, then drawn page by page with a footer.
#include "reportformats.h"
#include "reportpages.h"

#include "../sheet/textpdf.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextLayout>

#include <cmath>
#include <vector>

namespace planlines::layers::report {

namespace {

// A4 portrait, in mm: the text block, and the footer's rule and baseline under it.
constexpr double kPaperWidthMm = 210, kPaperHeightMm = 297;
constexpr double kLeftMm = 20, kTopMm = 20, kBodyHeightMm = 250;
constexpr double kFooterRuleMm = 274, kFooterBaselineMm = 279.5;
constexpr int kDpi = 300;

double px(double mm)
{
    return mm / 25.4 * kDpi;
}

} // namespace

void setUpReportWriter(QPdfWriter &writer, const Document &d)
{
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                     QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter));
    writer.setResolution(kDpi);
    writer.setTitle(d.title.isEmpty() ? d.subtitle : d.title);
    writer.setCreator(QStringLiteral("PlanLines"));
}

PagePlace placeOf(QTextDocument &doc, int position)
{
    const double pageHeight = doc.pageSize().height();
    const QTextBlock block = doc.findBlock(position);
    const QRectF r = doc.documentLayout()->blockBoundingRect(block);
    double top = r.top(), middle = r.center().y();
    if (const QTextLayout *layout = block.layout(); layout && layout->lineCount() > 0) {
        QTextLine line = layout->lineForTextPosition(position - block.position());
        if (!line.isValid())
            line = layout->lineAt(0);
        top = r.top() + line.y();
        middle = top + line.height() / 2;
    }
    const int page = int(std::floor(middle / pageHeight));
    return {page, top - page * pageHeight};
}

// Moves a heading (or caption, or a table's last rows) to the next page while it is parted from
// what follows, and lays out again until none is.
ReportText paginateReport(const Document &d, QPaintDevice &device, bool keepTogether)
{
    const QSizeF body(px(kPaperWidthMm - 2 * kLeftMm), px(kBodyHeightMm));
    PageFixes fixes;
    for (int round = 0;; ++round) {
        ReportText text = buildReportText(d, fixes);
        text.doc->documentLayout()->setPaintDevice(&device);
        text.doc->setPageSize(body);
        text.doc->documentLayout()->documentSize(); // lays the whole document out
        if (!keepTogether || round > 400)
            return text; // cannot happen: every round adds a fix, and fixes are finite
        const Keep *parted = nullptr;
        for (const Keep &k : text.keeps) {
            const PagePlace start = placeOf(*text.doc, k.start);
            const PagePlace target = placeOf(*text.doc, k.target);
            if (start.page == target.page)
                continue;
            // Already fixed, or already at a page's top (what follows is taller than a page).
            const bool fixed =
                k.split ? fixes.splitAt.count(k.block) && fixes.splitAt.at(k.block).count(k.row)
                        : fixes.breakBefore.count(k.block) > 0;
            if (fixed || start.fromPageTop < px(10))
                continue;
            parted = &k;
            break;
        }
        if (!parted)
            return text;
        if (parted->split)
            fixes.splitAt[parted->block].insert(parted->row);
        else
            fixes.breakBefore.insert(parted->block);
    }
}

namespace {

// One line of text whose top-left is at topLeft; returns its width. Set through a
// QTextDocument as the body is, so it is drawn and recorded for pdftextfix the same way.
double drawLine(QPainter &p, const QString &text, const QFont &font, QPointF topLeft,
                bool measureOnly = false)
{
    QTextDocument doc;
    doc.setDocumentMargin(0);
    doc.setDefaultFont(font);
    doc.documentLayout()->setPaintDevice(p.device());
    QTextCursor cursor(&doc);
    QTextCharFormat chars;
    chars.setForeground(QColor(0x44, 0x44, 0x44));
    cursor.insertText(text, chars);
    const double width = doc.idealWidth();
    if (!measureOnly) {
        p.save();
        p.translate(topLeft);
        doc.drawContents(&p);
        p.restore();
    }
    return width;
}

void drawFooter(QPainter &p, const Document &d, int page, int pages)
{
    QFont font(sansFamily());
    font.setPointSizeF(8);
    const QFontMetricsF metrics(font, p.device());
    p.save();
    p.setPen(QPen(QColor(0x88, 0x88, 0x88), px(0.2)));
    p.drawLine(QPointF(px(kLeftMm), px(kFooterRuleMm)),
               QPointF(px(kPaperWidthMm - kLeftMm), px(kFooterRuleMm)));
    p.restore();
    const QString right = QStringLiteral("第 %1 页 共 %2 页").arg(page).arg(pages);
    const double top = px(kFooterBaselineMm) - metrics.ascent();
    const double rightWidth = drawLine(p, right, font, {}, true);
    drawLine(p, right, font, QPointF(px(kPaperWidthMm - kLeftMm) - rightWidth, top));
    QStringList leftParts;
    for (const QString &s : {d.unit, d.footerLeft})
        if (!s.isEmpty())
            leftParts << s;
    const QString left = metrics.elidedText(leftParts.join(QStringLiteral("　")), Qt::ElideRight,
                                            px(kPaperWidthMm - 2 * kLeftMm - 10) - rightWidth);
    drawLine(p, left, font, QPointF(px(kLeftMm), top));
}

// Page index (0-based) of the laid-out doc, in the text block.
void drawPage(QPainter &p, QTextDocument &doc, int index)
{
    const QSizeF page = doc.pageSize();
    const QRectF clip(0, index * page.height(), page.width(), page.height());
    p.save();
    p.translate(px(kLeftMm), px(kTopMm) - index * page.height());
    p.setClipRect(clip);
    QAbstractTextDocumentLayout::PaintContext context;
    // Half a pixel in from the page's edges: Qt draws a line that starts exactly at the next
    // page's top on this page too (clipped away, but its text and images would still be
    // written into this page's content).
    context.clip = clip.adjusted(0, 0.5, 0, -0.5);
    context.palette.setColor(QPalette::Text, Qt::black);
    doc.documentLayout()->draw(&p, context);
    p.restore();
}

// The document cut at its page breaks. What follows a break starts a page whatever comes
// before it, so each part is paginated alone: a file of many sites' reports is moved and laid
// out again site by site, not whole for every heading moved (quadratic in the sites).
std::vector<Document> partsBetweenBreaks(const Document &d)
{
    // The title opens the first part only; the footer is drawn from d itself.
    const auto emptyPart = [&d] {
        Document part;
        part.unit = d.unit;
        part.footerLeft = d.footerLeft;
        return part;
    };
    std::vector<Document> parts{emptyPart()};
    parts.front().title = d.title;
    parts.front().subtitle = d.subtitle;
    for (const Block &b : d.blocks) {
        if (b.kind != Block::Kind::PageBreak)
            parts.back().blocks.push_back(b);
        else if (!parts.back().blocks.empty())
            parts.push_back(emptyPart());
    }
    if (parts.size() > 1 && parts.back().blocks.empty())
        parts.pop_back();
    return parts;
}

} // namespace

QByteArray reportPdf(const Document &d)
{
    // Laid out once on a writer like the one drawn on (same resolution, same metrics).
    QBuffer scratch;
    scratch.open(QIODevice::WriteOnly);
    QPdfWriter like(&scratch);
    setUpReportWriter(like, d);
    std::vector<ReportText> texts;
    int pages = 0;
    for (const Document &part : partsBetweenBreaks(d)) {
        texts.push_back(paginateReport(part, like));
        pages += texts.back().doc->pageCount();
    }
    return sheet::writeTextPdf([&d](QPdfWriter &writer) { setUpReportWriter(writer, d); },
                               [&](QPainter &p, const std::function<void()> &newPage) {
                                   p.setRenderHint(QPainter::Antialiasing);
                                   int page = 0;
                                   for (ReportText &text : texts) {
                                       QTextDocument &doc = *text.doc;
                                       for (int i = 0; i < doc.pageCount(); ++i) {
                                           if (page > 0)
                                               newPage();
                                           drawPage(p, doc, i);
                                           drawFooter(p, d, ++page, pages);
                                       }
                                   }
                               });
}

} // namespace planlines::layers::report
