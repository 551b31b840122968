// What the check panel shows of one check result (the JSON of CheckResult::toJson plus its
// record id, as `planlines check --json` prints it): the verdict in words and colour, the site's
// area in m², 亩 and 公顷, and the rows of the overlap, 地类, control-unit and rule tables, each
// row a QVariantMap for QML with its numbers already written as staff read them.
#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QJsonObject>
#include <QVariantList>

namespace planlines::qml {

class CheckRows
{
    Q_DECLARE_TR_FUNCTIONS(CheckRows)

public:
    // fail, attention, pass → 不符合, 需关注, 符合 (in the UI language); error → 无法检查.
    static QString statusText(const QString &status);
    static QColor statusColor(const QString &status);
    // "12 345.67 m² · 18.52 亩 · 1.23 公顷"
    static QString areaText(double areaM2);
    // Where a site came from, as geodata words it ("layer 项目选址, feature 4", "F.txt, line 3:
    // 地块1", "F.shp, layer L, feature 2"), in the UI language; other text as it is.
    static QString sourceText(const QString &source);

    // {role, label, areaM2, m2, mu, ha, share, layerPresent, featureCount, featuresText}: one
    // per overlap role of the result (永久基本农田 … 地类图斑), figures as text.
    static QVariantList overlaps(const QJsonObject &result);
    // {dlbm, dlmc, m2, mu, ha, share, parcels, cultivated}
    static QVariantList landuse(const QJsonObject &result);
    // {code, name, className, listText}
    static QVariantList controlUnits(const QJsonObject &result);
    // Whether the result was checked with the rules shipped with the program (their checksum):
    // their titles and headings are then shown in the UI's language.
    static bool builtinRules(const QJsonObject &result);
    // {id, title, status, statusText, color, applicable, value, text, heading, source,
    //  featureCount}: every rule of the set, in the rule file's order.
    static QVariantList rules(const QJsonObject &result);
    // The features a rule (by index in rules) or an overlap row (by index in overlaps) names:
    // [{layer, fid}] with the layer's registry name.
    static QVariantList ruleFeatures(const QJsonObject &result, int index);
    static QVariantList overlapFeatures(const QJsonObject &result, int index);
};

} // namespace planlines::qml
