#include "renderscheduler.h"

#include <QElapsedTimer>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

namespace planlines::qml {

RenderScheduler::RenderScheduler(QObject *parent) : QObject(parent)
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(settleMs());
    connect(&m_settle, &QTimer::timeout, this, [this] {
        if (!m_running)
            startPending();
    });
    connect(&m_watcher, &QFutureWatcher<Frame>::finished, this, [this] {
        m_running = false;
        Frame frame = m_watcher.result();
        if (!frame.stats.cancelled) {
            m_frame = std::move(frame);
            emit frameReady();
        }
        if (!m_settle.isActive())
            startPending();
    });
}

RenderScheduler::~RenderScheduler()
{
    // The worker holds its own copies of the layers; tell it to stop early and let it finish.
    if (m_cancel)
        m_cancel->store(true);
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
}

quint64 RenderScheduler::request(const layers::MapViewport &viewport,
                                 std::vector<layers::RenderLayer> layers)
{
    m_pending = Request{viewport, std::move(layers), ++m_serial};
    if (!m_running && m_frame.image.isNull())
        startPending(); // the first frame at once
    else
        m_settle.start(); // (re)started: rendered when requests pause
    return m_serial;
}

void RenderScheduler::startPending()
{
    if (!m_pending)
        return;
    Request next = std::move(*m_pending);
    m_pending.reset();
    start(std::move(next));
}

void RenderScheduler::start(Request request)
{
    m_running = true;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    // The first frame on every core; later ones leave a core to the GUI thread, which keeps
    // moving the last frame while this one renders.
    auto options = m_renderer.options();
    const int cores = QThread::idealThreadCount();
    options.threads = m_frame.image.isNull() ? cores : std::max(1, cores - 1);
    m_watcher.setFuture(QtConcurrent::run([renderer = layers::MapRenderer(options),
                                           cancel = m_cancel, r = std::move(request)]() -> Frame {
        QElapsedTimer timer;
        timer.start();
        Frame f;
        f.viewport = r.viewport;
        f.serial = r.serial;
        f.image = renderer.renderImage(r.viewport, r.layers, &f.stats, cancel.get());
        // On an opaque background every pixel is opaque: say so, and the scene graph neither
        // blends the frame nor paints what it covers (the background, older frames).
        if (renderer.options().background.alpha() == 255)
            f.image.reinterpretAsFormat(QImage::Format_RGB32);
        f.milliseconds = timer.elapsed();
        return f;
    }));
}

} // namespace planlines::qml
