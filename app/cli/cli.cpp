#include "cli.h"
#include "commands.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QGuiApplication>
#include <QTextStream>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

#ifndef PLANLINES_SAMPLE_DB
#define PLANLINES_SAMPLE_DB ""
#endif
#ifndef PLANLINES_VERSION
#define PLANLINES_VERSION "0.0.0"
#endif

namespace planlines::cli {

namespace {

struct Command
{
    const char *name;
    int (*run)(const QStringList &);
    const char *summary;
};

constexpr Command kCommands[] = {
    {"info", runInfo, "show the project's layers, roles, counts, CRS, versions and areas"},
    {"import", runImport, "import files (Shapefile, .gdb, GeoPackage, GeoJSON, KML, DXF, …)"},
    {"sample", runSample, "generate the synthetic sample county (Gaoqing) as a new project"},
    {"render", runRender, "draw the map to a PNG without the window (extent, size, layers)"},
};

const char *kUsage = R"(usage: planlines [--db FILE]            open the map window on a project
       planlines COMMAND [OPTIONS]        run headless
       planlines COMMAND --help           options of one command
       planlines --help | --version

PlanLines: county planning map client (永久基本农田, 生态保护红线, 城镇开发边界,
三线一单 环境管控单元, 黄河淤背区生态廊道, 项目选址) on one SpatiaLite file per county.

commands:
)";

} // namespace

std::string defaultDatabase()
{
    if (const char *env = std::getenv("PLANLINES_DB"); env && *env)
        return env;
    // Installed beside the program (PREFIX/bin → PREFIX/share/planlines), else the build tree's.
    // (/proc/self/exe: this runs before any QCoreApplication exists.)
    const QString exe = QFileInfo(QStringLiteral("/proc/self/exe")).symLinkTarget();
    const QString installed =
        QFileInfo(exe).absolutePath() + QStringLiteral("/../share/planlines/gaoqing.sqlite");
    if (!exe.isEmpty() && QFileInfo::exists(installed))
        return QFileInfo(installed).canonicalFilePath().toStdString();
    for (const char *candidate : {PLANLINES_SAMPLE_DB, "/usr/share/planlines/gaoqing.sqlite"})
        if (*candidate && QFileInfo::exists(QString::fromUtf8(candidate)))
            return candidate;
    return PLANLINES_SAMPLE_DB;
}

bool wantsCommandLine(int argc, char **argv)
{
    if (argc < 2)
        return false;
    const char *a = argv[1];
    if (!std::strcmp(a, "--help") || !std::strcmp(a, "-h") || !std::strcmp(a, "--version"))
        return true;
    return a[0] != '-';
}

int run(int argc, char **argv)
{
    // render paints text, and fonts need a QGuiApplication: offscreen, no window system.
    const bool paints = argc > 1 && !std::strcmp(argv[1], "render");
    if (paints && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const std::unique_ptr<QCoreApplication> app(paints ? new QGuiApplication(argc, argv)
                                                       : new QCoreApplication(argc, argv));
    QCoreApplication::setApplicationName(QStringLiteral("planlines"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PLANLINES_VERSION));
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    QTextStream out(stdout);
    if (args.isEmpty() || args[0] == QLatin1String("--help") || args[0] == QLatin1String("-h") ||
        args[0] == QLatin1String("help")) {
        out << kUsage;
        for (const auto &c : kCommands)
            out << "  " << QString::fromLatin1(c.name).leftJustified(10) << c.summary << "\n";
        out << "\nThe project defaults to $PLANLINES_DB, else the sample county.\n";
        return 0;
    }
    if (args[0] == QLatin1String("--version")) {
        out << "planlines " << PLANLINES_VERSION << "\n";
        return 0;
    }
    for (const auto &c : kCommands)
        if (args[0] == QLatin1String(c.name))
            return c.run(args);
    return fail(QStringLiteral("planlines"),
                QStringLiteral("unknown command '%1' (see planlines --help)").arg(args[0]), 2);
}

int printHelp(const QCommandLineParser &parser, const QString &command)
{
    QString text = parser.helpText();
    const qsizetype eol = text.indexOf(QLatin1Char('\n'));
    const qsizetype opts = text.lastIndexOf(QLatin1String(" [options]"), eol);
    if (text.startsWith(QLatin1String("Usage: ")) && opts > 0)
        text.replace(7, opts - 7, command);
    QTextStream(stdout) << text;
    return 0;
}

int fail(const QString &command, const QString &message, int code)
{
    QTextStream err(stderr);
    err << command << ": " << message << "\n";
    return code;
}

} // namespace planlines::cli
