// The 变更分析 panel's engine: the land-use layers and versions to choose from, the comparison
// of two of them on a worker thread (geodata/landuse, the same run as `planlines compare`) with
// progress and cancel, the transfer matrix for the county or a township by 一级类 or 二级类, the
// 耕地流出/流入 lists and the summary; a matrix cell chosen outlines its change pieces on the map
// (ChangeOverlay); the tables exported as XLSX and the pieces stored as a layer of the project.
#pragma once

#include "changematrixmodel.h"
#include "projectsession.h"

#include <geodata/landuse/comparison.h>

#include <QFutureWatcher>
#include <QObject>
#include <QPainterPath>
#include <QPointer>
#include <QTimer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <atomic>
#include <memory>
#include <optional>

namespace planlines::qml {

class ChangeController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        planlines::qml::ProjectSession *session READ session WRITE setSession NOTIFY sessionChanged)
    // What can be compared: every kept version of each land-use layer, oldest first:
    // {text: "地类图斑 v1（2023年度国土变更调查）", layer, version}. The current version has
    // version 0 when the layer has only one (then compared as the layer itself).
    Q_PROPERTY(QVariantList choices READ choices NOTIFY choicesChanged)
    // The choices a person most likely wants: the layer with most versions, its previous one
    // and its current one (-1 when fewer than two choices).
    Q_PROPERTY(int suggestedFrom READ suggestedFrom NOTIFY choicesChanged)
    Q_PROPERTY(int suggestedTo READ suggestedTo NOTIFY choicesChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    // 0..1 of the parcels to overlay; -1 before the count is known.
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(bool ready READ ready NOTIFY resultChanged)
    Q_PROPERTY(QString title READ title NOTIFY resultChanged)
    // Lines of the summary (parcels, change pieces, 耕地流出/流入, 进出平衡, control lines).
    Q_PROPERTY(QStringList summary READ summary NOTIFY resultChanged)
    // "全县" then each township: {code, name, text}.
    Q_PROPERTY(QVariantList scopes READ scopes NOTIFY resultChanged)
    Q_PROPERTY(int scope READ scope WRITE setScope NOTIFY viewChanged)
    Q_PROPERTY(int level READ level WRITE setLevel NOTIFY viewChanged) // 1 or 2
    Q_PROPERTY(planlines::qml::ChangeMatrixModel *matrix READ matrix CONSTANT)
    // 耕地流出 / 流入 of the scope at the level: {from, to, mu, m2}, largest first.
    Q_PROPERTY(QVariantList outflow READ outflow NOTIFY viewChanged)
    Q_PROPERTY(QVariantList inflow READ inflow NOTIFY viewChanged)
    // The chosen cell (-1 none), how many change pieces it outlines, their extent
    // [minE, minN, maxE, maxN] (empty when none).
    Q_PROPERTY(int selectedRow READ selectedRow NOTIFY selectionChanged)
    Q_PROPERTY(int selectedColumn READ selectedColumn NOTIFY selectionChanged)
    Q_PROPERTY(int highlightCount READ highlightCount NOTIFY selectionChanged)
    Q_PROPERTY(QVariantList highlightExtent READ highlightExtent NOTIFY selectionChanged)
    Q_PROPERTY(QString selectionText READ selectionText NOTIFY selectionChanged)
    // The files the last print wrote.
    Q_PROPERTY(QStringList printedFiles READ printedFiles NOTIFY finished)
    // The layer the pieces were stored as ("" until stored).
    Q_PROPERTY(QString storedLayer READ storedLayer NOTIFY resultChanged)

public:
    explicit ChangeController(QObject *parent = nullptr);
    ~ChangeController() override;

    ProjectSession *session() const { return m_session; }
    void setSession(ProjectSession *session);
    QVariantList choices() const { return m_choices; }
    int suggestedFrom() const { return m_suggestedFrom; }
    int suggestedTo() const { return m_suggestedTo; }
    bool busy() const { return m_busy; }
    double progress() const { return m_progress; }
    QString message() const { return m_message; }
    bool ready() const { return m_result != nullptr; }
    QString title() const;
    QStringList summary() const;
    QVariantList scopes() const;
    int scope() const { return m_scope; }
    void setScope(int scope);
    int level() const { return m_level; }
    void setLevel(int level);
    ChangeMatrixModel *matrix() { return &m_matrix; }
    QVariantList outflow() const;
    QVariantList inflow() const;
    int selectedRow() const { return m_row; }
    int selectedColumn() const { return m_column; }
    int highlightCount() const { return m_highlightCount; }
    QVariantList highlightExtent() const;
    QString selectionText() const { return m_selectionText; }
    QString storedLayer() const { return m_storedLayer; }
    QStringList printedFiles() const { return m_printed; }
    // The chosen cell's change pieces, working CRS (ChangeOverlay draws them).
    const QPainterPath &highlightPath() const { return m_highlight; }

    // Reads the choices from the session's project again, on a worker thread: choicesChanged
    // when they are in.
    Q_INVOKABLE void refreshChoices();
    // Compares choices[from] (earlier) with choices[to] (later) on a worker. False when busy,
    // no project is open or an index is out of range.
    Q_INVOKABLE bool compare(int from, int to);
    Q_INVOKABLE void cancel();
    // Outlines the change pieces of a matrix cell (a 合计 cell: its whole row or column; a
    // diagonal cell has none: that land kept its class).
    Q_INVOKABLE void selectCell(int row, int column);
    Q_INVOKABLE void clearSelection();
    // The tables (as `planlines compare --xlsx` writes them) to path (a local path or file:
    // URL); "" when written, else why not.
    Q_INVOKABLE QString exportXlsx(const QString &path);
    // Stores the pieces as layer 地类变化_… in the project on a worker, then reloads the
    // session so it draws; message says how it went.
    Q_INVOKABLE bool storeLayer();
    // Prints the change sheet (the county, or byTownship one per township with changes) to
    // path (.pdf, .png or .svg; a local path or file: URL) on paper (A4 … A0, landscape) on a
    // worker; stores the pieces first when they are not yet a layer (the sheet draws that
    // layer). message names the files written, or why not.
    Q_INVOKABLE bool printSheets(const QString &path, bool byTownship, const QString &paper);

signals:
    void sessionChanged();
    void choicesChanged();
    void busyChanged();
    void progressChanged();
    void messageChanged();
    void resultChanged();
    void viewChanged();
    void selectionChanged();
    // A comparison or a store finished (ok false: failed or cancelled; message says).
    void finished(bool ok);

private:
    struct Outcome;
    void run(std::function<void(Outcome &)> job);
    void onFinished();
    void setMessage(const QString &message);
    void rebuildView();
    const geodata::landuse::Township *township() const;
    QVariantList flowRows(bool out) const;

    QPointer<ProjectSession> m_session;
    QVariantList m_choices;
    int m_suggestedFrom = -1, m_suggestedTo = -1;
    int m_choicesGeneration = 0; // the latest refreshChoices; older readings are dropped
    bool m_busy = false;
    double m_progress = -1;
    QString m_message;
    std::shared_ptr<const geodata::landuse::ChangeResult> m_result;
    geodata::landuse::ResolvedComparison m_comparison;
    QString m_storedLayer;
    std::optional<geodata::LayerInfo> m_stored; // the stored layer, for the sheet
    QStringList m_printed;
    int m_scope = 0; // 0 the county, i + 1 township i
    int m_level = 1;
    ChangeMatrixModel m_matrix;
    int m_row = -1, m_column = -1, m_highlightCount = 0;
    QString m_selectionText;
    QPainterPath m_highlight;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::shared_ptr<std::atomic<std::size_t>> m_done, m_total;
    QTimer m_poll; // progress, while busy
    QFutureWatcher<std::shared_ptr<Outcome>> m_watcher;
};

} // namespace planlines::qml
