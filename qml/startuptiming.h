// Where the window's start-up time goes: when enabled (planlines --timing, or the environment
// variable PLANLINES_TIMING=1), each step from the start of the process to the first complete
// frame is logged on stderr as "timing: 0.412 s  project loaded (…)". Off, it costs nothing.
#pragma once

#include <QString>

namespace planlines::qml {

class StartupTiming
{
public:
    // Starts the clock (idempotent: the first call counts) and turns logging on when enabled or
    // PLANLINES_TIMING is set to a non-zero value.
    static void start(bool enabled = false);
    static bool enabled();
    // Seconds since start().
    static double elapsedS();
    // Logs what happened now, when enabled.
    static void mark(const QString &what);
};

} // namespace planlines::qml
