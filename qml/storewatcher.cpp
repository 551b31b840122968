#include "storewatcher.h"

#include <geodata/project.h>

#include <QCoreApplication>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <mutex>

namespace planlines::qml {

// The watching project, opened on the worker the first time and used by one poll at a time.
struct StoreWatcher::State
{
    std::string location;
    std::mutex mutex;
    std::unique_ptr<geodata::Project> project;
    std::atomic<bool> polling{false};
};

StoreWatcher::StoreWatcher(QObject *parent) : QObject(parent)
{
    m_timer.setInterval(2000);
    connect(&m_timer, &QTimer::timeout, this, &StoreWatcher::pollNow);
}

StoreWatcher::~StoreWatcher() = default;

void StoreWatcher::watch(const QString &location)
{
    ++m_generation;
    m_timer.stop();
    m_state.reset(); // a poll running keeps its own reference and ends alone
    if (!m_notice.isEmpty()) {
        m_notice.clear();
        emit noticeChanged();
    }
    if (location.isEmpty())
        return;
    m_state = std::make_shared<State>();
    m_state->location = location.toStdString();
    m_timer.start();
    pollNow(); // starts watching (the first poll reports nothing)
}

void StoreWatcher::pollNow()
{
    if (!m_state || m_state->polling.exchange(true))
        return; // the previous poll is still waiting (on the network)
    QPointer<StoreWatcher> self(this);
    auto state = m_state;
    const quint64 generation = m_generation;
    [[maybe_unused]] auto future = QtConcurrent::run([self, state, generation] {
        geodata::StoreChanges changes;
        QString error;
        {
            const std::lock_guard lock(state->mutex);
            try {
                if (!state->project)
                    state->project = geodata::Project::open(state->location, true);
                changes = state->project->pollChanges();
            } catch (const std::exception &e) {
                error = QString::fromUtf8(e.what());
            }
        }
        state->polling = false;
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, generation, changes, error] {
                if (self)
                    self->finished(generation, changes.layers, changes.progress,
                                   changes.reconnected, error);
            },
            Qt::QueuedConnection);
    });
}

void StoreWatcher::finished(quint64 generation, bool layers, bool progress, bool reconnected,
                            const QString &error)
{
    if (generation != m_generation)
        return;
    const QString notice =
        error.isEmpty() ? QString() : tr("与项目数据库的连接中断，正在重试：%1").arg(error);
    if (notice != m_notice) {
        m_notice = notice;
        emit noticeChanged();
    }
    if (reconnected || layers)
        emit layersChanged();
    if (reconnected || progress)
        emit progressChanged();
}

} // namespace planlines::qml
