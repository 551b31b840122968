#include "sheetparts.h"

#include <QFontMetricsF>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace planlines::layers::sheet {

namespace {

// "12 000" with a thin gap every three digits, as Chinese sheets print scales.
QString grouped(double value)
{
    QString digits = QString::number(qlonglong(std::llround(value)));
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, QLatin1Char(' '));
    return digits;
}

void drawSwatch(const PaperCanvas &c, const SheetTemplate &t, const QRectF &mm,
                const LegendItem &item)
{
    QPainter &p = c.painter();
    const Symbol &s = item.symbol;
    const QRectF r = c.px(mm);
    const double minW = c.px(0.1 * t.sizeFactor);
    auto makePen = [&](const QColor &color, double widthMm, const std::vector<double> &dash) {
        QPen pen(color, std::max(c.px(widthMm), minW), Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin);
        if (!dash.empty()) {
            QList<qreal> pattern;
            for (const double d : dash)
                pattern << std::max(0.05, d / std::max(widthMm, 0.05));
            pen.setDashPattern(pattern);
        }
        return pen;
    };
    if (item.kind == GeometryKind::Point) {
        const Marker &m = s.marker;
        const double rr = c.px(std::min(m.sizeMm, mm.height()) / 2);
        const QColor fill = m.fill.isValid() ? m.fill : s.fill;
        const QColor outline = m.outline.isValid() ? m.outline : s.outline;
        p.setBrush(fill.isValid() ? QBrush(fill) : QBrush(Qt::NoBrush));
        p.setPen(outline.isValid() && outline != Qt::white ? makePen(outline, m.outlineWidthMm, {})
                                                           : QPen(Qt::NoPen));
        if (m.shape == MarkerShape::Square)
            p.drawRect(QRectF(r.center() - QPointF(rr, rr), QSizeF(2 * rr, 2 * rr)));
        else if (m.shape == MarkerShape::Circle)
            p.drawEllipse(r.center(), rr, rr);
        else {
            QPolygonF star;
            const int n =
                m.shape == MarkerShape::Star ? 10 : (m.shape == MarkerShape::Triangle ? 3 : 4);
            for (int i = 0; i < n; ++i) {
                const double a = -M_PI / 2 + i * 2 * M_PI / n;
                const double k = (m.shape == MarkerShape::Star && i % 2) ? 0.42 : 1;
                star << r.center() + QPointF(std::cos(a), std::sin(a)) * rr * k;
            }
            p.drawPolygon(star);
        }
        return;
    }
    if (item.kind == GeometryKind::Line) {
        p.setPen(makePen(s.outline, s.outlineWidthMm, s.outlineDashMm));
        p.drawLine(QPointF(r.left(), r.center().y()), QPointF(r.right(), r.center().y()));
        return;
    }
    p.setBrush(s.hasFill() ? QBrush(s.fill) : QBrush(Qt::NoBrush));
    p.setPen(Qt::NoPen);
    p.drawRect(r);
    if (s.hatch) {
        p.save();
        p.setClipRect(r, Qt::IntersectClip);
        p.setPen(QPen(s.hatch->color, std::max(c.px(s.hatch->widthMm), minW)));
        const double step = c.px(std::max(s.hatch->spacingMm, 0.8));
        for (double x = r.left() - r.height(); x < r.right(); x += step)
            p.drawLine(QPointF(x, r.bottom()), QPointF(x + r.height(), r.top()));
        p.restore();
    }
    if (s.hasOutline()) {
        p.setBrush(Qt::NoBrush);
        p.setPen(makePen(s.outline, std::min(s.outlineWidthMm, 0.6), s.outlineDashMm));
        p.drawRect(r);
    } else if (!s.hasFill()) {
        p.setPen(makePen(Qt::gray, 0.1, {}));
        p.drawRect(r);
    }
}

} // namespace

void drawTitle(const PaperCanvas &c, const SheetTemplate &t, const QString &title,
               const QString &subtitle)
{
    const QRectF r = t.titleMm;
    const double titleH = t.titleMmSize() * 1.25;
    c.drawText(QRectF(r.left(), r.top(), r.width(), titleH), Qt::AlignHCenter | Qt::AlignTop, title,
               c.font(t.titleMmSize(), true));
    if (!subtitle.isEmpty())
        c.drawText(QRectF(r.left(), r.top() + titleH + 0.8 * t.sizeFactor, r.width(),
                          t.subtitleMmSize() * 1.3),
                   Qt::AlignHCenter | Qt::AlignTop, subtitle, c.font(t.subtitleMmSize()));
}

double drawLegend(const PaperCanvas &c, const SheetTemplate &t, const QRectF &room,
                  const std::vector<LegendItem> &items)
{
    const double s = t.sizeFactor;
    const double headH = t.headingMmSize() * 1.8;
    c.drawText(QRectF(room.left(), room.top(), room.width(), headH),
               Qt::AlignHCenter | Qt::AlignTop, QStringLiteral("图例"),
               c.font(t.headingMmSize(), true));
    if (items.empty())
        return headH;
    // Shrink rows until every item fits in columns at least 34 mm wide (at A3).
    double k = 1;
    int columns = 1, rowsPerColumn = 1;
    for (; k >= 0.55; k -= 0.05) {
        const double rowH = 4.6 * s * k;
        rowsPerColumn = std::max(1, int((room.height() - headH) / rowH));
        columns = int((items.size() + rowsPerColumn - 1) / rowsPerColumn);
        if (columns * 34 * s * k <= room.width() + 1e-6)
            break;
    }
    k = std::max(k, 0.55);
    const double rowH = 4.6 * s * k;
    const int maxColumns = std::max(1, int(room.width() / (34 * s * k)));
    columns = std::min(columns, maxColumns);
    const double colW = room.width() / columns;
    const QFont text = c.font(t.textMmSize() * k);
    const QFont bold = c.font(t.textMmSize() * k, true);
    const std::size_t capacity = std::size_t(columns) * std::size_t(rowsPerColumn);
    for (std::size_t i = 0; i < items.size() && i < capacity; ++i) {
        const int col = int(i) / rowsPerColumn, row = int(i) % rowsPerColumn;
        const QRectF cell(room.left() + col * colW, room.top() + headH + row * rowH, colW, rowH);
        const LegendItem &item = items[i];
        if (i + 1 == capacity && capacity < items.size()) {
            c.drawText(cell, Qt::AlignLeft | Qt::AlignVCenter,
                       QStringLiteral("…另有%1项").arg(items.size() - i), text, Qt::darkGray);
            break;
        }
        if (item.heading && !item.headingSwatch) {
            c.drawText(cell.adjusted(0.5 * s, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                       item.label, bold);
            continue;
        }
        // A class is indented under its layer's heading; a layer without classes is a heading
        // of its own, its name bold beside its swatch.
        const double indent = item.heading ? 1 * s : 3.5 * s * k;
        const QRectF swatch(cell.left() + indent, cell.center().y() - 1.6 * s * k, 7 * s * k,
                            3.2 * s * k);
        drawSwatch(c, t, swatch, item);
        c.drawText(QRectF(swatch.right() + 1.5 * s * k, cell.top(),
                          cell.right() - swatch.right() - 2 * s * k, cell.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, item.label, item.heading ? bold : text);
    }
    return headH + std::min<double>(rowsPerColumn, double(items.size())) * rowH;
}

void drawTable(const PaperCanvas &c, const SheetTemplate &t, const QRectF &room,
               const QString &title, const std::vector<QStringList> &rows)
{
    const double s = t.sizeFactor;
    double top = room.top();
    if (!title.isEmpty()) {
        c.drawText(QRectF(room.left(), top, room.width(), t.headingMmSize() * 1.6),
                   Qt::AlignHCenter | Qt::AlignTop, title, c.font(t.headingMmSize() * 0.85, true));
        top += t.headingMmSize() * 1.6;
    }
    if (rows.empty())
        return;
    qsizetype columns = 0;
    for (const auto &r : rows)
        columns = std::max(columns, r.size());
    // Columns as wide as their widest cell, scaled to the room. A row with fewer cells than
    // columns spans its last cell over the rest (a verdict, a rule's finding) and does not
    // widen the columns.
    // A table wider than its room is set smaller (down to 0.75 of the text size) rather than
    // have its cells shortened with "…": a figure cut short reads as another figure.
    double textMm = t.smallMmSize();
    QFont font;
    std::vector<double> widths;
    double total = 0;
    for (int pass = 0; pass < 2; ++pass) {
        font = c.font(textMm);
        const QFont bold = c.font(textMm, true); // the header row's
        widths.assign(std::size_t(columns), 4 * s);
        for (const auto &r : rows)
            for (qsizetype i = 0; i < r.size(); ++i)
                if (r.size() == columns || i + 1 < r.size())
                    widths[std::size_t(i)] =
                        std::max(widths[std::size_t(i)],
                                 c.textWidthMm(r[i], &r == &rows.front() ? bold : font) + 2 * s);
        total = 0;
        for (const double w : widths)
            total += w;
        if (total <= room.width())
            break;
        textMm = std::max(0.75, room.width() / total) * t.smallMmSize();
    }
    const double rowH = std::min(t.textMmSize() * 1.9, (room.bottom() - top) / double(rows.size()));
    QPainter &p = c.painter();
    double y = top;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        double x = room.left();
        if (r == 0) {
            p.fillRect(c.px(QRectF(x, y, room.width(), rowH)), QColor(0xEE, 0xEE, 0xEE));
        }
        const qsizetype cells = std::max<qsizetype>(1, rows[r].size());
        for (qsizetype i = 0; i < cells; ++i) {
            double w = widths[std::size_t(i)] * room.width() / total;
            if (i + 1 == cells)
                w = room.right() - x;
            const QRectF cell(x, y, w, rowH);
            c.strokeRect(cell, t.thinLineMm());
            // Figures right-aligned, so their digits line up down a column.
            bool figure = false;
            rows[r].value(i).toDouble(&figure);
            c.drawText(cell.adjusted(s, 0, -s, 0),
                       (r > 0 && figure ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter,
                       rows[r].value(i), r == 0 ? c.font(textMm, true) : font);
            x += w;
        }
        y += rowH;
    }
}

void drawScaleBar(const PaperCanvas &c, const SheetTemplate &t, const SheetLayout &layout)
{
    const double s = t.sizeFactor;
    const ScaleBar &bar = layout.scaleBar;
    const QRectF room = t.scaleBarMm;
    c.drawText(QRectF(room.left(), room.top(), room.width(), 5 * s), Qt::AlignLeft | Qt::AlignTop,
               QStringLiteral("比例尺 1:%1").arg(grouped(layout.scaleDenominator)),
               c.font(t.textMmSize(), true));
    if (bar.groundM <= 0)
        return;
    QPainter &p = c.painter();
    const double seg = bar.lengthMm / bar.segments;
    p.setPen(Qt::NoPen);
    for (int i = 0; i < bar.segments; ++i) {
        const QRectF r(bar.barMm.left() + i * seg, bar.barMm.top(), seg, bar.barMm.height());
        p.setBrush(i % 2 ? Qt::white : Qt::black);
        p.drawRect(c.px(r));
    }
    c.strokeRect(bar.barMm, 0.12 * s);
    const QFont font = c.font(t.smallMmSize());
    const double unit = bar.unit == QLatin1String("km") ? 1000 : 1;
    for (int i = 0; i <= bar.segments; i += 2) {
        const double x = bar.barMm.left() + i * seg;
        const double value = bar.groundM * i / bar.segments / unit;
        QString label = QString::number(value, 'g', 6);
        if (i == bar.segments)
            label +=
                bar.unit == QLatin1String("km") ? QStringLiteral(" 千米") : QStringLiteral(" 米");
        const double w = c.textWidthMm(label, font);
        const double left = i == bar.segments
                                ? x - c.textWidthMm(QString::number(value, 'g', 6), font) / 2
                                : x - w / 2;
        c.drawText(QPointF(left, bar.barMm.bottom() + t.smallMmSize() * 1.3), label, font);
    }
}

void drawNorthArrow(const PaperCanvas &c, const SheetTemplate &t, const QRectF &roomMm)
{
    // Beside the scale bar, outside the map, so no map label can run under it.
    const double s = t.sizeFactor;
    const double h = std::min(15 * s, roomMm.height()), w = h / 2;
    const QRectF box(roomMm.right() - w - 2 * s, roomMm.top(), w, h);
    QPainter &p = c.painter();
    const QPointF tip(box.center().x(), box.top() + 4.5 * s);
    const QPointF notch(box.center().x(), box.bottom() - 2.5 * s);
    const double baseY = box.bottom();
    QPolygonF left, right;
    left << c.px(tip) << c.px(QPointF(box.left(), baseY)) << c.px(notch);
    right << c.px(tip) << c.px(QPointF(box.right(), baseY)) << c.px(notch);
    p.setPen(QPen(Qt::black, c.px(0.15 * s), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::black);
    p.drawPolygon(left);
    p.setBrush(Qt::white);
    p.drawPolygon(right);
    c.drawText(QRectF(box.left() - 2 * s, box.top(), box.width() + 4 * s, 4.5 * s),
               Qt::AlignHCenter | Qt::AlignTop, QStringLiteral("北"), c.font(3.6 * s, true));
}

void drawGrid(const PaperCanvas &c, const SheetTemplate &t, const SheetLayout &layout)
{
    const double g = layout.gridIntervalM;
    if (g <= 0)
        return;
    const double s = t.sizeFactor;
    const QRectF f = t.frameMm;
    const geodata::Envelope &e = layout.frameExtent;
    auto xMm = [&](double easting) { return f.left() + (easting - e.minX) / layout.unitsPerMm(); };
    auto yMm = [&](double northing) { return f.top() + (e.maxY - northing) / layout.unitsPerMm(); };
    QPainter &p = c.painter();
    p.setPen(QPen(QColor(40, 80, 160, 150), c.px(0.1 * s)));
    QPainterPath lines;
    const QFont font = c.font(t.smallMmSize());
    const double corner = 4 * s;
    auto label = [&](double metres) {
        if (layout.geographic) {
            const int minutes = int(std::lround(metres * 60));
            return QStringLiteral("%1°%2′")
                .arg(minutes / 60)
                .arg(minutes % 60, 2, 10, QLatin1Char('0'));
        }
        return g >= 1000 ? QString::number(metres / 1000, 'f', 0)
                         : QString::number(metres / 1000, 'f', 1);
    };
    for (double x = std::ceil(e.minX / g) * g; x <= e.maxX; x += g) {
        const double mm = xMm(x);
        lines.moveTo(c.px(QPointF(mm, f.top())));
        lines.lineTo(c.px(QPointF(mm, f.bottom())));
        if (mm - f.left() < corner || f.right() - mm < corner)
            continue;
        const QString text = label(x);
        const double w = c.textWidthMm(text, font);
        c.drawText(QPointF(mm - w / 2, f.top() - 1.2 * s), text, font);
        c.drawText(QPointF(mm - w / 2, f.bottom() + 1.2 * s + t.smallMmSize() * 0.9), text, font);
    }
    for (double y = std::ceil(e.minY / g) * g; y <= e.maxY; y += g) {
        const double mm = yMm(y);
        lines.moveTo(c.px(QPointF(f.left(), mm)));
        lines.lineTo(c.px(QPointF(f.right(), mm)));
        if (mm - f.top() < corner || f.bottom() - mm < corner)
            continue;
        const QString text = label(y);
        const double w = c.textWidthMm(text, font);
        // Northings read upwards along the left and right edges.
        for (const double edge :
             {f.left() - 1.2 * s, f.right() + 1.2 * s + t.smallMmSize() * 0.9}) {
            p.save();
            p.translate(c.px(QPointF(edge, mm)));
            p.rotate(-90);
            c.drawText(QPointF(-w / 2, 0), text, font);
            p.restore();
        }
    }
    p.setPen(QPen(QColor(40, 80, 160, 150), c.px(0.1 * s)));
    p.setBrush(Qt::NoBrush);
    p.drawPath(lines);
    c.drawText(QRectF(f.left(), t.outerMm.bottom() + 0.8 * s, f.width(), 3 * s),
               Qt::AlignRight | Qt::AlignTop,
               layout.geographic
                   ? QStringLiteral("经纬网间隔 %1′").arg(g * 60)
                   : QStringLiteral("坐标网：X（北）/ Y（东），单位千米，间隔 %1 米").arg(g),
               c.font(t.smallMmSize() * 0.9), Qt::darkGray);
}

} // namespace planlines::layers::sheet
