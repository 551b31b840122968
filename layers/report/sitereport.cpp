#include "sitereport.h"
#include "reportcontent.h"

#include "../checkreport.h"

// The report writer and its maps (another branch of issue 19) replace the stand-ins
// (reportinterim.h, CheckReport::locationMap) as soon as they are in the tree: CMake defines
// PLANLINES_REPORT_WRITER then (layers/CMakeLists.txt; a compiler flag, not __has_include, so
// that ccache's cached objects of this file without the writer are never reused).
#ifdef PLANLINES_REPORT_WRITER
#include "reportmaps.h"
#include "reportwriter.h"
#else
#include "reportinterim.h"
#endif

#include <geodata/error.h>

#include <QDir>
#include <QFileInfo>

namespace planlines::layers::report {

namespace {

void saveReport(const Document &doc, const QString &path)
{
#ifdef PLANLINES_REPORT_WRITER
    writeReport(doc, path);
#else
    writeInterim(doc, path);
#endif
}

ReportContext contextFor(const SiteReportJob &job)
{
    ReportContext c;
    if (job.map) {
        c.county = QString::fromStdString(job.map->countyName());
        c.synthetic = job.map->anySynthetic();
    }
    c.checkDate = job.checkDate;
    return c;
}

Document reportOf(const SiteReportJob &job, std::size_t i, ReportContext c, bool drawMap = true)
{
    const geodata::Geometry *site = i < job.sites.size() ? job.sites[i] : nullptr;
    const ReportSection *maps = job.reportTemplate.section(QStringLiteral("maps"));
    if (job.map && site && *site && maps && maps->show && drawMap) {
#ifdef PLANLINES_REPORT_WRITER
        Figure where;
        where.image = locationMap(*job.map, *site);
        where.widthMm = 170;
        where.caption = QStringLiteral("选址区位图");
        c.maps.push_back(std::move(where));
        Figure detail;
        detail.image = detailMap(*job.map, *site);
        detail.widthMm = 170;
        detail.caption = QStringLiteral("选址详图（红线为选址范围）");
        c.maps.push_back(std::move(detail));
#else
        Figure f;
        // 1800 px across 170 mm: 269 dpi.
        f.image = CheckReport::locationMap(*job.map, *site, QSize(1800, 1260));
        f.widthMm = 170;
        f.caption = QStringLiteral("选址位置（红线为选址范围）");
        c.maps.push_back(std::move(f));
#endif
    }
    return buildReport(job.records[i], job.reportTemplate, c);
}

} // namespace

QStringList reportFileFormats()
{
    return {QStringLiteral("pdf"), QStringLiteral("odt"), QStringLiteral("html"),
            QStringLiteral("xlsx")};
}

bool isReportFile(const QString &path)
{
    return reportFileFormats().contains(QFileInfo(path).suffix().toLower());
}

void writeReportFile(const SiteReportJob &job, const QString &path)
{
    if (job.records.empty())
        throw geodata::Error("no check result to report", path.toStdString());
    const ReportContext c = contextFor(job);
    Document doc = reportOf(job, 0, c);
    for (std::size_t i = 1; i < job.records.size(); ++i) {
        // One file of many sites: maps for the first CheckReport::kMaxMaps (a directory of
        // reports has one in each).
        Document next = reportOf(job, i, c, static_cast<int>(i) < CheckReport::kMaxMaps);
        doc.pageBreak();
        doc.heading(next.subtitle, 1);
        for (auto &b : next.blocks)
            doc.blocks.push_back(std::move(b));
    }
    if (job.records.size() > 1) {
        doc.subtitle = QStringLiteral("%1 个选址").arg(job.records.size());
        doc.footerLeft.clear();
    }
    saveReport(doc, path);
}

QString reportFileName(const QJsonObject &record, int index, const QString &format)
{
    QString name =
        record.value(QLatin1String("site")).toObject().value(QLatin1String("name")).toString();
    // Characters no file system takes (Windows' set, which is the strictest), and controls.
    static const QString bad = QStringLiteral("<>:\"/\\|?*");
    QString safe;
    for (const QChar ch : name)
        safe += bad.contains(ch) || ch.unicode() < 0x20 ? QChar(u'_') : ch;
    safe = safe.trimmed();
    while (safe.endsWith(QLatin1Char('.')))
        safe.chop(1);
    if (safe.size() > 60)
        safe = safe.left(60);
    const QString number =
        record.contains(QLatin1String("record_id"))
            ? QString::number(record.value(QLatin1String("record_id")).toInteger())
            : QStringLiteral("site%1").arg(index + 1);
    return QStringLiteral("%1_%2.%3")
        .arg(number.rightJustified(4, QLatin1Char('0')),
             safe.isEmpty() ? QStringLiteral("选址") : safe, format);
}

QStringList writeReportDirectory(const SiteReportJob &job, const QString &dir,
                                 const QString &format)
{
    if (!reportFileFormats().contains(format))
        throw geodata::Error(
            ("unknown report format \"" + format + "\" (pdf, odt, html, xlsx)").toStdString());
    QDir d(dir);
    if (!d.exists() && !QDir().mkpath(dir))
        throw geodata::Error("cannot make the report directory", dir.toStdString());
    const ReportContext c = contextFor(job);
    QStringList files;
    for (std::size_t i = 0; i < job.records.size(); ++i) {
        QString name = reportFileName(job.records[i], static_cast<int>(i), format);
        // Two sites of one name in one record number cannot happen; two unnamed ones can.
        while (files.contains(name))
            name.insert(name.lastIndexOf(QLatin1Char('.')), QLatin1Char('_'));
        saveReport(reportOf(job, i, c), d.filePath(name));
        files << name;
    }
    const QString summary = QStringLiteral("0000_汇总.%1").arg(format);
    saveReport(buildSummary(job.records, files, job.reportTemplate, c), d.filePath(summary));
    files << summary;
    return files;
}

} // namespace planlines::layers::report
