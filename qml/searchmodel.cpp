#include "searchmodel.h"

#include <QPointF>

namespace planlines::qml {

SearchModel::SearchModel(QObject *parent) : QAbstractListModel(parent) {}

void SearchModel::setSession(ProjectSession *session)
{
    if (session == m_session)
        return;
    if (m_session)
        m_session->disconnect(this);
    m_session = session;
    if (m_session)
        connect(m_session, &ProjectSession::statusChanged, this, [this] {
            m_reader.close();
            clear();
        });
    clear();
    emit sessionChanged();
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

int SearchModel::search(const QString &text)
{
    beginResetModel();
    m_outcome = {};
    if (!m_session || !m_session->map()) {
        m_outcome.message = tr("项目尚未打开");
    } else {
        try {
            m_outcome = layers::search(m_reader.open(m_session->map()->path()), text);
        } catch (const std::exception &e) {
            m_outcome.message = QString::fromStdString(e.what());
        }
    }
    endResetModel();
    emit resultsChanged();
    return count();
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
    beginResetModel();
    m_outcome = {};
    endResetModel();
    emit resultsChanged();
}

} // namespace planlines::qml
