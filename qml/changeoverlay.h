// What the 变更分析 panel draws over the map: the change pieces of the matrix cell chosen
// (ChangeController::highlightPath), filled and outlined in magenta, a colour no layer style
// uses. Repaints with every view change; takes no input.
#pragma once

#include "changecontroller.h"
#include "mapview.h"

#include <QPointer>
#include <QQuickPaintedItem>
#include <QtQml/qqmlregistration.h>

namespace planlines::qml {

class ChangeOverlay : public QQuickPaintedItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(planlines::qml::MapView *map READ map WRITE setMap NOTIFY mapChanged)
    Q_PROPERTY(planlines::qml::ChangeController *controller READ controller WRITE setController
                   NOTIFY controllerChanged)
    Q_PROPERTY(QColor color READ color CONSTANT)

public:
    explicit ChangeOverlay(QQuickItem *parent = nullptr);

    MapView *map() const { return m_map; }
    void setMap(MapView *map);
    ChangeController *controller() const { return m_controller; }
    void setController(ChangeController *controller);
    QColor color() const { return QColor(236, 0, 140); }

    void paint(QPainter *painter) override;

signals:
    void mapChanged();
    void controllerChanged();

private:
    QPointer<MapView> m_map;
    QPointer<ChangeController> m_controller;
};

} // namespace planlines::qml
