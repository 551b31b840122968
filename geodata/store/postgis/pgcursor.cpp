#include "pgcursor.h"

#include <libpq-fe.h>

namespace planlines::geodata {

PgCursor::PgCursor(PgConnection &connection, std::string_view select, const PgParams &params,
                   int batchRows)
    : m_conn(connection), m_name(connection.uniqueName("planlines_cur")),
      m_batchRows(batchRows > 0 ? batchRows : 10000)
{
    if (m_conn.transactionDepth() == 0) {
        m_own.emplace(m_conn); // a cursor lives in a transaction
        m_conn.exec("SET TRANSACTION READ ONLY");
    }
    // With the extended protocol the FETCH's own result format (binary) applies.
    m_conn.exec("DECLARE " + m_name + " NO SCROLL CURSOR FOR " + std::string(select), params);
    m_open = true;
}

PgCursor::~PgCursor()
{
    if (m_open && m_conn.ok() && !m_own)
        PQclear(PQexec(m_conn.handle(), ("CLOSE " + m_name).c_str()));
    // m_own rolls back (read only: nothing to keep), which closes the cursor.
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
