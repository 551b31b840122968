// Runs fn(index, worker) for indices [0, n) on several threads, each with its own Worker state
// (results merged by the caller afterwards). Progress is reported serialised; the first
// exception stops the other threads and is rethrown on the calling thread.
#pragma once

#include <algorithm>
#include <atomic>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace planlines::geodata::landuse {

template <typename Worker, typename Fn>
void parallelFor(std::size_t n, std::vector<Worker> &workers, Fn fn,
                 const std::function<void(std::size_t)> &progress,
                 const std::function<bool()> &cancelled)
{
    constexpr std::size_t kChunk = 32;
    std::atomic<std::size_t> next{0}, done{0};
    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::exception_ptr error;
    auto run = [&](Worker &w) {
        try {
            while (!stop) {
                const std::size_t begin = next.fetch_add(kChunk);
                if (begin >= n)
                    break;
                if (cancelled && cancelled()) {
                    stop = true;
                    break;
                }
                const std::size_t end = std::min(n, begin + kChunk);
                for (std::size_t i = begin; i < end; ++i)
                    fn(i, w);
                const std::size_t d = done.fetch_add(end - begin) + (end - begin);
                if (progress) {
                    std::lock_guard lock(mutex);
                    progress(d);
                }
            }
        } catch (...) {
            std::lock_guard lock(mutex);
            if (!error)
                error = std::current_exception();
            stop = true;
        }
    };
    std::vector<std::thread> threads;
    for (std::size_t t = 1; t < workers.size(); ++t)
        threads.emplace_back(run, std::ref(workers[t]));
    run(workers[0]);
    for (auto &t : threads)
        t.join();
    if (error)
        std::rethrow_exception(error);
}

} // namespace planlines::geodata::landuse
