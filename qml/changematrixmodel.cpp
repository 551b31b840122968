#include "changematrixmodel.h"

#include <geodata/area.h>
#include <geodata/landuse/changetables.h>
#include <geodata/landuse/landuseclasses.h>

#include <algorithm>
#include <map>

namespace planlines::qml {

namespace gl = geodata::landuse;

ChangeMatrixModel::ChangeMatrixModel(QObject *parent) : QAbstractTableModel(parent) {}

void ChangeMatrixModel::reset(const gl::ChangeResult *result,
                              const std::vector<gl::TransferCell> &cells, int level)
{
    beginResetModel();
    m_codes.clear();
    m_labels.clear();
    m_area.clear();
    if (result) {
        const auto shown = level == 1 ? gl::firstLevelMatrix(cells) : cells;
        std::map<std::string, int> index;
        for (const auto &c : shown) {
            index.emplace(c.fromCode, 0);
            index.emplace(c.toCode, 0);
        }
        // Land no parcel covered ("" : 无图斑) last, after the classes by code.
        for (const auto &[code, i] : index)
            if (!code.empty())
                m_codes.push_back(code);
        if (index.count(""))
            m_codes.push_back("");
        for (std::size_t i = 0; i < m_codes.size(); ++i) {
            index[m_codes[i]] = static_cast<int>(i);
            std::string label;
            if (level == 1) {
                const std::string name(gl::firstLevelName(m_codes[i]));
                label = m_codes[i].empty() ? std::string(gl::secondLevelName(""))
                        : name.empty()     ? m_codes[i]
                                           : m_codes[i] + " " + name;
            } else {
                label = gl::classLabel(*result, m_codes[i]);
            }
            m_labels.push_back(QString::fromStdString(label));
        }
        const std::size_t n = m_codes.size();
        m_area.assign(n + 1, std::vector<double>(n + 1, 0.0));
        for (const auto &c : shown) {
            const auto r = static_cast<std::size_t>(index[c.fromCode]);
            const auto k = static_cast<std::size_t>(index[c.toCode]);
            m_area[r][k] += c.areaM2;
            m_area[r][n] += c.areaM2;
            m_area[n][k] += c.areaM2;
            m_area[n][n] += c.areaM2;
        }
    }
    endResetModel();
}

double ChangeMatrixModel::areaM2(int row, int column) const
{
    if (row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
        return 0;
    return m_area[static_cast<std::size_t>(row)][static_cast<std::size_t>(column)];
}

int ChangeMatrixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || m_area.empty() ? 0 : static_cast<int>(m_area.size());
}

int ChangeMatrixModel::columnCount(const QModelIndex &parent) const
{
    return rowCount(parent);
}

QVariant ChangeMatrixModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const int r = index.row(), c = index.column();
    const double m2 = areaM2(r, c);
    switch (role) {
    case Qt::DisplayRole:
        return m2 > 0 ? QString::number(geodata::m2ToMu(m2), 'f', 2) : QString();
    case AreaM2Role:
        return m2;
    case KindRole:
        if (isTotal(r) || isTotal(c))
            return QStringLiteral("total");
        if (m2 <= 0)
            return QStringLiteral("empty");
        return r == c ? QStringLiteral("kept") : QStringLiteral("change");
    case FromRole:
        return isTotal(r) ? QString() : QString::fromStdString(m_codes[static_cast<size_t>(r)]);
    case ToRole:
        return isTotal(c) ? QString() : QString::fromStdString(m_codes[static_cast<size_t>(c)]);
    default:
        return {};
    }
}

QVariant ChangeMatrixModel::headerData(int section, Qt::Orientation, int role) const
{
    if (role != Qt::DisplayRole || section < 0 || section >= rowCount())
        return {};
    return isTotal(section) ? tr("合计") : m_labels[static_cast<std::size_t>(section)];
}

QHash<int, QByteArray> ChangeMatrixModel::roleNames() const
{
    return {{Qt::DisplayRole, "display"},
            {AreaM2Role, "areaM2"},
            {KindRole, "kind"},
            {FromRole, "fromCode"},
            {ToRole, "toCode"}};
}

} // namespace planlines::qml
