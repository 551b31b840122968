// The search box: one line of text (a site, township or parcel code, K12+300, X/Y, lon/lat)
// looked up in the session's project; rows are the results, choosing one says where to zoom
// and what to highlight.
#pragma once

#include "projectsession.h"
#include "readonlyproject.h"

#include <layers/featuresearch.h>

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace planlines::qml {

class SearchModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        planlines::qml::ProjectSession *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString message READ message NOTIFY resultsChanged)
    Q_PROPERTY(int count READ count NOTIFY resultsChanged)
    // What the input was read as: "text", "chainage", "projected", "lonlat" or "".
    Q_PROPERTY(QString kind READ kind NOTIFY resultsChanged)

public:
    enum Roles
    {
        TitleRole = Qt::UserRole + 1,
        DetailRole,
    };

    explicit SearchModel(QObject *parent = nullptr);

    ProjectSession *session() const { return m_session; }
    void setSession(ProjectSession *session);
    QString message() const { return m_outcome.message; }
    int count() const { return rowCount(); }
    QString kind() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Looks text up; returns the number of results.
    Q_INVOKABLE int search(const QString &text);
    // Emits chosen for result row.
    Q_INVOKABLE void choose(int row);
    Q_INVOKABLE void clear();

signals:
    void sessionChanged();
    void resultsChanged();
    // Where to zoom (working CRS), the feature to highlight (table empty when none) and the
    // located point (null when none).
    void chosen(double minE, double minN, double maxE, double maxN, const QString &table,
                qint64 fid, const QVariant &point);

private:
    QPointer<ProjectSession> m_session;
    ReadOnlyProject m_reader;
    layers::SearchOutcome m_outcome;
};

} // namespace planlines::qml
