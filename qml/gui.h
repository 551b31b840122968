// The map window of planlines: what runs when no subcommand is given.
#pragma once

#include <string>

namespace planlines::qml {

// Runs the window on the project given by --db (else defaultDb) and returns the exit code.
// Options: --db FILE, --size WxH, --screenshot FILE.png (render offscreen once the first
// complete map frame is shown, save it, exit 0; exit 1 with a message on stderr if the project
// cannot be opened).
int runGui(int argc, char **argv, const std::string &defaultDb);

} // namespace planlines::qml
