// The corridor's segments as a list for QML, with each one's status on the controller's date.
#pragma once

#include <geodata/corridor/corridorstate.h>

#include <QAbstractListModel>
#include <QColor>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace planlines::qml {

class CorridorSegmentModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("CorridorController owns the segment list")

public:
    enum Role
    {
        SegmentIdRole = Qt::UserRole + 1,
        RangeRole,    // K0+000–K1+000
        TownshipRole, // 黑里寨镇
        WorksRole,    // 林分提升
        StatusRole,   // planned, under_construction, …
        StatusLabelRole,
        PercentRole,
        SinceRole,
        ColorRole,
        AreaMuRole,
    };
    Q_ENUM(Role)

    struct Row
    {
        QString id, range, township, works, status, statusLabel, since;
        double percent = 0;
        double areaMu = 0;
        QColor color;
    };

    using QAbstractListModel::QAbstractListModel;
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Replaces the rows (a new project) or, when the ids are the same, updates them in place.
    void setRows(std::vector<Row> rows);
    Q_INVOKABLE QString segmentId(int row) const;

private:
    std::vector<Row> m_rows;
};

} // namespace planlines::qml
