// The --screenshot mode: waits until the map shows its first complete frame (and, when the
// window has a `pending` property, until it is false and the map has drawn after), grabs the
// window, saves it as PNG and finishes with exit code 0; finishes with 1 (and a message on stderr)
// when the project cannot be opened, the image cannot be written, or nothing renders in time.
#pragma once

#include <QObject>
#include <QPointer>
#include <QQuickWindow>
#include <QTimer>

namespace planlines::qml {

class MapView;

class Screenshot : public QObject
{
    Q_OBJECT

public:
    Screenshot(QQuickWindow *window, QString path, int timeoutMs = 120000);

signals:
    void finished(int exitCode);

private slots:
    void onPendingChanged();

private:
    void check();
    void fail(const QString &message);

    QPointer<QQuickWindow> m_window;
    QPointer<MapView> m_map;
    QString m_path;
    QTimer m_timeout;
    QTimer m_settleTimer;
    int m_settleFrame = -1; // after the window's work: grab a frame newer than this
    bool m_done = false;
};

} // namespace planlines::qml
