#include "changeoverlay.h"

#include <QPainter>

namespace planlines::qml {

ChangeOverlay::ChangeOverlay(QQuickItem *parent) : QQuickPaintedItem(parent)
{
    setAcceptedMouseButtons(Qt::NoButton);
}

void ChangeOverlay::setMap(MapView *map)
{
    if (map == m_map)
        return;
    if (m_map)
        m_map->disconnect(this);
    m_map = map;
    if (m_map)
        connect(m_map, &MapView::viewportChanged, this, [this] { update(); });
    emit mapChanged();
    update();
}

void ChangeOverlay::setController(ChangeController *controller)
{
    if (controller == m_controller)
        return;
    if (m_controller)
        m_controller->disconnect(this);
    m_controller = controller;
    if (m_controller)
        connect(m_controller, &ChangeController::selectionChanged, this, [this] { update(); });
    emit controllerChanged();
    update();
}

void ChangeOverlay::paint(QPainter *painter)
{
    if (!m_map || !m_controller || !m_map->viewport().isValid() ||
        m_controller->highlightPath().isEmpty())
        return;
    const QTransform toPixel = m_map->viewport().worldToPixelTransform();
    const QPainterPath path = toPixel.map(m_controller->highlightPath());
    painter->setRenderHint(QPainter::Antialiasing);
    QColor fill = color();
    fill.setAlpha(110);
    painter->setBrush(fill);
    // A white casing keeps the outline readable over any fill; pieces smaller than the pen
    // still show as a dot of colour.
    painter->setPen(QPen(Qt::white, 4));
    painter->drawPath(path);
    painter->setBrush(Qt::NoBrush);
    painter->setPen(QPen(color(), 2));
    painter->drawPath(path);
}

} // namespace planlines::qml
