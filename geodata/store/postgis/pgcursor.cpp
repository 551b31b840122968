#include "pgcursor.h"

#include <libpq-fe.h>

namespace planlines::geodata {

PgCursor::PgCursor(PgConnection &connection, std::string_view select, const PgParams &params,
                   int batchRows)
    : m_conn(connection), m_batchRows(batchRows > 0 ? batchRows : 10000)
{
    if (batchRows == kWhole) {
        m_batch = m_conn.exec(select, params);
        m_exhausted = true;
        return;
    }
    m_name = connection.uniqueName("planlines_cur");
    if (m_conn.transactionDepth() == 0) {
        // A cursor lives in a transaction: outside the caller's, in one shared by the readers.
        if (m_conn.m_implicitReaders == 0)
            m_conn.exec("BEGIN READ ONLY");
        ++m_conn.m_implicitReaders;
        m_implicit = true;
    }
    try {
        // With the extended protocol the FETCH's own result format (binary) applies.
        m_conn.exec("DECLARE " + m_name + " NO SCROLL CURSOR FOR " + std::string(select), params);
    } catch (...) {
        release();
        throw;
    }
    m_open = true;
    sendAhead();
}

std::string PgCursor::fetchSql() const
{
    return "FETCH FORWARD " + std::to_string(m_batchRows) + " FROM " + m_name;
}

void PgCursor::sendAhead()
{
    // One statement on its way per connection: when another cursor's is, this one asks when
    // it needs its rows.
    if (m_conn.m_ahead || !m_conn.ok())
        return;
    if (PQsendQueryParams(m_conn.handle(), fetchSql().c_str(), 0, nullptr, nullptr, nullptr,
                          nullptr, 1) == 1)
        m_conn.m_ahead = this;
}

void PgCursor::collectAhead()
{
    // The first result is the FETCH's; read to the end so the connection is free again.
    PGresult *first = PQgetResult(m_conn.handle());
    while (PGresult *more = first ? PQgetResult(m_conn.handle()) : nullptr)
        PQclear(more);
    m_next = PgResult(first);
    m_nextRead = true;
}

PgCursor::~PgCursor()
{
    // Whichever cursor's FETCH is on its way: PQexec below would drop its answer.
    m_conn.settle();
    if (m_open && m_conn.ok() && !(m_implicit && m_conn.m_implicitReaders == 1))
        PQclear(PQexec(m_conn.handle(), ("CLOSE " + m_name).c_str()));
    release();
}

void PgCursor::release()
{
    if (!m_implicit)
        return;
    m_implicit = false;
    // The last reader ends the read-only transaction (which closes its cursor).
    if (--m_conn.m_implicitReaders == 0 && m_conn.ok())
        PQclear(PQexec(m_conn.handle(), "ROLLBACK"));
}

bool PgCursor::next()
{
    if (++m_row < m_batch.rows())
        return true;
    if (m_exhausted)
        return false;
    if (m_conn.m_ahead == this)
        m_conn.settle();
    if (m_nextRead) {
        m_nextRead = false;
        const auto status = m_next.get() ? PQresultStatus(m_next.get()) : PGRES_FATAL_ERROR;
        if (status != PGRES_TUPLES_OK)
            m_conn.raise(m_next.get(), fetchSql());
        m_batch = std::move(m_next);
    } else {
        m_batch = m_conn.exec(fetchSql());
    }
    m_row = 0;
    m_exhausted = m_batch.rows() < m_batchRows;
    if (!m_exhausted)
        sendAhead();
    return m_batch.rows() > 0;
}

} // namespace planlines::geodata
