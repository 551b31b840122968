// The overview inset, the info block and the CRS's Chinese name.
#include "sheetparts.h"

#include <QFontMetricsF>
#include <QPainterPath>
#include <QRegularExpression>

#include <algorithm>

namespace planlines::layers::sheet {

QString crsLabelZh(const std::string &crsName, const std::string &code)
{
    const QString name = QString::fromStdString(crsName);
    QString zh = name;
    static const QRegularExpression gk(
        QStringLiteral("^(\\S+) / (\\d)-degree Gauss-Kruger (?:zone (\\d+)|CM (\\d+)([EW]))"));
    if (const auto m = gk.match(name); m.hasMatch()) {
        zh = QStringLiteral("%1 %2度带高斯-克吕格投影").arg(m.captured(1), m.captured(2));
        if (!m.captured(3).isEmpty())
            zh += QStringLiteral(" 第%1带").arg(m.captured(3));
        else
            zh += QStringLiteral(" 中央经线%1°%2").arg(m.captured(4), m.captured(5));
    } else if (name.contains(QLatin1String("China Geodetic Coordinate System 2000"))) {
        zh = QStringLiteral("CGCS2000 地理坐标系");
    }
    if (!code.empty() && !zh.contains(QString::fromStdString(code)))
        zh += QStringLiteral("（%1）").arg(QString::fromStdString(code));
    return zh;
}

void drawInset(const PaperCanvas &c, const SheetTemplate &t, const ProjectMap &map,
               const geodata::Envelope &frameExtent)
{
    const double s = t.sizeFactor;
    const QRectF room = t.insetMm;
    const double headH = t.textMmSize() * 1.7;
    c.drawText(QRectF(room.left(), room.top(), room.width(), headH), Qt::AlignLeft | Qt::AlignTop,
               QStringLiteral("位置示意图"), c.font(t.textMmSize(), true));
    const QRectF box(room.left(), room.top() + headH, room.width(), room.height() - headH);
    c.strokeRect(box, t.thinLineMm());
    const geodata::Envelope home = map.homeExtent();
    if (home.maxX <= home.minX || home.maxY <= home.minY)
        return;
    const QRectF inner = box.adjusted(2 * s, 2 * s, -2 * s, -2 * s);
    const double mPerMm =
        std::max((home.maxX - home.minX) / inner.width(), (home.maxY - home.minY) / inner.height());
    const double cx = (home.minX + home.maxX) / 2, cy = (home.minY + home.maxY) / 2;
    auto toPx = [&](double e, double n) {
        return c.px(QPointF(inner.center().x() + (e - cx) / mPerMm,
                            inner.center().y() - (n - cy) / mPerMm));
    };
    // The townships, else every polygon of the bottom layer: a grey county with its parts.
    QPainterPath shapes;
    shapes.setFillRule(Qt::WindingFill);
    for (const auto &l : map.layers()) {
        if (l.entry.info.role != geodata::Role::Township || l.data->kind() != GeometryKind::Polygon)
            continue;
        const LayerData &d = *l.data;
        for (std::uint32_t f = 0; f < d.featureCount(); ++f)
            for (auto p = d.parts(f).begin; p < d.parts(f).end; ++p)
                for (auto r = d.rings(p).begin; r < d.rings(p).end; ++r) {
                    const auto xy = d.ringXy(r);
                    QPolygonF ring;
                    QPointF last(-1e9, -1e9);
                    for (std::size_t i = 0; i + 1 < xy.size(); i += 2) {
                        const QPointF q =
                            toPx(d.origin().easting + xy[i], d.origin().northing + xy[i + 1]);
                        if (std::abs(q.x() - last.x()) + std::abs(q.y() - last.y()) < c.px(0.2))
                            continue;
                        ring << q;
                        last = q;
                    }
                    if (ring.size() >= 3) {
                        shapes.addPolygon(ring);
                        shapes.closeSubpath();
                    }
                }
    }
    QPainter &p = c.painter();
    p.save();
    p.setClipRect(c.px(box));
    p.setBrush(QColor(0xE8, 0xE4, 0xD8));
    p.setPen(QPen(QColor(0x80, 0x70, 0x90), c.px(0.12 * s)));
    if (shapes.isEmpty())
        p.drawRect(QRectF(toPx(home.minX, home.maxY), toPx(home.maxX, home.minY)));
    else
        p.drawPath(shapes);
    // The sheet's frame, at least 1.5 mm across so a site sheet's frame still shows.
    QRectF frame(toPx(frameExtent.minX, frameExtent.maxY),
                 toPx(frameExtent.maxX, frameExtent.minY));
    const double minPx = c.px(1.5 * s);
    if (frame.width() < minPx || frame.height() < minPx)
        frame = QRectF(frame.center() - QPointF(minPx / 2, minPx / 2), QSizeF(minPx, minPx));
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(QColor(0xD3, 0x2F, 0x2F), c.px(0.4 * s)));
    p.drawRect(frame);
    p.restore();
}

void drawInfo(const PaperCanvas &c, const SheetTemplate &t, const QStringList &lines)
{
    const double s = t.sizeFactor;
    const QRectF room = t.infoMm;
    c.strokeRect(room, t.thinLineMm());
    const QFont font = c.font(t.smallMmSize());
    const QFontMetricsF fm(font, c.painter().device());
    const double width = room.width() - 3 * s;
    const double lineH = t.smallMmSize() * 1.55;
    double y = room.top() + 1.5 * s + fm.ascent() / c.pxPerMm();
    for (const QString &line : lines) {
        // Wrapped by characters: Chinese has no spaces to break at.
        QString rest = line;
        while (!rest.isEmpty() && y < room.bottom() - 0.5 * s) {
            qsizetype n = rest.size();
            while (n > 1 && fm.horizontalAdvance(rest.left(n)) / c.pxPerMm() > width)
                --n;
            c.drawText(QPointF(room.left() + 1.5 * s, y), rest.left(n), font);
            rest = rest.mid(n);
            y += lineH;
        }
    }
}

} // namespace planlines::layers::sheet
