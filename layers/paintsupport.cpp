#include "paintsupport.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace planlines::layers {

bool isCancelled(const std::atomic<bool> *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

QPen strokePen(const QColor &color, double widthMm, const std::vector<double> &dashMm,
               double pxPerMm, double minPx)
{
    const double width = std::max(widthMm * pxPerMm, minPx);
    QPen pen(color, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    if (!dashMm.empty()) {
        QList<qreal> pattern; // Qt counts dashes in pen widths
        for (const double d : dashMm)
            pattern << std::max(0.05, d * pxPerMm / width);
        pen.setDashPattern(pattern);
        pen.setCapStyle(Qt::FlatCap);
    }
    return pen;
}

QPainterPath markerPath(MarkerShape shape, double sizePx)
{
    const double r = sizePx / 2;
    QPainterPath p;
    auto polygon = [&](int corners, double innerRatio) {
        QPolygonF poly;
        const int n = innerRatio > 0 ? 2 * corners : corners;
        for (int i = 0; i < n; ++i) {
            const double a = -std::numbers::pi / 2 + i * 2 * std::numbers::pi / n;
            const double rr = (innerRatio > 0 && i % 2 == 1) ? r * innerRatio : r;
            poly << QPointF(rr * std::cos(a), rr * std::sin(a));
        }
        p.addPolygon(poly);
        p.closeSubpath();
    };
    switch (shape) {
    case MarkerShape::Circle:
        p.addEllipse(QPointF(0, 0), r, r);
        break;
    case MarkerShape::Square:
        p.addRect(QRectF(-r, -r, 2 * r, 2 * r));
        break;
    case MarkerShape::Triangle:
        polygon(3, 0);
        break;
    case MarkerShape::Diamond:
        polygon(4, 0);
        break;
    case MarkerShape::Star:
        polygon(5, 0.42);
        break;
    }
    return p;
}

} // namespace planlines::layers
