// Transactions that are tried again when the engine says a retry would succeed: PostgreSQL's
// deadlock (40P01) and serialization failure (40001), or a lock not granted in time, all
// StoreError::Kind::Busy (store/postgis/pgerror.cpp). Such a failure is about timing, not about
// the edit, so a person should never read it; the server rolled the attempt back whole, so
// running the body again from the start is safe. Bounded: after the last attempt the error goes
// to the caller as it is.
#pragma once

#include "../project.h"

#include <algorithm>
#include <chrono>
#include <random>
#include <thread>

namespace planlines::geodata {

inline constexpr int kTransactionAttempts = 6;

// Runs body() inside project.transaction() and commits; again on Busy, at most attempts times,
// waiting 20, 40, 80 … ms (with jitter, so two writers that collided do not collide again).
// body must start from scratch each time (fill its outputs afresh). Inside an enclosing
// transaction the retry is of the savepoint only; the enclosing one decides the rest.
template <typename Body>
void retryTransaction(Project &project, Body &&body, int attempts = kTransactionAttempts)
{
    thread_local std::minstd_rand jitter(std::random_device{}());
    for (int attempt = 1;; ++attempt) {
        try {
            const auto tx = project.transaction();
            body();
            tx->commit();
            return;
        } catch (const StoreError &e) {
            if (e.kind() != StoreError::Kind::Busy || attempt >= attempts)
                throw;
        }
        const int base = 20 << std::min(attempt - 1, 5);
        std::this_thread::sleep_for(
            std::chrono::milliseconds(base + static_cast<int>(jitter() % base)));
    }
}

} // namespace planlines::geodata
