// Writes rows into a table through COPY … FROM STDIN (FORMAT binary): the fastest way into
// PostgreSQL, geometry as EWKB bytes (PostGIS's binary input). Rows are buffered and sent as
// one whole COPY command per block of about 4 MB, so between calls the connection is free for
// other statements (a layer sink's caller may read the registry mid-import). Use it inside a
// transaction: rows of blocks already sent are undone by its rollback when finish() is never
// reached or fails.
#pragma once

#include "pgconnection.h"

namespace planlines::geodata {

class PgCopyWriter
{
public:
    // copySql: "COPY t (a, b, geom) FROM STDIN (FORMAT binary)"; columns: how many each row has.
    PgCopyWriter(PgConnection &connection, std::string_view copySql, int columns);
    PgCopyWriter(const PgCopyWriter &) = delete;
    PgCopyWriter &operator=(const PgCopyWriter &) = delete;

    // Starts a row; then exactly `columns` fields in table-column order.
    PgCopyWriter &row();
    PgCopyWriter &null();
    PgCopyWriter &int64(std::int64_t v);                   // int8 column
    PgCopyWriter &int32(std::int32_t v);                   // int4 column
    PgCopyWriter &real(double v);                          // float8 column
    PgCopyWriter &boolean(bool v);                         // bool column
    PgCopyWriter &text(std::string_view v);                // text column (UTF-8)
    PgCopyWriter &date(std::string_view isoDate);          // date column, from YYYY-MM-DD
    PgCopyWriter &bytes(std::span<const unsigned char> v); // bytea, or geometry as EWKB

    // Ends the COPY and waits for the server's verdict; returns the rows it stored. Throws
    // StoreError naming the table's problem (a bad value, a refused right, a lost connection).
    std::int64_t finish();
    std::int64_t rows() const { return m_rows; }

private:
    void field(const char *data, std::size_t size);
    void send(); // the buffered rows as one COPY command
    void fail(std::string_view what);
    PgConnection &m_conn;
    std::string m_sql;
    int m_columns;
    int m_fields = 0;          // of the current row
    std::int64_t m_rows = 0;   // all rows so far
    std::int64_t m_stored = 0; // rows the server took
    std::string m_buffer;      // the rows not sent yet
    bool m_active = true;
};

} // namespace planlines::geodata
