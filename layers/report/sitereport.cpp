#include "sitereport.h"
#include "reportcontent.h"

#include "reportmaps.h"
#include "reportwriter.h"

#include <geodata/error.h>

#include <QDir>
#include <QFileInfo>

namespace planlines::layers::report {

namespace {

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
    }
    return buildReport(job.records[i], job.reportTemplate, c);
}

} // namespace

bool isReportFile(const QString &path)
{
    return reportFormats().contains(QFileInfo(path).suffix().toLower());
}

void writeReportFile(const SiteReportJob &job, const QString &path)
{
    if (job.records.empty())
        throw geodata::Error("no check result to report", path.toStdString());
    const ReportContext c = contextFor(job);
    Document doc = reportOf(job, 0, c);
    for (std::size_t i = 1; i < job.records.size(); ++i) {
        Document next = reportOf(job, i, c, static_cast<int>(i) < kMaxMapsPerFile);
        doc.pageBreak();
        doc.heading(next.subtitle, 1);
        for (auto &b : next.blocks)
            doc.blocks.push_back(std::move(b));
    }
    if (job.records.size() > 1) {
        doc.subtitle = QStringLiteral("%1 个选址").arg(job.records.size());
        doc.footerLeft.clear();
    }
    writeReport(doc, path);
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
    if (!reportFormats().contains(format))
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
        writeReport(reportOf(job, i, c), d.filePath(name));
        files << name;
    }
    const QString summary = QStringLiteral("0000_汇总.%1").arg(format);
    writeReport(buildSummary(job.records, files, job.reportTemplate, c), d.filePath(summary));
    files << summary;
    return files;
}

} // namespace planlines::layers::report
