// `planlines publish FILE.sqlite --to postgresql://…`: a county project file onto a server, whole
// (geodata/store/transfer.h), in one transaction.
#include "publishcommand.h"
#include "commands.h"

#include <geodata/store/location.h>
#include <geodata/store/transfer.h>

#include <QCommandLineParser>
#include <QTextStream>

namespace planlines::cli {

int runPublish(const QStringList &args)
{
    const QString cmd = QStringLiteral("planlines publish");
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Copy a county project file onto a PostgreSQL/PostGIS server, whole: every layer with "
        "every kept version (registry, fields, overlapping features), the project settings, "
        "corridor progress, check records (留痕) and the audit log, with their ids, times and "
        "authors as they were, in one transaction: a failure leaves the server as it was and "
        "names the layer, feature and cause. Geometry travels in binary (COPY BINARY). A "
        "database that `planlines db init` made is filled; one that holds a project (layers, "
        "records or progress) is refused unless --replace. The server's schema is made when "
        "missing (PostGIS needs a superuser the first time); run planlines db init afterwards "
        "for the group roles. A snapshot's mark (planlines snapshot) is not published."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("FILE"),
                            QStringLiteral("The project file (SpatiaLite) to publish."));
    p.addOption({QStringLiteral("to"),
                 QStringLiteral("The server database: postgresql://[user@]host[:port]/dbname, "
                                "service=NAME or \"host=… dbname=…\" (required)."),
                 QStringLiteral("URI")});
    p.addOption({QStringLiteral("replace"),
                 QStringLiteral("Replace the project the database holds (its layers, records, "
                                "progress and audit log), in the same transaction.")});
    if (!p.parse(args))
        return fail(cmd, p.errorText(), 2);
    if (p.isSet(QStringLiteral("help")))
        return printHelp(p, cmd);
    const QStringList files = p.positionalArguments();
    if (files.size() != 1)
        return fail(cmd,
                    files.isEmpty() ? QStringLiteral("name the project file to publish")
                                    : QStringLiteral("unexpected argument '%1'").arg(files[1]),
                    2);
    const QString to = p.value(QStringLiteral("to"));
    if (to.isEmpty())
        return fail(cmd, QStringLiteral("--to postgresql://… is required"), 2);
    if (geodata::isServerLocation(files[0].toStdString()))
        return fail(cmd,
                    QStringLiteral("FILE must be a project file; a server is copied to a file by "
                                   "planlines snapshot"),
                    2);
    if (!geodata::isServerLocation(to.toStdString()))
        return fail(cmd,
                    QStringLiteral("--to must name a PostgreSQL database (postgresql://… or "
                                   "service=NAME), not the file '%1'")
                        .arg(to),
                    2);
    const std::string display = geodata::ProjectLocation::parse(to.toStdString()).display();
    try {
        geodata::CopyOptions options;
        options.leaveOutSettings = {geodata::kSnapshotOfSetting, geodata::kSnapshotTakenAtSetting};
        const auto r = geodata::transferProject(files[0].toStdString(), to.toStdString(),
                                                p.isSet(QStringLiteral("replace")), options);
        QTextStream out(stdout);
        if (r.replaced)
            out << "replaced " << QString::fromStdString(r.replaced->describe()) << "\n";
        out << "published " << files[0] << " to " << QString::fromStdString(display) << ": "
            << QString::fromStdString(r.copied.describe()) << "\n";
        return 0;
    } catch (const std::exception &e) {
        return fail(cmd, QString::fromUtf8(e.what()) +
                             QStringLiteral("\nnothing was published; %1 is as it was")
                                 .arg(QString::fromStdString(display)));
    }
}

} // namespace planlines::cli
