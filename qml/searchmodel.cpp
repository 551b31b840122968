#include "searchmodel.h"

#include <geodata/project.h>

#include <QPointF>

namespace planlines::qml {

// The lookups' connection, opened on the worker thread on first use and reopened when the
// project file changes. Tasks run one at a time (m_pool has one thread).
struct SearchModel::Worker
{
    std::unique_ptr<geodata::Project> project;
    std::string path;
    std::string indexedPath; // the file whose code columns were indexed

    geodata::Project &open(const std::string &file)
    {
        if (!project || path != file) {
            project.reset();
            project = geodata::Project::open(file, true);
            path = file;
        }
        return *project;
    }
};

SearchModel::SearchModel(QObject *parent)
    : QAbstractListModel(parent), m_worker(std::make_shared<Worker>())
{
    m_pool.setMaxThreadCount(1);
    m_pool.setObjectName(QStringLiteral("search"));
}

SearchModel::~SearchModel()
{
    m_pool.clear();
    m_pool.waitForDone();
}

void SearchModel::setSession(ProjectSession *session)
{
    if (session == m_session)
        return;
    if (m_session)
        m_session->disconnect(this);
    m_session = session;
    if (m_session)
        connect(m_session, &ProjectSession::statusChanged, this, [this] {
            dropConnection();
            clear();
        });
    dropConnection();
    clear();
    emit sessionChanged();
}

void SearchModel::dropConnection()
{
    // After an import wrote to the file the next lookup must see it: reopen on next use.
    m_pool.start([worker = m_worker] { worker->project.reset(); });
}

QString SearchModel::kind() const
{
    using Kind = layers::SearchQuery::Kind;
    switch (m_outcome.query.kind) {
    case Kind::Text:
        return QStringLiteral("text");
    case Kind::Chainage:
        return QStringLiteral("chainage");
    case Kind::Projected:
        return QStringLiteral("projected");
    case Kind::LonLat:
        return QStringLiteral("lonlat");
    case Kind::Empty:
        break;
    }
    return {};
}

int SearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_outcome.results.size());
}

QHash<int, QByteArray> SearchModel::roleNames() const
{
    return {{TitleRole, "title"}, {DetailRole, "detail"}};
}

QVariant SearchModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const auto &r = m_outcome.results[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return r.title;
    case DetailRole:
        return r.detail;
    default:
        return {};
    }
}

void SearchModel::search(const QString &text)
{
    const quint64 request = ++m_request;
    if (!m_session || !m_session->map()) {
        beginResetModel();
        m_outcome = {};
        m_outcome.message = tr("项目尚未打开");
        endResetModel();
        emit resultsChanged();
        emit finished(0);
        return;
    }
    if (m_pending++ == 0)
        emit busyChanged();
    const std::string path = m_session->map()->path();
    QPointer<SearchModel> self(this);
    m_pool.start([self, worker = m_worker, path, text, request] {
        layers::SearchOutcome outcome;
        try {
            if (worker->indexedPath != path) {
                // Parcel codes are looked up by index: made once per file, kept in it.
                layers::indexSearchCodes(path);
                worker->indexedPath = path;
            }
            outcome = layers::search(worker->open(path), text);
        } catch (const std::exception &e) {
            worker->project.reset();
            outcome.message = QString::fromStdString(e.what());
        }
        // The model waits for its pool before it goes, so self is alive here; the queued
        // call runs on the model's thread.
        QMetaObject::invokeMethod(
            self.data(),
            [self, request, outcome = std::move(outcome)]() mutable {
                if (self)
                    self->deliver(request, std::move(outcome));
            },
            Qt::QueuedConnection);
    });
}

void SearchModel::deliver(quint64 request, layers::SearchOutcome outcome)
{
    const bool wasBusy = busy();
    --m_pending;
    if (request == m_request) {
        beginResetModel();
        m_outcome = std::move(outcome);
        endResetModel();
        emit resultsChanged();
    }
    if (wasBusy != busy())
        emit busyChanged();
    if (request == m_request)
        emit finished(count());
}

void SearchModel::choose(int row)
{
    if (row < 0 || row >= rowCount())
        return;
    const auto &r = m_outcome.results[static_cast<std::size_t>(row)];
    const auto &e = r.envelope;
    emit chosen(e.minX, e.minY, e.maxX, e.maxY, QString::fromStdString(r.table), r.fid,
                r.point ? QVariant(QPointF(r.point->easting, r.point->northing)) : QVariant());
}

void SearchModel::clear()
{
    ++m_request; // an answer on its way is no longer wanted
    beginResetModel();
    m_outcome = {};
    endResetModel();
    emit resultsChanged();
}

} // namespace planlines::qml
