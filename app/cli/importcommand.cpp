#include "cli.h"
#include "commands.h"

#include <geodata/import/fileimporter.h>
#include <geodata/newprojectfile.h>
#include <geodata/store/location.h>

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTextStream>

namespace planlines::cli {

int runImport(const QStringList &args)
{
    const QString cmd = QStringLiteral("planlines import");
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral(
            "Import files into a project, each in one transaction (all of it or nothing), "
            "transformed to the project's working CRS. Formats: %1. Shapefile encodings come "
            "from the .cpg, else the .dbf, else are detected (GBK or UTF-8); a missing CRS is "
            "inferred from the coordinate ranges; roles are recognised from standard layer and "
            "field codes (DLTB, YJJBNTTB, STBHHX, CZKFBJ, XZQ, …). Re-importing a layer of the "
            "same name and role keeps the previous version. Exit status: 0 when everything was "
            "imported, 1 when a file failed or a feature was rejected, 2 on a usage error.")
            .arg(QString::fromStdString(geodata::import::FileImporter::supportedExtensions())));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Files to import."),
                            QStringLiteral("FILE…"));
    p.addOption({QStringLiteral("db"),
                 QStringLiteral("Project file (default: $PLANLINES_DB, else the sample county). "
                                "A file that does not exist becomes a new empty project."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("role"),
                 QStringLiteral("Role of layers that are not recognised (township, landuse, "
                                "basic_farmland, eco_redline, urban_boundary, control_unit, "
                                "corridor, site, context)."),
                 QStringLiteral("R")});
    p.addOption({QStringLiteral("layer"),
                 QStringLiteral("Import only this layer of the file (repeatable)."),
                 QStringLiteral("NAME")});
    p.addOption({QStringLiteral("name"),
                 QStringLiteral("Name of the layer in the project (default: the source layer's "
                                "name); one layer only."),
                 QStringLiteral("NAME")});
    p.addOption({QStringLiteral("encoding"),
                 QStringLiteral("Encoding of Shapefile attributes (GBK, UTF-8, …), whatever "
                                "the .cpg says or detection finds."),
                 QStringLiteral("E")});
    p.addOption({QStringLiteral("srs"),
                 QStringLiteral("CRS of the source coordinates (EPSG:4527), whatever the file "
                                "says."),
                 QStringLiteral("EPSG:N")});
    p.addOption({QStringLiteral("project-srs"),
                 QStringLiteral("Working CRS of a new project (default EPSG:4548)."),
                 QStringLiteral("EPSG:N"), QStringLiteral("EPSG:4548")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Print the report as JSON.")});
    if (!p.parse(args))
        return fail(cmd, p.errorText(), 2);
    if (p.isSet(QStringLiteral("help")))
        return printHelp(p, cmd);
    const QStringList files = p.positionalArguments();
    if (files.isEmpty())
        return fail(cmd, QStringLiteral("give at least one FILE to import"), 2);

    geodata::import::ImportOptions options;
    if (p.isSet(QStringLiteral("role"))) {
        const auto role = geodata::roleFromId(p.value(QStringLiteral("role")).toStdString());
        if (!role)
            return fail(
                cmd, QStringLiteral("unknown role '%1'").arg(p.value(QStringLiteral("role"))), 2);
        options.role = role;
    }
    for (const QString &l : p.values(QStringLiteral("layer")))
        options.layers.push_back(l.toStdString());
    if (p.isSet(QStringLiteral("name")))
        options.name = p.value(QStringLiteral("name")).toStdString();
    if (p.isSet(QStringLiteral("encoding")))
        options.encoding = p.value(QStringLiteral("encoding")).toStdString();
    if (p.isSet(QStringLiteral("srs")))
        options.srs = p.value(QStringLiteral("srs")).toStdString();

    const std::string db = p.isSet(QStringLiteral("db"))
                               ? p.value(QStringLiteral("db")).toStdString()
                               : defaultDatabase();
    geodata::import::ImportReport report;
    try {
        // A new project is made whole under a temporary name first: a kill while it is being
        // set up leaves no file at --db that is not a project.
        // A server database is made a project by `planlines db init`, never here.
        if (!geodata::isServerLocation(db) && !QFileInfo::exists(QString::fromStdString(db)))
            geodata::createProjectFile(
                {db, p.value(QStringLiteral("project-srs")).toStdString(), "", "", false}, {});
        auto project = geodata::Project::open(db);
        geodata::import::FileImporter importer(*project, options);
        for (const QString &f : files)
            report.files.push_back(importer.import(f.toStdString()));
    } catch (const std::exception &e) {
        return fail(cmd, QString::fromUtf8(e.what()));
    }
    QTextStream out(stdout);
    if (p.isSet(QStringLiteral("json")))
        out << QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented);
    else
        out << QString::fromStdString(report.toText());
    out.flush();
    for (const auto &f : report.files)
        if (!f.ok)
            fail(cmd, QString::fromStdString(f.error));
    return report.clean() ? 0 : 1;
}

} // namespace planlines::cli
