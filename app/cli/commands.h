// One function per subcommand; each gets its own arguments (argv[0] is the subcommand).
#pragma once

#include <QStringList>

class QCommandLineParser;

namespace planlines::cli {

int runSample(const QStringList &args);
int runInfo(const QStringList &args);
int runImport(const QStringList &args);
int runRender(const QStringList &args);

// Prints a subcommand's help with its own usage line ("Usage: planlines info [options]").
int printHelp(const QCommandLineParser &parser, const QString &command);

// Prints "planlines CMD: message" to stderr and returns the exit code for failures.
int fail(const QString &command, const QString &message, int code = 1);

} // namespace planlines::cli
