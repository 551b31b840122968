#include "checktable.h"

#include <QJsonArray>
#include <QJsonObject>

namespace planlines::layers::sheet {

namespace {

QString m2Text(double v)
{
    return QString::number(v, 'f', 2);
}

QString shareText(double share)
{
    return QString::number(share * 100, 'f', 1) + QLatin1Char('%');
}

// The rules' findings are listed up to this many; the rest are counted in one row.
constexpr int kMaxRuleRows = 4;

} // namespace

CheckTable checkTableFrom(const geodata::check::CheckRecord &record)
{
    const QJsonObject &r = record.result;
    CheckTable t;
    t.title = QStringLiteral("选址检查结果（记录 #%1，%2）")
                  .arg(record.id)
                  .arg(QString::fromStdString(record.createdAt).left(10));
    t.rows.push_back({QStringLiteral("项目"), QStringLiteral("面积（m²）"),
                      QStringLiteral("面积（亩）"), QStringLiteral("占比")});
    const QJsonObject site = r.value(QLatin1String("site")).toObject();
    t.rows.push_back({QStringLiteral("项目用地"),
                      m2Text(site.value(QLatin1String("area_m2")).toDouble()),
                      m2Text(site.value(QLatin1String("area_mu")).toDouble()), shareText(1.0)});
    // The control lines and cultivated land; the land-use and control-unit rows cover the
    // whole site and say nothing here.
    for (const QJsonValue v : r.value(QLatin1String("overlaps")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString role = o.value(QLatin1String("role")).toString();
        if (role == QLatin1String("landuse") || role == QLatin1String("control_unit") ||
            !o.value(QLatin1String("layer_present")).toBool())
            continue;
        t.rows.push_back({o.value(QLatin1String("role_zh")).toString(),
                          m2Text(o.value(QLatin1String("area_m2")).toDouble()),
                          m2Text(o.value(QLatin1String("area_mu")).toDouble()),
                          shareText(o.value(QLatin1String("share")).toDouble())});
    }
    const QString verdict = r.value(QLatin1String("verdict_zh")).toString();
    t.rows.push_back({QStringLiteral("结论"),
                      verdict.isEmpty() ? QString::fromStdString(record.verdict) : verdict});
    // The rules that did not pass, worst first: their status and title.
    std::vector<QStringList> findings;
    for (const char *status : {"fail", "attention"})
        for (const QJsonValue v : r.value(QLatin1String("rules")).toArray()) {
            const QJsonObject rule = v.toObject();
            if (rule.value(QLatin1String("applicable")).toBool() &&
                rule.value(QLatin1String("status")).toString() == QLatin1String(status))
                findings.push_back({rule.value(QLatin1String("status_zh")).toString(),
                                    rule.value(QLatin1String("title")).toString()});
        }
    for (std::size_t i = 0; i < findings.size() && i < kMaxRuleRows; ++i)
        t.rows.push_back(findings[i]);
    if (findings.size() > kMaxRuleRows)
        t.rows.push_back({QStringLiteral("…"), QStringLiteral("另有%1条规则未通过（见检查报告）")
                                                   .arg(findings.size() - kMaxRuleRows)});
    return t;
}

std::optional<geodata::check::CheckRecord> latestCheckRecord(geodata::Project &project,
                                                             const QString &siteName)
{
    return geodata::check::CheckRecords::latestFor(project, siteName.toStdString());
}

int attachCheckTables(geodata::Project &project, std::vector<SheetSpec> &sheets)
{
    int attached = 0;
    for (SheetSpec &s : sheets) {
        const auto record = latestCheckRecord(project, s.title);
        if (!record)
            continue;
        CheckTable t = checkTableFrom(*record);
        s.tableTitle = std::move(t.title);
        s.table = std::move(t.rows);
        ++attached;
    }
    return attached;
}

} // namespace planlines::layers::sheet
