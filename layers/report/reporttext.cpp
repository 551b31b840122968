#include "reporttext.h"
#include "reportformats.h"

#include <QTextBlock>
#include <QTextCursor>
#include <QTextFrame>
#include <QTextTable>
#include <QUrl>

#include <algorithm>
#include <numeric>

namespace planlines::layers::report {

namespace {

constexpr qsizetype kWholeParagraphChars = 280; // about six lines of 46 characters at 10.5 pt
// QTextFormat lengths are pixels at 96 dpi (the layout scales them to the device; the ODF
// writer turns them into points at 72/96).
double pt(double points)
{
    return points * 96.0 / 72.0;
}
double mm(double millimetres)
{
    return millimetres / 25.4 * 96.0;
}
double mmToPoints(double millimetres)
{
    return millimetres / 25.4 * 72.0;
}

QTextCharFormat charFormat(const QString &family, double pointSize, bool bold = false,
                           const QColor &color = Qt::black)
{
    QTextCharFormat f;
    f.setFontFamilies(QStringList{family});
    // Qt 6.4's ODF writer reads the family from the Qt 5 property only (else writes "Sans").
    f.setProperty(QTextFormat::FontFamily, family);
    f.setFontPointSize(pointSize);
    f.setFontWeight(bold ? QFont::Bold : QFont::Normal);
    f.setForeground(color);
    return f;
}

QTextBlockFormat blockFormat(Qt::Alignment alignment, double topPt, double bottomPt)
{
    QTextBlockFormat f;
    f.setAlignment(alignment);
    f.setTopMargin(pt(topPt));
    f.setBottomMargin(pt(bottomPt));
    return f;
}

// Where a table's rows were written: the body rows' and the total row's first positions; per
// body row each cell's first and last (cells are centred vertically: any may hold the row's
// first or last line).
struct TablePlaces
{
    int caption = -1, total = -1, header = -1;
    std::vector<int> body;
    std::vector<std::vector<int>> bodyStarts, bodyEnds;
    std::vector<int> totalStarts, totalEnds;
};

// Keeps for one table row: each cell's first line with every cell's last.
void rowKeeps(std::vector<Keep> &keeps, std::size_t block, const std::vector<int> &starts,
              const std::vector<int> &ends, bool split, int row)
{
    for (const int start : starts)
        for (const int end : ends)
            if (end > start)
                keeps.push_back({block, start, end, split, row});
}

class Builder
{
public:
    Builder(const Document &document, const PageFixes &fixes, TextTarget target)
        : m_docModel(document), m_fixes(fixes), m_target(target),
          m_doc(std::make_unique<QTextDocument>()), m_cursor(m_doc.get())
    {
        m_doc->setDocumentMargin(0);
        m_doc->setDefaultFont(QFont(serifFamily(), 10));
        m_doc->setUndoRedoEnabled(false);
    }

    ReportText build();

private:
    // Starts a block (the document's first, or the empty one after a table, is reused).
    int startBlock(QTextBlockFormat format, const QTextCharFormat &chars);
    // Moves the cursor after the table just written.
    void leaveTable();
    bool takeBreak()
    {
        const bool b = m_pendingBreak;
        m_pendingBreak = false;
        return b;
    }

    void title();
    int heading(const Block &b);
    int paragraph(const QString &text, bool note);
    int fields(const Fields &f);
    TablePlaces table(std::size_t index, const Table &t);
    QTextTable *tablePart(const Table &t, int columns, int firstBody, int endBody, bool withTotal,
                          TablePlaces &places);
    void tableWidths(const Table &t, int columns, QTextTableFormat &format) const;
    std::pair<int, int> figure(std::size_t index, const Figure &f);
    int verdict(const Verdict &v);
    int signatures(const Signatures &s);

    const Document &m_docModel;
    const PageFixes &m_fixes;
    TextTarget m_target;
    std::unique_ptr<QTextDocument> m_doc;
    QTextCursor m_cursor;
    bool m_fresh = true;
    bool m_pendingBreak = false;
};

int Builder::startBlock(QTextBlockFormat format, const QTextCharFormat &chars)
{
    if (takeBreak())
        format.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
    if (m_fresh) {
        m_cursor.setBlockFormat(format);
        m_cursor.setBlockCharFormat(chars);
        m_fresh = false;
    } else {
        m_cursor.insertBlock(format, chars);
    }
    m_cursor.setCharFormat(chars);
    return m_cursor.block().position();
}

void Builder::leaveTable()
{
    m_cursor = m_doc->rootFrame()->lastCursorPosition();
    m_fresh = true;
}

void Builder::title()
{
    if (!m_docModel.title.isEmpty()) {
        const auto f = charFormat(sansFamily(), 20, true);
        startBlock(blockFormat(Qt::AlignHCenter, 6, 8), f);
        m_cursor.insertText(m_docModel.title, f);
    }
    if (!m_docModel.subtitle.isEmpty()) {
        const auto f = charFormat(sansFamily(), 14);
        startBlock(blockFormat(Qt::AlignHCenter, 0, 16), f);
        m_cursor.insertText(m_docModel.subtitle, f);
    }
}

int Builder::heading(const Block &b)
{
    const bool top = b.level <= 1;
    QTextBlockFormat bf = blockFormat(Qt::AlignLeft, top ? 14 : 10, top ? 6 : 4);
    bf.setHeadingLevel(std::clamp(b.level, 1, 6));
    const auto f = charFormat(sansFamily(), top ? 14 : 12, true);
    const int at = startBlock(bf, f);
    m_cursor.insertText(b.text, f);
    return at;
}

int Builder::paragraph(const QString &text, bool note)
{
    QTextBlockFormat bf = blockFormat(Qt::AlignJustify, note ? 2 : 0, note ? 4 : 5);
    const auto f = note ? charFormat(serifFamily(), 9, false, QColor(0x55, 0x55, 0x55))
                        : charFormat(serifFamily(), 10.5);
    if (!note) {
        bf.setTextIndent(pt(21)); // two characters, as Chinese paragraphs start
        bf.setLineHeight(140, QTextBlockFormat::ProportionalHeight);
    }
    const int at = startBlock(bf, f);
    m_cursor.insertText(text, f);
    return at;
}

int Builder::fields(const Fields &fields)
{
    const int rows = int(fields.items.size());
    if (rows == 0)
        return -1;
    QTextTableFormat tf;
    tf.setBorder(0);
    tf.setBorderStyle(QTextFrameFormat::BorderStyle_None);
    tf.setCellSpacing(0);
    tf.setCellPadding(pt(2.5));
    tf.setTopMargin(pt(4));
    tf.setBottomMargin(pt(6));
    if (m_target == TextTarget::Print) {
        tf.setWidth(QTextLength(QTextLength::PercentageLength, 100));
        tf.setColumnWidthConstraints({QTextLength(QTextLength::PercentageLength, 24),
                                      QTextLength(QTextLength::PercentageLength, 76)});
    } else {
        tf.setWidth(QTextLength(QTextLength::FixedLength, mmToPoints(kBodyWidthMm)));
        tf.setColumnWidthConstraints(
            {QTextLength(QTextLength::FixedLength, mmToPoints(kBodyWidthMm * 0.24)),
             QTextLength(QTextLength::FixedLength, mmToPoints(kBodyWidthMm * 0.76))});
    }
    if (takeBreak())
        tf.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
    QTextTable *table = m_cursor.insertTable(rows, 2, tf);
    const auto label = charFormat(sansFamily(), 10.5, true, QColor(0x33, 0x33, 0x33));
    const auto value = charFormat(serifFamily(), 10.5);
    for (int r = 0; r < rows; ++r) {
        QTextCursor c = table->cellAt(r, 0).firstCursorPosition();
        c.insertText(fields.items[std::size_t(r)].first, label);
        c = table->cellAt(r, 1).firstCursorPosition();
        c.insertText(fields.items[std::size_t(r)].second, value);
    }
    const int at = table->cellAt(std::min(1, rows - 1), 0).firstCursorPosition().position();
    leaveTable();
    return at;
}

void Builder::tableWidths(const Table &t, int columns, QTextTableFormat &format) const
{
    std::vector<double> widths(t.widthsMm.begin(), t.widthsMm.end());
    widths.resize(std::size_t(columns), 0);
    double total = std::accumulate(widths.begin(), widths.end(), 0.0);
    const bool given = !t.widthsMm.empty() && total > 0;
    if (!given && m_target == TextTarget::Print) {
        // Qt shares the width out by the cells' text.
        format.setWidth(QTextLength(QTextLength::PercentageLength, 100));
        return;
    }
    if (!given) {
        // The ODF writer would give every column the same width: share it by the text.
        for (int c = 0; c < columns; ++c) {
            double ems = 2;
            auto widen = [&](const QStringList &row) {
                ems = std::max(ems, textEms(row.value(c)) + 1);
            };
            for (const auto &row : t.header)
                widen(row);
            for (const auto &row : t.rows)
                widen(row);
            widen(t.total);
            widths[std::size_t(c)] = std::min(ems, 24.0);
        }
        total = std::accumulate(widths.begin(), widths.end(), 0.0);
        for (double &w : widths)
            w *= kBodyWidthMm / total;
        total = kBodyWidthMm;
    }
    const double tableMm = std::min(total, kBodyWidthMm);
    QList<QTextLength> constraints;
    for (const double w : widths) {
        if (m_target == TextTarget::Print)
            constraints << QTextLength(QTextLength::PercentageLength, w / total * 100);
        else
            constraints << QTextLength(QTextLength::FixedLength, mmToPoints(w / total * tableMm));
    }
    format.setColumnWidthConstraints(constraints);
    format.setWidth(m_target == TextTarget::Print
                        ? QTextLength(QTextLength::PercentageLength, tableMm / kBodyWidthMm * 100)
                        : QTextLength(QTextLength::FixedLength, mmToPoints(tableMm)));
}

QTextTable *Builder::tablePart(const Table &t, int columns, int firstBody, int endBody,
                               bool withTotal, TablePlaces &places)
{
    const int headerRows = int(t.header.size());
    const int rows = headerRows + (endBody - firstBody) + (withTotal ? 1 : 0);
    QTextTableFormat tf;
    tf.setBorder(pt(0.5));
    tf.setBorderBrush(QColor(0x33, 0x33, 0x33));
    tf.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    tf.setBorderCollapse(true);
    tf.setCellSpacing(0);
    tf.setCellPadding(0); // the cells' own: wider at the sides
    tf.setHeaderRowCount(headerRows);
    tf.setAlignment(Qt::AlignHCenter);
    tf.setTopMargin(pt(2));
    tf.setBottomMargin(pt(2));
    tableWidths(t, columns, tf);
    if (takeBreak())
        tf.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
    QTextTable *table = m_cursor.insertTable(std::max(rows, 1), columns, tf);

    const auto head = charFormat(sansFamily(), 9, true);
    const auto body = charFormat(serifFamily(), 9);
    const auto bold = charFormat(serifFamily(), 9, true);
    // With collapsed borders Qt rules the grid from the cells' own borders.
    QTextTableCellFormat bodyCell;
    bodyCell.setBorder(pt(0.5));
    bodyCell.setBorderBrush(QColor(0x33, 0x33, 0x33));
    bodyCell.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    bodyCell.setVerticalAlignment(QTextCharFormat::AlignMiddle);
    bodyCell.setLeftPadding(pt(4));
    bodyCell.setRightPadding(pt(4));
    bodyCell.setTopPadding(pt(1.5));
    bodyCell.setBottomPadding(pt(1.5));
    QTextTableCellFormat headCell = bodyCell;
    headCell.setBackground(QColor(0xEC, 0xEC, 0xEC));
    headCell.setProperty(kShaded, true);
    auto numeric = [&](int c) {
        return std::size_t(c) < t.numeric.size() && t.numeric[std::size_t(c)];
    };
    auto fill = [&](int r, const QStringList &cells, bool header, bool total) {
        std::vector<int> *starts = header  ? nullptr
                                   : total ? &places.totalStarts
                                           : &places.bodyStarts.emplace_back();
        std::vector<int> *ends = header  ? nullptr
                                 : total ? &places.totalEnds
                                         : &places.bodyEnds.emplace_back();
        for (int c = 0; c < columns; ++c) {
            QTextTableCell cell = table->cellAt(r, c);
            cell.setFormat(header ? headCell : bodyCell);
            QTextCursor cc = cell.firstCursorPosition();
            QTextBlockFormat bf;
            // Figures right so their digits line up; 合计 (a word in a figure column) centred.
            const bool word =
                total && !cells.value(c).isEmpty() && !cells.value(c).front().isDigit();
            bf.setAlignment(header || (word && numeric(c)) ? Qt::Alignment(Qt::AlignHCenter)
                            : numeric(c)                   ? Qt::AlignRight | Qt::AlignAbsolute
                                                           : Qt::AlignLeft | Qt::AlignAbsolute);
            cc.setBlockFormat(bf);
            cc.insertText(cells.value(c), header ? head : total ? bold : body);
            if (starts) {
                starts->push_back(cell.firstCursorPosition().position());
                ends->push_back(cell.lastCursorPosition().position());
            }
        }
    };
    int r = 0;
    for (const QStringList &h : t.header) {
        if (places.header < 0)
            places.header = table->cellAt(r, 0).firstCursorPosition().position();
        fill(r++, h, true, false);
    }
    for (int b = firstBody; b < endBody; ++b) {
        places.body.push_back(table->cellAt(r, 0).firstCursorPosition().position());
        fill(r++, t.rows[std::size_t(b)], false, false);
    }
    if (withTotal) {
        places.total = table->cellAt(r, 0).firstCursorPosition().position();
        fill(r++, t.total, false, true);
    }
    return table;
}

TablePlaces Builder::table(std::size_t index, const Table &t)
{
    TablePlaces places;
    if (!t.caption.isEmpty()) {
        const auto f = charFormat(sansFamily(), 10.5, true);
        QTextBlockFormat bf = blockFormat(Qt::AlignHCenter, 8, 2);
        bf.setProperty(kKeepWithNext, true);
        places.caption = startBlock(bf, f);
        m_cursor.insertText(t.caption, f);
    }
    int columns = 1;
    for (const auto &row : t.header)
        columns = std::max(columns, int(row.size()));
    for (const auto &row : t.rows)
        columns = std::max(columns, int(row.size()));
    columns = std::max(columns, int(t.total.size()));

    const int bodyRows = int(t.rows.size());
    // Continued on a new page from each split row: the header again, then the rows (and after
    // the last part the total).
    std::vector<int> cuts{0};
    if (const auto split = m_fixes.splitAt.find(index); split != m_fixes.splitAt.end())
        for (const int at : split->second)
            if (at > cuts.back() && at < bodyRows)
                cuts.push_back(at);
    cuts.push_back(bodyRows);
    for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
        if (k > 0) {
            leaveTable();
            m_pendingBreak = true;
        }
        tablePart(t, columns, cuts[k], cuts[k + 1], k + 2 == cuts.size() && !t.total.isEmpty(),
                  places);
    }
    leaveTable();
    if (!t.note.isEmpty()) {
        const auto f = charFormat(serifFamily(), 8.5, false, QColor(0x55, 0x55, 0x55));
        startBlock(blockFormat(Qt::AlignLeft, 1, 6), f);
        m_cursor.insertText(t.note, f);
    }
    return places;
}

std::pair<int, int> Builder::figure(std::size_t index, const Figure &f)
{
    int image = -1, caption = -1;
    if (!f.image.isNull()) {
        const QString name = QStringLiteral("report-figure-%1.png").arg(index);
        m_doc->addResource(QTextDocument::ImageResource, QUrl(name), f.image);
        const double widthMm = std::min(f.widthMm > 0 ? f.widthMm : kBodyWidthMm, kBodyWidthMm);
        QTextImageFormat img;
        img.setName(name);
        img.setWidth(mm(widthMm));
        img.setHeight(mm(widthMm * f.image.height() / std::max(1, f.image.width())));
        img.setQuality(100); // PNG in the ODT: maps keep their lines sharp
        QTextBlockFormat bf = blockFormat(Qt::AlignHCenter, 6, 2);
        bf.setProperty(kKeepWithNext, !f.caption.isEmpty());
        image = startBlock(bf, QTextCharFormat());
        m_cursor.insertImage(img);
    }
    if (!f.caption.isEmpty()) {
        const auto c = charFormat(sansFamily(), 9.5);
        caption = startBlock(blockFormat(Qt::AlignHCenter, 2, 8), c);
        m_cursor.insertText(f.caption, c);
    }
    return {image, caption};
}

int Builder::verdict(const Verdict &v)
{
    const QColor colour =
        QColor::isValidColorName(v.color) ? QColor::fromString(v.color) : QColor(Qt::black);
    QTextTableFormat tf;
    tf.setBorder(pt(1.5));
    tf.setBorderBrush(colour);
    tf.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    tf.setBorderCollapse(true);
    tf.setCellSpacing(0);
    tf.setCellPadding(pt(6));
    tf.setTopMargin(pt(6));
    tf.setBottomMargin(pt(8));
    tf.setWidth(m_target == TextTarget::Print
                    ? QTextLength(QTextLength::PercentageLength, 100)
                    : QTextLength(QTextLength::FixedLength, mmToPoints(kBodyWidthMm)));
    if (takeBreak())
        tf.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
    QTextTable *table = m_cursor.insertTable(1, 1, tf);
    QTextTableCellFormat frame;
    frame.setBorder(pt(1.5));
    frame.setBorderBrush(colour);
    frame.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    table->cellAt(0, 0).setFormat(frame);
    QTextCursor c = table->cellAt(0, 0).firstCursorPosition();
    const int at = c.position();
    c.setBlockFormat(blockFormat(Qt::AlignHCenter, 0, 4));
    c.insertText(QStringLiteral("审查结论："), charFormat(sansFamily(), 14, true));
    c.insertText(v.text, charFormat(sansFamily(), 18, true, colour));
    const auto reason = charFormat(serifFamily(), 10.5);
    for (qsizetype i = 0; i < v.reasons.size(); ++i) {
        QTextBlockFormat bf = blockFormat(Qt::AlignLeft, 1, 1);
        bf.setLeftMargin(pt(12));
        bf.setTextIndent(-pt(12));
        c.insertBlock(bf, reason);
        c.insertText(QStringLiteral("%1. %2").arg(i + 1).arg(v.reasons[i]), reason);
    }
    leaveTable();
    return at;
}

int Builder::signatures(const Signatures &s)
{
    const int rows = int(s.labels.size());
    if (rows == 0)
        return -1;
    QTextTableFormat tf;
    tf.setBorder(0);
    tf.setBorderStyle(QTextFrameFormat::BorderStyle_None);
    tf.setBorderCollapse(true);
    tf.setCellSpacing(0);
    tf.setCellPadding(pt(3));
    tf.setTopMargin(pt(14));
    tf.setAlignment(Qt::AlignRight);
    if (m_target == TextTarget::Print) {
        tf.setWidth(QTextLength(QTextLength::PercentageLength, 60));
        tf.setColumnWidthConstraints({QTextLength(QTextLength::PercentageLength, 30),
                                      QTextLength(QTextLength::PercentageLength, 70)});
    } else {
        const double w = mmToPoints(kBodyWidthMm * 0.6);
        tf.setWidth(QTextLength(QTextLength::FixedLength, w));
        tf.setColumnWidthConstraints({QTextLength(QTextLength::FixedLength, w * 0.3),
                                      QTextLength(QTextLength::FixedLength, w * 0.7)});
    }
    if (takeBreak())
        tf.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
    QTextTable *table = m_cursor.insertTable(rows, 2, tf);
    const auto label = charFormat(sansFamily(), 10.5, true);
    // The blank is a cell ruled underneath: room to sign above the line.
    QTextTableCellFormat line;
    line.setTopPadding(pt(16));
    line.setBottomBorder(pt(0.75));
    line.setBottomBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    line.setBottomBorderBrush(Qt::black);
    QTextTableCellFormat labelCell;
    labelCell.setTopPadding(pt(16));
    labelCell.setVerticalAlignment(QTextCharFormat::AlignBottom);
    for (int r = 0; r < rows; ++r) {
        QTextTableCell l = table->cellAt(r, 0);
        l.setFormat(labelCell);
        QTextCursor c = l.firstCursorPosition();
        QTextBlockFormat right;
        right.setAlignment(Qt::AlignRight | Qt::AlignAbsolute);
        c.setBlockFormat(right);
        c.insertText(s.labels[r] + QStringLiteral("："), label);
        table->cellAt(r, 1).setFormat(line);
    }
    const int at = table->cellAt(0, 0).firstCursorPosition().position();
    leaveTable();
    return at;
}

ReportText Builder::build()
{
    ReportText out;
    title();
    const auto &blocks = m_docModel.blocks;
    // Per block: where it starts, and where what must share a page with a heading before it is.
    std::vector<int> starts(blocks.size(), -1), targets(blocks.size(), -1);
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const Block &b = blocks[i];
        if (m_fixes.breakBefore.count(i))
            m_pendingBreak = true;
        switch (b.kind) {
        case Block::Kind::Heading:
            starts[i] = targets[i] = heading(b);
            break;
        case Block::Kind::Paragraph:
        case Block::Kind::Note: {
            starts[i] = targets[i] = paragraph(b.text, b.kind == Block::Kind::Note);
            // A short paragraph is not parted across pages (no lone first or last line); a
            // longer one may be, where moving it whole would leave much of a page empty.
            const QTextBlock tb = m_doc->findBlock(starts[i]);
            if (b.text.size() <= kWholeParagraphChars && tb.length() > 2)
                out.keeps.push_back({i, starts[i], tb.position() + tb.length() - 2, false, 0});
            break;
        }
        case Block::Kind::Fields:
            starts[i] = targets[i] = fields(b.fields);
            break;
        case Block::Kind::Table: {
            const TablePlaces p = table(i, b.table);
            const int first = !p.body.empty() ? p.body[std::min<std::size_t>(1, p.body.size() - 1)]
                              : p.total >= 0  ? p.total
                                              : p.header;
            starts[i] = p.caption >= 0 ? p.caption : p.header;
            targets[i] = first;
            if (p.caption >= 0 && first >= 0)
                out.keeps.push_back({i, p.caption, first, false, 0});
            if (p.total >= 0 && !p.body.empty()) {
                const int last = int(p.body.size()) - 1;
                out.keeps.push_back({i, p.body.back(), p.total, last > 0, last});
                rowKeeps(out.keeps, i, p.totalStarts, p.totalEnds, last > 0, last);
            }
            // No row parted across pages: every cell's first and last lines on one page (the
            // first row moves the table, the others continue it on a new page).
            for (std::size_t r = 0; r < p.bodyStarts.size(); ++r)
                rowKeeps(out.keeps, i, p.bodyStarts[r], p.bodyEnds[r], r > 0, int(r));
            break;
        }
        case Block::Kind::Figure: {
            const auto [image, caption] = figure(i, b.figure);
            starts[i] = image >= 0 ? image : caption;
            targets[i] = caption >= 0 ? caption : image;
            if (image >= 0 && caption >= 0)
                out.keeps.push_back({i, image, caption, false, 0});
            break;
        }
        case Block::Kind::Verdict:
            starts[i] = targets[i] = verdict(b.verdict);
            break;
        case Block::Kind::Signatures:
            starts[i] = targets[i] = signatures(b.signatures);
            break;
        case Block::Kind::PageBreak:
            m_pendingBreak = true;
            break;
        }
    }
    // A run of headings stays with the first rows or lines of what follows it.
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (blocks[i].kind != Block::Kind::Heading ||
            (i > 0 && blocks[i - 1].kind == Block::Kind::Heading))
            continue;
        std::size_t j = i;
        while (j < blocks.size() && blocks[j].kind == Block::Kind::Heading)
            ++j;
        if (j < blocks.size() && targets[j] >= 0 && starts[i] >= 0)
            out.keeps.push_back({i, starts[i], targets[j], false, 0});
    }
    std::sort(out.keeps.begin(), out.keeps.end(),
              [](const Keep &a, const Keep &b) { return a.start < b.start; });
    out.doc = std::move(m_doc);
    return out;
}

} // namespace

ReportText buildReportText(const Document &document, const PageFixes &fixes, TextTarget target)
{
    return Builder(document, fixes, target).build();
}

} // namespace planlines::layers::report
