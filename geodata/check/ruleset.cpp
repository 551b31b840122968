#include "ruleset.h"

#include "../area.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>
#include <set>

namespace planlines::geodata::check {

namespace {

constexpr double kZeroAreaM2 = 0.005;

const std::set<std::string> kConditionTypes = {
    "overlap", "outside", "not_inside_unit", "distance_below", "coverage_below", "always"};

std::string str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString().toStdString();
}

std::vector<std::string> strings(const QJsonObject &o, const char *key)
{
    std::vector<std::string> out;
    for (const auto &v : o.value(QLatin1String(key)).toArray())
        out.push_back(v.toString().toStdString());
    return out;
}

std::string fixed(double v, int decimals)
{
    return QString::number(v, 'f', decimals).toStdString();
}

std::string percent(double share)
{
    return fixed(share * 100.0, 1) + "%";
}

std::string areaText(double m2)
{
    return fixed(m2ToMu(m2), 2) + " 亩（" + fixed(m2, 2) + " 平方米，" + fixed(m2ToHa(m2), 4) +
           " 公顷）";
}

std::string featuresText(const std::vector<const FeatureHit *> &hits)
{
    std::string s;
    const size_t shown = std::min<size_t>(hits.size(), 5);
    for (size_t i = 0; i < shown; ++i) {
        if (i)
            s += "、";
        const auto &h = *hits[i];
        s += h.name.empty() ? h.layer : h.name;
        if (!h.code.empty())
            s += " " + h.code;
        s += " " + fixed(m2ToMu(h.areaM2), 2) + " 亩";
    }
    if (hits.size() > shown)
        s += " 等 " + std::to_string(hits.size()) + " 个图斑";
    return s;
}

void replaceAll(std::string &s, const std::string &from, const std::string &to)
{
    for (size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
        s.replace(pos, from.size(), to);
}

bool containsAny(const std::string &text, const std::vector<std::string> &words)
{
    return std::any_of(words.begin(), words.end(), [&](const std::string &w) {
        return !w.empty() && text.find(w) != std::string::npos;
    });
}

bool useMatches(const std::string &use, const std::vector<std::string> &list)
{
    return !use.empty() && std::any_of(list.begin(), list.end(), [&](const std::string &u) {
        return use == u || use.find(u) != std::string::npos;
    });
}

} // namespace

std::string statusId(Status s)
{
    return s == Status::Fail ? "fail" : s == Status::Attention ? "attention" : "pass";
}
std::string statusZh(Status s)
{
    return s == Status::Fail ? "不符合" : s == Status::Attention ? "需关注" : "符合";
}

bool RuleSet::industryMatches(const std::string &industry, const std::vector<std::string> &list)
{
    if (industry.empty())
        return false;
    return std::any_of(list.begin(), list.end(), [&](const std::string &p) {
        return !p.empty() && industry.size() >= p.size() &&
               std::equal(p.begin(), p.end(), industry.begin(),
                          [](char a, char b) { return std::toupper(a) == std::toupper(b); });
    });
}

RuleSet RuleSet::builtin()
{
    return fromFile(":/planlines/check/sanxian_yidan.json");
}

RuleSet RuleSet::fromFile(const std::string &path)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly))
        throw Error("cannot read the rule file: " + f.errorString().toStdString(), path);
    RuleSet r = fromJson(f.readAll(), path);
    r.m_origin = path;
    return r;
}

RuleSet RuleSet::fromJson(const QByteArray &json, const std::string &context)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError)
        throw Error("not valid JSON at byte " + std::to_string(err.offset) + ": " +
                        err.errorString().toStdString(),
                    context);
    const QJsonObject root = doc.object();
    RuleSet set;
    set.m_origin = context;
    set.m_checksum =
        QCryptographicHash::hash(json, QCryptographicHash::Sha256).toHex().toStdString();
    set.m_version = str(root, "version");
    set.m_name = str(root, "name");
    if (set.m_version.empty())
        throw Error("the rule file has no \"version\"", context);
    for (const auto &v : root.value(QLatin1String("distance_targets")).toArray()) {
        const QJsonObject t = v.toObject();
        DistanceTargetSpec d{str(t, "key"), str(t, "role"), strings(t, "name_contains"),
                             t.value(QLatin1String("search_m")).toDouble(1000),
                             strings(t, "feature_name_contains")};
        if (d.key.empty() || !roleFromId(d.role))
            throw Error("a distance target needs a \"key\" and a known \"role\"", context);
        set.m_targets.push_back(std::move(d));
    }
    std::set<std::string> ids;
    for (const auto &v : root.value(QLatin1String("rules")).toArray()) {
        const QJsonObject r = v.toObject();
        const std::string id = str(r, "id");
        const std::string ctx = context + ", rule " + (id.empty() ? "(no id)" : id);
        if (id.empty() || !ids.insert(id).second)
            throw Error("every rule needs a unique \"id\"", ctx);
        const QJsonObject c = r.value(QLatin1String("condition")).toObject();
        const std::string type = str(c, "type");
        if (!kConditionTypes.count(type))
            throw Error("unknown condition type \"" + type + "\"", ctx);
        const std::string outcome = str(r, "outcome");
        if (outcome != "fail" && outcome != "attention")
            throw Error("outcome must be \"fail\" or \"attention\", not \"" + outcome + "\"", ctx);
        if (str(r, "text").empty())
            throw Error("the rule has no \"text\"", ctx);
        const std::string role = str(c, "role");
        if ((type == "overlap" || type == "outside" || type == "coverage_below") &&
            role != "cultivated" && !roleFromId(role))
            throw Error("unknown role \"" + role + "\"", ctx);
        if (c.contains(QLatin1String("outside_of"))) {
            const QJsonObject x = c.value(QLatin1String("outside_of")).toObject();
            ExclusionSpec e{id, role, str(x, "role"), strings(x, "name_contains")};
            if (type != "overlap" || !roleFromId(e.minusRole) || e.minusRole == "landuse")
                throw Error("\"outside_of\" needs an overlap condition and a role other than "
                            "landuse",
                            ctx);
            set.m_exclusions.push_back(std::move(e));
        }
        if (type == "distance_below") {
            const std::string target = str(c, "target");
            if (std::none_of(set.m_targets.begin(), set.m_targets.end(),
                             [&](const auto &t) { return t.key == target; }))
                throw Error("distance target \"" + target + "\" is not in distance_targets", ctx);
        }
        const QJsonObject when = r.value(QLatin1String("when")).toObject();
        Rule rule;
        rule.id = id;
        rule.title = str(r, "title");
        rule.heading = str(r, "heading");
        rule.source = str(r, "source");
        rule.appliesTo = str(r, "applies_to");
        rule.text = str(r, "text");
        rule.type = type;
        rule.role = role;
        rule.target = str(c, "target");
        rule.outcome = outcome == "fail" ? Status::Fail : Status::Attention;
        auto list = [&](const char *key, bool &has, std::vector<std::string> &out) {
            has = when.contains(QLatin1String(key));
            out = strings(when, key);
        };
        list("industry_in", rule.hasIndustryIn, rule.industryIn);
        list("industry_not_in", rule.hasIndustryNotIn, rule.industryNotIn);
        list("use_in", rule.hasUseIn, rule.useIn);
        list("use_not_in", rule.hasUseNotIn, rule.useNotIn);
        list("keywords_any", rule.hasKeywordsAny, rule.keywordsAny);
        list("keywords_none", rule.hasKeywordsNone, rule.keywordsNone);
        for (const auto &cls : c.value(QLatin1String("unit_class")).toArray())
            rule.unitClass.push_back(cls.toInt());
        rule.unitNameContains = strings(c, "unit_name_contains");
        rule.unitCodes = strings(c, "unit_codes");
        rule.minM2 = c.value(QLatin1String("min_m2")).toDouble(0);
        rule.toleranceShare = c.value(QLatin1String("tolerance_share")).toDouble(0.001);
        rule.minShare =
            c.value(QLatin1String("min_share")).toDouble(type == "not_inside_unit" ? 0.999 : 0.99);
        rule.meters = c.value(QLatin1String("meters")).toDouble();
        set.m_rules.push_back(std::move(rule));
    }
    if (set.m_rules.empty())
        throw Error("the rule file holds no rules", context);
    return set;
}

Status RuleSet::verdict(const std::vector<RuleResult> &results)
{
    Status worst = Status::Pass;
    for (const auto &r : results)
        worst = std::max(worst, r.status);
    return worst;
}

std::vector<RuleResult> RuleSet::evaluate(const Measurement &m, const SiteInputs &in) const
{
    std::vector<RuleResult> out;
    const double site = m.siteAreaM2;
    const std::string haystack = in.name + " " + in.use + " " + in.description;
    for (const Rule &r : m_rules) {
        RuleResult res;
        res.id = r.id;
        res.title = r.title;
        res.heading = r.heading;
        res.source = r.source;
        res.appliesTo = r.appliesTo;
        const std::string &type = r.type;
        const Status outcome = r.outcome;

        bool applies = true;
        if (r.hasIndustryIn)
            applies &= industryMatches(in.industry, r.industryIn);
        if (r.hasIndustryNotIn)
            applies &= !industryMatches(in.industry, r.industryNotIn);
        if (r.hasUseIn)
            applies &= useMatches(in.use, r.useIn);
        if (r.hasUseNotIn)
            applies &= !useMatches(in.use, r.useNotIn);
        if (r.hasKeywordsAny)
            applies &= containsAny(haystack, r.keywordsAny);
        if (r.hasKeywordsNone)
            applies &= !containsAny(haystack, r.keywordsNone);
        if (!applies) {
            res.applicable = false;
            res.text = "不适用：" + res.title;
            res.value = "不适用";
            out.push_back(std::move(res));
            continue;
        }

        bool tripped = false;
        bool missing = false;
        // The features that would cause a finding; copied into the result only if it trips.
        std::vector<const FeatureHit *> hits;
        auto allOf = [&hits](const std::vector<FeatureHit> &features) {
            hits.reserve(features.size());
            for (const auto &f : features)
                hits.push_back(&f);
        };
        std::string missingWhat;
        std::string text = r.text;
        const std::string &role = r.role;
        auto fillArea = [&](double a) {
            replaceAll(text, "{area_mu}", fixed(m2ToMu(a), 2));
            replaceAll(text, "{area_m2}", fixed(a, 2));
            replaceAll(text, "{area_ha}", fixed(m2ToHa(a), 4));
            replaceAll(text, "{share}", percent(site > 0 ? a / site : 0));
        };
        if (type == "overlap") {
            const RoleOverlap &o = m.overlap(role == "cultivated" ? "cultivated" : role);
            missing = !o.layerPresent;
            missingWhat = role == "cultivated" ? "landuse" : role;
            const std::vector<int> &classes = r.unitClass;
            double a = o.areaM2;
            if (auto it = m.outsideOf.find(res.id); it != m.outsideOf.end()) {
                a = it->second;
                allOf(o.features);
                const double inside = std::max(0.0, o.areaM2 - a);
                replaceAll(text, "{excluded_mu}", fixed(m2ToMu(inside), 2));
                replaceAll(text, "{total_mu}", fixed(m2ToMu(o.areaM2), 2));
            } else if (!classes.empty()) {
                a = 0;
                for (const auto &f : o.features)
                    if (std::find(classes.begin(), classes.end(), f.unitClass) != classes.end()) {
                        hits.push_back(&f);
                        a += f.areaM2;
                    }
                a = std::min(a, site);
            } else {
                allOf(o.features);
            }
            // What the report shows as 0.00 m² is no overlap (noding noise on shared edges).
            tripped = a > std::max(r.minM2, kZeroAreaM2);
            res.valueNumber = a;
            res.value = areaText(a) + "，占选址面积 " + percent(site > 0 ? a / site : 0);
            if (m.outsideOf.count(res.id))
                res.value = "排除区域外 " + res.value + "；共 " + areaText(o.areaM2);
            fillArea(a);
        } else if (type == "outside" || type == "coverage_below") {
            const RoleOverlap &o = m.overlap(role);
            missing = !o.layerPresent;
            missingWhat = role;
            const double inside = o.areaM2;
            const double outside = std::max(0.0, site - inside);
            if (type == "outside") {
                const double share = site > 0 ? outside / site : 0;
                tripped = share > r.toleranceShare;
                res.valueNumber = outside;
                res.value = "边界外 " + areaText(outside) + "，占选址面积 " + percent(share);
                allOf(o.features);
                replaceAll(text, "{outside_m2}", fixed(outside, 2));
                replaceAll(text, "{outside_mu}", fixed(m2ToMu(outside), 2));
                replaceAll(text, "{outside_share}", percent(share));
            } else {
                const double share = site > 0 ? inside / site : 0;
                tripped = share < r.minShare;
                res.valueNumber = share;
                res.value = "覆盖 " + percent(share);
            }
            fillArea(inside);
        } else if (type == "not_inside_unit") {
            const RoleOverlap &o = m.overlap("control_unit");
            missing = !o.layerPresent;
            missingWhat = "control_unit";
            const auto &names = r.unitNameContains;
            const auto &codes = r.unitCodes;
            double inside = 0;
            std::string units;
            for (const auto &f : o.features) {
                const bool named = containsAny(f.name, names) ||
                                   std::find(codes.begin(), codes.end(), f.code) != codes.end();
                if (named)
                    inside += f.areaM2;
                hits.push_back(&f);
                units += (units.empty() ? "" : "、") + f.name + " " + percent(f.areaM2 / site);
            }
            const double share = site > 0 ? std::min(1.0, inside / site) : 0;
            tripped = share < r.minShare;
            res.valueNumber = share;
            res.value = "位于指定单元内 " + percent(share);
            replaceAll(text, "{inside_share}", percent(share));
            replaceAll(text, "{units}", units.empty() ? "未落入任何管控单元" : units);
        } else if (type == "distance_below") {
            const std::string &target = r.target;
            const double limit = r.meters;
            const DistanceMeasure *d = nullptr;
            for (const auto &x : m.distances)
                if (x.target == target)
                    d = &x;
            missing = !d || d->layer.empty();
            missingWhat = target;
            if (d && !d->layer.empty()) {
                tripped = d->meters < limit;
                res.valueNumber = d->meters;
                // A target of some features (the water source zones) is named by them.
                const std::string &what = d->named.empty() ? d->layer : d->named;
                res.value = std::isfinite(d->meters)
                                ? "距" + what + " " + fixed(d->meters, 1) + " 米"
                                : "距" + what + "超过 " + fixed(d->searchMeters, 0) + " 米";
                replaceAll(text, "{distance_m}", fixed(d->meters, 1));
            }
        } else if (type == "always") {
            tripped = true;
            res.value = "适用";
        }
        replaceAll(text, "{features}", featuresText(hits));
        if (missing) {
            res.status = Status::Attention;
            res.text = "无法检查“" + res.title + "”：项目中没有所需图层（" + missingWhat + "）";
            res.value = "缺少图层";
        } else if (tripped) {
            res.status = outcome;
            res.text = text;
        } else {
            res.status = Status::Pass;
            res.text = "符合：" + res.title;
        }
        // Only what caused a finding is listed with it.
        if (tripped && !missing) {
            res.features.reserve(hits.size());
            for (const FeatureHit *f : hits)
                res.features.push_back(*f);
        }
        out.push_back(std::move(res));
    }
    return out;
}

} // namespace planlines::geodata::check
