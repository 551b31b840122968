// What the window needs to know about project files before it opens one: whether a file is a
// PlanLines project (a dropped file is opened or imported by that), creating a new empty project
// (新建项目…, through geodata::Project::create as `planlines import` does for a new file), the
// working CRS a new project may take, and a chosen file's local path.
#pragma once

#include <QObject>
#include <QString>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace planlines::qml {

class ProjectFiles : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    // The CGCS2000 3° Gauss-Krüger zones with the central meridian in the EPSG code's axis
    // order (EPSG:4534 CM 75°E … EPSG:4554 CM 135°E): the working CRS of a Chinese county.
    static constexpr int kFirstZoneEpsg = 4534;
    static constexpr int kLastZoneEpsg = 4554;

    explicit ProjectFiles(QObject *parent = nullptr);

    // [{crs: "EPSG:4548", centralMeridian: 117}], west to east.
    Q_INVOKABLE static QVariantList zones();
    // True when path is a PlanLines project (a SQLite file with the project's tables); false
    // for any other file, including a GeoPackage of data to import.
    Q_INVOKABLE static bool isProject(const QString &path);
    // Creates an empty project at path (".sqlite" added when it has no suffix) with the working
    // CRS (one of zones()), county name and 6-digit county code. Returns "" on success, else why
    // not (naming the file); nothing is left behind on failure.
    Q_INVOKABLE static QString createProject(const QString &path, const QString &crs,
                                             const QString &countyName, const QString &countyCode);
    // The path a new project at path gets (".sqlite" added when the name has no suffix).
    Q_INVOKABLE static QString projectPath(const QString &path);
    // A local file path from a file: URL (a file chooser's selectedFile, a drop) or a path.
    Q_INVOKABLE static QString localPath(const QVariant &urlOrPath);
    // The file name without its folder; for a server location (postgresql://…, service=…) the
    // server and database without any password (user@host:port/dbname).
    Q_INVOKABLE static QString fileName(const QString &path);
    // What titles, messages and the settings may show of a location: a file's absolute path, a
    // server location without any password. Never the password: it is not written anywhere.
    Q_INVOKABLE static QString displayName(const QString &location);
    Q_INVOKABLE static bool isServerLocation(const QString &location);
    // The password for the server connections this process makes (libpq's PGPASSWORD, in this
    // process's environment only: never saved, gone when the program ends). "" leaves
    // ~/.pgpass, the service file or the environment to supply it.
    Q_INVOKABLE static void setServerPassword(const QString &password);
};

} // namespace planlines::qml
