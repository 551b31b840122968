// Watches the open project's store for what others change (Project::pollChanges: another
// window, another office on the same server, a command on the same file) and tells the session:
// layers replaced or added, corridor progress recorded, the server lost and back. Polls every
// two seconds on a worker thread (a reconnect may wait on the network), never on the GUI thread.
#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>

namespace planlines::qml {

class StoreWatcher : public QObject
{
    Q_OBJECT

public:
    explicit StoreWatcher(QObject *parent = nullptr);
    ~StoreWatcher() override;

    // Starts watching the store at location (a file or a server), or stops with "".
    void watch(const QString &location);
    // What the person should know about the store's connection ("" when all is well).
    QString notice() const { return m_notice; }
    void setInterval(int ms) { m_timer.setInterval(ms); }
    // One poll now (tests; the timer does the same).
    void pollNow();

signals:
    void layersChanged();
    void progressChanged();
    void noticeChanged();

private:
    struct State;
    void finished(quint64 generation, bool layers, bool progress, bool reconnected,
                  const QString &error);
    QTimer m_timer;
    std::shared_ptr<State> m_state;
    quint64 m_generation = 0;
    QString m_notice;
};

} // namespace planlines::qml
