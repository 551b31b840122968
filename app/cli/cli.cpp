#include "cli.h"
#include "commands.h"
#include "comparesheet.h"
#include "dbcommand.h"
#include "publishcommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QTextStream>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

#include <unistd.h>

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
    // When it says so for a command line, the command paints text (PDF sheets) and needs a
    // QGuiApplication (offscreen) rather than a QCoreApplication.
    bool (*draws)(int argc, char **argv) = nullptr;
};

// Commands that always paint (fonts need a QGuiApplication).
bool always(int, char **)
{
    return true;
}

// `check --report F`: the report draws the site's map and sets its text.
bool reportRequested(int argc, char **argv)
{
    for (int i = 2; i < argc; ++i)
        if (!std::strncmp(argv[i], "--report", 8))
            return true;
    return false;
}

constexpr Command kCommands[] = {
    {"info", runInfo, "show the project's layers, roles, counts, CRS, versions and areas"},
    {"import", runImport, "import files (Shapefile, .gdb, GeoPackage, GeoJSON, KML, DXF, …)"},
    {"boundary", runBoundary, "write a site as a boundary coordinate file (界址点坐标文件)"},
    {"check", runCheck, "check sites against the control lines and the access list (三线一单)",
     reportRequested},
    {"sample", runSample,
     "generate the synthetic sample county (Gaoqing) as a new project file or on a server"},
    {"corridor", runCorridor, "corridor progress: status on a date, update, import, locate, report",
     corridorDraws},
    {"export", runExport, "print map sheets (PDF, PNG, SVG) from the templates, one or a batch"},
    {"compare", runCompare,
     "land-use change between two versions: 转移矩阵, 耕地流出/流入, 进出平衡", compareDraws},
    {"render", runRender, "draw the map to a PNG without the window (extent, size, layers)",
     always},
    {"db", runDb, "a project on a PostgreSQL/PostGIS server: init (schema, group roles)"},
    {"publish", runPublish, "copy a project file onto a PostgreSQL/PostGIS server, whole"},
    {"snapshot", runSnapshot, "copy a server's project into a file for offline work"},
};

const char *kUsage = R"(usage: planlines [--db FILE]            open the map window on a project
       planlines [--db FILE] [--size WxH] [--screenshot F.png] [--check-site NAME]
                                          the window: its size, a PNG of it (offscreen), the
                                          check panel open on a site (选址检查)
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

// A QGuiApplication on the offscreen platform for commands that draw (fonts need one), else
// a QCoreApplication.
static std::unique_ptr<QCoreApplication> makeApplication(int &argc, char **argv)
{
    for (const auto &c : kCommands)
        if (c.draws && argc > 1 && !std::strcmp(argv[1], c.name) && c.draws(argc, argv)) {
            if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            // Headless sessions often lack one; Qt would warn on stderr and use this anyway.
            if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
                const QByteArray dir = QDir::tempPath().toLocal8Bit() + "/runtime-" +
                                       QByteArray::number(static_cast<qulonglong>(getuid()));
                if (QDir().mkpath(QString::fromLocal8Bit(dir)))
                    QFile::setPermissions(QString::fromLocal8Bit(dir),
                                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
                qputenv("XDG_RUNTIME_DIR", dir);
            }
            return std::make_unique<QGuiApplication>(argc, argv);
        }
    return std::make_unique<QCoreApplication>(argc, argv);
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
    if (argc > 1 && !std::strcmp(argv[1], "export"))
        return runExportProcess(argc, argv); // fonts and painting need a QGuiApplication
    const auto app = makeApplication(argc, argv);
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
