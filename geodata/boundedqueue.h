// A queue between two threads that holds at most `capacity` items: push() waits while it is
// full, pop() while it is empty. close() ends it after what is queued; stop() ends it now (both
// sides return at once). For pipelines whose memory must stay bounded on huge inputs.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>

namespace planlines::geodata {

template <typename T> class BoundedQueue
{
public:
    explicit BoundedQueue(std::size_t capacity) : m_capacity(capacity ? capacity : 1) {}

    // False when the queue was stopped (the item is dropped).
    bool push(T item)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_items.size() < m_capacity || m_stopped; });
        if (m_stopped)
            return false;
        m_items.push_back(std::move(item));
        lock.unlock();
        m_changed.notify_all();
        return true;
    }
    // The next item; nothing once closed and drained, or stopped.
    std::optional<T> pop()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_items.empty() || m_closed || m_stopped; });
        if (m_stopped || m_items.empty())
            return std::nullopt;
        T item = std::move(m_items.front());
        m_items.pop_front();
        lock.unlock();
        m_changed.notify_all();
        return std::optional<T>(std::move(item));
    }
    void close()
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_changed.notify_all();
    }
    void stop()
    {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
        m_changed.notify_all();
    }
    bool stopped()
    {
        std::lock_guard lock(m_mutex);
        return m_stopped;
    }

private:
    std::size_t m_capacity;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<T> m_items;
    bool m_closed = false, m_stopped = false;
};

} // namespace planlines::geodata
