// Streams a query's rows in bounded memory through a server-side cursor (DECLARE … FETCH n),
// in binary: a layer of a million parcels is read 10 000 rows at a time. Each FETCH is sent
// ahead, while the caller reads the rows before it, so the server prepares the next rows as the
// client uses the last (two cores work, not one at a time); the connection reads that answer
// first whenever it is used for something else (PgConnection::settle). Inside the caller's
// transaction when one is open, else in a read-only one that the cursors opened outside a
// transaction share and the last of them ends (so they may end in any order). A query whose
// answer the caller knows is small (kWhole: a site's candidates) is one round trip instead:
// no cursor, no transaction of its own, the rows in one result.
#pragma once

#include "pgconnection.h"

namespace planlines::geodata {

class PgCursor
{
public:
    static constexpr int kWhole = -1; // batchRows: every row in one result, no cursor
    PgCursor(PgConnection &connection, std::string_view select, const PgParams &params = {},
             int batchRows = 10000);
    ~PgCursor();
    PgCursor(const PgCursor &) = delete;
    PgCursor &operator=(const PgCursor &) = delete;

    // Advances to the next row; false at the end.
    bool next();

    // The current row's columns (valid until next()).
    const PgResult &batch() const { return m_batch; }
    int row() const { return m_row; }
    bool isNull(int col) const { return m_batch.isNull(m_row, col); }
    std::int64_t int64(int col) const { return m_batch.int64(m_row, col); }
    double real(int col) const { return m_batch.real(m_row, col); }
    std::string text(int col) const { return m_batch.text(m_row, col); }
    std::span<const unsigned char> bytes(int col) const { return m_batch.bytes(m_row, col); }
    Value value(int col) const { return m_batch.value(m_row, col); }

private:
    friend class PgConnection;
    void sendAhead();
    void collectAhead(); // PgConnection::settle: the answer of sendAhead's FETCH into m_next
    void release();
    std::string fetchSql() const;
    PgConnection &m_conn;
    bool m_implicit = false; // one of the readers of the shared read-only transaction
    std::string m_name;
    int m_batchRows;
    PgResult m_batch;
    PgResult m_next;         // the FETCH sent ahead, once collected
    bool m_nextRead = false; // m_next holds it (it may be an error, raised when reached)
    int m_row = -1;
    bool m_exhausted = false; // the server has no more rows after m_batch
    bool m_open = false;
};

} // namespace planlines::geodata
