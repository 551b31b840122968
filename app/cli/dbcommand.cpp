#include "dbcommand.h"
#include "commands.h"

#include <geodata/error.h>
#include <geodata/store/postgis/pgdbinit.h>
#include <geodata/store/postgis/pgroles.h>

#include <QCommandLineParser>
#include <QTextStream>

namespace planlines::cli {

namespace {

const char *kDbUsage = R"(Usage: planlines db COMMAND --db postgresql://… [options]

Administer a PlanLines project on a PostgreSQL/PostGIS server.

commands:
  init    make the database a PlanLines project, or bring it up to date: PostGIS, the
          schema, the project's settings and the group roles planlines_viewer (read),
          planlines_editor (+ corridor progress, checks, site layers) and planlines_admin
          (+ replacing layers, settings, rules) with their rights; safe to run again

See planlines db init --help for its options.
)";

// A server database (postgresql:// URI or a libpq keyword string), not a project file.
bool isServerDatabase(const QString &db)
{
    return db.startsWith(QLatin1String("postgresql://")) ||
           db.startsWith(QLatin1String("postgres://")) || db.contains(QLatin1Char('='));
}

int runInit(const QStringList &args)
{
    const QString cmd = QStringLiteral("planlines db init");
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Make a PostgreSQL database a PlanLines project, or bring it up to date: creates "
        "PostGIS when missing (needs a superuser the first time), the schema, the project's "
        "settings and the group roles planlines_viewer (read), planlines_editor (+ corridor "
        "progress, check records, site layers) and planlines_admin (+ replacing layers, "
        "settings, rules), with their rights. Idempotent: running it again changes only what "
        "is missing, and never a project's CRS or county. People then get a login role each: "
        "CREATE ROLE wang_li LOGIN; GRANT planlines_editor TO wang_li. Passwords come from "
        "~/.pgpass, PGPASSWORD or pg_service.conf, never from the command line."));
    p.addHelpOption();
    p.addOption({QStringLiteral("db"),
                 QStringLiteral("The database: postgresql://[user@]host[:port]/dbname, "
                                "service=NAME or \"host=… dbname=…\" (required)."),
                 QStringLiteral("URI")});
    p.addOption({QStringLiteral("crs"),
                 QStringLiteral("Working CRS of a new project (default EPSG:4548, CGCS2000 3° "
                                "GK CM 117°E)."),
                 QStringLiteral("EPSG:N"), QStringLiteral("EPSG:4548")});
    p.addOption({QStringLiteral("county"), QStringLiteral("County name of a new project (高青县)."),
                 QStringLiteral("NAME")});
    p.addOption({QStringLiteral("code"),
                 QStringLiteral("County administrative code of a new project (370322)."),
                 QStringLiteral("CODE")});
    if (!p.parse(args))
        return fail(cmd, p.errorText(), 2);
    if (p.isSet(QStringLiteral("help")))
        return printHelp(p, cmd);
    if (!p.positionalArguments().isEmpty())
        return fail(cmd, QStringLiteral("unexpected argument '%1'").arg(p.positionalArguments()[0]),
                    2);
    const QString db = p.value(QStringLiteral("db"));
    if (db.isEmpty())
        return fail(cmd, QStringLiteral("--db postgresql://… is required"), 2);
    if (!isServerDatabase(db))
        return fail(cmd,
                    QStringLiteral("--db must name a PostgreSQL database (postgresql://… or "
                                   "service=NAME), not the file '%1': a project file is made "
                                   "by planlines sample or import")
                        .arg(db),
                    2);
    geodata::PgInitOptions opt;
    opt.workingCrs = p.value(QStringLiteral("crs")).toStdString();
    opt.countyName = p.value(QStringLiteral("county")).toStdString();
    opt.countyCode = p.value(QStringLiteral("code")).toStdString();
    try {
        const auto r = geodata::initPgDatabase(db.toStdString(), opt);
        QTextStream out(stdout);
        out << QString::fromStdString(r.database) << ": "
            << (r.projectCreated ? "new PlanLines project " : "PlanLines project ")
            << QString::fromStdString(r.countyName) << " (" << QString::fromStdString(r.countyCode)
            << "), " << QString::fromStdString(r.workingCrs) << ", schema " << r.schemaVersion
            << " (" << r.migrationsApplied
            << (r.migrationsApplied == 1 ? " migration" : " migrations") << " applied)\n"
            << "roles: " << geodata::kPgViewerRole.data() << " (read), "
            << geodata::kPgEditorRole.data() << " (+ progress, checks, site layers), "
            << geodata::kPgAdminRole.data() << " (+ replacing layers, settings, rules)\n";
        return 0;
    } catch (const std::exception &e) {
        return fail(cmd, QString::fromUtf8(e.what()));
    }
}

} // namespace

int runDb(const QStringList &args)
{
    // args[0] is "db"; the subcommand follows.
    if (args.size() < 2 || args[1] == QLatin1String("--help") || args[1] == QLatin1String("-h")) {
        QTextStream(stdout) << kDbUsage;
        return args.size() < 2 ? 2 : 0;
    }
    if (args[1] == QLatin1String("init"))
        return runInit(args.mid(1));
    return fail(QStringLiteral("planlines db"),
                QStringLiteral("unknown command '%1' (see planlines db --help)").arg(args[1]), 2);
}

} // namespace planlines::cli
