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

void drawHatch(QPainter &painter, const Hatch &h, const QPainterPath &clip, const MapViewport &vp,
               double pxPerMm, double minPx)
{
    const QRectF area = clip.boundingRect().intersected(QRectF(QPointF(0, 0), QSizeF(vp.sizePx())));
    if (area.isEmpty())
        return;
    const double spacing = std::max(2.0, h.spacingMm * pxPerMm);
    const double a = h.angleDeg * std::numbers::pi / 180;
    const QPointF dir(std::cos(a), -std::sin(a)); // pixel rows grow southwards
    const QPointF normal(std::sin(a), std::cos(a));
    auto along = [&](QPointF q) { return q.x() * normal.x() + q.y() * normal.y(); };
    double tMin = along(area.topLeft()), tMax = tMin;
    for (const QPointF c : {area.topRight(), area.bottomLeft(), area.bottomRight()}) {
        tMin = std::min(tMin, along(c));
        tMax = std::max(tMax, along(c));
    }
    const double phase = std::fmod(along(vp.worldToPixel({0, 0})), spacing);
    const double half = std::hypot(area.width(), area.height());
    const QPointF centre = area.center();
    const double tCentre = along(centre);
    std::vector<QLineF> lines;
    for (double t = std::ceil((tMin - phase) / spacing) * spacing + phase; t <= tMax;
         t += spacing) {
        const QPointF c = centre + normal * (t - tCentre);
        lines.emplace_back(c - dir * half, c + dir * half);
    }
    painter.save();
    painter.setClipPath(clip, Qt::IntersectClip);
    painter.setPen(QPen(h.color, std::max(h.widthMm * pxPerMm, minPx), Qt::SolidLine, Qt::FlatCap));
    painter.drawLines(lines.data(), static_cast<int>(lines.size()));
    painter.restore();
}

} // namespace planlines::layers
