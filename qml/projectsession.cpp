#include "projectsession.h"
#include "startuptiming.h"

#include <geodata/error.h>

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>
#include <variant>

namespace planlines::qml {

namespace {

using LoadResult = std::variant<std::shared_ptr<const layers::ProjectMap>, QString>;

// The built-in styles, read once per process.
const layers::LayerCatalog &catalog()
{
    static const layers::LayerCatalog c = layers::LayerCatalog::load();
    return c;
}

LoadResult loadProject(const QString &path)
{
    try {
        const double t0 = StartupTiming::elapsedS();
        auto map = std::make_shared<const layers::ProjectMap>(
            layers::ProjectMap::load(path.toStdString(), catalog()));
        if (StartupTiming::enabled()) {
            std::size_t features = 0;
            for (const auto &l : map->layers())
                features += l.data->featureCount();
            StartupTiming::mark(QStringLiteral("project loaded on a worker: %1 layers, %2 "
                                               "features in %3 s")
                                    .arg(map->layers().size())
                                    .arg(features)
                                    .arg(StartupTiming::elapsedS() - t0, 0, 'f', 3));
        }
        return map;
    } catch (const std::exception &e) {
        return QString::fromStdString(e.what());
    }
}

// The load preload() started, until a session takes it (GUI thread only).
struct Preloaded
{
    QString path;
    QFuture<LoadResult> future;
};
Preloaded &preloaded()
{
    static Preloaded p;
    return p;
}

} // namespace

void ProjectSession::preload(const QString &path)
{
    if (path.isEmpty())
        return;
    preloaded() = {path, QtConcurrent::run(loadProject, path)};
}

ProjectSession::ProjectSession(QObject *parent) : QObject(parent), m_layers(this)
{
    connect(&m_layers, &LayerListModel::visibilityChanged, this, &ProjectSession::contentChanged);
    connect(&m_watcher, &StoreWatcher::layersChanged, this, &ProjectSession::refresh);
    connect(&m_watcher, &StoreWatcher::progressChanged, this, &ProjectSession::progressChanged);
    connect(&m_watcher, &StoreWatcher::noticeChanged, this, &ProjectSession::storeNoticeChanged);
}

ProjectSession::~ProjectSession() = default;

void ProjectSession::setPath(const QString &path)
{
    if (path == m_path)
        return;
    m_path = path;
    emit pathChanged();
    load();
}

void ProjectSession::reload()
{
    load();
}

void ProjectSession::setOpening(bool on)
{
    if (on == m_opening)
        return;
    m_opening = on;
    emit openingChanged();
}

void ProjectSession::open(const QString &path)
{
    const quint64 generation = ++m_openGeneration;
    setOpening(true);
    auto *watcher = new QFutureWatcher<LoadResult>(this);
    connect(watcher, &QFutureWatcher<LoadResult>::finished, this,
            [this, watcher, generation, path] {
                watcher->deleteLater();
                if (generation != m_openGeneration)
                    return;
                setOpening(false);
                const LoadResult result = watcher->result();
                if (const auto *error = std::get_if<QString>(&result)) {
                    emit openFailed(path, *error);
                    return;
                }
                ++m_generation; // a load of the previous path still running is now stale
                m_path = path;
                m_map = std::get<std::shared_ptr<const layers::ProjectMap>>(result);
                m_layers.reset(*m_map, m_path);
                emit pathChanged();
                setStatus(Ready);
                emit contentChanged();
                emit opened(path);
            });
    watcher->setFuture(QtConcurrent::run(loadProject, path));
}

QString ProjectSession::countyName() const
{
    return m_map ? QString::fromStdString(m_map->countyName()) : QString();
}

QString ProjectSession::workingCrs() const
{
    return m_map ? QString::fromStdString(m_map->workingCrs()) : QString();
}

QString ProjectSession::crsDescription() const
{
    return m_map ? QString::fromStdString(m_map->crsDescription()) : QString();
}

bool ProjectSession::synthetic() const
{
    return m_map && m_map->anySynthetic();
}

std::vector<layers::RenderLayer> ProjectSession::visibleLayers() const
{
    std::vector<layers::RenderLayer> out;
    if (m_map) {
        const auto visible = m_layers.visibility();
        const auto opacity = m_layers.opacities();
        for (const std::size_t i : m_layers.drawOrder())
            if (i < m_map->layers().size() && visible[i] && opacity[i] > 0)
                out.push_back({.data = m_map->layers()[i].data,
                               .style = m_map->layers()[i].entry.style,
                               .raster = nullptr,
                               .opacity = opacity[i]});
    }
    return m_rewrite ? m_rewrite(std::move(out)) : out;
}

void ProjectSession::setLayerRewrite(LayerRewrite rewrite)
{
    m_rewrite = std::move(rewrite);
    emit contentChanged();
}

void ProjectSession::refresh()
{
    if (m_status != Ready || m_refreshing)
        return;
    m_refreshing = true;
    const quint64 generation = m_generation;
    auto *watcher = new QFutureWatcher<LoadResult>(this);
    connect(watcher, &QFutureWatcher<LoadResult>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        m_refreshing = false;
        if (generation != m_generation || m_status != Ready)
            return; // another project was opened or loaded meanwhile
        const LoadResult result = watcher->result();
        if (std::holds_alternative<QString>(result))
            return; // the watcher's notice says what is wrong; the map shown stays
        m_map = std::get<std::shared_ptr<const layers::ProjectMap>>(result);
        m_layers.reset(*m_map, m_path); // each layer's visibility comes back from the settings
        emit statusChanged();
        emit contentChanged();
        emit layersRefreshed();
    });
    watcher->setFuture(QtConcurrent::run(loadProject, m_path));
}

void ProjectSession::setStatus(Status status, const QString &error)
{
    // Watch the store of the project shown for what others change in it.
    const QString watched = status == Ready ? m_path : QString();
    if (status != Loading && watched != m_watched) {
        m_watched = watched;
        m_watcher.watch(watched);
    }
    m_status = status;
    m_error = error;
    emit statusChanged();
}

void ProjectSession::load()
{
    const quint64 generation = ++m_generation;
    m_map.reset();
    m_layers.clear();
    if (m_path.isEmpty()) {
        setStatus(Null);
        emit contentChanged();
        return;
    }
    setStatus(Loading);
    emit contentChanged();
    auto *watcher = new QFutureWatcher<LoadResult>(this);
    connect(watcher, &QFutureWatcher<LoadResult>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        const LoadResult result = watcher->result();
        if (const auto *error = std::get_if<QString>(&result)) {
            setStatus(Error, *error);
        } else {
            m_map = std::get<std::shared_ptr<const layers::ProjectMap>>(result);
            m_layers.reset(*m_map, m_path);
            setStatus(Ready);
            StartupTiming::mark(QStringLiteral("window updated for the project"));
        }
        emit contentChanged();
    });
    Preloaded &early = preloaded();
    if (early.future.isValid() && early.path == m_path)
        watcher->setFuture(std::exchange(early, {}).future);
    else
        watcher->setFuture(QtConcurrent::run(loadProject, m_path));
}

} // namespace planlines::qml
