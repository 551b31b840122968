#include "checkformat.h"

#include <layers/checkwording.h>

#include <QJsonArray>
#include <QJsonDocument>
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
        out += (layers::isOverlapNote(v.toString()) ? QStringLiteral("  注意: %1\n")
                                                    : QStringLiteral("  修复: %1\n"))
                   .arg(layers::checkRepairText(v.toString()));
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

QString checkLine(const geodata::check::CheckResult &r)
{
    using namespace geodata::check;
    if (!r.ok())
        return QStringLiteral("[无法检查] %1: %2\n")
            .arg(QString::fromStdString(r.inputs.name), QString::fromStdString(r.error));
    QStringList notPassed;
    for (const auto &rule : r.rules)
        if (rule.status != Status::Pass)
            notPassed << QString::fromStdString(rule.id);
    return QStringLiteral("[%1] %2 亩  %3  %4%5\n")
        .arg(QString::fromStdString(statusZh(r.verdict)),
             num(r.measurement.siteAreaM2 / (2000.0 / 3.0), 2),
             QString::fromStdString(r.inputs.name), notPassed.join(QLatin1Char(' ')),
             r.recordId ? QStringLiteral("  (记录 #%1)").arg(r.recordId) : QString());
}

QJsonObject checkSummary(const std::vector<geodata::check::CheckResult> &results)
{
    using namespace geodata::check;
    int pass = 0, attention = 0, failed = 0, errors = 0;
    QJsonObject byRule;
    for (const auto &r : results) {
        if (!r.ok()) {
            ++errors;
            continue;
        }
        pass += r.verdict == Status::Pass;
        attention += r.verdict == Status::Attention;
        failed += r.verdict == Status::Fail;
        for (const auto &rule : r.rules)
            if (rule.status != Status::Pass) {
                const QString id = QString::fromStdString(rule.id);
                byRule.insert(id, byRule.value(id).toInt() + 1);
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

QByteArray checkCsv(const std::vector<geodata::check::CheckResult> &results)
{
    using namespace geodata::check;
    QStringList lines;
    lines << QStringLiteral("site,industry,use,verdict,area_m2,area_mu,basic_farmland_m2,"
                            "eco_redline_m2,urban_boundary_m2,corridor_m2,cultivated_m2,"
                            "cultivated_mu,rules_not_passed,record_id,error");
    auto q = [](const std::string &s) { return csvCell(QString::fromStdString(s)); };
    for (const auto &r : results) {
        const Measurement &m = r.measurement;
        QStringList failed;
        for (const auto &rule : r.rules)
            if (rule.status != Status::Pass)
                failed << QString::fromStdString(rule.id);
        QStringList cells{q(r.inputs.name),
                          q(r.inputs.industry),
                          q(r.inputs.use),
                          r.ok() ? QString::fromStdString(statusId(r.verdict))
                                 : QStringLiteral("error"),
                          num(m.siteAreaM2, 2),
                          num(m.siteAreaM2 / (2000.0 / 3.0), 4)};
        for (const char *role :
             {"basic_farmland", "eco_redline", "urban_boundary", "corridor", "cultivated"})
            cells << num(m.overlap(role).areaM2, 2);
        cells << num(m.overlap("cultivated").areaM2 / (2000.0 / 3.0), 4);
        cells << csvCell(failed.join(QLatin1Char(' ')));
        cells << (r.recordId ? QString::number(r.recordId) : QString());
        cells << q(r.error);
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

bool writeBatchJson(std::FILE *out, const std::vector<geodata::check::CheckResult> &results,
                    const QJsonObject &provenance, const QJsonObject &summary,
                    const QJsonArray &rejected)
{
    std::string buffer;
    buffer.reserve(1 << 20);
    bool ok = true;
    const auto flush = [&] {
        ok = ok && std::fwrite(buffer.data(), 1, buffer.size(), out) == buffer.size();
        buffer.clear();
    };
    buffer += "{\"results\": [";
    for (std::size_t i = 0; i < results.size() && ok; ++i) {
        const geodata::check::CheckResult &r = results[i];
        std::string text =
            !r.jsonText.empty() ? r.jsonText
            : !r.packedJson.empty()
                ? geodata::check::CheckRecords::unpack(r.packedJson)
                : QJsonDocument(r.toJson(provenance)).toJson(QJsonDocument::Compact).toStdString();
        buffer += i ? ",\n" : "\n";
        if (r.recordId && text.size() >= 2 && text.front() == '{') {
            buffer += "{\"record_id\": ";
            buffer += std::to_string(r.recordId);
            if (text.size() > 2)
                buffer += ", ";
            buffer.append(text, 1);
        } else {
            buffer += text;
        }
        if (buffer.size() > (1 << 20))
            flush();
    }
    buffer += "\n], \"summary\": ";
    buffer += QJsonDocument(summary).toJson(QJsonDocument::Compact).toStdString();
    buffer += ", \"rejected\": ";
    buffer += QJsonDocument(rejected).toJson(QJsonDocument::Compact).toStdString();
    buffer += "}\n";
    flush();
    return ok && std::fflush(out) == 0;
}

} // namespace planlines::cli
