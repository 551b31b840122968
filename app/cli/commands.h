// One function per subcommand; each gets its own arguments (argv[0] is the subcommand).
#pragma once

#include <QStringList>

class QCommandLineParser;

namespace planlines::cli {

int runSample(const QStringList &args);
int runInfo(const QStringList &args);
int runImport(const QStringList &args);
int runBoundary(const QStringList &args);
int runCheck(const QStringList &args);
int runCorridor(const QStringList &args);
// True when this corridor command line draws (report): it then needs a QGuiApplication.
bool corridorDraws(int argc, char **argv);
// Needs a QGuiApplication: runExportProcess makes one (offscreen) and calls runExport.
int runExport(const QStringList &args);
int runExportProcess(int argc, char **argv);
int runRender(const QStringList &args);
int runCompare(const QStringList &args);

// Prints a subcommand's help with its own usage line ("Usage: planlines info [options]").
int printHelp(const QCommandLineParser &parser, const QString &command);

// Prints "planlines CMD: message" to stderr and returns the exit code for failures.
int fail(const QString &command, const QString &message, int code = 1);

} // namespace planlines::cli
