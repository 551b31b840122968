// Progress and Ctrl+C for `planlines check` batches. BatchProgress prints "检查 120/1000 (12%)"
// on stderr: rewritten in place on a terminal, one line at a time otherwise (--progress into
// a pipe or a log). Interruption catches SIGINT and SIGTERM while a batch runs: the engine
// stops taking sites, the sites already checked are recorded in one transaction and the rest
// are not checked. A second Ctrl+C ends the process at once (SQLite rolls back whatever was
// not committed, so the project is never half-written).
#pragma once

#include <chrono>
#include <cstddef>

namespace planlines::cli {

class BatchProgress
{
public:
    // forced: --progress given. Otherwise progress shows only when stderr is a terminal and
    // there is more than one site.
    BatchProgress(bool forced, std::size_t total);
    bool enabled() const { return m_enabled; }
    // Called after each site (serialised by the engine): done so far, total.
    void update(std::size_t done, std::size_t total);
    // Ends the progress line (a newline on a terminal); says how far a cancelled batch got.
    void finish(std::size_t done, std::size_t total, bool cancelled);

private:
    void print(std::size_t done, std::size_t total);
    bool m_enabled = false;
    bool m_terminal = false;
    bool m_printed = false;
    std::chrono::steady_clock::time_point m_last;
};

class Interruption
{
public:
    // Installs the handlers; the destructor restores the previous ones.
    Interruption();
    ~Interruption();
    Interruption(const Interruption &) = delete;
    Interruption &operator=(const Interruption &) = delete;
    // True once SIGINT or SIGTERM arrived (safe to poll from any thread).
    static bool requested();
    // The signal that arrived (0 if none): the command exits with 128 + it.
    static int signalNumber();
};

} // namespace planlines::cli
