#include "projectfiles.h"

#include <geodata/store/location.h>

#include <geodata/error.h>
#include <geodata/project.h>

#include <QFileInfo>
#include <QRegularExpression>
#include <QUrl>

namespace planlines::qml {

ProjectFiles::ProjectFiles(QObject *parent) : QObject(parent) {}

QVariantList ProjectFiles::zones()
{
    QVariantList out;
    for (int epsg = kFirstZoneEpsg; epsg <= kLastZoneEpsg; ++epsg)
        out.append(
            QVariantMap{{QStringLiteral("crs"), QStringLiteral("EPSG:%1").arg(epsg)},
                        {QStringLiteral("centralMeridian"), 75 + 3 * (epsg - kFirstZoneEpsg)}});
    return out;
}

bool ProjectFiles::isProject(const QString &path)
{
    if (!QFileInfo(path).isFile())
        return false;
    try {
        // Read-only: looking must not migrate or lock someone's file.
        geodata::Project::open(path.toStdString(), /*readOnly=*/true);
        return true;
    } catch (const std::exception &) {
        return false;
    }
}

QString ProjectFiles::projectPath(const QString &path)
{
    return QFileInfo(path).suffix().isEmpty() ? path + QStringLiteral(".sqlite") : path;
}

QString ProjectFiles::createProject(const QString &path, const QString &crs,
                                    const QString &countyName, const QString &countyCode)
{
    const QString file = projectPath(path);
    const QString name = countyName.trimmed();
    if (file.trimmed().isEmpty())
        return tr("请选择新项目文件的位置");
    if (name.isEmpty())
        return tr("%1：请填写县（区）名称").arg(file);
    static const QRegularExpression sixDigits(QStringLiteral("^[0-9]{6}$"));
    if (!sixDigits.match(countyCode.trimmed()).hasMatch())
        return tr("%1：县级行政区划代码应为 6 位数字，不是“%2”").arg(file, countyCode);
    bool known = false;
    for (const QVariant &z : zones())
        known = known || z.toMap().value(QStringLiteral("crs")).toString() == crs;
    if (!known)
        return tr("%1：工作坐标系应为 CGCS2000 3 度带（EPSG:4534–4554），不是“%2”").arg(file, crs);
    try {
        geodata::Project::create(file.toStdString(), crs.toStdString(), name.toStdString(),
                                 countyCode.trimmed().toStdString());
        return {};
    } catch (const std::exception &e) {
        return QString::fromStdString(e.what());
    }
}

QString ProjectFiles::localPath(const QVariant &urlOrPath)
{
    const QUrl url = urlOrPath.toUrl();
    if (url.isLocalFile())
        return url.toLocalFile();
    return urlOrPath.toString();
}

QString ProjectFiles::fileName(const QString &path)
{
    if (isServerLocation(path))
        return displayName(path);
    return QFileInfo(path).fileName();
}

QString ProjectFiles::displayName(const QString &location)
{
    if (location.isEmpty())
        return {};
    if (isServerLocation(location))
        return QString::fromStdString(
            geodata::ProjectLocation::parse(location.toStdString()).display());
    return QFileInfo(location).absoluteFilePath();
}

bool ProjectFiles::isServerLocation(const QString &location)
{
    return !location.isEmpty() && geodata::isServerLocation(location.trimmed().toStdString());
}

void ProjectFiles::setServerPassword(const QString &password)
{
    if (!password.isEmpty())
        qputenv("PGPASSWORD", password.toUtf8());
}

} // namespace planlines::qml
