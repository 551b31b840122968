#include "mapnavigator.h"

#include <layers/navigation.h>

#include <QQuickWindow>
#include <QScreen>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace planlines::qml {

namespace nav = layers::navigation;

MapNavigator::MapNavigator(QObject *parent) : QObject(parent)
{
    m_animation.setStartValue(0.0);
    m_animation.setEndValue(1.0);
    m_animation.setDuration(m_durationMs);
    connect(&m_animation, &QVariantAnimation::valueChanged, this, &MapNavigator::onFrame);
    connect(&m_animation, &QAbstractAnimation::stateChanged, this, &MapNavigator::animatingChanged);
}

void MapNavigator::setMap(MapView *map)
{
    if (map == m_map)
        return;
    finish();
    if (m_map) {
        m_map->disconnect(this);
        m_map->removeEventFilter(this);
    }
    m_map = map;
    if (m_map) {
        m_map->installEventFilter(this);
        connect(m_map, &MapView::viewportChanged, this, &MapNavigator::scaleChanged);
        connect(m_map, &QQuickItem::windowChanged, this, &MapNavigator::updateDpi);
    }
    updateDpi();
    emit mapChanged();
    emit scaleChanged();
}

void MapNavigator::setRoundScales(bool on)
{
    if (on == m_roundScales)
        return;
    m_roundScales = on;
    emit roundScalesChanged();
    if (on)
        snapToRoundScale();
}

void MapNavigator::setDurationMs(int ms)
{
    ms = std::max(0, ms);
    if (ms == m_durationMs)
        return;
    m_durationMs = ms;
    m_animation.setDuration(std::max(1, ms));
    emit durationMsChanged();
}

void MapNavigator::setDotsPerInch(double dpi)
{
    m_dpiSet = true;
    if (!(dpi > 0) || dpi == m_dpi)
        return;
    m_dpi = dpi;
    emit dotsPerInchChanged();
    emit scaleChanged();
}

void MapNavigator::updateDpi()
{
    if (m_dpiSet || !m_map || !m_map->window() || !m_map->window()->screen())
        return;
    const QScreen *screen = m_map->window()->screen();
    // Item pixels are logical: a logical pixel spans devicePixelRatio physical ones.
    const double dpi = screen->physicalDotsPerInch() / screen->devicePixelRatio();
    const double use = dpi >= 50 && dpi <= 400 ? dpi : layers::MapViewport::kScreenDpi;
    if (use != m_dpi) {
        m_dpi = use;
        emit dotsPerInchChanged();
        emit scaleChanged();
    }
}

double MapNavigator::scaleDenominator() const
{
    if (!m_map || !m_map->viewport().isValid())
        return 0;
    return nav::scaleDenominatorAt(m_map->metresPerPixel(), m_dpi);
}

layers::MapViewport MapNavigator::target() const
{
    if (animating())
        return m_to;
    if (const MapView *map = m_map.data())
        return map->viewport();
    return {};
}

void MapNavigator::apply(const layers::MapViewport &v)
{
    if (m_map)
        m_map->setView(v.centre().easting, v.centre().northing, v.metresPerPixel());
}

void MapNavigator::animateTo(const layers::MapViewport &to)
{
    const MapView *map = m_map.data();
    if (!map || !to.isValid())
        return;
    const double mpp =
        std::clamp(to.metresPerPixel(), MapView::kMinMetresPerPixel, MapView::kMaxMetresPerPixel);
    const layers::MapViewport clamped(to.centre(), mpp, to.sizePx(), to.dotsPerInch());
    m_animation.stop();
    if (m_durationMs == 0) {
        apply(clamped);
        return;
    }
    m_from = map->viewport();
    m_to = clamped;
    m_animation.start();
}

void MapNavigator::onFrame(const QVariant &value)
{
    apply(nav::interpolated(m_from, m_to, nav::easeInOut(value.toDouble())));
}

void MapNavigator::finish()
{
    if (!animating())
        return;
    m_animation.stop();
    apply(m_to);
}

void MapNavigator::zoomAt(qreal x, qreal y, qreal factor)
{
    const layers::MapViewport v = target();
    if (!v.isValid() || !(factor > 0))
        return;
    // The target view's pixel of the point under (x, y) now.
    const auto world = m_map->viewport().pixelToWorld(QPointF(x, y));
    const QPointF pixel = v.worldToPixel(world);
    double next = v.metresPerPixel() / factor;
    if (m_roundScales && std::abs(factor - 1) > 1e-9) {
        const double now = nav::scaleDenominatorAt(v.metresPerPixel(), m_dpi);
        next = nav::metresPerPixelAt(nav::nextRoundScale(now, factor > 1 ? 1 : -1), m_dpi);
    }
    animateTo(v.zoomedAt(pixel, v.metresPerPixel() / next));
}

void MapNavigator::zoomIn()
{
    if (m_map)
        zoomAt(m_map->width() / 2, m_map->height() / 2, kZoomStep);
}

void MapNavigator::zoomOut()
{
    if (m_map)
        zoomAt(m_map->width() / 2, m_map->height() / 2, 1 / kZoomStep);
}

void MapNavigator::pan(qreal dx, qreal dy)
{
    const layers::MapViewport v = target();
    if (v.isValid())
        animateTo(v.panned(QPointF(dx, dy)));
}

void MapNavigator::zoomToExtent(double minE, double minN, double maxE, double maxN)
{
    const layers::MapViewport v = target();
    if (!v.isValid())
        return;
    const geodata::Envelope e{std::min(minE, maxE), std::min(minN, maxN), std::max(minE, maxE),
                              std::max(minN, maxN)};
    auto to = nav::zoomedToExtent(v, e, kFeatureMarginPx, kClosestMetresPerPixel);
    if (m_roundScales) {
        // The largest round scale that still shows it all (or the smallest one there is).
        const double need = nav::scaleDenominatorAt(to.metresPerPixel(), m_dpi);
        double round = nav::kRoundScales.back();
        for (const double s : nav::kRoundScales)
            if (s >= need) {
                round = s;
                break;
            }
        to = layers::MapViewport(to.centre(), nav::metresPerPixelAt(round, m_dpi), to.sizePx(),
                                 to.dotsPerInch());
    }
    animateTo(to);
}

bool MapNavigator::zoomToLayer(const QString &table)
{
    if (!m_map || !m_map->session() || !m_map->session()->map())
        return false;
    const std::string t = table.toStdString();
    for (const auto &layer : m_map->session()->map()->layers())
        if (layer.entry.info.table == t && layer.data->featureCount() > 0) {
            const auto &e = layer.data->extent();
            zoomToExtent(e.minX, e.minY, e.maxX, e.maxY);
            return true;
        }
    return false;
}

void MapNavigator::zoomToFullCounty()
{
    if (!m_map || !m_map->session() || !m_map->session()->map())
        return;
    const auto e = m_map->session()->map()->homeExtent();
    const layers::MapViewport v = target();
    if (!v.isValid())
        return;
    // The same view as when the project opened (fitAll's 16 px margin).
    animateTo(layers::MapViewport::fitting(e, v.sizePx(), 16, v.dotsPerInch()));
}

void MapNavigator::setScale(double denominator)
{
    const layers::MapViewport v = target();
    if (!v.isValid() || !(denominator > 0))
        return;
    animateTo(layers::MapViewport(v.centre(), nav::metresPerPixelAt(denominator, m_dpi), v.sizePx(),
                                  v.dotsPerInch()));
}

void MapNavigator::zoomToPoint(double easting, double northing, double denominator)
{
    const layers::MapViewport v = target();
    if (!v.isValid() || !(denominator > 0))
        return;
    animateTo(layers::MapViewport({easting, northing}, nav::metresPerPixelAt(denominator, m_dpi),
                                  v.sizePx(), v.dotsPerInch()));
}

double MapNavigator::parseScale(const QString &text)
{
    QString t = text.simplified();
    t.replace(QChar(0xFF1A), u':'); // a full-width colon from a Chinese input method
    t.remove(u' ').remove(u',').remove(QChar(0xFF0C));
    if (t.startsWith(QStringLiteral("1:")))
        t = t.mid(2);
    bool ok = false;
    const double n = t.toDouble(&ok);
    return ok && std::isfinite(n) && n >= 1 ? n : 0;
}

bool MapNavigator::setScaleText(const QString &text)
{
    const double n = parseScale(text);
    if (n <= 0 || !target().isValid())
        return false;
    setScale(n);
    return true;
}

bool MapNavigator::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_map || event->type() != QEvent::Wheel || !m_roundScales)
        return QObject::eventFilter(watched, event);
    auto *wheel = static_cast<QWheelEvent *>(event);
    m_wheelAccumulated += wheel->angleDelta().y();
    // One notch (120) is one round scale; a touchpad's small steps add up to one.
    while (std::abs(m_wheelAccumulated) >= 120) {
        const int direction = m_wheelAccumulated > 0 ? 1 : -1;
        m_wheelAccumulated -= 120 * direction;
        zoomAt(wheel->position().x(), wheel->position().y(),
               direction > 0 ? kZoomStep : 1 / kZoomStep);
    }
    wheel->accept();
    return true;
}

void MapNavigator::snapToRoundScale()
{
    const layers::MapViewport v = target();
    if (v.isValid())
        setScale(nav::nearestRoundScale(nav::scaleDenominatorAt(v.metresPerPixel(), m_dpi)));
}

bool MapNavigator::handleKey(int key, int modifiers)
{
    if (!m_map)
        return false;
    Q_UNUSED(modifiers);
    const double w = m_map->width() * kKeyPanFraction;
    const double h = m_map->height() * kKeyPanFraction;
    switch (key) {
    case Qt::Key_Left:
        pan(w, 0); // the content follows: the view moves west
        return true;
    case Qt::Key_Right:
        pan(-w, 0);
        return true;
    case Qt::Key_Up:
        pan(0, h);
        return true;
    case Qt::Key_Down:
        pan(0, -h);
        return true;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        return true;
    case Qt::Key_Minus:
    case Qt::Key_Underscore:
        zoomOut();
        return true;
    case Qt::Key_Home:
        zoomToFullCounty();
        return true;
    default:
        return false;
    }
}

} // namespace planlines::qml
