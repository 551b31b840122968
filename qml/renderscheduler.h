// Renders map frames on the thread pool, one at a time: while a frame renders, newer requests
// replace each other and only the latest is rendered next, so a fast drag never queues up work.
// After the first frame, a request is rendered once requests pause for settleMs(): during a
// drag or an animation the GUI thread, which moves the last frame, has the cores to itself
// instead of sharing them with renders of views already left behind.
#pragma once

#include <layers/maprenderer.h>

#include <QFutureWatcher>
#include <QImage>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>
#include <optional>

namespace planlines::qml {

class RenderScheduler : public QObject
{
    Q_OBJECT

public:
    struct Frame
    {
        QImage image;
        layers::MapViewport viewport; // in the image's (device) pixels
        quint64 serial = 0;           // the request it answers
        layers::RenderStats stats;
        qint64 milliseconds = 0;
    };

    explicit RenderScheduler(QObject *parent = nullptr);
    ~RenderScheduler() override;

    // Asks for a frame of viewport; returns the request's serial.
    quint64 request(const layers::MapViewport &viewport, std::vector<layers::RenderLayer> layers);
    bool busy() const { return m_running; }
    static constexpr int settleMs() { return 40; }
    const Frame &lastFrame() const { return m_frame; }

signals:
    // lastFrame() holds a new frame.
    void frameReady();

private:
    struct Request
    {
        layers::MapViewport viewport;
        std::vector<layers::RenderLayer> layers;
        quint64 serial = 0;
    };
    void start(Request request);
    void startPending();

    layers::MapRenderer m_renderer;
    QFutureWatcher<Frame> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::optional<Request> m_pending;
    QTimer m_settle; // runs while requests keep coming
    bool m_running = false;
    quint64 m_serial = 0;
    Frame m_frame;
};

} // namespace planlines::qml
