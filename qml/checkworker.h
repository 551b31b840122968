// The check panel's work, done on CheckController's one worker thread: the project opened
// read-write (for the records), the check engine (its prepared layers stay on the thread that
// made them) and the project's site features; each call fills a CheckOutcome for the GUI.
// Checks are recorded as `planlines check` records them (CheckRecords, one audit row each).
#pragma once

#include <geodata/check/checkengine.h>
#include <geodata/check/sitereader.h>
#include <layers/projectmap.h>

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>
#include <QVariantList>

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace planlines::qml {

// One result as the panel shows it.
struct CheckShown
{
    QJsonObject json;                   // as `planlines check --json` prints it (record_id too)
    std::vector<unsigned char> siteWkb; // the site as checked, working CRS
    QStringList notes;                  // shown under the verdict (reproduced …)
};

struct CheckOutcome
{
    bool checked = false; // a check or a reopened record was asked for
    std::vector<std::shared_ptr<const CheckShown>> results;
    QStringList notes;
    QString error, message;
    bool sitesRead = false, recordsRead = false;
    QVariantList sites, records;
    bool report = false;
    QString reportPath;
    // The rules the worker checks with after this job: the file ('' the built-in rules), what
    // to call them, and why the file asked for could not be used (the built-in rules then are).
    QString rulesFile, rulesText, rulesError;
    QString rulesAsked; // the file the job was started with
};

// How far a batch of several sites has got, and whether to stop it: written by the worker,
// read (and cancel set) by the controller on the GUI thread.
struct BatchState
{
    std::atomic<std::size_t> done{0}, total{0};
    std::atomic<bool> cancel{false};
};

class CheckWorker
{
    Q_DECLARE_TR_FUNCTIONS(CheckWorker)

public:
    explicit CheckWorker(std::shared_ptr<BatchState> batch = std::make_shared<BatchState>())
        : m_batch(std::move(batch))
    {
    }

    // Opens the project (again when the path or the session's load generation changed).
    void open(const std::string &path, quint64 generation);
    // Checks with the rule file at path ('' the built-in rules) from now on; a file that cannot
    // be read or is not a valid rule file leaves the built-in rules and says why in out.
    void useRules(const std::string &path, CheckOutcome &out);

    // industry, use: override the sites' own HYDM / GHYT when not empty.
    void checkSite(const QString &table, qint64 fid, const std::string &industry,
                   const std::string &use, CheckOutcome &out);
    void checkSiteNamed(const std::string &nameOrFid, const std::string &industry,
                        const std::string &use, CheckOutcome &out);
    // xy: an open ring of working-CRS vertices (easting, northing pairs).
    void checkPolygon(const std::vector<double> &xy, const geodata::check::SiteInputs &inputs,
                      const std::string &industry, const std::string &use, CheckOutcome &out);
    void checkFile(const QString &path, const std::string &industry, const std::string &use,
                   CheckOutcome &out);
    // A stored record, checked again to say whether it reproduces.
    void openRecord(qint64 id, CheckOutcome &out);
    // The site features ({name, table, fid, industry, use}) and the records.
    void readLists(CheckOutcome &out);
    // templatePath: a report template file, or empty for the built-in one.
    static void writeReport(const QString &path, const QString &templatePath,
                            const layers::ProjectMap &map,
                            const std::vector<std::shared_ptr<const CheckShown>> &results,
                            CheckOutcome &out);
    // The records, newest first: {id, createdAt, createdBy, site, verdict, verdictText, color,
    // batch}.
    static QVariantList recordRows(geodata::Project &project);

private:
    geodata::check::CheckEngine &engine();
    const geodata::check::SiteBatch &siteBatch();
    void checkAndRecord(geodata::check::SiteBatch batch, const std::string &industry,
                        const std::string &use, CheckOutcome &out);

    std::shared_ptr<BatchState> m_batch;
    std::string m_path;
    quint64 m_generation = 0;
    std::unique_ptr<geodata::Project> m_project;
    std::unique_ptr<geodata::check::CheckEngine> m_engine;
    std::optional<geodata::check::RuleSet> m_rules; // made by useRules; built-in until then
    std::string m_rulesPath;                        // its file ('' built-in)
    std::optional<geodata::check::SiteBatch> m_sites;
    std::vector<std::pair<QString, qint64>> m_siteKeys; // table, fid of each of m_sites
};

} // namespace planlines::qml
