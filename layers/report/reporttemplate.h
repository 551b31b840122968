// The review report's template: a JSON file a county edits like the rules file (section order,
// headings, the unit's name, the signature labels, which sections appear). The built-in one
// is :/planlines/report/default_template.json (layers/report/templates/); README's "The review
// report" describes the keys.
#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace planlines::layers::report {

struct ReportSection
{
    QString id;      // cover, maps, three_lines, landuse, control_units, rules, notes
    QString heading; // printed heading (numbered by the report: 一、二、…)
    bool show = true;
};

struct ReportTemplate
{
    QString name;  // the template's own name (shown nowhere but in errors and --help)
    QString title; // 建设项目用地预审与选址合规性分析报告
    QString unit;  // 编制单位; "{county}" is replaced by the project's county name
    QStringList signatures;
    std::vector<ReportSection> sections; // in the order they appear
    QString origin;                      // the file it came from

    // The built-in template.
    static ReportTemplate builtin();
    // A template file; throws geodata::Error naming the file, the line and the key at fault.
    static ReportTemplate fromFile(const QString &path);
    static ReportTemplate fromJson(const QByteArray &json, const QString &origin);

    const ReportSection *section(const QString &id) const;
    // The section ids a template may name, in the built-in order.
    static QStringList sectionIds();
};

} // namespace planlines::layers::report
