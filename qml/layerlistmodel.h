// The project's layers for the layer panel: name, thematic role, group, visibility, opacity,
// legend swatch, feature count and synthetic flag. Rows are in panel order (by group, topmost
// layer first); layers move up and down within their group. visibility() answers in the
// project map's order, drawOrder() gives the layers bottom to top as the panel orders them.
// Visibility, opacity and order are kept per project file (QSettings) between runs.
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
        OpacityRole,
        TableRole,
        CanMoveUpRole,
        CanMoveDownRole,
        // The layer's classes as the sheet's legend lists them (the whole layer's):
        // [{label, fillColor, outlineColor, hatched}], empty when the layer has one symbol.
        LegendRole,
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
    // 0 (transparent) … 1 (opaque).
    Q_INVOKABLE void setLayerOpacity(int row, double opacity);
    // Moves the row one place up (delta -1: drawn above its neighbour) or down (+1) within its
    // group; false when it cannot move.
    Q_INVOKABLE bool moveLayer(int row, int delta);
    // The row of the layer with this table name, or -1.
    Q_INVOKABLE int rowOfTable(const QString &table) const;

    // settingsKey: the project file whose panel state is restored and saved (empty: none).
    void reset(const layers::ProjectMap &map, const QString &settingsKey = {});
    void clear();
    // One flag per ProjectMap::layers() entry, in that order.
    std::vector<bool> visibility() const;
    // ProjectMap::layers() indices bottom to top: each group keeps the draw slots its layers
    // have in the map, filled in the panel's order.
    std::vector<std::size_t> drawOrder() const;
    // One opacity per ProjectMap::layers() entry.
    std::vector<double> opacities() const;

signals:
    void countChanged();
    void visibilityChanged();

protected:
    // LanguageChange from the application: the role and group labels are shown anew.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Row
    {
        std::size_t mapIndex = 0; // index in ProjectMap::layers()
        layers::CatalogEntry entry;
        std::uint32_t loadedFeatures = 0;
        QString geometryKind;
        bool visible = true;
        const layers::Symbol *legend = nullptr; // owned by entry.style
        double opacity = 1;
        QVariantList classes = {}; // LegendRole
    };
    void restoreState();
    void saveState() const;
    QString settingsGroup() const;
    // The symbol of the layer's most common category: what a glance at the map shows most.
    static const layers::Symbol *legendSymbol(const layers::MapLayer &layer);

    std::vector<Row> m_rows;
    QString m_settingsKey;
};

} // namespace planlines::qml
