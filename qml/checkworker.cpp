#include "checkworker.h"
#include "checkrows.h"

#include <geodata/check/checkrecords.h>
#include <layers/checkwording.h>
#include <layers/report/sitereport.h>

#include <QDateTime>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>
#include <map>

namespace planlines::qml {

using namespace geodata::check;

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

void CheckWorker::open(const std::string &path, quint64 generation)
{
    if (m_project && path == m_path && generation == m_generation)
        return;
    m_sites.reset();
    m_siteKeys.clear();
    m_engine.reset(); // holds a reference to the project
    m_project.reset();
    m_project = geodata::Project::open(path);
    m_path = path;
    m_generation = generation;
}

void CheckWorker::useRules(const std::string &path, CheckOutcome &out)
{
    if (!m_rules || path != m_rulesPath) {
        std::optional<RuleSet> rules;
        if (!path.empty()) {
            try {
                rules = RuleSet::fromFile(path);
            } catch (const geodata::Error &e) {
                out.rulesError = q(e.what());
            }
        }
        m_rulesPath = rules ? path : std::string();
        m_rules = rules ? std::move(*rules) : RuleSet::builtin();
        m_engine.reset();
    }
    out.rulesFile = q(m_rulesPath);
    const QString name = q(m_rules->name());
    QString text =
        tr("%1（%2）")
            .arg(m_rulesPath.empty() ? layers::builtinRuleText(name) : name, q(m_rules->version()));
    out.rulesText = m_rulesPath.empty()
                        ? tr("%1，内置").arg(text)
                        : tr("%1，%2").arg(text, QFileInfo(q(m_rulesPath)).fileName());
}

CheckEngine &CheckWorker::engine()
{
    if (!m_rules)
        m_rules = RuleSet::builtin();
    if (!m_engine)
        m_engine = std::make_unique<CheckEngine>(*m_project, *m_rules);
    return *m_engine;
}

const SiteBatch &CheckWorker::siteBatch()
{
    if (m_sites)
        return *m_sites;
    try {
        m_sites = SiteReader::fromProject(*m_project);
    } catch (const geodata::Error &) {
        m_sites = SiteBatch{}; // no site layer or no features: an empty list
    }
    // SiteReader says where each site is from as "layer NAME, feature FID"; the registry gives
    // the layer's table (what the map and the identify tool name a feature by).
    std::map<std::string, std::string> tables;
    for (const auto &l : m_project->layers(geodata::Role::Site))
        tables[l.name] = l.table;
    static const QRegularExpression where(QStringLiteral("^layer (.*), feature (\\d+)$"));
    for (const auto &s : m_sites->sites) {
        const auto m = where.match(q(s.inputs.source));
        const auto t = m.hasMatch() ? tables.find(m.captured(1).toStdString()) : tables.end();
        m_siteKeys.emplace_back(t == tables.end() ? QString() : q(t->second),
                                m.hasMatch() ? m.captured(2).toLongLong() : -1);
    }
    return *m_sites;
}

QVariantList CheckWorker::recordRows(geodata::Project &project)
{
    QVariantList out;
    for (const auto &r : CheckRecords::list(project, 500)) {
        const QString verdict = q(r.verdict);
        out << QVariantMap{{QStringLiteral("id"), static_cast<qint64>(r.id)},
                           {QStringLiteral("createdAt"), q(r.createdAt)},
                           {QStringLiteral("createdBy"), q(r.createdBy)},
                           {QStringLiteral("site"), q(r.siteName)},
                           {QStringLiteral("verdict"), verdict},
                           {QStringLiteral("verdictText"), CheckRows::statusText(verdict)},
                           {QStringLiteral("color"), CheckRows::statusColor(verdict)},
                           {QStringLiteral("batch"), q(r.batchId)}};
    }
    return out;
}

void CheckWorker::checkSite(const QString &table, qint64 fid, const std::string &industry,
                            const std::string &use, CheckOutcome &out)
{
    const SiteBatch &all = siteBatch();
    SiteBatch one;
    for (size_t i = 0; i < all.sites.size(); ++i)
        if (m_siteKeys[i].first == table && m_siteKeys[i].second == fid) {
            one.sites.push_back({all.sites[i].site.clone(), all.sites[i].inputs});
            break;
        }
    if (one.sites.empty())
        throw geodata::Error(tr("选址图层 %1 中没有要素 %2").arg(table).arg(fid).toStdString());
    checkAndRecord(std::move(one), industry, use, out);
}

void CheckWorker::checkSiteNamed(const std::string &nameOrFid, const std::string &industry,
                                 const std::string &use, CheckOutcome &out)
{
    SiteBatch batch;
    try {
        batch = SiteReader::fromProject(*m_project, nameOrFid);
    } catch (const geodata::Error &e) {
        throw geodata::Error(
            tr("找不到选址“%1”：%2").arg(q(nameOrFid), q(e.cause())).toStdString());
    }
    if (batch.sites.size() > 1)
        batch.sites.resize(1); // the first of several of that name
    checkAndRecord(std::move(batch), industry, use, out);
}

void CheckWorker::checkPolygon(const std::vector<double> &xy, const SiteInputs &inputs,
                               const std::string &industry, const std::string &use,
                               CheckOutcome &out)
{
    SiteBatch batch;
    batch.sites.push_back({geodata::Geometry::polygon(xy), inputs});
    checkAndRecord(std::move(batch), industry, use, out);
}

void CheckWorker::checkFile(const QString &path, const std::string &industry,
                            const std::string &use, CheckOutcome &out)
{
    checkAndRecord(SiteReader::fromFile(*m_project, path.toStdString()), industry, use, out);
}

void CheckWorker::checkAndRecord(SiteBatch batch, const std::string &industry,
                                 const std::string &use, CheckOutcome &out)
{
    for (const auto &r : batch.rejected)
        out.notes << tr("未检查：%1").arg(layers::checkNoteText(q(r)));
    for (const auto &n : batch.notes)
        out.notes << layers::checkNoteText(q(n));
    for (auto &s : batch.sites) {
        if (!industry.empty())
            s.inputs.industry = industry;
        if (!use.empty())
            s.inputs.use = use;
    }
    CheckEngine &eng = engine();
    std::vector<CheckResult> results;
    if (batch.sites.size() == 1) {
        const auto &s = batch.sites.front();
        try {
            results.push_back(eng.check(s.site, s.inputs));
        } catch (const geodata::Error &e) {
            throw geodata::Error(
                tr("无法检查“%1”：%2").arg(q(s.inputs.name), q(e.cause())).toStdString());
        }
    } else {
        // Several sites: progress and cancel through m_batch; the sites checked before a
        // cancel are recorded, the others are neither checked nor recorded (as the CLI does).
        m_batch->done = 0;
        m_batch->total = batch.sites.size();
        BatchOptions options;
        options.progress = [state = m_batch](std::size_t done, std::size_t) { state->done = done; };
        options.cancelled = [state = m_batch] { return state->cancel.load(); };
        results = eng.checkAll(batch.sites, options);
    }
    const auto stopped = std::count_if(results.begin(), results.end(),
                                       [](const CheckResult &r) { return r.cancelled; });
    const QJsonObject provenance = eng.provenance();
    const std::string batchId = results.size() > 1
                                    ? "batch-" + QDateTime::currentDateTimeUtc()
                                                     .toString(QStringLiteral("yyyyMMddThhmmsszzz"))
                                                     .toStdString()
                                    : std::string();
    CheckRecords::store(*m_project, results, provenance, batchId);
    for (const auto &r : results) {
        auto s = std::make_shared<CheckShown>();
        s->json = r.jsonObject(provenance);
        if (r.recordId)
            s->json.insert(QStringLiteral("record_id"), static_cast<qint64>(r.recordId));
        s->siteWkb = r.ok() ? r.measurement.site.wkb() : r.inputWkb;
        out.results.push_back(std::move(s));
    }
    out.checked = true;
    out.records = recordRows(*m_project);
    out.recordsRead = true;
    const qint64 firstId = results.empty() ? 0 : results.front().recordId;
    out.message = results.size() == 1 && firstId ? tr("已检查并记录（记录 %1）").arg(firstId)
                  : stopped > 0 ? tr("已取消：%1 个选址已检查并记录，%2 个未检查")
                                      .arg(qsizetype(results.size()) - stopped)
                                      .arg(stopped)
                                : tr("已检查 %1 个选址并记录").arg(results.size());
}

void CheckWorker::openRecord(qint64 id, CheckOutcome &out)
{
    auto rec = CheckRecords::load(*m_project, id);
    if (!rec)
        throw geodata::Error(tr("项目中没有检查记录 %1").arg(id).toStdString());
    auto s = std::make_shared<CheckShown>();
    s->json = rec->result;
    s->json.insert(QStringLiteral("record_id"), static_cast<qint64>(rec->id));
    s->json.insert(QStringLiteral("created_at"), q(rec->createdAt));
    s->json.insert(QStringLiteral("created_by"), q(rec->createdBy));
    s->siteWkb = rec->siteWkb;
    // Checked again with the same inputs: the same layer and rule versions give the same result
    // (as `planlines check --record` shows).
    CheckEngine &eng = engine();
    bool reproduced = false;
    QString why;
    try {
        const CheckResult again = eng.check(geodata::Geometry::fromWkb(rec->siteWkb),
                                            CheckRecords::inputsFrom(rec->inputs));
        const RecordMatch match =
            CheckRecords::compare(rec->result, again.jsonObject(eng.provenance()));
        reproduced = match.reproduced();
        if (match.kind == RecordMatch::OlderFormat)
            why = tr("记录为旧版格式，其中各项相同；未含 %1")
                      .arg(match.added.join(QStringLiteral("、")));
        else if (!reproduced)
            why = eng.layerVersions() != rec->layerVersions ? tr("记录之后图层版本已变")
                  : eng.rules().checksum() != rec->rulesChecksum
                      ? tr("记录之后规则文件已变")
                      : tr("结果不同：%1").arg(match.differsAt);
    } catch (const std::exception &e) {
        why = QString::fromUtf8(e.what());
    }
    s->json.insert(QStringLiteral("reproduced"), reproduced);
    s->notes << (!reproduced     ? tr("重新检查：结果与记录不同（%1）").arg(why)
                 : why.isEmpty() ? tr("重新检查：结果与记录一致")
                                 : tr("重新检查：结果与记录一致（%1）").arg(why));
    out.results.push_back(std::move(s));
    out.checked = true;
    out.message = tr("已打开记录 %1").arg(id);
}

void CheckWorker::readLists(CheckOutcome &out)
{
    const SiteBatch &batch = siteBatch();
    for (size_t i = 0; i < batch.sites.size(); ++i) {
        const auto &in = batch.sites[i].inputs;
        out.sites << QVariantMap{{QStringLiteral("name"), q(in.name)},
                                 {QStringLiteral("table"), m_siteKeys[i].first},
                                 {QStringLiteral("fid"), m_siteKeys[i].second},
                                 {QStringLiteral("industry"), q(in.industry)},
                                 {QStringLiteral("use"), q(in.use)}};
    }
    out.sitesRead = true;
    out.records = recordRows(*m_project);
    out.recordsRead = true;
}

void CheckWorker::writeReport(const QString &path, const QString &templatePath,
                              const layers::ProjectMap &map,
                              const std::vector<std::shared_ptr<const CheckShown>> &results,
                              CheckOutcome &out)
{
    out.report = true;
    out.reportPath = path;
    std::vector<QJsonObject> objects;
    std::vector<geodata::Geometry> geometries;
    for (const auto &r : results) {
        objects.push_back(r->json);
        geometries.push_back(r->siteWkb.empty() ? geodata::Geometry()
                                                : geodata::Geometry::fromWkb(r->siteWkb));
    }
    // What `planlines check --report` writes.
    layers::report::SiteReportJob job;
    job.map = &map;
    if (!templatePath.isEmpty())
        job.reportTemplate = layers::report::ReportTemplate::fromFile(templatePath);
    // A reopened record is reported as of the day it was checked.
    const QString createdAt =
        objects.empty() ? QString() : objects.front().value("created_at").toString();
    if (!createdAt.isEmpty())
        job.checkDate = QDate::fromString(createdAt.left(10), Qt::ISODate);
    job.records = objects;
    for (const auto &g : geometries)
        job.sites.push_back(g ? &g : nullptr);
    layers::report::writeReportFile(job, path);
    out.message = tr("报告已写入 %1").arg(path);
}

} // namespace planlines::qml
