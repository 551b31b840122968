#include "checkprogress.h"

#include <unistd.h>

#include <csignal>
#include <cstdio>

namespace planlines::cli {

namespace {

constexpr auto kTerminalEvery = std::chrono::milliseconds(100);
constexpr auto kLineEvery = std::chrono::milliseconds(500);

volatile std::sig_atomic_t g_signal = 0;
struct sigaction g_oldInt, g_oldTerm;

extern "C" void onInterrupt(int sig)
{
    g_signal = sig;
    // SA_RESETHAND put the default back: a second Ctrl+C ends the process at once.
}

} // namespace

BatchProgress::BatchProgress(bool forced, std::size_t total)
    : m_terminal(isatty(STDERR_FILENO) == 1)
{
    m_enabled = forced || (m_terminal && total > 1);
}

void BatchProgress::print(std::size_t done, std::size_t total)
{
    const int percent = total ? static_cast<int>(done * 100 / total) : 100;
    std::fprintf(stderr, m_terminal ? "\r检查 %zu/%zu (%d%%)…" : "检查 %zu/%zu (%d%%)\n", done,
                 total, percent);
    std::fflush(stderr);
    m_printed = true;
    m_last = std::chrono::steady_clock::now();
}

void BatchProgress::update(std::size_t done, std::size_t total)
{
    if (!m_enabled)
        return;
    const auto now = std::chrono::steady_clock::now();
    if (!m_printed || done == total || now - m_last >= (m_terminal ? kTerminalEvery : kLineEvery))
        print(done, total);
}

void BatchProgress::finish(std::size_t done, std::size_t total, bool cancelled)
{
    if (m_enabled && m_terminal && m_printed)
        std::fputc('\n', stderr);
    if (cancelled)
        std::fprintf(stderr,
                     "planlines check: cancelled: %zu of %zu sites checked and recorded, %zu not "
                     "checked\n",
                     done, total, total - done);
    std::fflush(stderr);
}

Interruption::Interruption()
{
    g_signal = 0;
    struct sigaction sa = {};
    sa.sa_handler = onInterrupt;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND;
    sigaction(SIGINT, &sa, &g_oldInt);
    sigaction(SIGTERM, &sa, &g_oldTerm);
}

Interruption::~Interruption()
{
    sigaction(SIGINT, &g_oldInt, nullptr);
    sigaction(SIGTERM, &g_oldTerm, nullptr);
}

bool Interruption::requested()
{
    return g_signal != 0;
}

int Interruption::signalNumber()
{
    return g_signal;
}

} // namespace planlines::cli
