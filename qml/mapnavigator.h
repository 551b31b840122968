// Navigation of a MapView beyond drag and wheel: +/- (buttons and keys), arrow keys,
// double-click and pinch zoom about a point, zoom to a layer, a feature's extent or the whole
// county, and the round scales (1:2 000 … 1:100 000) on request — all as short eased
// animations. The arithmetic is layers/navigation.h; this type drives the item with it. With
// round scales on, the wheel over the map steps from one round scale to the next too (the map's
// own wheel zoom is free).
#pragma once

#include "mapview.h"

#include <layers/mapviewport.h>

#include <QObject>
#include <QPointer>
#include <QVariantAnimation>
#include <QtQml/qqmlregistration.h>

namespace planlines::qml {

class MapNavigator : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(planlines::qml::MapView *map READ map WRITE setMap NOTIFY mapChanged)
    // Zoom steps land on the round scales (and the current view snaps to the nearest one).
    Q_PROPERTY(bool roundScales READ roundScales WRITE setRoundScales NOTIFY roundScalesChanged)
    Q_PROPERTY(int durationMs READ durationMs WRITE setDurationMs NOTIFY durationMsChanged)
    // Logical pixels per inch of the screen the map is on (96 when the screen cannot tell).
    Q_PROPERTY(double dotsPerInch READ dotsPerInch WRITE setDotsPerInch NOTIFY dotsPerInchChanged)
    // 1 : N as shown on this screen, at dotsPerInch.
    Q_PROPERTY(double scaleDenominator READ scaleDenominator NOTIFY scaleChanged)
    Q_PROPERTY(bool animating READ animating NOTIFY animatingChanged)

public:
    static constexpr double kZoomStep = 2;
    static constexpr double kKeyPanFraction = 0.125; // of the view's width or height
    static constexpr double kFeatureMarginPx = 48;
    static constexpr double kClosestMetresPerPixel = 0.1; // zoom to a point or a tiny feature

    explicit MapNavigator(QObject *parent = nullptr);

    MapView *map() const { return m_map; }
    void setMap(MapView *map);
    bool roundScales() const { return m_roundScales; }
    void setRoundScales(bool on);
    int durationMs() const { return m_durationMs; }
    void setDurationMs(int ms);
    double dotsPerInch() const { return m_dpi; }
    void setDotsPerInch(double dpi);
    double scaleDenominator() const;
    bool animating() const { return m_animation.state() == QAbstractAnimation::Running; }

    Q_INVOKABLE void zoomIn();
    Q_INVOKABLE void zoomOut();
    // factor > 1 zooms in; the world point at item pixel (x, y) stays there.
    Q_INVOKABLE void zoomAt(qreal x, qreal y, qreal factor);
    Q_INVOKABLE void pan(qreal dx, qreal dy);
    // Working-CRS extent; a point extent shows the surroundings at the closest zoom.
    Q_INVOKABLE void zoomToExtent(double minE, double minN, double maxE, double maxN);
    // The layer with this table name; false when there is none (or it is empty).
    Q_INVOKABLE bool zoomToLayer(const QString &table);
    Q_INVOKABLE void zoomToFullCounty();
    Q_INVOKABLE void setScale(double denominator);
    // Centres the map on a working-CRS point at 1 : denominator (a chainage, as search shows it).
    Q_INVOKABLE void zoomToPoint(double easting, double northing, double denominator);
    // The scale a person types: "1:5000", "1：5 000", "5,000" or "5000"; false (nothing done)
    // when it is not a scale.
    Q_INVOKABLE bool setScaleText(const QString &text);
    // The denominator in text as setScaleText reads it, or 0.
    static double parseScale(const QString &text);
    // The nearest round scale, keeping the centre.
    Q_INVOKABLE void snapToRoundScale();
    // Arrow keys pan, + / = / - zoom, Home shows the county: true when the key was used.
    Q_INVOKABLE bool handleKey(int key, int modifiers = 0);
    // Jumps to the end of a running animation (tests, and a new drag).
    Q_INVOKABLE void finish();

signals:
    void mapChanged();
    void roundScalesChanged();
    void durationMsChanged();
    void dotsPerInchChanged();
    void scaleChanged();
    void animatingChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // The view now, or the one an animation is heading for (steps add up while animating).
    layers::MapViewport target() const;
    void animateTo(const layers::MapViewport &to);
    void apply(const layers::MapViewport &v);
    void onFrame(const QVariant &value);
    void updateDpi();

    QPointer<MapView> m_map;
    bool m_roundScales = false;
    int m_durationMs = 250;
    double m_dpi = layers::MapViewport::kScreenDpi;
    bool m_dpiSet = false;
    QVariantAnimation m_animation;
    layers::MapViewport m_from, m_to;
    QMetaObject::Connection m_windowConnection;
    int m_wheelAccumulated = 0; // eighths of a degree not yet used (touchpads send small steps)
};

} // namespace planlines::qml
