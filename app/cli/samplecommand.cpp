#include "commands.h"

#include <geodata/sample/samplegenerator.h>
#include <geodata/store/location.h>
#include <geodata/store/transfer.h>

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

namespace planlines::cli {

int runSample(const QStringList &args)
{
    const QString cmd = QStringLiteral("planlines sample");
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Generate the synthetic sample county 高青县 (Gaoqing) as a new project file: townships, "
        "land-use parcels, permanent basic farmland, red line, urban boundary, control units, "
        "the silt-back corridor with its history, project sites and context layers. "
        "Deterministic: the same options give the same data. All of it is synthetic. On a "
        "PostgreSQL/PostGIS server (--out postgresql://… or service=NAME) the county is made "
        "in a temporary file and published there in one transaction (as planlines publish)."));
    p.addHelpOption();
    p.addOption({QStringLiteral("out"),
                 QStringLiteral("Project file to write, or a server database (postgresql://…, "
                                "service=NAME) to fill (required)."),
                 QStringLiteral("FILE|URI")});
    p.addOption({QStringLiteral("parcels"),
                 QStringLiteral("Approximate number of land-use parcels (default 80000, up to "
                                "1000000)."),
                 QStringLiteral("N"), QStringLiteral("80000")});
    p.addOption({QStringLiteral("seed"), QStringLiteral("Random seed (default 370322)."),
                 QStringLiteral("S"), QStringLiteral("370322")});
    p.addOption({QStringLiteral("force"),
                 QStringLiteral("Replace FILE if it exists (on a server: the project the "
                                "database holds).")});
    p.addOption({QStringLiteral("one-year"),
                 QStringLiteral("Leave out the second survey year: 地类图斑 gets only the 2023 "
                                "survey (version 1), not also the 2024 change survey (version "
                                "2). Faster, for benchmark data.")});
    p.addOption({QStringLiteral("quiet"), QStringLiteral("Print nothing but errors.")});
    if (!p.parse(args))
        return fail(cmd, p.errorText(), 2);
    if (p.isSet(QStringLiteral("help")))
        return printHelp(p, QStringLiteral("planlines sample"));
    if (!p.isSet(QStringLiteral("out")))
        return fail(cmd, QStringLiteral("--out FILE (or --out postgresql://…) is required"), 2);
    bool ok = false;
    const long long parcels = p.value(QStringLiteral("parcels")).toLongLong(&ok);
    if (!ok || parcels < 1000 || parcels > 2000000)
        return fail(cmd,
                    QStringLiteral("--parcels must be a number from 1000 to 2000000, not '%1'")
                        .arg(p.value(QStringLiteral("parcels"))),
                    2);
    const qulonglong seed = p.value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok)
        return fail(cmd, QStringLiteral("--seed must be a whole number"), 2);
    const QString out = p.value(QStringLiteral("out"));
    const bool server = geodata::isServerLocation(out.toStdString());
    // With --force the old file stays until the new one is whole and renamed over it.
    if (!server && QFile::exists(out) && !p.isSet(QStringLiteral("force")))
        return fail(cmd, QStringLiteral("%1 exists; use --force to replace it").arg(out));
    // A server is filled from a file made first (the generator writes SpatiaLite), copied in
    // one transaction: a failure leaves the database as it was.
    QTemporaryDir scratch;
    if (server && !scratch.isValid())
        return fail(
            cmd, QStringLiteral("cannot make a temporary folder: %1").arg(scratch.errorString()));
    if (server && !p.isSet(QStringLiteral("force"))) {
        // Refused now, not after minutes of generating (publish refuses it too).
        try {
            auto there = geodata::Project::open(out.toStdString(), /*readOnly=*/true);
            const auto held = geodata::projectContents(*there);
            if (held.holdsData())
                return fail(cmd, QStringLiteral("%1 holds a project (%2); use --force to replace "
                                                "it")
                                     .arg(QString::fromStdString(held.location),
                                          QString::fromStdString(held.describe())));
        } catch (const std::exception &) {
            // No project there yet (no schema): publishing makes one, or says why not.
        }
    }
    const QString file = server ? scratch.filePath(QStringLiteral("sample.sqlite")) : out;
    const QString shown =
        server
            ? QString::fromStdString(geodata::ProjectLocation::parse(out.toStdString()).display())
            : out;

    geodata::SampleOptions opt;
    opt.outPath = file.toStdString();
    opt.replace = !server && p.isSet(QStringLiteral("force"));
    opt.targetParcels = static_cast<int>(parcels);
    opt.seed = seed;
    opt.secondYear = !p.isSet(QStringLiteral("one-year"));
    const bool quiet = p.isSet(QStringLiteral("quiet"));
    QTextStream err(stderr);
    if (!quiet)
        opt.progress = [&err](const std::string &msg) {
            err << "  " << QString::fromStdString(msg) << "\n";
            err.flush();
        };
    QElapsedTimer timer;
    timer.start();
    try {
        const auto report = geodata::SampleGenerator::generate(opt);
        if (server) {
            if (!quiet)
                err << "  publishing to " << shown << " …\n";
            geodata::transferProject(file.toStdString(), out.toStdString(),
                                     p.isSet(QStringLiteral("force")));
        }
        if (!quiet)
            QTextStream(stdout) << QStringLiteral("%1: %2 parcels, %3 layers in %4 s\n")
                                       .arg(shown)
                                       .arg(report.parcels)
                                       .arg(report.layers)
                                       .arg(timer.elapsed() / 1000.0, 0, 'f', 1);
        return 0;
    } catch (const std::exception &e) {
        return fail(cmd, QString::fromUtf8(e.what()));
    }
}

} // namespace planlines::cli
