#include "checkoverlay.h"

#include <layers/featurehit.h>

#include <QPainter>

namespace planlines::qml {

CheckOverlay::CheckOverlay(QQuickItem *parent) : QQuickPaintedItem(parent)
{
    setAcceptedMouseButtons(Qt::NoButton);
}

void CheckOverlay::setMap(MapView *map)
{
    if (map == m_map)
        return;
    if (m_map)
        m_map->disconnect(this);
    m_map = map;
    if (m_map) {
        connect(m_map, &MapView::viewportChanged, this, [this] { update(); });
        // A new frame places its labels anew: the fill keeps off them.
        connect(m_map, &MapView::frameCountChanged, this, [this] {
            if (!m_features.isEmpty())
                update();
        });
        connect(m_map, &MapView::sessionChanged, this, &CheckOverlay::resolve);
    }
    emit mapChanged();
    resolve();
}

void CheckOverlay::setController(CheckController *controller)
{
    if (controller == m_controller)
        return;
    if (m_controller)
        m_controller->disconnect(this);
    m_controller = controller;
    if (m_controller) {
        connect(m_controller, &CheckController::resultChanged, this, &CheckOverlay::resolve);
        connect(m_controller, &CheckController::highlightChanged, this, &CheckOverlay::resolve);
    }
    emit controllerChanged();
    resolve();
}

void CheckOverlay::resolve()
{
    m_site = m_controller ? m_controller->sitePath() : QPainterPath();
    m_features = {};
    m_lines = {};
    m_points.clear();
    m_featureCount = 0;
    const ProjectSession *session = m_map ? m_map->session() : nullptr;
    if (m_controller && session && session->map()) {
        const auto &layers = session->map()->layers();
        for (const QVariant &v : m_controller->highlight()) {
            const QVariantMap f = v.toMap();
            const std::string table = f.value(QStringLiteral("table")).toString().toStdString();
            const qint64 fid = f.value(QStringLiteral("fid")).toLongLong();
            for (const auto &layer : layers) {
                if (layer.entry.info.table != table)
                    continue;
                if (const auto i = layers::featureIndex(*layer.data, fid); i >= 0) {
                    const QPainterPath p =
                        layers::featurePath(*layer.data, static_cast<std::uint32_t>(i));
                    if (layer.data->kind() == layers::GeometryKind::Point) {
                        for (int e = 0; e < p.elementCount(); ++e)
                            m_points << QPointF(p.elementAt(e));
                    } else if (layer.data->kind() == layers::GeometryKind::Line) {
                        m_lines.addPath(p);
                    } else {
                        m_features.addPath(p);
                    }
                    ++m_featureCount;
                }
                break;
            }
        }
    }
    emit pathsChanged();
    update();
}

QVariantList CheckOverlay::extent() const
{
    QRectF box = m_site.boundingRect();
    if (!m_features.isEmpty())
        box = box.isNull() ? m_features.boundingRect() : box.united(m_features.boundingRect());
    if (!m_lines.isEmpty())
        box = box.isNull() ? m_lines.boundingRect() : box.united(m_lines.boundingRect());
    if (!m_points.isEmpty())
        box = box.isNull() ? m_points.boundingRect() : box.united(m_points.boundingRect());
    if (box.isNull())
        return {};
    return {box.left(), box.top(), box.right(), box.bottom()};
}

void CheckOverlay::paint(QPainter *painter)
{
    if (!m_map || !m_map->viewport().isValid())
        return;
    const QTransform toPixel = m_map->viewport().worldToPixelTransform();
    painter->setRenderHint(QPainter::Antialiasing);
    if (!m_features.isEmpty() || !m_lines.isEmpty() || !m_points.isEmpty()) {
        QColor fill = featureColor();
        fill.setAlpha(90);
        // The fill goes under the map's labels (clipped off their boxes) so a feature's name
        // stays readable; the outline goes over them.
        painter->save();
        painter->setClipRegion(m_map->outsideLabels(toPixel, boundingRect()));
        painter->setBrush(fill);
        painter->setPen(Qt::NoPen);
        painter->drawPath(toPixel.map(m_features));
        painter->restore();
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(featureColor(), 2.5));
        painter->drawPath(toPixel.map(m_features));
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(featureColor(), 4));
        painter->drawPath(toPixel.map(m_lines));
        for (const QPointF &p : m_points)
            painter->drawEllipse(toPixel.map(p), 9, 9);
    }
    if (!m_site.isEmpty()) {
        painter->setBrush(Qt::NoBrush);
        // A white casing keeps the red outline readable over any fill.
        painter->setPen(QPen(Qt::white, 5.5));
        painter->drawPath(toPixel.map(m_site));
        painter->setPen(QPen(siteColor(), 3));
        painter->drawPath(toPixel.map(m_site));
    }
}

} // namespace planlines::qml
