#include "mapview.h"
#include "startuptiming.h"

#include <QQuickWindow>
#include <QRegion>
#include <QSGImageNode>
#include <QSGRectangleNode>
#include <QUrl>

#include <algorithm>
#include <cmath>

namespace planlines::qml {

namespace {
constexpr double kFitMarginPx = 16;
}

MapView::MapView(QQuickItem *parent) : QQuickItem(parent)
{
    setFlag(ItemHasContents, true);
    setAcceptedMouseButtons(Qt::LeftButton);
    connect(&m_scheduler, &RenderScheduler::frameReady, this, &MapView::onFrameReady);
}

MapView::~MapView() = default;

void MapView::setSession(ProjectSession *session)
{
    if (session == m_session)
        return;
    if (m_session)
        m_session->disconnect(this);
    m_session = session;
    if (m_session) {
        connect(m_session, &ProjectSession::statusChanged, this, &MapView::onSessionStatus);
        connect(m_session, &ProjectSession::contentChanged, this, &MapView::onContentChanged);
    }
    emit sessionChanged();
    onSessionStatus();
}

void MapView::setBackgroundColor(const QColor &color)
{
    if (color == m_background)
        return;
    m_background = color;
    emit backgroundColorChanged();
    update();
}

ProjectSession *MapView::readySession() const
{
    ProjectSession *s = m_session.data();
    return s && s->status() == ProjectSession::Ready ? s : nullptr;
}

void MapView::setImagery(const QString &path)
{
    if (path == m_imagery)
        return;
    m_imagery = path;
    openImagery();
    emit imageryChanged();
    onContentChanged();
}

void MapView::setImageryOpacity(double opacity)
{
    opacity = std::clamp(opacity, 0.0, 1.0);
    if (opacity == m_imageryOpacity)
        return;
    m_imageryOpacity = opacity;
    emit imageryOpacityChanged();
    onContentChanged();
}

void MapView::openImagery()
{
    m_raster.reset();
    m_imageryError.clear();
    const ProjectSession *s = readySession();
    if (m_imagery.isEmpty() || !s)
        return;
    const QString local = QUrl(m_imagery).isLocalFile() ? QUrl(m_imagery).toLocalFile() : m_imagery;
    try {
        m_raster = layers::RasterLayer::open(local.toStdString(), s->map()->workingCrs());
    } catch (const std::exception &e) {
        m_imageryError = QString::fromUtf8(e.what());
    }
}

void MapView::onSessionStatus()
{
    if (!m_imagery.isEmpty()) {
        openImagery();
        emit imageryChanged();
    }
    m_fitted = false;
    m_contentChanged = true;
    m_cached.clear();
    if (readySession())
        fitAll();
    else
        update(); // shows the background until a project is there
}

void MapView::fitAll()
{
    const ProjectSession *s = readySession();
    if (!s || width() < 1 || height() < 1)
        return;
    const QSize size(static_cast<int>(width()), static_cast<int>(height()));
    m_fitted = true;
    setViewport(layers::MapViewport::fitting(s->map()->homeExtent(), size, kFitMarginPx));
    requestFrame(); // also when the viewport did not change (the project did)
}

void MapView::panBy(qreal dx, qreal dy)
{
    if (!m_viewport.isValid())
        return;
    m_fitted = true;
    setViewport(m_viewport.panned(QPointF(dx, dy)));
}

void MapView::zoomAt(qreal x, qreal y, qreal factor)
{
    if (!m_viewport.isValid() || !(factor > 0))
        return;
    const double target =
        std::clamp(m_viewport.metresPerPixel() / factor, kMinMetresPerPixel, kMaxMetresPerPixel);
    m_fitted = true;
    setViewport(m_viewport.zoomedAt(QPointF(x, y), m_viewport.metresPerPixel() / target));
}

QPointF MapView::worldToItem(double easting, double northing) const
{
    return m_viewport.worldToPixel({easting, northing});
}

QPointF MapView::itemToWorld(qreal x, qreal y) const
{
    const auto w = m_viewport.pixelToWorld(QPointF(x, y));
    return {w.easting, w.northing};
}

void MapView::setView(double easting, double northing, double metresPerPixel)
{
    if (width() < 1 || height() < 1 || !(metresPerPixel > 0))
        return;
    const QSize size(static_cast<int>(width()), static_cast<int>(height()));
    m_fitted = true;
    setViewport(layers::MapViewport(
        {easting, northing}, std::clamp(metresPerPixel, kMinMetresPerPixel, kMaxMetresPerPixel),
        size, m_viewport.isValid() ? m_viewport.dotsPerInch() : layers::MapViewport::kScreenDpi));
}

void MapView::setViewport(const layers::MapViewport &viewport)
{
    if (viewport == m_viewport)
        return;
    m_viewport = viewport;
    emit viewportChanged();
    requestFrame();
    update();
}

double MapView::devicePixelRatio() const
{
    return window() ? window()->effectiveDevicePixelRatio() : 1.0;
}

// Requests made while one batch of events is handled (the project ready, its layer list reset,
// the view fitted, all at once at start-up) become one frame: the request is sent from
// updatePolish(), once before the next scene-graph frame. Sent at once, each would render a
// whole frame of its own, and at start-up the first complete frame came a render later.
void MapView::requestFrame()
{
    m_frameCurrent = false;
    m_wantedSerial = 0; // a frame already on its way is not of the view wanted now
    m_requestPending = true;
    polish();
}

void MapView::updatePolish()
{
    QQuickItem::updatePolish();
    if (!m_requestPending)
        return;
    m_requestPending = false;
    sendFrameRequest();
}

void MapView::onContentChanged()
{
    m_contentChanged = true;
    m_cached.clear();
    requestFrame();
}

void MapView::sendFrameRequest()
{
    const ProjectSession *s = readySession();
    if (!s || !m_viewport.isValid())
        return;
    auto layers = s->visibleLayers();
    if (m_raster) {
        layers::RenderLayer imagery;
        imagery.raster = m_raster;
        imagery.opacity = m_imageryOpacity;
        layers.insert(layers.begin(), std::move(imagery));
    }
    // After the first frame (which should come fast), frames reach an eighth of the view
    // beyond each edge: a pan then uncovers map already drawn while the next frame renders.
    layers::MapViewport frame = m_viewport;
    if (!m_scheduler.lastFrame().image.isNull()) {
        const QSize size = frame.sizePx();
        frame = frame.resized(size + QSize(size.width() / 4, size.height() / 4));
    }
    m_wantedSerial = m_scheduler.request(frame.supersampled(devicePixelRatio()), layers);
    if (m_contentChanged) {
        m_contentSerial = m_wantedSerial;
        m_contentChanged = false;
    }
    if (!m_ready && m_scheduler.lastFrame().image.isNull())
        StartupTiming::mark(QStringLiteral("first frame requested (%1 layers)").arg(layers.size()));
}

QRegion MapView::outsideLabels(const QTransform &toPixel, const QRectF &bounds) const
{
    QRegion region(bounds.toAlignedRect());
    for (const QRectF &box : labelBoxes()) {
        const QRectF px = toPixel.mapRect(box);
        if (px.intersects(bounds))
            region -= QRegion(px.toAlignedRect());
    }
    return region;
}

void MapView::onFrameReady()
{
    const auto &frame = m_scheduler.lastFrame();
    // The frame shown until now goes under the new one when both show the current content and
    // it shows something the new one does not cover.
    if (!m_shown.image.isNull() && m_shown.serial >= m_contentSerial &&
        frame.serial >= m_contentSerial) {
        const auto covered = frame.viewport.extent();
        const auto old = m_shown.viewport.extent();
        if (!(covered.minX <= old.minX && covered.minY <= old.minY && covered.maxX >= old.maxX &&
              covered.maxY >= old.maxY)) {
            m_cached.insert(m_cached.begin(), std::move(m_shown));
            if (m_cached.size() > kCachedFrames)
                m_cached.pop_back();
        }
    }
    m_shown = frame;
    m_frameCurrent = frame.serial == m_wantedSerial;
    m_lastRenderMs = static_cast<int>(frame.milliseconds);
    if (!m_ready)
        StartupTiming::mark(QStringLiteral("frame rendered in %1 ms").arg(m_lastRenderMs));
    update();
}

namespace {

// Places a frame's texture where its world extent lies in the current view, clipped to the
// item: a moved or zoomed frame must not cover its neighbours (the layer panel), and the
// renderer then blits no more than is seen. Nearest pixels unless sharp is asked: cheap, and
// nobody reads detail in motion.
void placeFrame(QSGImageNode *node, const RenderScheduler::Frame &frame,
                const layers::MapViewport &view, const QRectF &item, bool sharp)
{
    const auto e = frame.viewport.extent();
    const QRectF target(view.worldToPixel({e.minX, e.maxY}), view.worldToPixel({e.maxX, e.minY}));
    const QRectF shown = target.intersected(item);
    if (shown.isEmpty()) {
        node->setRect(QRectF());
        node->setSourceRect(QRectF());
        return;
    }
    const double sx = frame.image.width() / target.width();
    const double sy = frame.image.height() / target.height();
    node->setRect(shown);
    node->setSourceRect(QRectF((shown.left() - target.left()) * sx,
                               (shown.top() - target.top()) * sy, shown.width() * sx,
                               shown.height() * sy));
    const bool scaled = std::abs(target.width() - frame.image.width()) > 0.5 ||
                        std::abs(target.height() - frame.image.height()) > 0.5;
    node->setFiltering(sharp && scaled ? QSGTexture::Linear : QSGTexture::Nearest);
}

} // namespace

QSGNode *MapView::updatePaintNode(QSGNode *oldNode, UpdatePaintNodeData *)
{
    // Runs with the GUI thread blocked (scene graph sync), so reading the frames is safe.
    // The background is a rectangle; the frames, once there, its children, oldest first.
    auto *root = static_cast<QSGRectangleNode *>(oldNode);
    if (!root) {
        root = window()->createRectangleNode();
        m_nodes.clear();
    }
    root->setRect(boundingRect());
    root->setColor(m_background);
    std::vector<const RenderScheduler::Frame *> frames;
    if (!m_shown.image.isNull() && readySession()) {
        for (auto it = m_cached.rbegin(); it != m_cached.rend(); ++it)
            frames.push_back(&*it);
        frames.push_back(&m_shown);
    }
    // Nodes of frames no longer drawn go, with their textures.
    for (auto it = m_nodes.begin(); it != m_nodes.end();) {
        if (std::none_of(frames.begin(), frames.end(),
                         [&](const auto *f) { return f->serial == it->first; })) {
            root->removeChildNode(it->second);
            delete it->second;
            it = m_nodes.erase(it);
        } else {
            ++it;
        }
    }
    std::vector<QSGImageNode *> order;
    for (const auto *frame : frames) {
        auto found = std::find_if(m_nodes.begin(), m_nodes.end(),
                                  [&](const auto &n) { return n.first == frame->serial; });
        QSGImageNode *node = found != m_nodes.end() ? found->second : nullptr;
        if (!node) { // a texture and a rectangle before it joins: the renderer reads them at once
            node = window()->createImageNode();
            node->setOwnsTexture(true);
            node->setTexture(window()->createTextureFromImage(frame->image));
            m_nodes.emplace_back(frame->serial, node);
        }
        placeFrame(node, *frame, m_viewport, boundingRect(), frame == &m_shown && m_frameCurrent);
        order.push_back(node);
    }
    // Reattach only when the stack changed (a frame came or went).
    bool same = root->childCount() == static_cast<int>(order.size());
    for (int i = 0; same && i < root->childCount(); ++i)
        same = root->childAtIndex(i) == order[static_cast<std::size_t>(i)];
    if (!same) {
        while (QSGNode *child = root->firstChild())
            root->removeChildNode(child);
        for (auto *node : order)
            root->appendChildNode(node);
    }
    if (m_frameCurrent)
        m_paintedSerial.store(m_shown.serial);
    return root;
}

void MapView::onFrameSwapped()
{
    const quint64 painted = m_paintedSerial.load();
    if (painted != m_wantedSerial || painted == m_countedSerial)
        return;
    m_countedSerial = painted;
    ++m_frameCount;
    emit frameCountChanged();
    if (!m_ready) {
        StartupTiming::mark(QStringLiteral("first complete frame on screen"));
        m_ready = true;
        emit readyChanged();
    }
}

void MapView::geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry)
{
    QQuickItem::geometryChange(newGeometry, oldGeometry);
    if (newGeometry.size() == oldGeometry.size() || newGeometry.width() < 1 ||
        newGeometry.height() < 1)
        return;
    if (!m_fitted)
        fitAll();
    else
        setViewport(m_viewport.resized(newGeometry.size().toSize()));
}

void MapView::itemChange(ItemChange change, const ItemChangeData &value)
{
    QQuickItem::itemChange(change, value);
    if (change == ItemSceneChange) {
        disconnect(m_swapConnection);
        if (value.window)
            m_swapConnection = connect(value.window, &QQuickWindow::frameSwapped, this,
                                       &MapView::onFrameSwapped, Qt::QueuedConnection);
    } else if (change == ItemDevicePixelRatioHasChanged) {
        requestFrame();
    }
}

void MapView::mousePressEvent(QMouseEvent *event)
{
    m_dragging = true;
    m_dragLast = event->position();
    event->accept();
}

void MapView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragging)
        return;
    const QPointF delta = event->position() - m_dragLast;
    m_dragLast = event->position();
    panBy(delta.x(), delta.y());
}

void MapView::mouseReleaseEvent(QMouseEvent *event)
{
    m_dragging = false;
    event->accept();
}

void MapView::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps != 0)
        zoomAt(event->position().x(), event->position().y(), std::pow(1.25, steps));
    event->accept();
}

} // namespace planlines::qml
