// The sections of the review report (reportcontent.h), shared by reportcontent.cpp (first
// page, maps, rules, notes) and reportsections.cpp (三线协调, 用地现状, 三线一单). Internal.
#pragma once

#include "reportcontent.h"

#include <QJsonArray>
#include <QJsonObject>

namespace planlines::layers::report::parts {

// Numbers the headings (一、 …), tables (表 N) and figures (图 N) as they are added.
struct Builder
{
    Document &doc;
    const QJsonObject &record;
    const ReportContext &context;
    int headings = 0, subheadings = 0, tables = 0, figures = 0;

    void heading(const QString &text);    // 一、text
    void subheading(const QString &text); // （一）text
    QString tableCaption(const QString &name)
    {
        return QStringLiteral("表 %1 %2").arg(++tables).arg(name);
    }
    QString figureCaption(const QString &name)
    {
        return QStringLiteral("图 %1 %2").arg(++figures).arg(name);
    }
    double siteM2() const;
    QJsonObject overlap(const QString &role) const;
};

// A table of name | 面积（平方米） | 亩 | 公顷 (| 占选址) columns.
Table areaTable(const QString &caption, const QString &firstColumn, bool share);
QStringList areaCells(double m2, double siteM2, bool share);
QString shareText(double m2, double siteM2); // "12.34%"

void threeLines(Builder &b);   // 三线协调
void landuse(Builder &b);      // 用地现状
void controlUnits(Builder &b); // 三线一单: units and their lists

} // namespace planlines::layers::report::parts
