#include "layerlistmodel.h"

#include <algorithm>

namespace planlines::qml {

LayerListModel::LayerListModel(QObject *parent) : QAbstractListModel(parent) {}

const layers::Symbol *LayerListModel::legendSymbol(const layers::MapLayer &layer)
{
    const auto &style = *layer.entry.style;
    const auto &data = *layer.data;
    std::vector<std::uint32_t> counts(data.categoryValues().size(), 0);
    for (std::uint32_t f = 0; f < data.featureCount(); ++f)
        if (const auto c = data.categoryIndex(f); c != layers::LayerData::kNoCategory)
            ++counts[c];
    const layers::Symbol *best = nullptr;
    std::uint32_t bestCount = 0;
    for (std::size_t v = 0; v < counts.size(); ++v)
        if (const layers::Category *c = style.category(data.categoryValues()[v]);
            c && counts[v] > bestCount) {
            best = &c->symbol;
            bestCount = counts[v];
        }
    if (best)
        return best;
    return style.categories().empty() ? &style.symbol() : &style.categories().front().symbol;
}

int LayerListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QHash<int, QByteArray> LayerListModel::roleNames() const
{
    return {{NameRole, "name"},
            {RoleIdRole, "roleId"},
            {RoleLabelRole, "roleLabel"},
            {GroupLabelRole, "groupLabel"},
            {GroupIndexRole, "groupIndex"},
            {LayerVisibleRole, "layerVisible"},
            {SwatchColorRole, "swatchColor"},
            {FillColorRole, "fillColor"},
            {OutlineColorRole, "outlineColor"},
            {HatchedRole, "hatched"},
            {FeatureCountRole, "featureCount"},
            {SyntheticRole, "synthetic"},
            {GeometryKindRole, "geometryKind"}};
}

QVariant LayerListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row &r = m_rows[static_cast<std::size_t>(index.row())];
    const auto &info = r.entry.info;
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return QString::fromStdString(info.name);
    case RoleIdRole:
        return QString::fromLatin1(geodata::roleId(info.role));
    case RoleLabelRole:
        return QString::fromUtf8(geodata::roleLabelZh(info.role));
    case GroupLabelRole:
        return r.entry.group.label;
    case GroupIndexRole:
        return r.entry.group.index;
    case LayerVisibleRole:
        return r.visible;
    case SwatchColorRole:
        return r.legend->swatchColor();
    case FillColorRole: {
        // The legend symbol (a categorised layer shows its first category; points their
        // marker); transparent when the layer is only outlined or hatched.
        const auto &s = *r.legend;
        if (r.geometryKind == u"point" && s.marker.fill.isValid())
            return s.marker.fill;
        return s.hasFill() ? s.fill : QColor(Qt::transparent);
    }
    case OutlineColorRole: {
        const auto &s = *r.legend;
        if (r.geometryKind == u"point" && s.marker.fill.isValid())
            return s.marker.fill.darker(130);
        return s.hasOutline() ? s.outline : r.entry.style->swatchColor().darker(140);
    }
    case HatchedRole:
        return r.legend->hatch.has_value();
    case FeatureCountRole:
        return static_cast<qlonglong>(r.loadedFeatures);
    case SyntheticRole:
        return info.synthetic;
    case GeometryKindRole:
        return r.geometryKind;
    default:
        return {};
    }
}

bool LayerListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != LayerVisibleRole || !index.isValid() || index.row() >= rowCount())
        return false;
    setLayerVisible(index.row(), value.toBool());
    return true;
}

Qt::ItemFlags LayerListModel::flags(const QModelIndex &index) const
{
    return QAbstractListModel::flags(index) | Qt::ItemIsUserCheckable;
}

void LayerListModel::setLayerVisible(int row, bool visible)
{
    if (row < 0 || row >= rowCount())
        return;
    Row &r = m_rows[static_cast<std::size_t>(row)];
    if (r.visible == visible)
        return;
    r.visible = visible;
    const QModelIndex i = index(row);
    emit dataChanged(i, i, {LayerVisibleRole});
    emit visibilityChanged();
}

int LayerListModel::rowOfTable(const QString &table) const
{
    const std::string t = table.toStdString();
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].entry.info.table == t)
            return static_cast<int>(i);
    return -1;
}

void LayerListModel::reset(const layers::ProjectMap &map)
{
    beginResetModel();
    m_rows.clear();
    for (std::size_t i = 0; i < map.layers().size(); ++i) {
        const auto &l = map.layers()[i];
        const auto kind = l.data->kind();
        m_rows.push_back({i, l.entry, l.data->featureCount(),
                          kind == layers::GeometryKind::Point  ? QStringLiteral("point")
                          : kind == layers::GeometryKind::Line ? QStringLiteral("line")
                                                               : QStringLiteral("polygon"),
                          l.entry.visibleByDefault, legendSymbol(l)});
    }
    // The panel lists groups in catalog order and, within a group, the topmost layer first.
    std::stable_sort(m_rows.begin(), m_rows.end(), [](const Row &a, const Row &b) {
        if (a.entry.group.index != b.entry.group.index)
            return a.entry.group.index < b.entry.group.index;
        return a.mapIndex > b.mapIndex;
    });
    endResetModel();
    emit countChanged();
}

void LayerListModel::clear()
{
    if (m_rows.empty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
    emit countChanged();
}

std::vector<bool> LayerListModel::visibility() const
{
    std::vector<bool> out(m_rows.size(), false);
    for (const auto &r : m_rows)
        out[r.mapIndex] = r.visible;
    return out;
}

} // namespace planlines::qml
