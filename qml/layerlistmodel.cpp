#include "layerlistmodel.h"
#include "projectfiles.h"

#include <layers/sheet/sheetcomposer.h>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QEvent>
#include <QFileInfo>
#include <QSettings>

#include <algorithm>
#include <map>

namespace planlines::qml {

namespace {
// The panel's group names through the translation system (the catalog holds them as data).
[[maybe_unused]] constexpr const char *kGroupNames[] = {
    QT_TRANSLATE_NOOP("LayerGroup", "底图与行政区"), QT_TRANSLATE_NOOP("LayerGroup", "三区三线"),
    QT_TRANSLATE_NOOP("LayerGroup", "三线一单"), QT_TRANSLATE_NOOP("LayerGroup", "生态廊道"),
    QT_TRANSLATE_NOOP("LayerGroup", "项目")};
} // namespace

LayerListModel::LayerListModel(QObject *parent) : QAbstractListModel(parent)
{
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
}

bool LayerListModel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange &&
        !m_rows.empty())
        emit dataChanged(index(0), index(rowCount() - 1), {RoleLabelRole, GroupLabelRole});
    return QAbstractListModel::eventFilter(watched, event);
}

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
            {LegendRole, "legendClasses"},
            {FeatureCountRole, "featureCount"},
            {SyntheticRole, "synthetic"},
            {GeometryKindRole, "geometryKind"},
            {OpacityRole, "layerOpacity"},
            {TableRole, "tableName"},
            {CanMoveUpRole, "canMoveUp"},
            {CanMoveDownRole, "canMoveDown"}};
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
    case RoleLabelRole: // translated in the context ImportController's role names use
        return QCoreApplication::translate("Role", geodata::roleLabelZh(info.role).data());
    case GroupLabelRole:
        return QCoreApplication::translate("LayerGroup", r.entry.group.label.toUtf8().constData());
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
    case LegendRole:
        return r.classes;
    case FeatureCountRole:
        return static_cast<qlonglong>(r.loadedFeatures);
    case SyntheticRole:
        return info.synthetic;
    case GeometryKindRole:
        return r.geometryKind;
    case OpacityRole:
        return r.opacity;
    case TableRole:
        return QString::fromStdString(info.table);
    case CanMoveUpRole:
        return index.row() > 0 &&
               m_rows[static_cast<std::size_t>(index.row()) - 1].entry.group.index ==
                   r.entry.group.index;
    case CanMoveDownRole:
        return index.row() + 1 < rowCount() &&
               m_rows[static_cast<std::size_t>(index.row()) + 1].entry.group.index ==
                   r.entry.group.index;
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
    saveState();
    emit visibilityChanged();
}

void LayerListModel::setLayerOpacity(int row, double opacity)
{
    if (row < 0 || row >= rowCount())
        return;
    opacity = std::clamp(opacity, 0.0, 1.0);
    Row &r = m_rows[static_cast<std::size_t>(row)];
    if (std::abs(r.opacity - opacity) < 1e-6)
        return;
    r.opacity = opacity;
    const QModelIndex i = index(row);
    emit dataChanged(i, i, {OpacityRole});
    saveState();
    emit visibilityChanged();
}

bool LayerListModel::moveLayer(int row, int delta)
{
    const int to = row + (delta < 0 ? -1 : 1);
    if (row < 0 || row >= rowCount() || to < 0 || to >= rowCount() || delta == 0)
        return false;
    auto &a = m_rows[static_cast<std::size_t>(row)];
    auto &b = m_rows[static_cast<std::size_t>(to)];
    if (a.entry.group.index != b.entry.group.index)
        return false;
    // beginMoveRows' destination is the row before which it lands (in the old numbering).
    beginMoveRows({}, row, row, {}, to > row ? to + 1 : to);
    std::swap(a, b);
    endMoveRows();
    const int first = std::min(row, to);
    emit dataChanged(index(first), index(first + 1), {CanMoveUpRole, CanMoveDownRole});
    saveState();
    emit visibilityChanged();
    return true;
}

std::vector<std::size_t> LayerListModel::drawOrder() const
{
    std::map<int, std::vector<std::size_t>> groupSlots; // group → its map indices, ascending
    for (const auto &r : m_rows)
        groupSlots[r.entry.group.index].push_back(r.mapIndex);
    std::vector<std::size_t> order(m_rows.size());
    for (auto &[group, indices] : groupSlots) {
        std::sort(indices.begin(), indices.end());
        // The group's rows bottom-most first (the panel lists the topmost first).
        std::size_t k = 0;
        for (auto it = m_rows.rbegin(); it != m_rows.rend(); ++it)
            if (it->entry.group.index == group)
                order[indices[k++]] = it->mapIndex;
    }
    return order;
}

std::vector<double> LayerListModel::opacities() const
{
    std::vector<double> out(m_rows.size(), 1.0);
    for (const auto &r : m_rows)
        out[r.mapIndex] = r.opacity;
    return out;
}

QString LayerListModel::settingsGroup() const
{
    // QSettings keys cannot hold a path: the group is named by a hash of the file's path (a
    // server's location without its password).
    const QString path = ProjectFiles::displayName(m_settingsKey);
    return QStringLiteral("projects/") +
           QString::fromLatin1(
               QCryptographicHash::hash(path.toUtf8(), QCryptographicHash::Sha1).toHex().left(16));
}

void LayerListModel::saveState() const
{
    if (m_settingsKey.isEmpty())
        return;
    QSettings settings;
    settings.beginGroup(settingsGroup());
    settings.setValue(QStringLiteral("path"), ProjectFiles::displayName(m_settingsKey));
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const auto &r = m_rows[i];
        settings.beginGroup(QStringLiteral("layers/") + QString::fromStdString(r.entry.info.table));
        settings.setValue(QStringLiteral("visible"), r.visible);
        settings.setValue(QStringLiteral("opacity"), r.opacity);
        settings.setValue(QStringLiteral("position"), static_cast<int>(i));
        settings.endGroup();
    }
}

void LayerListModel::restoreState()
{
    if (m_settingsKey.isEmpty())
        return;
    QSettings settings;
    settings.beginGroup(settingsGroup());
    std::map<std::string, int> position;
    for (auto &r : m_rows) {
        settings.beginGroup(QStringLiteral("layers/") + QString::fromStdString(r.entry.info.table));
        if (settings.contains(QStringLiteral("visible")))
            r.visible = settings.value(QStringLiteral("visible")).toBool();
        if (settings.contains(QStringLiteral("opacity")))
            r.opacity = std::clamp(settings.value(QStringLiteral("opacity")).toDouble(), 0.0, 1.0);
        if (settings.contains(QStringLiteral("position")))
            position[r.entry.info.table] = settings.value(QStringLiteral("position")).toInt();
        settings.endGroup();
    }
    // Within a group, layers with a stored position keep their stored order; new layers stay
    // where the catalog put them relative to each other, after the stored ones.
    std::stable_sort(m_rows.begin(), m_rows.end(), [&](const Row &a, const Row &b) {
        if (a.entry.group.index != b.entry.group.index)
            return a.entry.group.index < b.entry.group.index;
        const auto pa = position.find(a.entry.info.table);
        const auto pb = position.find(b.entry.info.table);
        if (pa == position.end() || pb == position.end())
            return pa != position.end() && pb == position.end();
        return pa->second < pb->second;
    });
}

int LayerListModel::rowOfTable(const QString &table) const
{
    const std::string t = table.toStdString();
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].entry.info.table == t)
            return static_cast<int>(i);
    return -1;
}

void LayerListModel::reset(const layers::ProjectMap &map, const QString &settingsKey)
{
    m_settingsKey = settingsKey;
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
        const auto legend = layers::sheet::SheetComposer::layerLegend(l, nullptr);
        for (const auto &item : legend) {
            if (item.heading || legend.size() == 1)
                continue;
            const auto &s = item.symbol;
            const bool point = kind == layers::GeometryKind::Point && s.marker.fill.isValid();
            m_rows.back().classes.push_back(QVariantMap{
                {QStringLiteral("label"), item.label},
                {QStringLiteral("fillColor"),
                 point ? s.marker.fill : (s.hasFill() ? s.fill : QColor(Qt::transparent))},
                {QStringLiteral("outlineColor"),
                 point ? s.marker.fill.darker(130)
                       : (s.hasOutline() ? s.outline : l.entry.style->swatchColor().darker(140))},
                {QStringLiteral("hatched"), s.hatch.has_value()}});
        }
    }
    // The panel lists groups in catalog order and, within a group, the topmost layer first.
    std::stable_sort(m_rows.begin(), m_rows.end(), [](const Row &a, const Row &b) {
        if (a.entry.group.index != b.entry.group.index)
            return a.entry.group.index < b.entry.group.index;
        return a.mapIndex > b.mapIndex;
    });
    restoreState();
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
