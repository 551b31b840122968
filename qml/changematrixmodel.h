// The transfer matrix (转移矩阵) as the 变更分析 panel's table shows it: a row per earlier class
// (原地类), a column per later class (现地类), by 一级类 or 二级类, for the county or one township,
// in 亩 with a 合计 row and column. Only classes present on either side are shown; both axes
// list the same classes in the same order, so kept land is on the diagonal.
#pragma once

#include <geodata/landuse/changeanalysis.h>

#include <QAbstractTableModel>
#include <QtQml/qqmlregistration.h>

#include <string>
#include <vector>

namespace planlines::qml {

class ChangeMatrixModel : public QAbstractTableModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("the ChangeController's matrix")

public:
    enum Roles
    {
        AreaM2Role = Qt::UserRole + 1, // double
        KindRole,                      // "kept" (diagonal), "change", "total", "empty" (no land)
        FromRole,                      // the row's class code ("" for 合计 or 无图斑)
        ToRole,                        // the column's class code
    };

    explicit ChangeMatrixModel(QObject *parent = nullptr);

    // cells: the matrix at 二级类; level 1 sums them by 一级类. result names the classes.
    void reset(const geodata::landuse::ChangeResult *result,
               const std::vector<geodata::landuse::TransferCell> &cells, int level);
    // The class codes of the axes (rows and columns alike), 合计 excluded.
    const std::vector<std::string> &codes() const { return m_codes; }
    bool isTotal(int index) const { return index == static_cast<int>(m_codes.size()); }
    double areaM2(int row, int column) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    std::vector<std::string> m_codes;
    std::vector<QString> m_labels;
    std::vector<std::vector<double>> m_area; // [row][column], the last row and column totals
};

} // namespace planlines::qml
