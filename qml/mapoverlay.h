// What the tools draw over the map: the highlighted feature (identify, search), a located point
// (a chainage, a typed coordinate) and the measuring line or polygon. Repaints with every view
// change of its MapView; takes no input (clicks pass to the map).
#pragma once

#include "mapview.h"

#include <QPainterPath>
#include <QPointer>
#include <QQuickPaintedItem>
#include <QtQml/qqmlregistration.h>

namespace planlines::qml {

class MapOverlay : public QQuickPaintedItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(planlines::qml::MapView *map READ map WRITE setMap NOTIFY mapChanged)
    // The feature to highlight: layer table and fid; an empty table highlights nothing.
    Q_PROPERTY(
        QString highlightTable READ highlightTable WRITE setHighlightTable NOTIFY highlightChanged)
    Q_PROPERTY(qint64 highlightFid READ highlightFid WRITE setHighlightFid NOTIFY highlightChanged)
    // A marked point in the working CRS (x = easting, y = northing); null when none.
    Q_PROPERTY(QVariant markerPoint READ markerPoint WRITE setMarkerPoint NOTIFY markerChanged)
    // The measuring tool's vertices (working CRS) and whether they close into a polygon.
    Q_PROPERTY(
        QVariantList measurePoints READ measurePoints WRITE setMeasurePoints NOTIFY measureChanged)
    Q_PROPERTY(bool measureClosed READ measureClosed WRITE setMeasureClosed NOTIFY measureChanged)
    Q_PROPERTY(QColor highlightColor READ highlightColor CONSTANT)
    // True when the highlighted feature was found in the loaded layers.
    Q_PROPERTY(bool hasHighlight READ hasHighlight NOTIFY highlightChanged)

public:
    explicit MapOverlay(QQuickItem *parent = nullptr);

    MapView *map() const { return m_map; }
    void setMap(MapView *map);
    QString highlightTable() const { return m_table; }
    void setHighlightTable(const QString &table);
    qint64 highlightFid() const { return m_fid; }
    void setHighlightFid(qint64 fid);
    QVariant markerPoint() const { return m_marker; }
    void setMarkerPoint(const QVariant &point);
    QVariantList measurePoints() const { return m_measure; }
    void setMeasurePoints(const QVariantList &points);
    bool measureClosed() const { return m_closed; }
    void setMeasureClosed(bool closed);
    QColor highlightColor() const { return QColor(0, 229, 255); }
    bool hasHighlight() const { return !m_path.isEmpty(); }

    void paint(QPainter *painter) override;

signals:
    void mapChanged();
    void highlightChanged();
    void markerChanged();
    void measureChanged();

private:
    void resolveHighlight();
    void refresh();

    QPointer<MapView> m_map;
    QString m_table;
    qint64 m_fid = -1;
    QPainterPath m_path; // world coordinates
    bool m_pointFeature = false;
    QVariant m_marker;
    QVariantList m_measure;
    bool m_closed = false;
};

} // namespace planlines::qml
