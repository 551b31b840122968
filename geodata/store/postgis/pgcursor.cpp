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
}

PgCursor::~PgCursor()
{
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
    m_batch = m_conn.exec("FETCH FORWARD " + std::to_string(m_batchRows) + " FROM " + m_name);
    m_row = 0;
    m_exhausted = m_batch.rows() < m_batchRows;
    return m_batch.rows() > 0;
}

} // namespace planlines::geodata
