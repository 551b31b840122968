// What the review report (建设项目用地预审与选址合规性分析) says, from one check record: the
// first page (project, location, area, industry, verdict, versions, signatures), the maps, 三线
// 协调 (耕地, 永久基本农田 with the 补划 附表, 生态保护红线, 城镇开发边界 by zone), 用地现状
// (三大类, 地类, 权属, 村; planar and 扣除 figures side by side), 三线一单 (control units, their
// list entries) and every rule's finding, in the order and with the headings of a ReportTemplate.
// Reads only the record's JSON: a report made again from a record says the same.
#pragma once

#include "reportdocument.h"
#include "reporttemplate.h"

#include <QDate>
#include <QJsonObject>
#include <QString>

#include <vector>

namespace planlines::layers::report {

// What the record does not hold: the county's name, whether the layers are synthetic, the
// check's date and the maps (drawn by the caller from the project).
struct ReportContext
{
    QString county;         // 高青县
    bool synthetic = false; // a layer of the project is synthetic (ProjectMap::anySynthetic)
    QDate checkDate;        // the record's date; invalid: not shown
    std::vector<Figure> maps;
};

// record: CheckResult::toJson with "record_id" (and, for a reopened record, "created_at").
Document buildReport(const QJsonObject &record, const ReportTemplate &t, const ReportContext &c);

// The summary of a batch of reports: one row per site (record, project, area, verdict, the
// rules that did not pass, the report's file name).
Document buildSummary(const std::vector<QJsonObject> &records, const QStringList &files,
                      const ReportTemplate &t, const ReportContext &c);

// Figures as the report prints them: m² to 0.01, 亩 to 0.01, 公顷 to 0.0001 (no grouping).
QString m2Text(double m2);
QString muText(double m2); // from m²: 1 亩 = 10000/15 m²
QString haText(double m2);
// The colour of a verdict or rule status (fail, attention, pass, error).
QString statusColor(const QString &status);

} // namespace planlines::layers::report
