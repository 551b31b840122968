#include "screenshot.h"
#include "projectfiles.h"
#include "mainwindow.h"
#include "mapview.h"

#include <QFileInfo>
#include <QQmlProperty>
#include <QSaveFile>
#include <QTextStream>

namespace planlines::qml {

Screenshot::Screenshot(QQuickWindow *window, QString path, int timeoutMs)
    : m_window(window), m_map(MainWindow::mapView(window)), m_path(std::move(path))
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this, timeoutMs] {
        fail(QStringLiteral("no map frame after %1 s").arg(timeoutMs / 1000));
    });
    m_timeout.start(timeoutMs);
    m_settleTimer.setSingleShot(true);
    m_settleTimer.setInterval(3000);
    connect(&m_settleTimer, &QTimer::timeout, this, [this] {
        m_settleFrame = -1;
        check();
    });
    MapView *map = m_map.data();
    if (!map) {
        QMetaObject::invokeMethod(
            this, [this] { fail(QStringLiteral("the window has no map")); }, Qt::QueuedConnection);
        return;
    }
    connect(map, &MapView::readyChanged, this, &Screenshot::check);
    connect(map, &MapView::frameCountChanged, this, &Screenshot::check);
    // A window that says it is still working (Main.qml's pending: the check panel's check of
    // --check-site) is grabbed once that work is done and the map has drawn the view after it.
    if (const QQmlProperty pending(window, QStringLiteral("pending")); pending.hasNotifySignal())
        pending.connectNotifySignal(this, SLOT(onPendingChanged()));
    if (ProjectSession *session = map->session())
        connect(session, &ProjectSession::statusChanged, this, &Screenshot::check);
    QMetaObject::invokeMethod(this, &Screenshot::check, Qt::QueuedConnection);
}

void Screenshot::onPendingChanged()
{
    QQuickWindow *window = m_window.data();
    if (!window || !m_map || window->property("pending").toBool())
        return;
    // The work may have moved the map: wait for the frame after it (or, when the view did not
    // change and no frame comes, a moment).
    m_settleFrame = m_map->frameCount();
    QMetaObject::invokeMethod(this, &Screenshot::check, Qt::QueuedConnection);
}

void Screenshot::fail(const QString &message)
{
    if (m_done)
        return;
    m_done = true;
    QTextStream(stderr) << "planlines: " << message << "\n";
    emit finished(1);
}

void Screenshot::check()
{
    MapView *map = m_map.data();
    QQuickWindow *window = m_window.data();
    if (m_done || !map || !window)
        return;
    if (auto *session = map->session(); session && session->status() == ProjectSession::Error) {
        fail(QStringLiteral("cannot open the project %1: %2")
                 .arg(ProjectFiles::displayName(session->path()), session->errorString()));
        return;
    }
    if (!map->ready() || window->property("pending").toBool())
        return;
    if (m_settleFrame >= 0 && map->frameCount() <= m_settleFrame) {
        if (!m_settleTimer.isActive())
            m_settleTimer.start();
        return;
    }
    const QImage image = window->grabWindow();
    // Written whole or not at all: a failed save leaves no broken PNG behind.
    QSaveFile file(m_path);
    if (image.isNull() || !file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") ||
        !file.commit()) {
        fail(QStringLiteral("cannot write the screenshot %1: %2")
                 .arg(m_path, image.isNull() ? QStringLiteral("the window grab failed")
                                             : file.errorString()));
        return;
    }
    m_done = true;
    QTextStream(stdout) << "planlines: wrote " << QFileInfo(m_path).absoluteFilePath() << " ("
                        << image.width() << "x" << image.height() << ")\n";
    emit finished(0);
}

} // namespace planlines::qml
