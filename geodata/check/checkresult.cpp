#include "checkresult.h"

#include "checkrecords.h"

#include "../area.h"
#include "../role.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace planlines::geodata::check {

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

double round6(double v)
{
    return std::round(v * 1e6) / 1e6;
}

QJsonObject areaJson(double m2)
{
    return {
        {"area_m2", round2(m2)}, {"area_mu", round6(m2ToMu(m2))}, {"area_ha", round6(m2ToHa(m2))}};
}

QJsonObject featureJson(const FeatureHit &f, double siteM2)
{
    QJsonObject o = areaJson(f.areaM2);
    o.insert("layer", q(f.layer));
    o.insert("fid", static_cast<qint64>(f.fid));
    o.insert("code", q(f.code));
    o.insert("name", q(f.name));
    o.insert("share", round6(siteM2 > 0 ? f.areaM2 / siteM2 : 0));
    if (f.unitClass)
        o.insert("class", f.unitClass);
    return o;
}

// A rule's feature: which one (its areas are in the overlaps, control units or distances).
QJsonObject featureRefJson(const FeatureHit &f)
{
    return {{"layer", q(f.layer)},
            {"fid", static_cast<qint64>(f.fid)},
            {"code", q(f.code)},
            {"name", q(f.name)}};
}

QString roleLabel(const std::string &role)
{
    if (role == "cultivated")
        return QStringLiteral("耕地");
    if (auto r = roleFromId(role))
        return QString::fromUtf8(roleLabelZh(*r).data(), qsizetype(roleLabelZh(*r).size()));
    return q(role);
}

QString unitClassName(int c)
{
    return c == 1   ? QStringLiteral("优先保护单元")
           : c == 2 ? QStringLiteral("重点管控单元")
           : c == 3 ? QStringLiteral("一般管控单元")
                    : QString();
}

} // namespace

double round2(double v)
{
    return std::round(v * 100.0) / 100.0;
}

void CheckResult::dropDetail()
{
    for (auto &[role, o] : measurement.overlaps)
        std::vector<FeatureHit>().swap(o.features);
    for (auto &r : rules) {
        std::vector<FeatureHit>().swap(r.features);
        for (std::string *text : {&r.title, &r.heading, &r.source, &r.appliesTo, &r.text, &r.value})
            std::string().swap(*text);
    }
    std::vector<LanduseRow>().swap(measurement.landuse);
    std::vector<LanduseDetailRow>().swap(measurement.landuseDetail);
    std::vector<FeatureHit>().swap(measurement.townships);
    measurement.farmland = {};
    if (!packedJson.empty())
        std::string().swap(jsonText);
}

QJsonObject CheckResult::jsonObject(const QJsonObject &provenance) const
{
    if (jsonText.empty() && packedJson.empty())
        return toJson(provenance);
    const QByteArray text =
        QByteArray::fromStdString(!jsonText.empty() ? jsonText : CheckRecords::unpack(packedJson));
    // Qt gives an empty object for text it cannot parse (text that is not UTF-8 among it): a
    // result that reads as nothing is an error, never an empty document.
    QJsonParseError e{};
    const QJsonDocument doc = QJsonDocument::fromJson(text, &e);
    if (e.error != QJsonParseError::NoError || !doc.isObject())
        throw Error("the check result cannot be read as JSON (" + e.errorString().toStdString() +
                        " at byte offset " + std::to_string(e.offset) + ")",
                    "site " + QString::fromStdString(inputs.name).toStdString());
    return doc.object();
}

QJsonObject CheckResult::toJson(const QJsonObject &provenance) const
{
    QJsonObject o = provenance;
    const Measurement &m = measurement;
    const double site = m.siteAreaM2;
    QJsonObject s = areaJson(site);
    s.insert("name", q(inputs.name));
    s.insert("industry", q(inputs.industry));
    s.insert("use", q(inputs.use));
    s.insert("source", q(inputs.source));
    s.insert("code", q(inputs.code));
    s.insert("applicant", q(inputs.applicant));
    s.insert("industry_name", q(inputs.industryName));
    if (!error.empty()) {
        s.insert("error", q(error));
        o.insert("site", s);
        o.insert("verdict", QStringLiteral("error"));
        return o;
    }
    const Envelope e = m.site.envelope();
    s.insert("envelope",
             QJsonArray{round2(e.minX), round2(e.minY), round2(e.maxX), round2(e.maxY)});
    QJsonArray repairs;
    for (const auto &r : m.repairs)
        repairs.append(q(r));
    s.insert("repairs", repairs);
    o.insert("site", s);
    o.insert("verdict", q(statusId(verdict)));
    o.insert("verdict_zh", q(statusZh(verdict)));

    QJsonArray overlaps;
    for (const char *role : kOverlapRoles) {
        const RoleOverlap &r = m.overlap(role);
        QJsonObject j = areaJson(r.areaM2);
        j.insert("role", q(role));
        j.insert("role_zh", roleLabel(role));
        j.insert("share", round6(site > 0 ? r.areaM2 / site : 0));
        j.insert("remainder_m2", round2(site - r.areaM2));
        j.insert("layer_present", r.layerPresent);
        QJsonArray features;
        if (std::string(role) != "landuse")
            for (const auto &f : r.features)
                features.append(featureJson(f, site));
        j.insert("features", features);
        overlaps.append(j);
    }
    o.insert("overlaps", overlaps);

    const RoleOverlap &urban = m.overlap("urban_boundary");
    QJsonObject u{{"inside", urban.layerPresent && site - urban.areaM2 <= 0.001 * site},
                  {"inside_m2", round2(urban.areaM2)},
                  {"outside_m2", round2(std::max(0.0, site - urban.areaM2))},
                  {"layer_present", urban.layerPresent}};
    QJsonArray zones;
    for (const auto &f : urban.features)
        zones.append(featureJson(f, site));
    u.insert("zones", zones);
    o.insert("urban_boundary", u);

    QJsonArray landuse;
    for (const auto &row : m.landuse) {
        QJsonObject j = areaJson(row.areaM2);
        j.insert("dlbm", q(row.dlbm));
        j.insert("dlmc", q(row.dlmc));
        j.insert("parcels", row.parcels);
        j.insert("cultivated", row.dlbm.rfind("01", 0) == 0);
        j.insert("share", round6(site > 0 ? row.areaM2 / site : 0));
        landuse.append(j);
    }
    o.insert("landuse", landuse);

    QJsonArray detail;
    for (const auto &row : m.landuseDetail) {
        QJsonObject j{{"area_m2", round2(row.areaM2)}, {"dlbm", q(row.dlbm)},
                      {"dlmc", q(row.dlmc)},           {"gddb", q(row.gddb)},
                      {"parcels", row.parcels},        {"qsxz", q(row.qsxz)},
                      {"zldwmc", q(row.zldwmc)}};
        if (row.deductedM2 >= 0)
            j.insert("deducted_m2", round2(row.deductedM2));
        detail.append(j);
    }
    o.insert("landuse_detail", detail);

    const FarmlandSummary &fs = m.farmland;
    QJsonArray grades;
    for (const auto &[grade, m2] : fs.byGrade)
        grades.append(QJsonObject{{"gddb", q(grade)}, {"area_m2", round2(m2)}});
    QJsonObject farm{{"cultivated_m2", round2(fs.cultivatedM2)},
                     {"paddy_m2", round2(fs.paddyM2)},
                     {"parcels", fs.parcels},
                     {"by_grade", grades}};
    if (fs.deductedM2 >= 0)
        farm.insert("deducted_m2", round2(fs.deductedM2));
    o.insert("farmland", farm);

    QJsonArray townships, villages;
    for (const auto &f : m.townships)
        townships.append(QJsonObject{{"area_m2", round2(f.areaM2)},
                                     {"code", q(f.code)},
                                     {"fid", static_cast<qint64>(f.fid)},
                                     {"layer", q(f.layer)},
                                     {"name", q(f.name)}});
    for (const auto &[name, m2] : m.villages())
        villages.append(QJsonObject{{"area_m2", round2(m2)}, {"name", q(name)}});
    o.insert("location", QJsonObject{{"townships", townships}, {"villages", villages}});
    QJsonArray ownership;
    for (const auto &[code, m2] : m.ownership())
        ownership.append(QJsonObject{{"area_m2", round2(m2)}, {"qsxz", q(code)}});
    o.insert("ownership", ownership);

    QJsonArray units;
    for (const auto &f : m.overlap("control_unit").features) {
        QJsonObject j = featureJson(f, site);
        j.insert("class_name", unitClassName(f.unitClass));
        QJsonObject list;
        for (const auto &[field, text] : f.listEntries)
            list.insert(q(field), q(text));
        j.insert("list", list);
        units.append(j);
    }
    o.insert("control_units", units);

    QJsonArray distances;
    for (const auto &d : m.distances)
        distances.append(QJsonObject{
            {"target", q(d.target)},
            {"layer", q(d.layer)},
            {"meters", std::isfinite(d.meters) ? QJsonValue(round2(d.meters)) : QJsonValue()},
            {"search_m", d.searchMeters},
            {"feature", q(d.featureName)}});
    o.insert("distances", distances);

    QJsonArray ruleArray;
    for (const auto &r : rules) {
        QJsonObject j{{"id", q(r.id)},
                      {"title", q(r.title)},
                      {"status", q(statusId(r.status))},
                      {"status_zh", q(statusZh(r.status))},
                      {"applicable", r.applicable},
                      {"text", q(r.text)},
                      {"value", q(r.value)}};
        if (r.applicable) {
            // What a rule that did not apply would repeat for every site is left out.
            QJsonArray features;
            for (const auto &f : r.features)
                features.append(featureRefJson(f));
            j.insert("value_number", std::isfinite(r.valueNumber)
                                         ? QJsonValue(round6(r.valueNumber))
                                         : QJsonValue());
            j.insert("heading", q(r.heading));
            j.insert("applies_to", q(r.appliesTo));
            j.insert("source", q(r.source));
            j.insert("features", features);
        }
        ruleArray.append(j);
    }
    o.insert("rules", ruleArray);
    return o;
}

} // namespace planlines::geodata::check
