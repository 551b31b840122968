// The check's rules as data: a versioned JSON file staff can read and edit (the sample set is
// compiled in as :/planlines/check/sanxian_yidan.json). Each rule says which control line or
// unit class it applies to, when it applies (industry codes of GB/T 4754 by prefix, planned
// use, keywords), the condition that trips it, the outcome (fail 不符合 / attention 需关注),
// the Chinese text shown and its source. A rule that applies and does not trip passes (符合).
#pragma once

#include "layerplan.h"
#include "measurement.h"

#include <QJsonObject>

#include <string>
#include <vector>

namespace planlines::geodata::check {

// What the reviewer says the site is for.
struct SiteInputs
{
    std::string name{};
    std::string industry{};     // GB/T 4754 code, e.g. C2614, D4416
    std::string use{};          // planned use (规划用途), e.g. 工业用地
    std::string description{};  // free text searched for keywords (备注)
    std::string source{};       // where the geometry came from (file, layer, feature)
    std::string code{};         // 项目代码 (XMDM), for the report
    std::string applicant{};    // 建设单位 (JSDW), for the report
    std::string industryName{}; // 行业名称 (HYMC), for the report
};

enum class Status
{
    Pass,
    Attention,
    Fail
};
std::string statusId(Status s); // pass, attention, fail
std::string statusZh(Status s); // 符合, 需关注, 不符合

struct RuleResult
{
    std::string id, title, heading, source, appliesTo;
    Status status = Status::Pass;
    bool applicable = true;           // false: the when-clause did not match (status is pass)
    std::string text;                 // the rule's text with the measured values filled in
    std::string value;                // the measured value, as staff read it
    double valueNumber = 0;           // m², share or metres, per condition type
    std::vector<FeatureHit> features; // the features that caused it
};

// One rule of the file, read once (evaluate() runs per site).
struct Rule
{
    std::string id, title, heading, source, appliesTo, text, type, role, target;
    Status outcome = Status::Attention;
    // when: each list present (has*) must match.
    bool hasIndustryIn = false, hasIndustryNotIn = false, hasUseIn = false, hasUseNotIn = false,
         hasKeywordsAny = false, hasKeywordsNone = false;
    std::vector<std::string> industryIn, industryNotIn, useIn, useNotIn, keywordsAny, keywordsNone;
    // condition parameters
    std::vector<int> unitClass;
    std::vector<std::string> unitNameContains, unitCodes;
    double minM2 = 0, toleranceShare = 0.001, minShare = 0.99, meters = 0;
};

class RuleSet
{
public:
    // The sample rule set compiled into the program.
    static RuleSet builtin();
    // A rule file; throws geodata::Error naming the file and the rule at fault.
    static RuleSet fromFile(const std::string &path);
    static RuleSet fromJson(const QByteArray &json, const std::string &context);

    const std::string &version() const { return m_version; }
    const std::string &name() const { return m_name; }
    const std::string &origin() const { return m_origin; }
    // SHA-256 of the rule file's bytes: an edited file with an unchanged version is told apart.
    const std::string &checksum() const { return m_checksum; }
    const std::vector<DistanceTargetSpec> &distanceTargets() const { return m_targets; }
    // What the overlap conditions with "outside_of" need measured.
    const std::vector<ExclusionSpec> &exclusions() const { return m_exclusions; }
    std::size_t size() const { return m_rules.size(); }

    std::vector<RuleResult> evaluate(const Measurement &m, const SiteInputs &in) const;
    static Status verdict(const std::vector<RuleResult> &results);

    // True when industry (C2614) starts with one of the prefixes (C26).
    static bool industryMatches(const std::string &industry, const std::vector<std::string> &list);

private:
    std::string m_version, m_name, m_origin, m_checksum;
    std::vector<DistanceTargetSpec> m_targets;
    std::vector<ExclusionSpec> m_exclusions;
    std::vector<Rule> m_rules;
};

} // namespace planlines::geodata::check
