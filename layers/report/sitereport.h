// The review reports `planlines check --report` and the window's 生成报告… write, through one
// path: the maps drawn from the project, the content from each check record (reportcontent.h)
// in the template's order, the file written by the report writer. One site to one file, several
// sites to one file (one report after another), or a directory with one report per site and a
// summary. Needs a QGuiApplication (fonts, maps).
#pragma once

#include "reporttemplate.h"
#include "reportwriter.h"

#include "../projectmap.h"

#include <QDate>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <vector>

namespace planlines::layers::report {

struct SiteReportJob
{
    const ProjectMap *map = nullptr;
    ReportTemplate reportTemplate = ReportTemplate::builtin();
    QDate checkDate = QDate::currentDate();
    // The records (CheckResult::toJson with record_id) and their sites (working CRS; null for a
    // site that could not be checked), in the same order.
    std::vector<QJsonObject> records;
    std::vector<const geodata::Geometry *> sites;
};

// Whether path names a format the report writer knows (reportFormats(), reportwriter.h) by its
// extension.
bool isReportFile(const QString &path);

// All the job's sites into one file (.pdf, .odt, .html, .xlsx); the maps for the first
// kMaxMapsPerFile sites only (a directory of reports has them in each).
constexpr int kMaxMapsPerFile = 20;
void writeReportFile(const SiteReportJob &job, const QString &path);

// One report per site into directory dir (made if missing), named by record number and
// project name ("0012_高青化工产业园扩园项目.pdf"), and the summary ("0000_汇总.<format>").
// Returns the file names written, the summary last.
QStringList writeReportDirectory(const SiteReportJob &job, const QString &dir,
                                 const QString &format);

// A record's report file name: record number, project name made safe for any file system.
QString reportFileName(const QJsonObject &record, int index, const QString &format);

} // namespace planlines::layers::report
