// Checks proposed sites against a project's control lines and access list: measures each site
// (SiteMeasurer), applies the rule set, and gives the verdict. One site at a time on the
// calling thread (the GUI's "check this"), or a batch on all cores with progress and cancel.
// The engine reads the project through its own read-only connections; recording the results
// is CheckRecords' job.
#pragma once

#include "checkresult.h"
#include "layerplan.h"
#include "ruleset.h"

#include "../project.h"

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace planlines::geodata::check {

class SiteMeasurer;

struct CheckRequest
{
    Geometry site; // working CRS
    SiteInputs inputs;
};

struct BatchOptions
{
    int threads = 0; // 0: all cores
    // Called (serialised, from worker threads) after each site: done so far, total.
    std::function<void(std::size_t done, std::size_t total)> progress;
    // Polled before each site; true stops the batch (sites not reached get an error).
    std::function<bool()> cancelled;
    // false: each result keeps only the packed JSON, not its text, and is reduced by
    // CheckResult::dropDetail on its worker (a large batch that records and summarises;
    // frees in parallel what the caller would otherwise free alone).
    bool keepDetail = true;
};

class CheckEngine
{
public:
    // Reads the layer registry of `project` (which stays the caller's) and keeps the plan.
    CheckEngine(Project &project, RuleSet rules);
    ~CheckEngine();
    CheckEngine(const CheckEngine &) = delete;
    CheckEngine &operator=(const CheckEngine &) = delete;

    // Throws geodata::Error for a site that cannot be checked (empty, NaN, not a polygon).
    CheckResult check(const Geometry &site, const SiteInputs &inputs);
    // Never throws for one bad site: its result carries the error and the batch goes on.
    std::vector<CheckResult> checkAll(const std::vector<CheckRequest> &sites,
                                      const BatchOptions &options = {});

    const RuleSet &rules() const { return m_rules; }
    const EnginePlan &plan() const { return m_plan; }
    // role → [{layer, table, version, checksum}] of the layers checked, and the rule file.
    QJsonObject layerVersions() const;
    QJsonObject provenance() const;

private:
    // keepText: the result keeps its JSON text beside the packed one. helper: a second
    // measurer that scans half of the site's candidates (SiteMeasurer::measure).
    CheckResult run(SiteMeasurer &measurer, const Geometry &site, const SiteInputs &inputs,
                    bool keepText, SiteMeasurer *helper) const;
    std::unique_ptr<SiteMeasurer> takeMeasurer();
    void giveBack(std::unique_ptr<SiteMeasurer> m);

    RuleSet m_rules;
    EnginePlan m_plan;
    QJsonObject m_provenance;
    std::string m_provenanceMembers; // compact JSON members of m_provenance, no braces
    std::mutex m_poolMutex;
    std::vector<std::unique_ptr<SiteMeasurer>> m_pool;
};

} // namespace planlines::geodata::check
