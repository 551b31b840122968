#include "identifymodel.h"
#include "mapformat.h"

#include <layers/featurehit.h>

#include <algorithm>

namespace planlines::qml {

IdentifyModel::IdentifyModel(QObject *parent) : QAbstractListModel(parent) {}

void IdentifyModel::setSession(ProjectSession *session)
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

QVariantList IdentifyModel::candidates() const
{
    QVariantList out;
    if (!m_session || !m_session->map())
        return out;
    for (const auto &c : m_candidates) {
        const auto &info = m_session->map()->layers()[c.layer].entry.info;
        out << QVariantMap{{QStringLiteral("layer"), c.layerName},
                           {QStringLiteral("title"), c.title},
                           {QStringLiteral("table"), QString::fromStdString(info.table)},
                           {QStringLiteral("fid"), QVariant::fromValue<qint64>(c.fid)}};
    }
    return out;
}

QString IdentifyModel::layerName() const
{
    return m_current >= 0 ? m_candidates[static_cast<std::size_t>(m_current)].layerName : QString();
}

QString IdentifyModel::featureTitle() const
{
    return m_current >= 0 ? m_candidates[static_cast<std::size_t>(m_current)].title : QString();
}

QString IdentifyModel::areaText() const
{
    return m_current >= 0 && m_details.areaM2 ? MapFormat::area(*m_details.areaM2) : QString();
}

QString IdentifyModel::lengthText() const
{
    return m_current >= 0 && m_details.lengthM
               ? QStringLiteral("%1 m").arg(*m_details.lengthM, 0, 'f', 2)
               : QString();
}

QString IdentifyModel::selectedTable() const
{
    if (m_current < 0 || !m_session || !m_session->map())
        return {};
    const auto &c = m_candidates[static_cast<std::size_t>(m_current)];
    return QString::fromStdString(m_session->map()->layers()[c.layer].entry.info.table);
}

qint64 IdentifyModel::selectedFid() const
{
    return m_current >= 0 ? m_candidates[static_cast<std::size_t>(m_current)].fid : -1;
}

QVariantList IdentifyModel::selectedExtent() const
{
    if (m_current < 0 || m_details.fid < 0)
        return {};
    const auto &e = m_details.envelope;
    return {e.minX, e.minY, e.maxX, e.maxY};
}

int IdentifyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_details.attributes.size());
}

QHash<int, QByteArray> IdentifyModel::roleNames() const
{
    return {{AliasRole, "alias"}, {FieldRole, "field"}, {ValueRole, "value"}};
}

QVariant IdentifyModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const auto &a = m_details.attributes[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case AliasRole:
        return a.alias;
    case FieldRole:
        return a.field;
    case ValueRole:
        return a.value;
    default:
        return {};
    }
}

int IdentifyModel::identify(double easting, double northing, double toleranceM)
{
    beginResetModel();
    m_candidates.clear();
    m_details = {};
    m_current = -1;
    m_error.clear();
    endResetModel();
    if (m_session && m_session->map()) {
        const auto &mapLayers = m_session->map()->layers();
        const auto visible = m_session->layers()->visibility();
        for (std::size_t i = mapLayers.size(); i-- > 0;) {
            if (i >= visible.size() || !visible[i])
                continue;
            const auto &data = *mapLayers[i].data;
            const auto &style = *mapLayers[i].entry.style;
            const bool filled =
                style.symbol().hasFill() ||
                std::any_of(style.categories().begin(), style.categories().end(),
                            [](const layers::Category &c) { return c.symbol.hasFill(); });
            // A polygon answers where it contains the click, not just near its edge.
            const double tolerance =
                data.kind() == layers::GeometryKind::Polygon ? 0.0 : toleranceM;
            for (const auto &hit : layers::hitTest(data, {easting, northing}, tolerance)) {
                Candidate c;
                c.layer = i;
                c.fid = data.featureId(hit.feature);
                c.layerName = QString::fromStdString(mapLayers[i].entry.info.name);
                c.title = data.label(hit.feature).toString();
                c.rank = data.kind() != layers::GeometryKind::Polygon ? 0 : filled ? 1 : 2;
                if (c.title.isEmpty())
                    c.title = tr("要素 %1").arg(c.fid);
                m_candidates.push_back(std::move(c));
            }
        }
    }
    // Points and lines (hit within a tolerance) first, then filled polygons, then outlined
    // ones (a township's outline is drawn above the parcels, but a click inside it means the
    // parcel); within each, the topmost layer first.
    std::stable_sort(m_candidates.begin(), m_candidates.end(),
                     [](const Candidate &a, const Candidate &b) { return a.rank < b.rank; });
    emit candidatesChanged();
    if (m_candidates.empty())
        emit currentChanged();
    else
        choose(0);
    return static_cast<int>(m_candidates.size());
}

void IdentifyModel::choose(int index)
{
    if (index < 0 || index >= static_cast<int>(m_candidates.size()) || !m_session ||
        !m_session->map())
        return;
    beginResetModel();
    m_current = index;
    m_error.clear();
    const auto &c = m_candidates[static_cast<std::size_t>(index)];
    try {
        auto &project = m_reader.open(m_session->map()->path());
        m_details = layers::readFeatureDetails(
            project, m_session->map()->layers()[c.layer].entry.info, c.fid);
    } catch (const std::exception &e) {
        m_details = {};
        m_error = QString::fromStdString(e.what());
    }
    endResetModel();
    emit currentChanged();
}

void IdentifyModel::clear()
{
    beginResetModel();
    m_candidates.clear();
    m_details = {};
    m_current = -1;
    m_error.clear();
    endResetModel();
    emit candidatesChanged();
    emit currentChanged();
}

} // namespace planlines::qml
