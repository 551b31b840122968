// The check panel's engine (选址检查): checks a site of the project's site layers (chosen from a
// list or clicked on the map), a polygon drawn on the map, or every polygon of a file, with the
// industry code (GB/T 4754) and planned use given, through geodata::check::CheckEngine on one
// worker thread of its own (the GUI never waits); stores each check as the command line does
// (CheckRecords, with its audit row), lists and reopens earlier records, writes the review report
// with layers::report (what `planlines check --report` writes), and says which features caused
// a rule or an overlap, for the map to highlight beside the site's outline.
#pragma once

#include "projectsession.h"

#include <QFutureWatcher>
#include <QJsonObject>
#include <QObject>
#include <QPainterPath>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <memory>
#include <vector>

namespace planlines::qml {

class CheckWorker;
struct BatchState;
struct CheckOutcome;
struct CheckShown;

class CheckController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        planlines::qml::ProjectSession *session READ session WRITE setSession NOTIFY sessionChanged)
    // GB/T 4754 code (C26, D4416) and planned use (工业用地); empty: the site's own HYDM / GHYT.
    Q_PROPERTY(QString industry READ industry WRITE setIndustry NOTIFY inputsChanged)
    Q_PROPERTY(QString use READ use WRITE setUse NOTIFY inputsChanged)
    // The rule file checks use (a path; '' the built-in sample rules), kept between runs. A
    // file that cannot be used is reported in errorString and the built-in rules are used.
    Q_PROPERTY(QString rulesFile READ rulesFile WRITE setRulesFile NOTIFY rulesChanged)
    // The rules in use: name (version), and 内置 or the file's name.
    Q_PROPERTY(QString rulesText READ rulesText NOTIFY rulesChanged)
    // The name a drawn polygon is checked and recorded under.
    Q_PROPERTY(QString drawnName READ drawnName WRITE setDrawnName NOTIFY inputsChanged)
    // True while a check, a record or a report is being worked on.
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    // A batch of several sites (a file): sites checked so far and in all (0 when none runs).
    Q_PROPERTY(int batchDone READ batchDone NOTIFY batchProgressChanged)
    Q_PROPERTY(int batchTotal READ batchTotal NOTIFY batchProgressChanged)
    // What went wrong last (empty when the last work succeeded), in the UI language.
    Q_PROPERTY(QString errorString READ errorString NOTIFY messageChanged)
    // What the last work did ("已写入 report.pdf", "记录 12 重新检查结果一致").
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    // The project's site features: [{name, layer, table, fid, industry, use}].
    Q_PROPERTY(QVariantList sites READ sites NOTIFY sitesChanged)
    // Earlier checks, newest first: [{id, createdAt, createdBy, site, verdict, verdictText,
    // color, batch}].
    Q_PROPERTY(QVariantList records READ records NOTIFY recordsChanged)
    // The sites of the last check (several for a file): [{name, verdict, verdictText, color}].
    Q_PROPERTY(QVariantList results READ results NOTIFY resultChanged)
    Q_PROPERTY(int currentIndex READ currentIndex WRITE setCurrentIndex NOTIFY resultChanged)
    Q_PROPERTY(bool hasResult READ hasResult NOTIFY resultChanged)
    // The shown result as `planlines check --json` prints it (record_id included).
    Q_PROPERTY(QJsonObject result READ result NOTIFY resultChanged)
    Q_PROPERTY(QString verdict READ verdict NOTIFY resultChanged) // fail, attention, pass, error
    Q_PROPERTY(QString verdictText READ verdictText NOTIFY resultChanged)
    Q_PROPERTY(QColor verdictColor READ verdictColor NOTIFY resultChanged)
    Q_PROPERTY(QString siteName READ siteName NOTIFY resultChanged)
    Q_PROPERTY(double siteAreaM2 READ siteAreaM2 NOTIFY resultChanged)
    Q_PROPERTY(QString siteAreaText READ siteAreaText NOTIFY resultChanged)
    // Record id, time and user, inputs, repairs, and for a reopened record whether it reproduces.
    Q_PROPERTY(QString detailText READ detailText NOTIFY resultChanged)
    Q_PROPERTY(qint64 recordId READ recordId NOTIFY resultChanged)
    // [minE, minN, maxE, maxN] of the shown site; empty when none.
    Q_PROPERTY(QVariantList siteExtent READ siteExtent NOTIFY resultChanged)
    Q_PROPERTY(QVariantList overlaps READ overlaps NOTIFY resultChanged)
    Q_PROPERTY(QVariantList landuse READ landuse NOTIFY resultChanged)
    Q_PROPERTY(QVariantList controlUnits READ controlUnits NOTIFY resultChanged)
    Q_PROPERTY(QVariantList rules READ rules NOTIFY resultChanged)
    // The features to highlight on the map: [{layer, table, fid}] (the chosen rule's or
    // overlap's causing features), and what they are ("规则 …：3 个要素").
    Q_PROPERTY(QVariantList highlight READ highlight NOTIFY highlightChanged)
    Q_PROPERTY(QString highlightText READ highlightText NOTIFY highlightChanged)
    // True while resultChanged announces only new words for the same result (the language
    // changed): the view keeps its chosen row and the map its highlight.
    Q_PROPERTY(bool rewording READ rewording NOTIFY resultChanged)

public:
    explicit CheckController(QObject *parent = nullptr);
    ~CheckController() override;

    ProjectSession *session() const { return m_session; }
    void setSession(ProjectSession *session);
    QString industry() const { return m_industry; }
    void setIndustry(const QString &code);
    QString use() const { return m_use; }
    void setUse(const QString &use);
    QString drawnName() const { return m_drawnName; }
    void setDrawnName(const QString &name);
    QString rulesFile() const { return m_rulesFile; }
    // A path or a file: URL; '' for the built-in rules.
    void setRulesFile(const QString &file);
    QString rulesText() const { return m_rulesText; }
    bool busy() const { return m_pending > 0; }
    int batchDone() const { return m_batchDone; }
    int batchTotal() const { return m_batchTotal; }
    QString errorString() const { return m_error; }
    QString message() const { return m_message; }
    QVariantList sites() const { return m_sites; }
    QVariantList records() const { return m_records; }
    QVariantList results() const;
    int currentIndex() const { return m_current; }
    void setCurrentIndex(int index);
    bool hasResult() const { return m_current >= 0; }
    QJsonObject result() const;
    QString verdict() const;
    QString verdictText() const;
    QColor verdictColor() const;
    QString siteName() const;
    double siteAreaM2() const;
    QString siteAreaText() const;
    QString detailText() const;
    qint64 recordId() const;
    QVariantList siteExtent() const;
    QVariantList overlaps() const;
    QVariantList landuse() const;
    QVariantList controlUnits() const;
    QVariantList rules() const;
    QVariantList highlight() const { return m_highlight; }
    QString highlightText() const { return m_highlightText; }
    // The shown site's outline, working CRS (x = easting, y = northing); empty when none.
    QPainterPath sitePath() const { return m_sitePath; }

    // Each returns false (and says why in errorString) when nothing was started.
    // A feature of a site layer, by its table and fid (from the list or the identify tool).
    Q_INVOKABLE bool checkSite(const QString &table, qint64 fid);
    // The project's site named (XMMC …) or numbered so; the first when several match.
    Q_INVOKABLE bool checkSiteNamed(const QString &nameOrFid);
    // A polygon of working-CRS vertices ([QPointF] or [{x, y}], x = easting), open or closed.
    Q_INVOKABLE bool checkPolygon(const QVariantList &points);
    // Every polygon of a file the importer reads (path or file: URL), or a 界址点坐标文件.
    Q_INVOKABLE bool checkFile(const QVariant &file);
    // Shows a stored record and checks its site again to say whether it reproduces.
    Q_INVOKABLE bool openRecord(qint64 id);
    // Reads the site list and the records again.
    Q_INVOKABLE void refresh();
    // Writes the review report of the last check's sites (.pdf, .odt, .html or .xlsx; path or
    // file: URL) with a report template (path or URL; empty: the built-in one), by the code
    // `planlines check --report` uses.
    Q_INVOKABLE bool writeReport(const QVariant &file, const QVariant &templateFile = QVariant());
    // The index in sites of a site feature, or -1 (for a feature clicked on the map).
    Q_INVOKABLE int siteIndex(const QString &table, qint64 fid) const;
    // Highlights the causing features of rules[index] / overlaps[index]; -1 clears.
    Q_INVOKABLE void highlightRule(int index);
    Q_INVOKABLE void highlightOverlap(int index);
    Q_INVOKABLE void clearHighlight();
    // Stops the running batch after the sites being checked: those checked are recorded.
    Q_INVOKABLE void cancelBatch();
    // Where to write the report of the shown result: <Documents>/<site name>_选址检查.pdf.
    Q_INVOKABLE QString suggestedReportPath() const;

    bool rewording() const { return m_rewording; }

signals:
    void sessionChanged();
    void inputsChanged();
    void rulesChanged();
    void busyChanged();
    void messageChanged();
    void sitesChanged();
    void recordsChanged();
    void resultChanged();
    void highlightChanged();
    void batchProgressChanged();
    // A check or a record finished (ok: something is shown).
    void checkFinished(bool ok);
    void reportFinished(bool ok, const QString &path);

protected:
    // LanguageChange from the application: the result shown is worded anew (its data kept: no
    // check is run, no record written).
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void pollBatch();
    void clearResult();
    using Job = std::function<void(CheckWorker &, CheckOutcome &)>;
    // isCheck: the job checks or reopens (its results, or its error, replace what is shown).
    bool start(Job job, const QString &doing, bool isCheck = false);
    void onFinished(const std::shared_ptr<CheckOutcome> &outcome);
    void setMessage(const QString &error, const QString &message);
    void setHighlight(const QVariantList &features, const QString &text);
    void takeRules(const CheckOutcome &out);
    void updateSitePath();
    bool canStart();

    QPointer<ProjectSession> m_session;
    quint64 m_generation = 0; // counts project loads: the worker reopens after a reload
    QString m_industry, m_use;
    QString m_drawnName;
    QString m_rulesFile, m_rulesText;
    int m_pending = 0;
    int m_batchDone = 0, m_batchTotal = 0;
    QTimer m_batchPoll;                  // reads m_batch while busy
    std::shared_ptr<BatchState> m_batch; // made in the constructor
    QString m_error, m_message;
    QVariantList m_sites, m_records;
    bool m_sitesRead = false; // the first reading is announced even when empty
    std::vector<std::shared_ptr<const CheckShown>> m_results;
    QStringList m_notes; // of the last check (sites of a file not read …)
    int m_current = -1;
    QVariantList m_highlight;
    QString m_highlightText;
    // What the highlight shows (to word its text anew): a rule's or an overlap row's features.
    enum class HighlightOf
    {
        None,
        Rule,
        Overlap
    } m_highlightOf = HighlightOf::None;
    int m_highlightIndex = -1;
    bool m_rewording = false;
    bool m_messageIsOutcome = false; // m_message is a check's "已检查并记录…"
    bool m_messageReopened = false;  // … or "已打开记录 …"
    QString m_sessionPath;           // the project the result is of
    QPainterPath m_sitePath;
    QThreadPool m_pool; // one thread: the engine and its connections stay on it
    std::shared_ptr<CheckWorker> m_worker;
};

} // namespace planlines::qml
