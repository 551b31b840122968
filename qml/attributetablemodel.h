// The attribute table (属性表) of one layer for QML's TableView: layers::AttributeTable's rows
// a page at a time, its fields' aliases as the header, sort by a column, filter by text and by
// the map's extent, the fid and extent of a row for the highlight and the zoom, and export of
// the rows shown to CSV or XLSX.
#pragma once

#include "projectsession.h"
#include "readonlyproject.h"

#include <layers/attributetable.h>

#include <QAbstractTableModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace planlines::qml {

class AttributeTableModel : public QAbstractTableModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        planlines::qml::ProjectSession *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString table READ table NOTIFY layerChanged)
    Q_PROPERTY(QString layerName READ layerName NOTIFY layerChanged)
    // The field columns' aliases (the filter's column choice); the area columns are not listed.
    Q_PROPERTY(QStringList fieldLabels READ fieldLabels NOTIFY layerChanged)
    Q_PROPERTY(int sortColumn READ sortColumn NOTIFY queryChanged)
    Q_PROPERTY(bool descending READ descending NOTIFY queryChanged)
    Q_PROPERTY(int rows READ rows NOTIFY queryChanged)
    Q_PROPERTY(int featureCount READ featureCount NOTIFY layerChanged)
    // How long the last query took, in ms (shown beside the row count).
    Q_PROPERTY(int queryMs READ queryMs NOTIFY queryChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY queryChanged)
    // A sort or filter is running on the worker thread (the rows shown are the last answer's).
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)

public:
    explicit AttributeTableModel(QObject *parent = nullptr);
    ~AttributeTableModel() override;

    ProjectSession *session() const { return m_session; }
    void setSession(ProjectSession *session);
    QString table() const;
    QString layerName() const;
    QStringList fieldLabels() const;
    int sortColumn() const;
    bool descending() const;
    int rows() const { return rowCount(); }
    int featureCount() const;
    int queryMs() const { return m_queryMs; }
    QString errorString() const { return m_error; }
    bool busy() const { return m_busy; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Shows the layer of this table; false (and errorString) when it cannot be read.
    Q_INVOKABLE bool openLayer(const QString &table);
    Q_INVOKABLE void close();
    // A click on a header: sorts by it, again the other way; a third time back to fid order.
    Q_INVOKABLE void sortBy(int column);
    // Rows with a value containing text, in the field column (-1: every text field).
    Q_INVOKABLE void setFilter(const QString &text, int column);
    // Rows whose feature's box meets the extent (working CRS); clearExtent() drops it.
    Q_INVOKABLE void setExtent(double minE, double minN, double maxE, double maxN);
    Q_INVOKABLE void clearExtent();
    Q_INVOKABLE qint64 fidAt(int row) const;
    Q_INVOKABLE int rowOfFid(qint64 fid) const;
    // [minE, minN, maxE, maxN] of the rows' features; empty when none has a geometry.
    Q_INVOKABLE QVariantList extentOfRows(const QVariantList &rows);
    Q_INVOKABLE QString cell(int row, int column) const;
    // Writes the rows shown to path (.xlsx: a workbook, else CSV). Returns "" or the error.
    Q_INVOKABLE QString exportTo(const QString &path);

signals:
    void sessionChanged();
    void layerChanged();
    void queryChanged();
    void busyChanged();

private:
    struct Worker;
    // Runs the query on the worker's connection (a thread of the pool); the answer replaces the
    // rows when no later query was asked meanwhile. A later query interrupts this one.
    void runQuery(const layers::AttributeQuery &query);
    void showRows(quint64 generation, layers::AttributeRows rows, const QString &error, int ms);
    void cancelQuery();
    void setBusy(bool busy);

    QPointer<ProjectSession> m_session;
    ReadOnlyProject m_reader;
    std::unique_ptr<layers::AttributeTable> m_table;
    std::shared_ptr<Worker> m_worker;
    layers::AttributeQuery m_asked; // the last query asked (shown, or running)
    quint64 m_generation = 0;       // of the last query asked
    bool m_busy = false;
    int m_queryMs = 0;
    QString m_error;
};

} // namespace planlines::qml
