// The command line: `planlines SUBCOMMAND …` runs headless (no Qt GUI, no Qt Quick).
#pragma once

#include <string>
#include <vector>

namespace planlines::cli {

// True when argv asks for the command line (a subcommand, --help or --version).
bool wantsCommandLine(int argc, char **argv);
// Runs the command line and returns the process exit code. Errors go to stderr.
int run(int argc, char **argv);

// Where a project comes from when --db is not given: $PLANLINES_DB, else the sample county.
std::string defaultDatabase();

} // namespace planlines::cli
