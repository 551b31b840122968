// "What is here?": the features of the visible layers under a clicked point (points and lines
// first, then filled polygons, then outlined ones, each topmost layer first), a list to choose from
// when there are several, and the chosen one's attributes under their Chinese names with its area
// in m², 亩 and 公顷. Rows are the attributes.
#pragma once

#include "projectsession.h"
#include "readonlyproject.h"

#include <layers/featuredetails.h>

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace planlines::qml {

class IdentifyModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        planlines::qml::ProjectSession *session READ session WRITE setSession NOTIFY sessionChanged)
    // One entry per feature found: {layer: 地类图斑, title: 水浇地, table, fid}.
    Q_PROPERTY(QVariantList candidates READ candidates NOTIFY candidatesChanged)
    Q_PROPERTY(int currentIndex READ currentIndex WRITE choose NOTIFY currentChanged)
    Q_PROPERTY(QString layerName READ layerName NOTIFY currentChanged)
    Q_PROPERTY(QString featureTitle READ featureTitle NOTIFY currentChanged)
    Q_PROPERTY(QString areaText READ areaText NOTIFY currentChanged)
    Q_PROPERTY(QString lengthText READ lengthText NOTIFY currentChanged)
    Q_PROPERTY(QString selectedTable READ selectedTable NOTIFY currentChanged)
    Q_PROPERTY(qint64 selectedFid READ selectedFid NOTIFY currentChanged)
    // [minE, minN, maxE, maxN] of the chosen feature; empty when none.
    Q_PROPERTY(QVariantList selectedExtent READ selectedExtent NOTIFY currentChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY currentChanged)

public:
    enum Roles
    {
        AliasRole = Qt::UserRole + 1,
        FieldRole,
        ValueRole,
    };

    explicit IdentifyModel(QObject *parent = nullptr);

    ProjectSession *session() const { return m_session; }
    void setSession(ProjectSession *session);
    QVariantList candidates() const;
    int currentIndex() const { return m_current; }
    QString layerName() const;
    QString featureTitle() const;
    QString areaText() const;
    QString lengthText() const;
    QString selectedTable() const;
    qint64 selectedFid() const;
    QVariantList selectedExtent() const;
    QString errorString() const { return m_error; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Finds the features at a working-CRS point (polygons containing it, lines and points
    // within toleranceM) and
    // chooses the first. Returns how many were found.
    Q_INVOKABLE int identify(double easting, double northing, double toleranceM);
    Q_INVOKABLE void choose(int index);
    Q_INVOKABLE void clear();

signals:
    void sessionChanged();
    void candidatesChanged();
    void currentChanged();

private:
    struct Candidate
    {
        std::size_t layer = 0; // index in ProjectMap::layers()
        std::int64_t fid = -1;
        QString layerName, title;
        int rank = 0; // 0 points and lines, 1 filled polygons, 2 outlined polygons
    };

    QPointer<ProjectSession> m_session;
    ReadOnlyProject m_reader;
    std::vector<Candidate> m_candidates;
    int m_current = -1;
    layers::FeatureDetails m_details;
    QString m_error;
};

} // namespace planlines::qml
