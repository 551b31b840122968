// The project's layers for the layer panel: name, thematic role, group, visibility, legend
// swatch, feature count and synthetic flag. Rows are in panel order (by group, topmost layer
// first); visibility() answers in the project map's draw order.
#pragma once

#include <layers/projectmap.h>

#include <QAbstractListModel>
#include <QColor>
#include <QtQml/qqmlregistration.h>

namespace planlines::qml {

class LayerListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("the layers come from ProjectSession.layers")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Roles
    {
        NameRole = Qt::UserRole + 1,
        RoleIdRole,
        RoleLabelRole,
        GroupLabelRole,
        GroupIndexRole,
        LayerVisibleRole,
        SwatchColorRole,
        FillColorRole,
        OutlineColorRole,
        HatchedRole,
        FeatureCountRole,
        SyntheticRole,
        GeometryKindRole,
    };
    Q_ENUM(Roles)

    explicit LayerListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return rowCount(); }

    Q_INVOKABLE void setLayerVisible(int row, bool visible);
    // The row of the layer with this table name, or -1.
    Q_INVOKABLE int rowOfTable(const QString &table) const;

    void reset(const layers::ProjectMap &map);
    void clear();
    // One flag per ProjectMap::layers() entry, in that order.
    std::vector<bool> visibility() const;

signals:
    void countChanged();
    void visibilityChanged();

private:
    struct Row
    {
        std::size_t mapIndex = 0; // index in ProjectMap::layers()
        layers::CatalogEntry entry;
        std::uint32_t loadedFeatures = 0;
        QString geometryKind;
        bool visible = true;
        const layers::Symbol *legend = nullptr; // owned by entry.style
    };
    // The symbol of the layer's most common category: what a glance at the map shows most.
    static const layers::Symbol *legendSymbol(const layers::MapLayer &layer);

    std::vector<Row> m_rows;
};

} // namespace planlines::qml
