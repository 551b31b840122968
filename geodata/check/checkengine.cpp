#include "checkengine.h"

#include "checkrecords.h"
#include "sitemeasurer.h"

#include "../import/textencoding.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>
#include <thread>

namespace planlines::geodata::check {

namespace {

// At most this many sites' candidates are fetched at once per worker (a 1 km² site has about
// 1 200 parcels, ~0.5 MB of rows).
constexpr std::size_t kPrefetchSites = 32;
// and at most this much of their boxes' area (m²): 32 km² of a dense county is some 40 000
// parcels, tens of MB of rows per layer.
constexpr double kPrefetchM2 = 32e6;

// A site's inputs are UTF-8 or it is not checked: text in another encoding matches no keyword
// and no use (a silent pass) and makes the result's JSON unreadable.
void requireUtf8(const SiteInputs &in)
{
    const std::pair<const char *, const std::string *> fields[] = {
        {"source", &in.source},           {"name", &in.name},
        {"industry", &in.industry},       {"use", &in.use},
        {"description", &in.description}, {"code", &in.code},
        {"applicant", &in.applicant},     {"industry name", &in.industryName}};
    for (const auto &[field, text] : fields) {
        try {
            import::toUtf8(*text, "UTF-8");
        } catch (const Error &e) {
            // The source names the site unless it is the text at fault.
            throw Error(std::string("the site's ") + field + " is not UTF-8 text (" + e.cause() +
                            ")",
                        field == std::string("source") || in.source.empty() ? "site" : in.source);
        }
    }
}

} // namespace

CheckEngine::CheckEngine(Project &project, RuleSet rules)
    : m_rules(std::move(rules)),
      m_plan(EnginePlan::of(project, m_rules.distanceTargets(), m_rules.exclusions()))
{
    m_provenance = {{"rules_version", QString::fromStdString(m_rules.version())},
                    {"rules_name", QString::fromStdString(m_rules.name())},
                    {"rules_checksum", QString::fromStdString(m_rules.checksum())},
                    {"layer_versions", layerVersions()}};
    const QByteArray text = QJsonDocument(m_provenance).toJson(QJsonDocument::Compact);
    m_provenanceMembers = text.mid(1, text.size() - 2).toStdString();
}

CheckEngine::~CheckEngine() = default;

std::unique_ptr<SiteMeasurer> CheckEngine::takeMeasurer()
{
    std::unique_ptr<SiteMeasurer> m;
    {
        std::lock_guard lock(m_poolMutex);
        if (!m_pool.empty()) {
            m = std::move(m_pool.back());
            m_pool.pop_back();
        }
    }
    if (!m)
        m = std::make_unique<SiteMeasurer>(m_plan);
    m->hold(); // until giveBack: one snapshot for all the sites this worker checks
    return m;
}

void CheckEngine::giveBack(std::unique_ptr<SiteMeasurer> m)
{
    m->release();
    std::lock_guard lock(m_poolMutex);
    m_pool.push_back(std::move(m));
}

CheckResult CheckEngine::run(SiteMeasurer &measurer, const Geometry &site, const SiteInputs &inputs,
                             bool keepText, SiteMeasurer *helper) const
{
    CheckResult r;
    r.inputs = inputs;
    if (site)
        r.inputWkb = site.wkb();
    r.measurement = measurer.measure(site, helper);
    r.rules = m_rules.evaluate(r.measurement, inputs);
    r.verdict = RuleSet::verdict(r.rules);
    // Written into this thread's buffer, which keeps its size from site to site: a new
    // string per site faulted in fresh pages as it grew.
    thread_local std::string text;
    text.clear();
    r.writeJsonText(text, m_provenanceMembers);
    r.packedJson = CheckRecords::pack(text);
    if (keepText)
        r.jsonText = text;
    return r;
}

CheckResult CheckEngine::check(const Geometry &site, const SiteInputs &inputs)
{
    requireUtf8(inputs);
    auto measurer = takeMeasurer();
    // One site on two cores: a second measurer scans half of the large layers' candidates.
    // Its snapshot begins with its first query, just after the first measurer's.
    std::unique_ptr<SiteMeasurer> helper;
    if (std::thread::hardware_concurrency() > 1) {
        try {
            helper = takeMeasurer();
        } catch (const std::exception &) {
            // no second connection: the site is checked on one core
        }
    }
    auto done = [&] {
        if (helper)
            giveBack(std::move(helper));
        giveBack(std::move(measurer));
    };
    try {
        CheckResult r = run(*measurer, site, inputs, /*keepText=*/true, helper.get());
        done();
        return r;
    } catch (const Error &e) {
        done();
        throw Error(e.cause(), inputs.name.empty() ? e.context() : "site " + inputs.name);
    }
}

std::vector<CheckResult> CheckEngine::checkAll(const std::vector<CheckRequest> &sites,
                                               const BatchOptions &options)
{
    std::vector<CheckResult> results(sites.size());
    std::vector<char> reached(sites.size(), 0);
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t threads = std::min<std::size_t>(
        sites.size(), options.threads > 0 ? static_cast<std::size_t>(options.threads) : cores);
    std::atomic<std::size_t> next{0}, done{0};
    std::atomic<bool> stop{false};
    std::mutex progressMutex;
    std::string setupError;
    auto worker = [&]() {
        std::unique_ptr<SiteMeasurer> measurer;
        try {
            measurer = takeMeasurer();
        } catch (const std::exception &e) {
            std::lock_guard lock(progressMutex);
            setupError = e.what();
            stop = true;
            return;
        }
        // On a server a worker takes its sites a few at a time and has their candidates
        // fetched at once (one query per layer, not per site and layer); SpatiaLite reads its
        // file in place, one site at a time.
        const std::size_t chunk =
            measurer->prefetches()
                ? std::clamp<std::size_t>(sites.size() / (threads * 8), 1, kPrefetchSites)
                : 1;
        std::vector<Envelope> boxes;
        for (std::size_t first = next.fetch_add(chunk); first < sites.size() && !stop;
             first = next.fetch_add(chunk)) {
            const std::size_t end = std::min(sites.size(), first + chunk);
            if (chunk > 1) {
                boxes.clear();
                double area = 0;
                for (std::size_t i = first; i < end; ++i) {
                    const Geometry &g = sites[i].site;
                    if (!g || g.isEmpty())
                        continue;
                    const Envelope e = g.envelope();
                    if (!std::isfinite(e.width() * e.height()))
                        continue; // refused by the check itself, in words
                    // The rows are held until the chunk is done: large sites beyond the
                    // budget ask on their own (as a single site does).
                    area += e.width() * e.height();
                    if (area > kPrefetchM2)
                        break;
                    boxes.push_back(e);
                }
                try {
                    measurer->prefetch(boxes);
                } catch (const std::exception &) {
                    measurer->prefetch({}); // each site then asks on its own and says what fails
                }
            }
            for (std::size_t i = first; i < end; ++i) {
                CheckResult &r = results[i];
                if (stop || (options.cancelled && options.cancelled())) {
                    stop = true;
                    break;
                }
                reached[i] = 1;
                try {
                    requireUtf8(sites[i].inputs);
                    r = run(*measurer, sites[i].site, sites[i].inputs, options.keepDetail, nullptr);
                    if (!options.keepDetail)
                        r.dropDetail();
                } catch (const std::exception &e) {
                    r = CheckResult{};
                    r.inputs = sites[i].inputs;
                    if (sites[i].site)
                        r.inputWkb = sites[i].site.wkb();
                    r.error = e.what();
                }
                const std::size_t n = ++done;
                if (options.progress) {
                    std::lock_guard lock(progressMutex);
                    options.progress(n, sites.size());
                }
            }
        }
        measurer->prefetch({});
        giveBack(std::move(measurer));
    };
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t)
        pool.emplace_back(worker);
    if (threads > 0)
        worker();
    for (auto &t : pool)
        t.join();
    if (!setupError.empty())
        throw Error(setupError, "site check");
    for (std::size_t i = 0; i < results.size(); ++i)
        if (!reached[i]) {
            results[i].inputs = sites[i].inputs;
            results[i].error = "cancelled before this site was checked";
            results[i].cancelled = true;
        }
    return results;
}

QJsonObject CheckEngine::layerVersions() const
{
    QJsonObject out;
    for (const auto &l : m_plan.layers) {
        const QString key = QString::fromStdString(l.distanceKey.empty() ? l.role : l.distanceKey);
        QJsonArray list = out.value(key).toArray();
        list.append(QJsonObject{{"layer", QString::fromStdString(l.name)},
                                {"table", QString::fromStdString(l.table)},
                                {"version", l.version},
                                {"checksum", QString::fromStdString(l.checksum)}});
        out.insert(key, list);
    }
    return out;
}

QJsonObject CheckEngine::provenance() const
{
    return m_provenance;
}

} // namespace planlines::geodata::check
