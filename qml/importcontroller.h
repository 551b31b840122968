// The import dialog's engine: imports files into the session's project on a worker thread
// through geodata::import::FileImporter, with progress and Cancel; keeps the per-file report;
// says when a layer's role must be chosen (then import again with roleId); reloads the session
// so the new layers appear on the map.
#pragma once

#include "projectsession.h"

#include <geodata/import/importoptions.h>
#include <geodata/import/importreport.h>

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <atomic>
#include <memory>

namespace planlines::qml {

class ImportController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        planlines::qml::ProjectSession *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    // 0..1 of the layer being read; -1 while the count is unknown.
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(QString progressText READ progressText NOTIFY progressChanged)
    Q_PROPERTY(QString reportText READ reportText NOTIFY finished)
    Q_PROPERTY(bool succeeded READ succeeded NOTIFY finished)
    Q_PROPERTY(bool cancelled READ wasCancelled NOTIFY finished)
    // True when a layer failed only because its role was not recognised.
    Q_PROPERTY(bool needsRole READ needsRole NOTIFY finished)
    // The report as a table in the UI language, a row a layer (or a file that failed whole):
    // {file, layer, role, encoding, crs, counts, status, ok, needsRole}. Worded anew when the
    // language changes.
    Q_PROPERTY(QVariantList reportRows READ reportRows NOTIFY reportRowsChanged)
    // The source layer whose role must be chosen (its name in the file: the default name).
    Q_PROPERTY(QString pendingLayer READ pendingLayer NOTIFY finished)
    // The files of the last import (to import again with a role).
    Q_PROPERTY(QStringList files READ files NOTIFY finished)
    // [{id: "landuse", label: 地类图斑}, …] for the role chooser.
    Q_PROPERTY(QVariantList roles READ roles NOTIFY reportRowsChanged)
    // Features between progress reports and cancel checks.
    Q_PROPERTY(int checkEvery READ checkEvery WRITE setCheckEvery NOTIFY checkEveryChanged)

public:
    explicit ImportController(QObject *parent = nullptr);
    ~ImportController() override;

    ProjectSession *session() const { return m_session; }
    void setSession(ProjectSession *session);
    bool busy() const { return m_busy; }
    double progress() const { return m_progress; }
    QString progressText() const { return m_progressText; }
    QString reportText() const { return m_reportText; }
    bool succeeded() const { return m_succeeded; }
    bool wasCancelled() const { return m_cancelledResult; }
    bool needsRole() const { return m_needsRole; }
    QStringList files() const { return m_files; }
    QVariantList reportRows() const;
    QString pendingLayer() const { return m_pendingLayer; }
    QVariantList roles() const;
    int checkEvery() const { return m_checkEvery; }
    void setCheckEvery(int n);

    // Imports local files (paths or file: URLs) into the session's project; roleId (a role
    // id, or empty to recognise) applies to layers whose role is not recognised. False when
    // busy, no project is open, or no file was given.
    Q_INVOKABLE bool start(const QVariantList &files, const QString &roleId = {});
    // Imports the layer whose role was not recognised again, as roleId, under name (empty:
    // the source layer's name).
    Q_INVOKABLE bool importPending(const QString &roleId, const QString &name);
    Q_INVOKABLE void cancel();
    // The role's label in the UI language.
    Q_INVOKABLE static QString roleLabel(const QString &roleId);

signals:
    void sessionChanged();
    void busyChanged();
    void progressChanged();
    void checkEveryChanged();
    void finished();
    void reportRowsChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool run(const QStringList &paths, geodata::import::ImportOptions options);
    struct Outcome;
    void onFinished();
    void setProgress(const QString &layer, qint64 read, qint64 total);

    QPointer<ProjectSession> m_session;
    bool m_busy = false;
    double m_progress = -1;
    QString m_progressText;
    QString m_reportText;
    bool m_succeeded = false;
    bool m_cancelledResult = false;
    bool m_needsRole = false;
    QStringList m_files;
    geodata::import::ImportReport m_report;
    QString m_pendingLayer;
    int m_checkEvery = 500;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QFutureWatcher<std::shared_ptr<Outcome>> m_watcher;
};

} // namespace planlines::qml
