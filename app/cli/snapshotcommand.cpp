// `planlines snapshot --from postgresql://… --out FILE.sqlite`: an offline copy of a server's
// county project for a laptop in the field (geodata/store/transfer.h), marked with the server
// and the moment it was taken.
#include "commands.h"
#include "publishcommand.h"

#include <geodata/store/location.h>
#include <geodata/store/transfer.h>

#include <QCommandLineParser>
#include <QTextStream>

namespace planlines::cli {

int runSnapshot(const QStringList &args)
{
    const QString cmd = QStringLiteral("planlines snapshot");
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Make an offline copy of a county project on a PostgreSQL/PostGIS server: a project "
        "file with every layer and kept version, the settings, corridor progress, check "
        "records (留痕) and the audit log as they are on the server. The file is marked with "
        "the server (without password) and the UTC moment the copy was taken; planlines info "
        "shows it. The file appears only when complete."));
    p.addHelpOption();
    p.addOption({QStringLiteral("from"),
                 QStringLiteral("The server database: postgresql://[user@]host[:port]/dbname, "
                                "service=NAME or \"host=… dbname=…\" (required)."),
                 QStringLiteral("URI")});
    p.addOption({QStringLiteral("out"), QStringLiteral("The project file to write (required)."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("replace"),
                 QStringLiteral("Overwrite FILE if it exists (only once the copy is complete).")});
    if (!p.parse(args))
        return fail(cmd, p.errorText(), 2);
    if (p.isSet(QStringLiteral("help")))
        return printHelp(p, cmd);
    if (!p.positionalArguments().isEmpty())
        return fail(cmd, QStringLiteral("unexpected argument '%1'").arg(p.positionalArguments()[0]),
                    2);
    const QString from = p.value(QStringLiteral("from"));
    const QString outFile = p.value(QStringLiteral("out"));
    if (from.isEmpty())
        return fail(cmd, QStringLiteral("--from postgresql://… is required"), 2);
    if (outFile.isEmpty())
        return fail(cmd, QStringLiteral("--out FILE is required"), 2);
    if (!geodata::isServerLocation(from.toStdString()))
        return fail(cmd,
                    QStringLiteral("--from must name a PostgreSQL database (postgresql://… or "
                                   "service=NAME), not the file '%1'")
                        .arg(from),
                    2);
    if (geodata::isServerLocation(outFile.toStdString()))
        return fail(cmd,
                    QStringLiteral("--out must be a file; a file is copied to a server by "
                                   "planlines publish"),
                    2);
    const std::string server = geodata::ProjectLocation::parse(from.toStdString()).display();
    try {
        geodata::CopyOptions options;
        const std::string takenAt = geodata::Project::nowIso();
        options.addSettings = {{geodata::kSnapshotOfSetting, server},
                               {geodata::kSnapshotTakenAtSetting, takenAt}};
        const auto r = geodata::transferProject(from.toStdString(), outFile.toStdString(),
                                                p.isSet(QStringLiteral("replace")), options);
        QTextStream out(stdout);
        if (r.replaced)
            out << "replaced " << QString::fromStdString(r.replaced->describe()) << "\n";
        out << "snapshot of " << QString::fromStdString(server) << " taken at "
            << QString::fromStdString(takenAt) << " into " << outFile << ": "
            << QString::fromStdString(r.copied.describe()) << "\n";
        return 0;
    } catch (const std::exception &e) {
        return fail(cmd, QString::fromUtf8(e.what()) + QStringLiteral("\nno snapshot was written"));
    }
}

} // namespace planlines::cli
