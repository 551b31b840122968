// What the check panel draws over the map: the checked site's outline (red) and the features
// that caused the chosen rule or overlap (orange), from the CheckController's site and
// highlight and the session's loaded layers. Repaints with every view change; takes no input.
#pragma once

#include "checkcontroller.h"
#include "mapview.h"

#include <QPainterPath>
#include <QPointer>
#include <QQuickPaintedItem>
#include <QtQml/qqmlregistration.h>

namespace planlines::qml {

class CheckOverlay : public QQuickPaintedItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(planlines::qml::MapView *map READ map WRITE setMap NOTIFY mapChanged)
    Q_PROPERTY(planlines::qml::CheckController *controller READ controller WRITE setController
                   NOTIFY controllerChanged)
    // How many highlighted features were found in the loaded layers.
    Q_PROPERTY(int featureCount READ featureCount NOTIFY pathsChanged)
    // [minE, minN, maxE, maxN] of the site and the highlighted features; empty when none.
    Q_PROPERTY(QVariantList extent READ extent NOTIFY pathsChanged)
    Q_PROPERTY(QColor siteColor READ siteColor CONSTANT)
    Q_PROPERTY(QColor featureColor READ featureColor CONSTANT)

public:
    explicit CheckOverlay(QQuickItem *parent = nullptr);

    MapView *map() const { return m_map; }
    void setMap(MapView *map);
    CheckController *controller() const { return m_controller; }
    void setController(CheckController *controller);
    int featureCount() const { return m_featureCount; }
    QVariantList extent() const;
    QColor siteColor() const { return QColor(230, 0, 0); }
    QColor featureColor() const { return QColor(255, 145, 0); }

    void paint(QPainter *painter) override;

signals:
    void mapChanged();
    void controllerChanged();
    void pathsChanged();

private:
    void resolve();

    QPointer<MapView> m_map;
    QPointer<CheckController> m_controller;
    QPainterPath m_site;     // world coordinates
    QPainterPath m_features; // polygons
    QPainterPath m_lines;
    QPolygonF m_points; // point features
    int m_featureCount = 0;
};

} // namespace planlines::qml
