#include "checkformat.h"

#include "checkprogress.h"
#include "cli.h"
#include "commands.h"
#include <geodata/store/location.h>

#include <geodata/check/checkengine.h>
#include <geodata/check/checkrecords.h>
#include <geodata/check/sitereader.h>
#include <geodata/savefile.h>
#include <layers/layercatalog.h>
#include <layers/report/sitereport.h>

#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

#include <cerrno>
#include <cstring>

namespace planlines::cli {

namespace {

using namespace geodata::check;

const QString kCmd = QStringLiteral("planlines check");

void writeAtomically(const QString &path, const QByteArray &bytes)
{
    geodata::saveFile(path.toStdString(), std::string_view(bytes.constData(), bytes.size()));
}

// Whether --report names a directory (one report per site and a summary): an existing
// directory, or a path ending in a slash.
bool isReportDirectory(const QString &path)
{
    return path.endsWith(QLatin1Char('/')) || QFileInfo(path).isDir();
}

void writeCheckReport(geodata::Project &project, const std::vector<CheckResult> &results,
                      const std::vector<QJsonObject> &objects, const QString &path,
                      const layers::report::ReportTemplate &reportTemplate, const QString &format)
{
    const auto map = layers::ProjectMap::load(project.path(), layers::LayerCatalog::load());
    layers::report::SiteReportJob job;
    job.map = &map;
    job.reportTemplate = reportTemplate;
    job.records = objects;
    for (const auto &r : results)
        job.sites.push_back(r.ok() ? &r.measurement.site : nullptr);
    if (isReportDirectory(path))
        layers::report::writeReportDirectory(job, path, format);
    else
        layers::report::writeReportFile(job, path);
}

int exitCodeFor(const std::vector<CheckResult> &results, bool anyRejected)
{
    int code = 0;
    for (const auto &r : results) {
        if (!r.ok())
            anyRejected = true;
        else if (r.verdict == Status::Fail)
            code = 4;
        else if (r.verdict == Status::Attention && code == 0)
            code = 3;
    }
    return anyRejected ? 1 : code;
}

int listRecords(geodata::Project &project, bool json)
{
    const auto records = CheckRecords::list(project, 1000);
    QTextStream out(stdout);
    if (!json) {
        out << recordListText(records);
        return 0;
    }
    QJsonArray list;
    for (const auto &r : records)
        list.append(QJsonObject{{"record_id", static_cast<qint64>(r.id)},
                                {"created_at", QString::fromStdString(r.createdAt)},
                                {"created_by", QString::fromStdString(r.createdBy)},
                                {"site", QString::fromStdString(r.siteName)},
                                {"verdict", QString::fromStdString(r.verdict)},
                                {"rules_version", QString::fromStdString(r.rulesVersion)},
                                {"batch_id", QString::fromStdString(r.batchId)}});
    out << QJsonDocument(QJsonObject{{"records", list}}).toJson(QJsonDocument::Indented);
    return 0;
}

// Reopens a record and runs its site again with the same inputs on the current layers and
// rules: "reproduced" says whether the result is byte for byte the stored one.
int showRecord(geodata::Project &project, std::int64_t id, const RuleSet &rules, bool json)
{
    auto rec = CheckRecords::load(project, id);
    if (!rec)
        return fail(kCmd, QStringLiteral("no check record %1 in %2")
                              .arg(id)
                              .arg(QString::fromStdString(project.displayName())));
    CheckEngine engine(project, rules);
    const SiteInputs inputs = CheckRecords::inputsFrom(rec->inputs);
    bool reproduced = false;
    QString why;
    try {
        CheckResult again = engine.check(geodata::Geometry::fromWkb(rec->siteWkb), inputs);
        const RecordMatch match =
            CheckRecords::compare(rec->result, again.jsonObject(engine.provenance()));
        reproduced = match.reproduced();
        if (match.kind == RecordMatch::OlderFormat)
            why = QStringLiteral("the record is of an older format: every member it holds is "
                                 "the same; it lacks ") +
                  match.added.join(QStringLiteral(", "));
        else if (!reproduced)
            why = engine.layerVersions() != rec->layerVersions
                      ? QStringLiteral("layer versions changed since the record")
                  : rules.checksum() != rec->rulesChecksum
                      ? QStringLiteral("the rule file changed since the record")
                      : QStringLiteral("the result differs at ") + match.differsAt;
    } catch (const std::exception &e) {
        why = QString::fromUtf8(e.what());
    }
    QJsonObject r = rec->result;
    r.insert("record_id", static_cast<qint64>(rec->id));
    r.insert("created_at", QString::fromStdString(rec->createdAt));
    r.insert("created_by", QString::fromStdString(rec->createdBy));
    r.insert("reproduced", reproduced);
    if (!why.isEmpty())
        r.insert("reproduced_note", why);
    QTextStream out(stdout);
    if (json) {
        out << QJsonDocument(r).toJson(QJsonDocument::Indented);
    } else {
        out << checkText(r);
        out << QStringLiteral("  记录: %1 %2; 规则 %3; 重新检查%4\n")
                   .arg(QString::fromStdString(rec->createdAt),
                        QString::fromStdString(rec->createdBy),
                        QString::fromStdString(rec->rulesVersion),
                        !reproduced     ? QStringLiteral("结果不同: ") + why
                        : why.isEmpty() ? QStringLiteral("结果一致")
                                        : QStringLiteral("结果一致 (") + why + QLatin1Char(')'));
    }
    return 0;
}

} // namespace

int runCheck(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Check proposed sites against the control lines (永久基本农田, 生态保护红线, 城镇开发边界, "
        "淤背区生态廊道), cultivated land and the environmental control units' access list: "
        "overlap areas in m², 亩 and 公顷 with the features involved, the 地类 breakdown, and "
        "each rule's finding. Every check is recorded in the project (site, inputs, layer and "
        "rule versions, result, time, user). Sites: FILE (any format `planlines import` reads, "
        "or a 界址点坐标文件; each polygon feature is a site), --site, or --all-sites. Exit "
        "status: 0 all sites pass (符合), 3 some need attention (需关注) and none fail, 4 some "
        "fail (不符合), 1 a site could not be checked or on an error, 2 on a usage error, 130 "
        "when Ctrl+C stopped a batch: the sites checked by then are recorded (one "
        "transaction), the others are not checked and not recorded."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("FILE"),
                            QStringLiteral("File of sites (Shapefile, zip, GeoPackage, GeoJSON, "
                                           "KML, DXF, .gdb, boundary .txt …)."),
                            QStringLiteral("[FILE]"));
    p.addOption({QStringLiteral("db"),
                 QStringLiteral("Project file (default: $PLANLINES_DB, else the sample county)."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("site"),
                 QStringLiteral("Check the project's site feature of this name (XMMC) or fid."),
                 QStringLiteral("NAME_OR_ID")});
    p.addOption({QStringLiteral("all-sites"),
                 QStringLiteral("Check every feature of the project's site layers, in parallel.")});
    p.addOption({QStringLiteral("industry"),
                 QStringLiteral("GB/T 4754 industry code of the project (C2614, D4416), for all "
                                "sites; default: the site's HYDM field."),
                 QStringLiteral("CODE")});
    p.addOption({QStringLiteral("use"),
                 QStringLiteral("Planned land use (工业用地, 公用设施用地 …), for all sites; "
                                "default: the site's GHYT field."),
                 QStringLiteral("USE")});
    p.addOption({QStringLiteral("rules"),
                 QStringLiteral("Rule file (JSON) instead of the built-in sample set."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("srs"),
                 QStringLiteral("CRS of FILE's coordinates (EPSG:4527), whatever it says."),
                 QStringLiteral("EPSG:N")});
    p.addOption({QStringLiteral("encoding"),
                 QStringLiteral("Text encoding of FILE's attributes (GBK, UTF-8); default: "
                                "as `planlines import` decides (.cpg, .dbf language byte, "
                                "else detected)."),
                 QStringLiteral("E")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON instead of text.")});
    p.addOption({QStringLiteral("csv"),
                 QStringLiteral("Also write a summary table (one row per "
                                "site, UTF-8 CSV)."),
                 QStringLiteral("OUT")});
    p.addOption(
        {QStringLiteral("report"),
         QStringLiteral("Also write the review report (建设项目用地预审与选址合规性分析: "
                        "project, location, area, verdict and signature lines, maps, "
                        "三线协调, 用地现状, 三线一单, every rule's finding) as .pdf, .odt, "
                        ".html or .xlsx; several sites go one after another into the "
                        "file. OUT a directory (ending in /): one report per site, "
                        "named by record number and project, and 0000_汇总 (summary)."),
         QStringLiteral("OUT")});
    p.addOption({QStringLiteral("report-template"),
                 QStringLiteral("Report template (JSON: section order, headings, unit, "
                                "signature labels, sections shown) instead of the built-in one."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("report-format"),
                 QStringLiteral("Format of the reports written into a --report directory: pdf "
                                "(default), odt, html or xlsx."),
                 QStringLiteral("F")});
    p.addOption({QStringLiteral("code"),
                 QStringLiteral("Project code (项目代码) for the report, for all sites; default: "
                                "the site's XMDM field."),
                 QStringLiteral("CODE")});
    p.addOption({QStringLiteral("applicant"),
                 QStringLiteral("Applicant (建设单位) for the report, for all sites; default: the "
                                "site's JSDW field."),
                 QStringLiteral("NAME")});
    p.addOption({QStringLiteral("threads"),
                 QStringLiteral("Worker threads for several sites (default: all cores)."),
                 QStringLiteral("N")});
    p.addOption({QStringLiteral("progress"),
                 QStringLiteral("Show progress (检查 120/1000 (12%)) on stderr: one line every "
                                "half second, or one line rewritten in place when stderr is a "
                                "terminal. Without it progress shows only when stderr is a "
                                "terminal and there are several sites.")});
    p.addOption({QStringLiteral("list"), QStringLiteral("List the check records of the project.")});
    p.addOption({QStringLiteral("record"),
                 QStringLiteral("Reopen a check record and run it again to show that it "
                                "reproduces."),
                 QStringLiteral("ID")});
    if (!p.parse(args))
        return fail(kCmd, p.errorText(), 2);
    if (p.isSet(QStringLiteral("help")))
        return printHelp(p, kCmd);
    const QStringList files = p.positionalArguments();
    const int modes = static_cast<int>(!files.isEmpty()) + p.isSet(QStringLiteral("site")) +
                      p.isSet(QStringLiteral("all-sites")) + p.isSet(QStringLiteral("list")) +
                      p.isSet(QStringLiteral("record"));
    if (files.size() > 1)
        return fail(kCmd, QStringLiteral("give one FILE (it may hold many sites)"), 2);
    if (modes != 1)
        return fail(kCmd,
                    QStringLiteral("give exactly one of FILE, --site, --all-sites, --list, "
                                   "--record"),
                    2);
    const QString report = p.value(QStringLiteral("report"));
    if (!report.isEmpty() && !isReportDirectory(report) && !layers::report::isReportFile(report))
        return fail(kCmd,
                    QStringLiteral("--report needs a .pdf, .odt, .html or .xlsx file name, or a "
                                   "directory ending in /"),
                    2);
    const QString reportFormat = p.isSet(QStringLiteral("report-format"))
                                     ? p.value(QStringLiteral("report-format")).toLower()
                                     : QStringLiteral("pdf");
    if (!layers::report::reportFormats().contains(reportFormat))
        return fail(kCmd, QStringLiteral("--report-format must be pdf, odt, html or xlsx"), 2);
    if ((p.isSet(QStringLiteral("report-template")) || p.isSet(QStringLiteral("report-format"))) &&
        report.isEmpty())
        return fail(kCmd, QStringLiteral("--report-template and --report-format go with --report"),
                    2);
    const bool json = p.isSet(QStringLiteral("json"));
    const std::string db = p.isSet(QStringLiteral("db"))
                               ? p.value(QStringLiteral("db")).toStdString()
                               : defaultDatabase();
    if (!geodata::isServerLocation(db) && !QFileInfo::exists(QString::fromStdString(db)))
        return fail(kCmd,
                    QStringLiteral("%1: no such project file").arg(QString::fromStdString(db)));
    try {
        auto project = geodata::Project::open(db);
        const RuleSet rules =
            p.isSet(QStringLiteral("rules"))
                ? RuleSet::fromFile(p.value(QStringLiteral("rules")).toStdString())
                : RuleSet::builtin();
        // Read before any site is checked: a broken template stops the run, not the report.
        layers::report::ReportTemplate reportTemplate;
        if (p.isSet(QStringLiteral("report-template")))
            reportTemplate = layers::report::ReportTemplate::fromFile(
                p.value(QStringLiteral("report-template")));
        else if (!report.isEmpty())
            reportTemplate = layers::report::ReportTemplate::builtin();
        if (p.isSet(QStringLiteral("list")))
            return listRecords(*project, json);
        if (p.isSet(QStringLiteral("record"))) {
            bool ok = false;
            const qint64 id = p.value(QStringLiteral("record")).toLongLong(&ok);
            if (!ok)
                return fail(kCmd, QStringLiteral("--record needs a number"), 2);
            return showRecord(*project, id, rules, json);
        }

        SiteBatch batch;
        if (!files.isEmpty()) {
            std::optional<std::string> srs, encoding;
            if (p.isSet(QStringLiteral("srs")))
                srs = p.value(QStringLiteral("srs")).toStdString();
            if (p.isSet(QStringLiteral("encoding")))
                encoding = p.value(QStringLiteral("encoding")).toStdString();
            batch = SiteReader::fromFile(*project, files[0].toStdString(), srs, encoding);
        } else {
            batch =
                SiteReader::fromProject(*project, p.value(QStringLiteral("site")).toStdString());
        }
        for (auto &s : batch.sites) {
            if (p.isSet(QStringLiteral("industry"))) {
                s.inputs.industry = p.value(QStringLiteral("industry")).toStdString();
                s.inputs.industryName.clear(); // the file's name was for its own code
            }
            if (p.isSet(QStringLiteral("code")))
                s.inputs.code = p.value(QStringLiteral("code")).toStdString();
            if (p.isSet(QStringLiteral("applicant")))
                s.inputs.applicant = p.value(QStringLiteral("applicant")).toStdString();
            if (p.isSet(QStringLiteral("use")))
                s.inputs.use = p.value(QStringLiteral("use")).toStdString();
        }

        // PLANLINES_CHECK_TIMING=1: phase times on stderr (for bench/).
        const bool timing = qEnvironmentVariableIsSet("PLANLINES_CHECK_TIMING");
        QElapsedTimer clock;
        clock.start();
        auto phase = [&](const char *what) {
            if (timing)
                QTextStream(stderr) << "timing " << what << " " << clock.restart() << " ms\n";
        };
        phase("read sites");
        CheckEngine engine(*project, rules);
        BatchOptions options;
        options.threads = p.value(QStringLiteral("threads")).toInt();
        // The lines, the CSV and the summary need areas and statuses only; --json and the
        // report read the JSON text.
        options.keepDetail = false;
        BatchProgress progress(p.isSet(QStringLiteral("progress")), batch.sites.size());
        if (progress.enabled())
            options.progress = [&](std::size_t done, std::size_t total) {
                progress.update(done, total);
            };
        // Ctrl+C from here to the commit of the records: stop taking sites, record the ones
        // checked, exit 130.
        const Interruption interruption;
        options.cancelled = &Interruption::requested;
        std::vector<CheckResult> results = engine.checkAll(batch.sites, options);
        const std::size_t total = results.size();
        std::erase_if(results, [](const CheckResult &r) { return r.cancelled; });
        const bool cancelled = results.size() < total;
        progress.finish(results.size(), total, cancelled);
        phase("check");
        const QJsonObject provenance = engine.provenance();
        const std::string batchId =
            total > 1 ? "batch-" + QDateTime::currentDateTimeUtc()
                                       .toString(QStringLiteral("yyyyMMddThhmmsszzz"))
                                       .toStdString()
                      : std::string();
        CheckRecords::store(*project, results, provenance, batchId);
        phase("record");
        // The documents are parsed from the engine's text only where JSON is shown.
        const bool single = total == 1 && results.size() == 1 && batch.rejected.empty();
        std::vector<QJsonObject> objects;
        if (single || !report.isEmpty()) {
            objects.reserve(results.size());
            for (const auto &r : results) {
                objects.push_back(r.jsonObject(provenance));
                if (r.recordId)
                    objects.back().insert("record_id", static_cast<qint64>(r.recordId));
            }
        }
        phase("json");
        if (p.isSet(QStringLiteral("csv")))
            writeAtomically(p.value(QStringLiteral("csv")), checkCsv(results));
        if (!report.isEmpty())
            writeCheckReport(*project, results, objects, report, reportTemplate, reportFormat);

        QTextStream out(stdout);
        QJsonArray rejected;
        for (const auto &r : batch.rejected)
            rejected.append(QString::fromStdString(r));
        if (json && !single) {
            QJsonObject summary = checkSummary(results);
            if (cancelled)
                summary.insert("not_checked", static_cast<qint64>(total - results.size()));
            if (!writeBatchJson(stdout, results, provenance, summary, rejected))
                return fail(kCmd, QStringLiteral("cannot write the result to standard output: %1")
                                      .arg(QString::fromLocal8Bit(std::strerror(errno))));
        } else if (json) {
            out << QJsonDocument(objects.front()).toJson(QJsonDocument::Indented);
        } else if (single) {
            out << checkText(objects.front());
        } else {
            for (const auto &r : results)
                out << checkLine(r);
            out << checkSummaryText(checkSummary(results));
        }
        out.flush();
        // The verdict on a full disk or a closed pipe would be a lie about what was shown.
        if (out.status() != QTextStream::Ok)
            return fail(kCmd, QStringLiteral("cannot write the result to standard output: %1")
                                  .arg(QString::fromLocal8Bit(std::strerror(errno))));
        phase("output");
        for (const auto &r : batch.rejected)
            fail(kCmd, QStringLiteral("not checked: %1").arg(QString::fromStdString(r)));
        for (const auto &r : results)
            if (!r.ok())
                fail(kCmd, QStringLiteral("site %1: %2")
                               .arg(QString::fromStdString(r.inputs.name),
                                    QString::fromStdString(r.error)));
        if (cancelled)
            return 128 + (Interruption::signalNumber() ? Interruption::signalNumber() : 2);
        return exitCodeFor(results, !batch.rejected.empty());
    } catch (const std::exception &e) {
        return fail(kCmd, QString::fromUtf8(e.what()));
    }
}

} // namespace planlines::cli
