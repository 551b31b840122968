#include "cli.h"
#include "commands.h"

#include <geodata/projectsummary.h>

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QTextStream>

namespace planlines::cli {

int runInfo(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Show a project's layers: role, table, feature count, CRS, version and total area in "
        "m², 亩 and 公顷 (length in m for line layers)."));
    p.addHelpOption();
    p.addOption({QStringLiteral("db"),
                 QStringLiteral("Project file (default: $PLANLINES_DB, else "
                                "the sample county)."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON instead of a table.")});
    if (!p.parse(args))
        return fail(QStringLiteral("planlines info"), p.errorText(), 2);
    if (p.isSet(QStringLiteral("help")))
        return printHelp(p, QStringLiteral("planlines info"));
    if (!p.positionalArguments().isEmpty())
        return fail(QStringLiteral("planlines info"),
                    QStringLiteral("unexpected argument '%1'").arg(p.positionalArguments()[0]), 2);
    const std::string db = p.isSet(QStringLiteral("db"))
                               ? p.value(QStringLiteral("db")).toStdString()
                               : defaultDatabase();
    try {
        auto project = geodata::Project::open(db, /*readOnly=*/true);
        const auto summary = geodata::ProjectSummary::of(*project);
        QTextStream out(stdout);
        if (p.isSet(QStringLiteral("json")))
            out << QJsonDocument(summary.toJson()).toJson(QJsonDocument::Indented);
        else
            out << QString::fromStdString(summary.toText());
        return 0;
    } catch (const std::exception &e) {
        return fail(QStringLiteral("planlines info"), QString::fromUtf8(e.what()));
    }
}

} // namespace planlines::cli
