#include "mapoverlay.h"

#include <layers/featurehit.h>

#include <QPainter>

namespace planlines::qml {

MapOverlay::MapOverlay(QQuickItem *parent) : QQuickPaintedItem(parent)
{
    setAcceptedMouseButtons(Qt::NoButton);
    setVisible(false); // nothing to draw yet
}

void MapOverlay::setMap(MapView *map)
{
    if (map == m_map)
        return;
    if (m_map)
        m_map->disconnect(this);
    m_map = map;
    if (m_map) {
        connect(m_map, &MapView::viewportChanged, this, &MapOverlay::refresh);
        connect(m_map, &MapView::frameCountChanged, this, [this] {
            if (!m_path.isEmpty())
                update();
        });
        // The layers change when a project (re)loads: find the feature again.
        const auto follow = [this] {
            if (m_map && m_map->session())
                connect(m_map->session(), &ProjectSession::statusChanged, this,
                        &MapOverlay::resolveHighlight, Qt::UniqueConnection);
            resolveHighlight();
        };
        connect(m_map, &MapView::sessionChanged, this, follow);
        follow();
    }
    emit mapChanged();
}

void MapOverlay::setHighlightTable(const QString &table)
{
    if (table == m_table)
        return;
    m_table = table;
    resolveHighlight();
}

void MapOverlay::setHighlightFid(qint64 fid)
{
    if (fid == m_fid)
        return;
    m_fid = fid;
    resolveHighlight();
}

void MapOverlay::setMarkerPoint(const QVariant &point)
{
    if (point == m_marker)
        return;
    m_marker = point;
    emit markerChanged();
    refresh();
}

void MapOverlay::setMeasurePoints(const QVariantList &points)
{
    if (points == m_measure)
        return;
    m_measure = points;
    emit measureChanged();
    refresh();
}

void MapOverlay::setMeasureClosed(bool closed)
{
    if (closed == m_closed)
        return;
    m_closed = closed;
    emit measureChanged();
    refresh();
}

void MapOverlay::resolveHighlight()
{
    m_path = {};
    m_pointFeature = false;
    const ProjectSession *session = m_map ? m_map->session() : nullptr;
    if (session && session->map() && !m_table.isEmpty() && m_fid >= 0) {
        const std::string table = m_table.toStdString();
        for (const auto &layer : session->map()->layers()) {
            if (layer.entry.info.table != table)
                continue;
            if (const auto f = layers::featureIndex(*layer.data, m_fid); f >= 0) {
                m_path = layers::featurePath(*layer.data, static_cast<std::uint32_t>(f));
                m_pointFeature = layer.data->kind() == layers::GeometryKind::Point;
            }
            break;
        }
    }
    emit highlightChanged();
    refresh();
}

// Shown only while there is something to draw: an empty overlay still cost every pan frame a
// full-size transparent image cleared, painted and blended over the map on the GUI thread.
void MapOverlay::refresh()
{
    const bool content = !m_path.isEmpty() || !m_measure.isEmpty() ||
                         (m_marker.canConvert<QPointF>() && !m_marker.isNull());
    setVisible(content);
    if (content)
        update();
}

void MapOverlay::paint(QPainter *painter)
{
    if (!m_map || !m_map->viewport().isValid())
        return;
    const auto &viewport = m_map->viewport();
    const QTransform toPixel = viewport.worldToPixelTransform();
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor colour = highlightColor();

    if (!m_path.isEmpty()) {
        if (m_pointFeature) {
            painter->setPen(QPen(colour, 3));
            painter->setBrush(Qt::NoBrush);
            for (int i = 0; i < m_path.elementCount(); ++i)
                painter->drawEllipse(toPixel.map(QPointF(m_path.elementAt(i))), 10, 10);
        } else {
            const QPainterPath onScreen = toPixel.map(m_path);
            QColor fill = colour;
            fill.setAlpha(30);
            // The fill under the labels (off their boxes), the outline over them.
            painter->save();
            painter->setClipRegion(m_map->outsideLabels(toPixel, boundingRect()));
            painter->setBrush(fill);
            painter->setPen(Qt::NoPen);
            painter->drawPath(onScreen);
            painter->restore();
            painter->setBrush(Qt::NoBrush);
            painter->setPen(QPen(colour, 3));
            painter->drawPath(onScreen);
        }
    }

    if (m_marker.canConvert<QPointF>() && !m_marker.isNull()) {
        const QPointF p = toPixel.map(m_marker.toPointF());
        painter->setPen(QPen(QColor(213, 0, 0), 2.5));
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(p, 9, 9);
        painter->drawLine(p - QPointF(15, 0), p + QPointF(15, 0));
        painter->drawLine(p - QPointF(0, 15), p + QPointF(0, 15));
    }

    if (!m_measure.isEmpty()) {
        QPolygonF line;
        for (const QVariant &v : m_measure)
            line << toPixel.map(v.toPointF());
        const QColor measureColour(255, 111, 0);
        if (m_closed && line.size() >= 3) {
            QColor fill = measureColour;
            fill.setAlpha(50);
            painter->setBrush(fill);
            painter->setPen(QPen(measureColour, 2.5, Qt::DashLine));
            painter->drawPolygon(line);
        } else {
            painter->setBrush(Qt::NoBrush);
            painter->setPen(QPen(measureColour, 2.5, Qt::DashLine));
            painter->drawPolyline(line);
        }
        painter->setPen(QPen(measureColour.darker(130), 1.5));
        painter->setBrush(Qt::white);
        for (const QPointF &p : line)
            painter->drawEllipse(p, 4, 4);
    }
}

} // namespace planlines::qml
