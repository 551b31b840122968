#include "startuptiming.h"

#include <QElapsedTimer>
#include <QTextStream>

#include <atomic>
#include <mutex>

namespace planlines::qml {

namespace {
QElapsedTimer &clock()
{
    static QElapsedTimer c;
    return c;
}
std::once_flag started;
std::atomic<bool> logging{false};
std::mutex printing; // marks come from the GUI thread and the loader
} // namespace

void StartupTiming::start(bool enable)
{
    std::call_once(started, [] { clock().start(); });
    if (enable || qEnvironmentVariableIntValue("PLANLINES_TIMING") != 0)
        logging = true;
}

bool StartupTiming::enabled()
{
    return logging;
}

double StartupTiming::elapsedS()
{
    start();
    return clock().nsecsElapsed() / 1e9;
}

void StartupTiming::mark(const QString &what)
{
    if (!logging)
        return;
    const double s = elapsedS();
    std::lock_guard lock(printing);
    QTextStream(stderr) << QStringLiteral("timing: %1 s  ").arg(s, 6, 'f', 3) << what << "\n";
}

} // namespace planlines::qml
