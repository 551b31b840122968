#include "checkrows.h"

#include <geodata/area.h>
#include <geodata/check/ruleset.h>
#include <layers/checkwording.h>

#include <QJsonArray>

namespace planlines::qml {

namespace {

QString m2Text(double v)
{
    return QString::number(v, 'f', 2);
}
QString muText(double v)
{
    return QString::number(v, 'f', 2);
}
QString haText(double v)
{
    return QString::number(v, 'f', 4);
}
QString shareText(double share)
{
    return QString::number(share * 100.0, 'f', 2) + QStringLiteral(" %");
}

// "HX-1 测试湿地、JBNT-1 水田 等 5 个": the first three features, code and name.
QString featuresText(const QJsonArray &features)
{
    QStringList names;
    for (const QJsonValue &v : features) {
        if (names.size() == 3)
            break;
        const QJsonObject f = v.toObject();
        const QString code = f.value(QLatin1String("code")).toString();
        const QString name = f.value(QLatin1String("name")).toString();
        QString label = (code + u' ' + name).trimmed();
        if (label.isEmpty())
            label = f.value(QLatin1String("layer")).toString() + QStringLiteral(" #") +
                    QString::number(f.value(QLatin1String("fid")).toInteger());
        names << label;
    }
    QString text = names.join(QStringLiteral("、"));
    if (features.size() > names.size())
        text += CheckRows::tr(" 等 %1 个").arg(features.size());
    return text;
}

// The words of layers/checkwording fit inside a sentence ("permanent basic farmland"); a row's
// label and a heading begin with a capital.
QString capitalised(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

QVariantList featureIds(const QJsonArray &features)
{
    QVariantList out;
    for (const QJsonValue &v : features) {
        const QJsonObject f = v.toObject();
        out << QVariantMap{{QStringLiteral("layer"), f.value(QLatin1String("layer")).toString()},
                           {QStringLiteral("fid"), f.value(QLatin1String("fid")).toInteger()}};
    }
    return out;
}

} // namespace

QString CheckRows::statusText(const QString &status)
{
    if (status == QLatin1String("fail"))
        return tr("不符合");
    if (status == QLatin1String("attention"))
        return tr("需关注");
    if (status == QLatin1String("pass"))
        return tr("符合");
    return tr("无法检查");
}

QColor CheckRows::statusColor(const QString &status)
{
    // As in the printed report (layers/report/).
    if (status == QLatin1String("fail"))
        return QColor(0xc0, 0x39, 0x2b);
    if (status == QLatin1String("attention"))
        return QColor(0xd6, 0x89, 0x10);
    if (status == QLatin1String("pass"))
        return QColor(0x1e, 0x84, 0x49);
    return QColor(0x7f, 0x8c, 0x8d);
}

QString CheckRows::areaText(double areaM2)
{
    return tr("%1 m² · %2 亩 · %3 公顷")
        .arg(m2Text(areaM2), muText(geodata::m2ToMu(areaM2)), haText(geodata::m2ToHa(areaM2)));
}

QString CheckRows::sourceText(const QString &source)
{
    return layers::featureSourceText(source);
}

QVariantList CheckRows::overlaps(const QJsonObject &result)
{
    QVariantList out;
    for (const QJsonValue &v : result.value(QLatin1String("overlaps")).toArray()) {
        const QJsonObject o = v.toObject();
        const QJsonArray features = o.value(QLatin1String("features")).toArray();
        const bool present = o.value(QLatin1String("layer_present")).toBool();
        out << QVariantMap{
            {QStringLiteral("role"), o.value(QLatin1String("role")).toString()},
            {QStringLiteral("label"),
             capitalised(layers::overlapRoleText(o.value(QLatin1String("role")).toString()))},
            {QStringLiteral("areaM2"), o.value(QLatin1String("area_m2")).toDouble()},
            {QStringLiteral("m2"), m2Text(o.value(QLatin1String("area_m2")).toDouble())},
            {QStringLiteral("mu"), muText(o.value(QLatin1String("area_mu")).toDouble())},
            {QStringLiteral("ha"), haText(o.value(QLatin1String("area_ha")).toDouble())},
            {QStringLiteral("share"), shareText(o.value(QLatin1String("share")).toDouble())},
            {QStringLiteral("layerPresent"), present},
            {QStringLiteral("featureCount"), features.size()},
            {QStringLiteral("featuresText"),
             present ? featuresText(features) : tr("项目中没有此图层")}};
    }
    return out;
}

QVariantList CheckRows::landuse(const QJsonObject &result)
{
    QVariantList out;
    for (const QJsonValue &v : result.value(QLatin1String("landuse")).toArray()) {
        const QJsonObject o = v.toObject();
        out << QVariantMap{
            {QStringLiteral("dlbm"), o.value(QLatin1String("dlbm")).toString()},
            {QStringLiteral("dlmc"), o.value(QLatin1String("dlmc")).toString()},
            {QStringLiteral("m2"), m2Text(o.value(QLatin1String("area_m2")).toDouble())},
            {QStringLiteral("mu"), muText(o.value(QLatin1String("area_mu")).toDouble())},
            {QStringLiteral("ha"), haText(o.value(QLatin1String("area_ha")).toDouble())},
            {QStringLiteral("share"), shareText(o.value(QLatin1String("share")).toDouble())},
            {QStringLiteral("parcels"), o.value(QLatin1String("parcels")).toInt()},
            {QStringLiteral("cultivated"), o.value(QLatin1String("cultivated")).toBool()}};
    }
    return out;
}

QVariantList CheckRows::controlUnits(const QJsonObject &result)
{
    QVariantList out;
    for (const QJsonValue &v : result.value(QLatin1String("control_units")).toArray()) {
        const QJsonObject o = v.toObject();
        QStringList list;
        const QJsonObject entries = o.value(QLatin1String("list")).toObject();
        for (auto it = entries.begin(); it != entries.end(); ++it)
            if (!it.value().toString().isEmpty())
                list << it.value().toString();
        out << QVariantMap{
            {QStringLiteral("code"), o.value(QLatin1String("code")).toString()},
            {QStringLiteral("name"), o.value(QLatin1String("name")).toString()},
            {QStringLiteral("className"), o.value(QLatin1String("class_name")).toString()},
            {QStringLiteral("share"), shareText(o.value(QLatin1String("share")).toDouble())},
            {QStringLiteral("listText"), list.join(u'\n')}};
    }
    return out;
}

bool CheckRows::builtinRules(const QJsonObject &result)
{
    // The checksum of the rules' text: a county's copy, edited in any way, is not the built-in.
    static const QString builtin =
        QString::fromStdString(geodata::check::RuleSet::builtin().checksum());
    return result.value(QLatin1String("rules_checksum")).toString() == builtin;
}

QVariantList CheckRows::rules(const QJsonObject &result)
{
    const bool builtin = builtinRules(result);
    const auto words = [builtin](const QJsonValue &v) {
        return builtin ? capitalised(layers::builtinRuleText(v.toString())) : v.toString();
    };
    QVariantList out;
    for (const QJsonValue &v : result.value(QLatin1String("rules")).toArray()) {
        const QJsonObject o = v.toObject();
        const bool applicable = o.value(QLatin1String("applicable")).toBool(true);
        const QString status = o.value(QLatin1String("status")).toString();
        out << QVariantMap{
            {QStringLiteral("id"), o.value(QLatin1String("id")).toString()},
            {QStringLiteral("title"), words(o.value(QLatin1String("title")))},
            {QStringLiteral("status"), status},
            {QStringLiteral("statusText"), applicable ? statusText(status) : tr("不适用")},
            {QStringLiteral("color"), applicable ? statusColor(status) : QColor(0x9e, 0x9e, 0x9e)},
            {QStringLiteral("applicable"), applicable},
            {QStringLiteral("value"), o.value(QLatin1String("value")).toString()},
            {QStringLiteral("text"), o.value(QLatin1String("text")).toString()},
            {QStringLiteral("heading"), words(o.value(QLatin1String("heading")))},
            {QStringLiteral("source"), o.value(QLatin1String("source")).toString()},
            {QStringLiteral("featureCount"), o.value(QLatin1String("features")).toArray().size()}};
    }
    return out;
}

QVariantList CheckRows::ruleFeatures(const QJsonObject &result, int index)
{
    const QJsonArray rules = result.value(QLatin1String("rules")).toArray();
    if (index < 0 || index >= rules.size())
        return {};
    return featureIds(rules.at(index).toObject().value(QLatin1String("features")).toArray());
}

QVariantList CheckRows::overlapFeatures(const QJsonObject &result, int index)
{
    const QJsonArray overlaps = result.value(QLatin1String("overlaps")).toArray();
    if (index < 0 || index >= overlaps.size())
        return {};
    return featureIds(overlaps.at(index).toObject().value(QLatin1String("features")).toArray());
}

} // namespace planlines::qml
