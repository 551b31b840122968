#include "checkformat.h"

#include <QJsonArray>
#include <QStringList>

namespace planlines::cli {

namespace {

QString num(double v, int decimals)
{
    return QString::number(v, 'f', decimals);
}

QString areaCells(const QJsonObject &o)
{
    return QStringLiteral("%1 m²  %2 亩  %3 公顷")
        .arg(num(o.value("area_m2").toDouble(), 2), num(o.value("area_mu").toDouble(), 2),
             num(o.value("area_ha").toDouble(), 4));
}

QString csvCell(QString s)
{
    if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) ||
        s.contains(QLatin1Char('\n')))
        s = QLatin1Char('"') + s.replace(QLatin1String("\""), QLatin1String("\"\"")) +
            QLatin1Char('"');
    return s;
}

double roleArea(const QJsonObject &result, const QString &role)
{
    for (const auto &v : result.value("overlaps").toArray())
        if (v.toObject().value("role").toString() == role)
            return v.toObject().value("area_m2").toDouble();
    return 0;
}

} // namespace

QString checkText(const QJsonObject &r)
{
    QString out;
    const QJsonObject site = r.value("site").toObject();
    out += QStringLiteral("选址 %1").arg(site.value("name").toString());
    if (r.contains("record_id"))
        out += QStringLiteral("  (记录 #%1)").arg(r.value("record_id").toInteger());
    out += QLatin1Char('\n');
    if (site.contains("error")) {
        out += QStringLiteral("  无法检查: %1\n").arg(site.value("error").toString());
        return out;
    }
    out += QStringLiteral("  行业 %1  规划用途 %2\n")
               .arg(site.value("industry").toString(), site.value("use").toString());
    out += QStringLiteral("  面积 %1\n").arg(areaCells(site));
    for (const auto &v : site.value("repairs").toArray())
        out += QStringLiteral("  修复: %1\n").arg(v.toString());
    out += QStringLiteral("  结论: %1 (%2)\n")
               .arg(r.value("verdict_zh").toString(), r.value("verdict").toString());
    out += QStringLiteral("  控制线占用:\n");
    for (const auto &v : r.value("overlaps").toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value("role").toString() == QLatin1String("landuse"))
            continue;
        out += QStringLiteral("    %1 %2  占 %3%\n")
                   .arg(o.value("role_zh").toString().leftJustified(8), areaCells(o),
                        num(o.value("share").toDouble() * 100, 1));
    }
    out += QStringLiteral("  地类:\n");
    for (const auto &v : r.value("landuse").toArray()) {
        const QJsonObject o = v.toObject();
        out += QStringLiteral("    %1 %2 %3\n")
                   .arg(o.value("dlbm").toString().leftJustified(6),
                        o.value("dlmc").toString().leftJustified(8), areaCells(o));
    }
    for (const auto &v : r.value("control_units").toArray()) {
        const QJsonObject o = v.toObject();
        out += QStringLiteral("  管控单元: %1 %2 (%3) %4 亩\n")
                   .arg(o.value("code").toString(), o.value("name").toString(),
                        o.value("class_name").toString(), num(o.value("area_mu").toDouble(), 2));
    }
    out += QStringLiteral("  规则:\n");
    for (const auto &v : r.value("rules").toArray()) {
        const QJsonObject o = v.toObject();
        if (!o.value("applicable").toBool())
            continue;
        out += QStringLiteral("    [%1] %2: %3\n")
                   .arg(o.value("status_zh").toString(), o.value("id").toString(),
                        o.value("text").toString());
    }
    return out;
}

QJsonObject checkSummary(const std::vector<QJsonObject> &results)
{
    int pass = 0, attention = 0, failed = 0, errors = 0;
    QJsonObject byRule;
    for (const auto &r : results) {
        const QString v = r.value("verdict").toString();
        pass += v == QLatin1String("pass");
        attention += v == QLatin1String("attention");
        failed += v == QLatin1String("fail");
        errors += v == QLatin1String("error");
        for (const auto &rv : r.value("rules").toArray()) {
            const QJsonObject o = rv.toObject();
            if (o.value("status").toString() != QLatin1String("pass"))
                byRule.insert(o.value("id").toString(),
                              byRule.value(o.value("id").toString()).toInt() + 1);
        }
    }
    return {{"sites", static_cast<int>(results.size())},
            {"pass", pass},
            {"attention", attention},
            {"fail", failed},
            {"error", errors},
            {"rules_not_passed", byRule}};
}

QString checkSummaryText(const QJsonObject &s)
{
    return QStringLiteral("共 %1 个选址: 符合 %2, 需关注 %3, 不符合 %4, 无法检查 %5\n")
        .arg(s.value("sites").toInt())
        .arg(s.value("pass").toInt())
        .arg(s.value("attention").toInt())
        .arg(s.value("fail").toInt())
        .arg(s.value("error").toInt());
}

QByteArray checkCsv(const std::vector<QJsonObject> &results)
{
    QStringList lines;
    lines << QStringLiteral("site,industry,use,verdict,area_m2,area_mu,basic_farmland_m2,"
                            "eco_redline_m2,urban_boundary_m2,corridor_m2,cultivated_m2,"
                            "cultivated_mu,rules_not_passed,record_id,error");
    for (const auto &r : results) {
        const QJsonObject site = r.value("site").toObject();
        QStringList failed;
        for (const auto &rv : r.value("rules").toArray())
            if (rv.toObject().value("status").toString() != QLatin1String("pass"))
                failed << rv.toObject().value("id").toString();
        QStringList cells{
            csvCell(site.value("name").toString()),   csvCell(site.value("industry").toString()),
            csvCell(site.value("use").toString()),    r.value("verdict").toString(),
            num(site.value("area_m2").toDouble(), 2), num(site.value("area_mu").toDouble(), 4)};
        for (const char *role :
             {"basic_farmland", "eco_redline", "urban_boundary", "corridor", "cultivated"})
            cells << num(roleArea(r, QString::fromLatin1(role)), 2);
        cells << num(roleArea(r, QStringLiteral("cultivated")) / (2000.0 / 3.0), 4);
        cells << csvCell(failed.join(QLatin1Char(' ')));
        cells << (r.contains("record_id") ? QString::number(r.value("record_id").toInteger())
                                          : QString());
        cells << csvCell(site.value("error").toString());
        lines << cells.join(QLatin1Char(','));
    }
    return QByteArray("\xEF\xBB\xBF") + lines.join(QLatin1String("\r\n")).toUtf8() + "\r\n";
}

QString recordListText(const std::vector<geodata::check::CheckRecord> &records)
{
    QString out =
        QStringLiteral("  id  时间                  人员        结论       规则版本       选址\n");
    for (const auto &r : records)
        out += QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                   .arg(QString::number(r.id).rightJustified(4),
                        QString::fromStdString(r.createdAt).leftJustified(20),
                        QString::fromStdString(r.createdBy).leftJustified(10),
                        QString::fromStdString(r.verdict).leftJustified(9),
                        QString::fromStdString(r.rulesVersion).leftJustified(13),
                        QString::fromStdString(r.siteName));
    return out;
}

} // namespace planlines::cli
