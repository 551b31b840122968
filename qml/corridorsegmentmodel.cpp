#include "corridorsegmentmodel.h"

namespace planlines::qml {

int CorridorSegmentModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant CorridorSegmentModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() < 0 || index.row() >= rowCount())
        return {};
    const Row &r = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case SegmentIdRole:
        return r.id;
    case RangeRole:
        return r.range;
    case TownshipRole:
        return r.township;
    case WorksRole:
        return r.works;
    case StatusRole:
        return r.status;
    case StatusLabelRole:
        return r.statusLabel;
    case PercentRole:
        return r.percent;
    case SinceRole:
        return r.since;
    case ColorRole:
        return r.color;
    case AreaMuRole:
        return r.areaMu;
    default:
        return {};
    }
}

QHash<int, QByteArray> CorridorSegmentModel::roleNames() const
{
    return {{SegmentIdRole, "segmentId"}, {RangeRole, "range"},   {TownshipRole, "township"},
            {WorksRole, "works"},         {StatusRole, "status"}, {StatusLabelRole, "statusLabel"},
            {PercentRole, "percent"},     {SinceRole, "since"},   {ColorRole, "statusColor"},
            {AreaMuRole, "areaMu"}};
}

void CorridorSegmentModel::setRows(std::vector<Row> rows)
{
    const bool sameIds = rows.size() == m_rows.size() &&
                         std::equal(rows.begin(), rows.end(), m_rows.begin(),
                                    [](const Row &a, const Row &b) { return a.id == b.id; });
    if (!sameIds) {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
        return;
    }
    m_rows = std::move(rows);
    if (!m_rows.empty())
        emit dataChanged(index(0), index(rowCount() - 1));
}

QString CorridorSegmentModel::segmentId(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[static_cast<std::size_t>(row)].id : QString();
}

} // namespace planlines::qml
