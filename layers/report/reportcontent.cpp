// The review report's first page, maps, rule findings and notes, and the order of the sections
// (the template's); 三线协调, 用地现状 and 三线一单 are in reportsections.cpp.
#include "reportcontent.h"
#include "industrycodes.h"
#include "reportparts.h"

#include "../checkwording.h"

#include <geodata/area.h>

#include <QJsonArray>

namespace planlines::layers::report {

QString m2Text(double m2)
{
    return QString::number(m2, 'f', 2);
}

QString muText(double m2)
{
    return QString::number(geodata::m2ToMu(m2), 'f', 2);
}

QString haText(double m2)
{
    return QString::number(geodata::m2ToHa(m2), 'f', 4);
}

QString statusColor(const QString &status)
{
    return status == QLatin1String("fail")        ? QStringLiteral("#c0392b")
           : status == QLatin1String("attention") ? QStringLiteral("#d68910")
           : status == QLatin1String("error")     ? QStringLiteral("#7f8c8d")
                                                  : QStringLiteral("#1e8449");
}

namespace parts {

namespace {

const QStringList kNumerals = {
    QStringLiteral("一"), QStringLiteral("二"), QStringLiteral("三"),   QStringLiteral("四"),
    QStringLiteral("五"), QStringLiteral("六"), QStringLiteral("七"),   QStringLiteral("八"),
    QStringLiteral("九"), QStringLiteral("十"), QStringLiteral("十一"), QStringLiteral("十二")};

QString numeral(int n)
{
    return n >= 1 && n <= kNumerals.size() ? kNumerals[n - 1] : QString::number(n);
}

} // namespace

void Builder::heading(const QString &text)
{
    subheadings = 0;
    doc.heading(QStringLiteral("%1、%2").arg(numeral(++headings), text), 1);
}

void Builder::subheading(const QString &text)
{
    doc.heading(QStringLiteral("（%1）%2").arg(numeral(++subheadings), text), 2);
}

double Builder::siteM2() const
{
    return record.value(QLatin1String("site"))
        .toObject()
        .value(QLatin1String("area_m2"))
        .toDouble();
}

QJsonObject Builder::overlap(const QString &role) const
{
    for (const auto &v : record.value(QLatin1String("overlaps")).toArray())
        if (v.toObject().value(QLatin1String("role")).toString() == role)
            return v.toObject();
    return {};
}

Table areaTable(const QString &caption, const QString &firstColumn, bool share)
{
    Table t;
    t.caption = caption;
    t.header = {{firstColumn, QStringLiteral("面积（平方米）"), QStringLiteral("亩"),
                 QStringLiteral("公顷")}};
    t.numeric = {false, true, true, true};
    if (share) {
        t.header[0] << QStringLiteral("占选址");
        t.numeric.push_back(true);
    }
    return t;
}

QString shareText(double m2, double siteM2)
{
    return siteM2 > 0 ? QString::number(100 * m2 / siteM2, 'f', 2) + QLatin1Char('%')
                      : QStringLiteral("—");
}

QStringList areaCells(double m2, double siteM2, bool share)
{
    QStringList cells{m2Text(m2), muText(m2), haText(m2)};
    if (share)
        cells << shareText(m2, siteM2);
    return cells;
}

} // namespace parts

namespace {

using parts::Builder;

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QString orDash(const QString &s)
{
    return s.trimmed().isEmpty() ? QStringLiteral("—") : s;
}

// 乡镇 and 村 of the site: "青城镇：东村、西村；高城镇：…" is not known (villages are not tied
// to townships in the record), so townships, then villages, each by area.
QString locationText(const QJsonObject &r)
{
    const QJsonObject loc = r.value(QLatin1String("location")).toObject();
    QStringList towns, villages;
    for (const auto &v : loc.value(QLatin1String("townships")).toArray())
        towns << str(v.toObject(), "name");
    for (const auto &v : loc.value(QLatin1String("villages")).toArray())
        villages << str(v.toObject(), "name");
    QStringList out;
    if (!towns.isEmpty())
        out << towns.join(QStringLiteral("、"));
    if (!villages.isEmpty())
        out << villages.join(QStringLiteral("、"));
    return out.isEmpty() ? QStringLiteral("—") : out.join(QStringLiteral("；"));
}

QString layerVersionsText(const QJsonObject &r)
{
    QStringList out;
    const QJsonObject lv = r.value(QLatin1String("layer_versions")).toObject();
    for (auto it = lv.begin(); it != lv.end(); ++it)
        for (const auto &v : it.value().toArray()) {
            const QJsonObject l = v.toObject();
            out << QStringLiteral("%1 v%2").arg(str(l, "layer")).arg(l.value("version").toInt());
        }
    out.removeDuplicates();
    return out.isEmpty() ? QStringLiteral("—") : out.join(QStringLiteral("、"));
}

Verdict verdictOf(const QJsonObject &r)
{
    Verdict v;
    const QString status = str(r, "verdict");
    // The words alone: the writer labels them (审查结论：).
    v.text = status == QLatin1String("error") ? QStringLiteral("无法检查") : str(r, "verdict_zh");
    v.color = statusColor(status);
    if (status == QLatin1String("error"))
        v.reasons << str(r.value(QLatin1String("site")).toObject(), "error");
    for (const auto &x : r.value(QLatin1String("rules")).toArray()) {
        const QJsonObject rule = x.toObject();
        if (rule.value(QLatin1String("applicable")).toBool() &&
            str(rule, "status") != QLatin1String("pass"))
            v.reasons << QStringLiteral("%1：%2").arg(str(rule, "status_zh"), str(rule, "title"));
    }
    return v;
}

QString syntheticNote()
{
    return QStringLiteral("合成示例数据（非真实规划数据）：本报告所用图层为 planlines sample 生成的"
                          "示例数据，不得作为审查依据。");
}

void cover(Builder &b, const ReportTemplate &t)
{
    const QJsonObject &r = b.record;
    const QJsonObject site = r.value(QLatin1String("site")).toObject();
    const double m2 = site.value(QLatin1String("area_m2")).toDouble();
    b.heading(t.section(QStringLiteral("cover"))->heading);
    const QString record = r.contains(QLatin1String("record_id"))
                               ? QString::number(r.value(QLatin1String("record_id")).toInteger())
                               : QStringLiteral("—");
    b.doc.fields({
        {QStringLiteral("项目名称"), orDash(str(site, "name"))},
        {QStringLiteral("项目代码"), orDash(str(site, "code"))},
        {QStringLiteral("建设单位"), orDash(str(site, "applicant"))},
        {QStringLiteral("项目位置"), locationText(r)},
        {QStringLiteral("用地面积"),
         QStringLiteral("%1 公顷（%2 亩，%3 平方米）").arg(haText(m2), muText(m2), m2Text(m2))},
        {QStringLiteral("所属行业"),
         industryText(str(site, "industry"), str(site, "industry_name"))},
        {QStringLiteral("规划用途"), orDash(str(site, "use"))},
        {QStringLiteral("检查日期"),
         b.context.checkDate.isValid()
             ? b.context.checkDate.toString(QStringLiteral("yyyy年M月d日"))
             : QStringLiteral("—")},
        {QStringLiteral("记录编号"), record},
        {QStringLiteral("规则集"),
         QStringLiteral("%1（版本 %2）")
             .arg(orDash(str(r, "rules_name")), orDash(str(r, "rules_version")))},
        {QStringLiteral("图层版本"), layerVersionsText(r)},
        {QStringLiteral("编制单位"), b.doc.unit},
    });
    b.doc.verdict(verdictOf(r));
    if (b.context.synthetic)
        b.doc.note(syntheticNote());
    b.doc.signatures(t.signatures);
    b.doc.pageBreak(); // the first page is the cover staff sign
}

void maps(Builder &b, const ReportTemplate &t)
{
    b.heading(t.section(QStringLiteral("maps"))->heading);
    if (b.context.maps.empty()) {
        b.doc.paragraph(QStringLiteral("（未绘制地图：选址无可用的几何，或一个文件中的选址超过 20 "
                                       "个，其后的选址不附地图。）"));
        return;
    }
    for (Figure f : b.context.maps) {
        f.caption = b.figureCaption(f.caption);
        b.doc.figure(std::move(f));
    }
}

void rules(Builder &b, const ReportTemplate &t)
{
    b.heading(t.section(QStringLiteral("rules"))->heading);
    Table table;
    table.caption = b.tableCaption(QStringLiteral("规则检查结果"));
    table.sheetName = QStringLiteral("规则检查");
    table.header = {{QStringLiteral("结论"), QStringLiteral("规则"), QStringLiteral("实测值"),
                     QStringLiteral("说明"), QStringLiteral("依据")}};
    table.widthsMm = {14, 32, 40, 46, 38};
    QStringList notApplicable;
    for (const auto &v : b.record.value(QLatin1String("rules")).toArray()) {
        const QJsonObject rule = v.toObject();
        if (!rule.value(QLatin1String("applicable")).toBool()) {
            notApplicable << str(rule, "title");
            continue;
        }
        table.rows.push_back({str(rule, "status_zh"), str(rule, "title"),
                              orDash(str(rule, "value")), str(rule, "text"), str(rule, "source")});
    }
    if (table.rows.empty())
        b.doc.paragraph(QStringLiteral("没有适用于本项目的规则。"));
    else
        b.doc.table(std::move(table));
    if (!notApplicable.isEmpty())
        b.doc.note(QStringLiteral("不适用于本项目的规则（行业、用途或关键词不符）：%1。")
                       .arg(notApplicable.join(QStringLiteral("；"))));
}

void notes(Builder &b, const ReportTemplate &t)
{
    b.heading(t.section(QStringLiteral("notes"))->heading);
    const QJsonObject site = b.record.value(QLatin1String("site")).toObject();
    QStringList lines;
    lines << QStringLiteral(
        "面积为项目工作坐标系中的平面面积；1 公顷 = 15 亩，1 亩 = 10000/15 平方米。");
    lines << QStringLiteral("选址来源：%1。").arg(orDash(featureSourceText(str(site, "source"))));
    for (const auto &v : site.value(QLatin1String("repairs")).toArray())
        lines << (isOverlapNote(v.toString()) ? QStringLiteral("数据说明：")
                                              : QStringLiteral("几何修复：")) +
                     checkRepairText(v.toString());
    lines << QStringLiteral("规则集：%1，版本 %2，校验码 %3。")
                 .arg(orDash(str(b.record, "rules_name")), orDash(str(b.record, "rules_version")),
                      orDash(str(b.record, "rules_checksum").left(16)));
    for (const QString &l : lines)
        b.doc.paragraph(l);
    if (b.context.synthetic)
        b.doc.note(syntheticNote());
}

QString unitOf(const ReportTemplate &t, const ReportContext &c)
{
    QString unit = t.unit;
    unit.replace(QLatin1String("{county}"), c.county);
    return unit;
}

} // namespace

Document buildReport(const QJsonObject &record, const ReportTemplate &t, const ReportContext &c)
{
    Document doc;
    doc.title = t.title;
    const QJsonObject site = record.value(QLatin1String("site")).toObject();
    doc.subtitle = str(site, "name");
    doc.unit = unitOf(t, c);
    doc.footerLeft =
        record.contains(QLatin1String("record_id"))
            ? QStringLiteral("记录 %1").arg(record.value(QLatin1String("record_id")).toInteger())
            : QString();
    Builder b{doc, record, c};
    const bool failed = str(record, "verdict") == QLatin1String("error");
    for (const ReportSection &s : t.sections) {
        if (!s.show)
            continue;
        if (s.id == QLatin1String("cover")) {
            cover(b, t);
            continue;
        }
        if (failed && s.id != QLatin1String("notes"))
            continue; // a site that could not be checked has nothing else to say
        if (s.id == QLatin1String("maps")) {
            maps(b, t);
        } else if (s.id == QLatin1String("three_lines")) {
            b.heading(s.heading);
            parts::threeLines(b);
        } else if (s.id == QLatin1String("landuse")) {
            b.heading(s.heading);
            parts::landuse(b);
        } else if (s.id == QLatin1String("control_units")) {
            b.heading(s.heading);
            parts::controlUnits(b);
        } else if (s.id == QLatin1String("rules")) {
            rules(b, t);
        } else if (s.id == QLatin1String("notes")) {
            notes(b, t);
        }
    }
    return doc;
}

Document buildSummary(const std::vector<QJsonObject> &records, const QStringList &files,
                      const ReportTemplate &t, const ReportContext &c)
{
    Document doc;
    doc.title = t.title;
    doc.subtitle = QStringLiteral("汇总（%1 个选址）").arg(records.size());
    doc.unit = unitOf(t, c);
    Table table;
    table.caption = QStringLiteral("表 1 选址检查汇总");
    table.sheetName = QStringLiteral("汇总");
    table.header = {{QStringLiteral("序号"), QStringLiteral("记录编号"), QStringLiteral("项目名称"),
                     QStringLiteral("面积（公顷）"), QStringLiteral("面积（亩）"),
                     QStringLiteral("结论"), QStringLiteral("未通过的规则"),
                     QStringLiteral("报告文件")}};
    table.numeric = {true, true, false, true, true, false, false, false};
    int counts[4] = {0, 0, 0, 0};
    for (std::size_t i = 0; i < records.size(); ++i) {
        const QJsonObject &r = records[i];
        const QJsonObject site = r.value(QLatin1String("site")).toObject();
        const double m2 = site.value(QLatin1String("area_m2")).toDouble();
        const QString status = str(r, "verdict");
        ++counts[status == QLatin1String("fail")        ? 0
                 : status == QLatin1String("attention") ? 1
                 : status == QLatin1String("pass")      ? 2
                                                        : 3];
        QStringList reasons = verdictOf(r).reasons;
        table.rows.push_back(
            {QString::number(i + 1),
             r.contains(QLatin1String("record_id"))
                 ? QString::number(r.value(QLatin1String("record_id")).toInteger())
                 : QStringLiteral("—"),
             str(site, "name"), haText(m2), muText(m2),
             status == QLatin1String("error") ? QStringLiteral("无法检查") : str(r, "verdict_zh"),
             reasons.isEmpty() ? QStringLiteral("—") : reasons.join(QStringLiteral("；")),
             i < static_cast<std::size_t>(files.size()) ? files[int(i)] : QString()});
    }
    doc.heading(QStringLiteral("选址检查汇总"));
    doc.paragraph(
        QStringLiteral("共 %1 个选址：不符合 %2 个，需关注 %3 个，符合 %4 个，无法检查 %5 个。"
                       "检查日期 %6。")
            .arg(records.size())
            .arg(counts[0])
            .arg(counts[1])
            .arg(counts[2])
            .arg(counts[3])
            .arg(c.checkDate.isValid() ? c.checkDate.toString(QStringLiteral("yyyy年M月d日"))
                                       : QStringLiteral("—")));
    doc.table(std::move(table));
    if (c.synthetic)
        doc.note(syntheticNote());
    doc.signatures(t.signatures);
    return doc;
}

} // namespace planlines::layers::report
