#include "progresschart.h"

#include <QDate>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace planlines::layers::corridor {

using geodata::corridor::SeriesPoint;

namespace {

QDate dateOf(const std::string &s)
{
    return QDate::fromString(QString::fromStdString(s), Qt::ISODate);
}

} // namespace

void drawProgressChart(QPainter &painter, const QRectF &rect,
                       const geodata::corridor::ProgressSeries &series, const std::string &date,
                       const ChartStyle &style)
{
    const double mm = style.pxPerMm;
    painter.save();
    QFont font(style.fontFamily);
    font.setPixelSize(std::max(1, static_cast<int>(std::round(2.6 * mm))));
    painter.setFont(font);
    const QRectF plot = rect.adjusted(16 * mm, 8 * mm, -4 * mm, -9 * mm);

    QDate first = dateOf(date), last = dateOf(date);
    for (const auto *s : {&series.actual, &series.planned})
        for (const auto &p : *s) {
            const QDate d = dateOf(p.date);
            if (d.isValid() && (!first.isValid() || d < first))
                first = d;
            if (d.isValid() && (!last.isValid() || d > last))
                last = d;
        }
    if (!first.isValid() || !last.isValid() || plot.width() <= 0 || plot.height() <= 0) {
        painter.restore();
        return;
    }
    first = QDate(first.year(), 1, 1);
    last = QDate(last.year() + 1, 1, 1);
    const double days = std::max<qint64>(1, first.daysTo(last));
    const double maxKm = std::max(0.001, series.totalLengthM / 1000);
    auto x = [&](const QDate &d) { return plot.left() + plot.width() * first.daysTo(d) / days; };
    auto y = [&](double m) { return plot.bottom() - plot.height() * (m / 1000) / maxKm; };

    // Title and legend.
    painter.setPen(Qt::black);
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), 6 * mm),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     QStringLiteral("累计完工长度（公里）：实际与计划"));
    // Grid and axes.
    painter.setPen(QPen(QColor(0xDD, 0xDD, 0xDD), 0.2 * mm));
    const int steps = 5;
    for (int i = 0; i <= steps; ++i) {
        const double v = maxKm * i / steps;
        const double yy = y(v * 1000);
        painter.drawLine(QPointF(plot.left(), yy), QPointF(plot.right(), yy));
        painter.save();
        painter.setPen(Qt::black);
        painter.drawText(
            QRectF(rect.left(), yy - 2 * mm, plot.left() - rect.left() - 1.5 * mm, 4 * mm),
            Qt::AlignRight | Qt::AlignVCenter, QString::number(v, 'f', 1));
        painter.restore();
    }
    for (int year = first.year(); year <= last.year(); ++year) {
        const double xx = x(QDate(year, 1, 1));
        painter.drawLine(QPointF(xx, plot.top()), QPointF(xx, plot.bottom()));
        if (year < last.year()) {
            painter.save();
            painter.setPen(Qt::black);
            const double next = x(QDate(year + 1, 1, 1));
            painter.drawText(QRectF(xx, plot.bottom() + 1 * mm, next - xx, 4 * mm), Qt::AlignCenter,
                             QString::number(year));
            painter.restore();
        }
    }
    painter.setPen(QPen(Qt::black, 0.25 * mm));
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());
    painter.drawLine(plot.bottomLeft(), plot.topLeft());

    auto stepPath = [&](const std::vector<SeriesPoint> &pts) {
        QPainterPath path;
        if (pts.empty())
            return path;
        path.moveTo(x(dateOf(pts.front().date)), y(0));
        for (const auto &p : pts) {
            const double xx = x(dateOf(p.date));
            path.lineTo(xx, path.currentPosition().y());
            path.lineTo(xx, y(p.lengthM));
        }
        path.lineTo(plot.right(), path.currentPosition().y());
        return path;
    };
    painter.setBrush(Qt::NoBrush);
    QPen planPen(style.planned, 0.5 * mm, Qt::DashLine);
    painter.setPen(planPen);
    painter.drawPath(stepPath(series.planned));
    // The actual line stops at the sheet's date: what happened after it is not yet known then.
    std::vector<SeriesPoint> upTo;
    for (const auto &p : series.actual)
        if (p.date <= date)
            upTo.push_back(p);
    painter.setPen(QPen(style.actual, 0.8 * mm));
    QPainterPath actual;
    if (!upTo.empty()) {
        actual.moveTo(x(dateOf(upTo.front().date)), y(0));
        for (const auto &p : upTo) {
            const double xx = x(dateOf(p.date));
            actual.lineTo(xx, actual.currentPosition().y());
            actual.lineTo(xx, y(p.lengthM));
        }
        actual.lineTo(x(dateOf(date)), actual.currentPosition().y());
    }
    painter.drawPath(actual);
    // The date.
    painter.setPen(QPen(QColor(0xC6, 0x28, 0x28), 0.3 * mm, Qt::DotLine));
    const double xd = x(dateOf(date));
    painter.drawLine(QPointF(xd, plot.top()), QPointF(xd, plot.bottom()));

    // Legend in the top-right corner of the plot.
    const QRectF legend(plot.right() - 36 * mm, plot.top() + 1 * mm, 35 * mm, 9 * mm);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(255, 255, 255, 220));
    painter.drawRect(legend);
    painter.setPen(QPen(style.actual, 0.8 * mm));
    painter.drawLine(QPointF(legend.left() + 1 * mm, legend.top() + 2.5 * mm),
                     QPointF(legend.left() + 7 * mm, legend.top() + 2.5 * mm));
    painter.setPen(planPen);
    painter.drawLine(QPointF(legend.left() + 1 * mm, legend.top() + 6.5 * mm),
                     QPointF(legend.left() + 7 * mm, legend.top() + 6.5 * mm));
    painter.setPen(Qt::black);
    painter.drawText(QRectF(legend.left() + 8.5 * mm, legend.top(), 26 * mm, 5 * mm),
                     Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("实际（已完工及以后）"));
    painter.drawText(QRectF(legend.left() + 8.5 * mm, legend.top() + 4 * mm, 26 * mm, 5 * mm),
                     Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("计划（计划完工日期）"));
    painter.restore();
}

} // namespace planlines::layers::corridor
