#include "commands.h"

#include <geodata/sample/samplegenerator.h>

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
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
        "Deterministic: the same options give the same data. All of it is synthetic."));
    p.addHelpOption();
    p.addOption({QStringLiteral("out"), QStringLiteral("Project file to write (required)."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("parcels"),
                 QStringLiteral("Approximate number of land-use parcels (default 80000, up to "
                                "1000000)."),
                 QStringLiteral("N"), QStringLiteral("80000")});
    p.addOption({QStringLiteral("seed"), QStringLiteral("Random seed (default 370322)."),
                 QStringLiteral("S"), QStringLiteral("370322")});
    p.addOption({QStringLiteral("force"), QStringLiteral("Replace FILE if it exists.")});
    p.addOption({QStringLiteral("quiet"), QStringLiteral("Print nothing but errors.")});
    if (!p.parse(args))
        return fail(cmd, p.errorText(), 2);
    if (p.isSet(QStringLiteral("help")))
        return printHelp(p, QStringLiteral("planlines sample"));
    if (!p.isSet(QStringLiteral("out")))
        return fail(cmd, QStringLiteral("--out FILE is required"), 2);
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
    // With --force the old file stays until the new one is whole and renamed over it.
    if (QFile::exists(out) && !p.isSet(QStringLiteral("force")))
        return fail(cmd, QStringLiteral("%1 exists; use --force to replace it").arg(out));

    geodata::SampleOptions opt;
    opt.outPath = out.toStdString();
    opt.replace = p.isSet(QStringLiteral("force"));
    opt.targetParcels = static_cast<int>(parcels);
    opt.seed = seed;
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
        if (!quiet)
            QTextStream(stdout) << QStringLiteral("%1: %2 parcels, %3 layers in %4 s\n")
                                       .arg(out)
                                       .arg(report.parcels)
                                       .arg(report.layers)
                                       .arg(timer.elapsed() / 1000.0, 0, 'f', 1);
        return 0;
    } catch (const std::exception &e) {
        return fail(cmd, QString::fromUtf8(e.what()));
    }
}

} // namespace planlines::cli
