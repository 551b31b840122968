// The map item: shows a ProjectSession's visible layers as drawn by layers::MapRenderer on a
// worker thread. Fits the county when the project loads; drag pans, the wheel zooms. While a
// new frame renders, the last one is shown moved and scaled to the current view: the frame is a
// scene-graph texture, so a pan or zoom step only moves a rectangle (no repainting on the GUI
// thread). The few frames before it (same content) stay as textures under it, so a pan back or
// a zoom out shows map already drawn instead of the background. ready turns true, and frameCount
// counts up, when a complete frame of the current view has been shown.
#pragma once

#include "projectsession.h"
#include "renderscheduler.h"

#include <layers/mapviewport.h>

#include <QPointer>
#include <QQuickItem>
#include <QtQml/qqmlregistration.h>

#include <atomic>
#include <utility>
#include <vector>

class QSGImageNode;

namespace planlines::qml {

class MapView : public QQuickItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        planlines::qml::ProjectSession *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QColor backgroundColor READ backgroundColor WRITE setBackgroundColor NOTIFY
                   backgroundColorChanged)
    Q_PROPERTY(bool ready READ ready NOTIFY readyChanged)
    Q_PROPERTY(int frameCount READ frameCount NOTIFY frameCountChanged)
    Q_PROPERTY(double scaleDenominator READ scaleDenominator NOTIFY viewportChanged)
    Q_PROPERTY(double metresPerPixel READ metresPerPixel NOTIFY viewportChanged)
    Q_PROPERTY(int lastRenderMs READ lastRenderMs NOTIFY frameCountChanged)
    // An imagery underlay (GeoTIFF or another GDAL raster, any CRS) under the layers; empty:
    // none. imageryError says why a file could not be shown.
    Q_PROPERTY(QString imagery READ imagery WRITE setImagery NOTIFY imageryChanged)
    Q_PROPERTY(double imageryOpacity READ imageryOpacity WRITE setImageryOpacity NOTIFY
                   imageryOpacityChanged)
    Q_PROPERTY(QString imageryError READ imageryError NOTIFY imageryChanged)

public:
    // Zoom limits: 2 cm to 2 km per pixel.
    static constexpr double kMinMetresPerPixel = 0.02;
    static constexpr double kMaxMetresPerPixel = 2000;

    explicit MapView(QQuickItem *parent = nullptr);
    ~MapView() override;

    ProjectSession *session() const { return m_session; }
    void setSession(ProjectSession *session);
    QColor backgroundColor() const { return m_background; }
    void setBackgroundColor(const QColor &color);
    bool ready() const { return m_ready; }
    int frameCount() const { return m_frameCount; }
    double scaleDenominator() const { return m_viewport.scaleDenominator(); }
    double metresPerPixel() const { return m_viewport.metresPerPixel(); }
    int lastRenderMs() const { return m_lastRenderMs; }
    // The labels of the frame shown, in world coordinates (frameCountChanged tells a new one).
    const std::vector<QRectF> &labelBoxes() const { return m_shown.stats.labelBoxes; }
    // The region of an overlay's item (bounds, in pixels through toPixel) without the labels:
    // overlays clip their fills to it, as if drawn under the labels.
    QRegion outsideLabels(const QTransform &toPixel, const QRectF &bounds) const;
    QString imagery() const { return m_imagery; }
    void setImagery(const QString &path);
    double imageryOpacity() const { return m_imageryOpacity; }
    void setImageryOpacity(double opacity);
    QString imageryError() const { return m_imageryError; }
    // In item (logical) pixels.
    const layers::MapViewport &viewport() const { return m_viewport; }

    // Shows the project's home extent (the county).
    Q_INVOKABLE void fitAll();
    Q_INVOKABLE void panBy(qreal dx, qreal dy);
    // factor > 1 zooms in around (x, y) in item pixels.
    Q_INVOKABLE void zoomAt(qreal x, qreal y, qreal factor);
    // Item pixel of a working-CRS point, and back (x = easting, y = northing).
    Q_INVOKABLE QPointF worldToItem(double easting, double northing) const;
    Q_INVOKABLE QPointF itemToWorld(qreal x, qreal y) const;
    // Shows (easting, northing) of the working CRS at the centre, metresPerPixel clamped to the
    // zoom limits: what MapNavigator's animations drive.
    Q_INVOKABLE void setView(double easting, double northing, double metresPerPixel);

signals:
    void sessionChanged();
    void backgroundColorChanged();
    void readyChanged();
    void frameCountChanged();
    void viewportChanged();
    void imageryChanged();
    void imageryOpacityChanged();

protected:
    QSGNode *updatePaintNode(QSGNode *oldNode, UpdatePaintNodeData *data) override;
    void updatePolish() override;
    void geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry) override;
    void itemChange(ItemChange change, const ItemChangeData &value) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    void onSessionStatus();
    void setViewport(const layers::MapViewport &viewport);
    void requestFrame();
    // What the layers show changed (a layer toggled, imagery, another project): older frames
    // are no longer the map.
    void onContentChanged();
    void sendFrameRequest();
    void onFrameReady();
    void onFrameSwapped();
    double devicePixelRatio() const;
    // The session once its project is loaded, else nullptr.
    ProjectSession *readySession() const;

    QPointer<ProjectSession> m_session;
    QColor m_background{Qt::white};
    layers::MapViewport m_viewport;
    bool m_fitted = false; // false until the home extent was shown or the user navigated
    RenderScheduler m_scheduler;
    quint64 m_wantedSerial = 0;    // 0 while a request waits for updatePolish()
    bool m_requestPending = false; // requestFrame() was called since the last request sent
    bool m_frameCurrent = false;   // the frame shown is of the current viewport and content
    std::atomic<quint64> m_paintedSerial{0}; // the last current frame put on screen
    // The frame drawn on top (the last rendered) and older ones of the same content, newest
    // first, drawn under it; the scene graph's node of each frame by serial (render side).
    static constexpr std::size_t kCachedFrames = 3;
    RenderScheduler::Frame m_shown;
    std::vector<RenderScheduler::Frame> m_cached;
    std::vector<std::pair<quint64, QSGImageNode *>> m_nodes;
    quint64 m_contentSerial = 0;  // frames of earlier requests show other content
    bool m_contentChanged = true; // the next request sent starts new content
    quint64 m_countedSerial = 0;  // the last frame counted in frameCount
    bool m_ready = false;
    int m_frameCount = 0;
    int m_lastRenderMs = 0;
    QPointF m_dragLast;
    bool m_dragging = false;
    QMetaObject::Connection m_swapConnection;
    QString m_imagery;
    double m_imageryOpacity = 1;
    QString m_imageryError;
    std::shared_ptr<const layers::RasterLayer> m_raster;
    // The imagery is opened again when the project (its working CRS) changes.
    void openImagery();
};

} // namespace planlines::qml
