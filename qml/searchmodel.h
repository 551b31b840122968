// The search box: one line of text (a site, township or parcel code, K12+300, X/Y, lon/lat)
// looked up in the session's project; rows are the results, choosing one says where to zoom
// and what to highlight.
//
// Lookups run on a worker thread with their own read-only connection, so a parcel-code search
// in a million parcels never holds up the map. Only the newest request's answer is shown.
#pragma once

#include "projectsession.h"

#include <layers/featuresearch.h>

#include <QAbstractListModel>
#include <QPointer>
#include <QThreadPool>
#include <QtQml/qqmlregistration.h>

#include <memory>

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
    // True while a lookup runs.
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)

public:
    enum Roles
    {
        TitleRole = Qt::UserRole + 1,
        DetailRole,
    };

    explicit SearchModel(QObject *parent = nullptr);
    ~SearchModel() override;

    ProjectSession *session() const { return m_session; }
    void setSession(ProjectSession *session);
    QString message() const { return m_outcome.message; }
    int count() const { return rowCount(); }
    QString kind() const;
    bool busy() const { return m_pending != 0; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Starts looking text up; finished(count) follows (an earlier lookup still running is
    // superseded: its answer is dropped).
    Q_INVOKABLE void search(const QString &text);
    // Emits chosen for result row.
    Q_INVOKABLE void choose(int row);
    Q_INVOKABLE void clear();

signals:
    void sessionChanged();
    void resultsChanged();
    void busyChanged();
    // The newest lookup is done; count results are listed (message says why when none).
    void finished(int count);
    // Where to zoom (working CRS), the feature to highlight (table empty when none) and the
    // located point (null when none).
    void chosen(double minE, double minN, double maxE, double maxN, const QString &table,
                qint64 fid, const QVariant &point);

private:
    struct Worker; // the worker thread's connection; touched only by tasks on m_pool
    void deliver(quint64 request, layers::SearchOutcome outcome);
    void dropConnection();

    QPointer<ProjectSession> m_session;
    layers::SearchOutcome m_outcome;
    quint64 m_request = 0; // the newest request's number
    int m_pending = 0;     // requests sent and not yet answered
    std::shared_ptr<Worker> m_worker;
    QThreadPool m_pool; // one thread: requests run in order
};

} // namespace planlines::qml
