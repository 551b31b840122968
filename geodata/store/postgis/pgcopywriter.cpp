#include "pgcopywriter.h"
#include "pgbinary.h"

#include <libpq-fe.h>

namespace planlines::geodata {

namespace {
constexpr std::size_t kBlock = 4 << 20;
// The binary COPY header: signature (with its NUL), flags (no OIDs), header extension length.
constexpr char kSignature[] = "PGCOPY\n\377\r\n";
} // namespace

PgCopyWriter::PgCopyWriter(PgConnection &connection, std::string_view copySql, int columns)
    : m_conn(connection), m_sql(copySql), m_columns(columns)
{
    m_buffer.reserve(kBlock + 64 * 1024);
}

void PgCopyWriter::fail(std::string_view what)
{
    throw Error(std::string(what), "COPY into " + m_sql.substr(5, m_sql.find(' ', 5) - 5));
}

PgCopyWriter &PgCopyWriter::row()
{
    if (!m_active)
        fail("the COPY is finished");
    if (m_rows > 0 && m_fields != m_columns)
        fail("a row of " + std::to_string(m_fields) + " fields where the COPY has " +
             std::to_string(m_columns));
    if (m_buffer.size() >= kBlock)
        send();
    m_buffer += pgbinary::int16(static_cast<std::int16_t>(m_columns));
    m_fields = 0;
    ++m_rows;
    return *this;
}

void PgCopyWriter::field(const char *data, std::size_t size)
{
    if (m_rows == 0 || m_fields >= m_columns)
        fail("a field outside a row (row() first, " + std::to_string(m_columns) + " per row)");
    if (size > 0x7fffffff)
        fail("a value of more than 2 GB");
    m_buffer += pgbinary::int32(static_cast<std::int32_t>(size));
    m_buffer.append(data, size);
    ++m_fields;
}

PgCopyWriter &PgCopyWriter::null()
{
    if (m_rows == 0 || m_fields >= m_columns)
        fail("a field outside a row");
    m_buffer += pgbinary::int32(-1);
    ++m_fields;
    return *this;
}

PgCopyWriter &PgCopyWriter::int64(std::int64_t v)
{
    const std::string b = pgbinary::int64(v);
    field(b.data(), b.size());
    return *this;
}

PgCopyWriter &PgCopyWriter::int32(std::int32_t v)
{
    const std::string b = pgbinary::int32(v);
    field(b.data(), b.size());
    return *this;
}

PgCopyWriter &PgCopyWriter::real(double v)
{
    const std::string b = pgbinary::float64(v);
    field(b.data(), b.size());
    return *this;
}

PgCopyWriter &PgCopyWriter::boolean(bool v)
{
    const char b = v ? 1 : 0;
    field(&b, 1);
    return *this;
}

PgCopyWriter &PgCopyWriter::text(std::string_view v)
{
    field(v.data(), v.size());
    return *this;
}

PgCopyWriter &PgCopyWriter::date(std::string_view isoDate)
{
    return int32(pgbinary::parseDate(isoDate));
}

PgCopyWriter &PgCopyWriter::bytes(std::span<const unsigned char> v)
{
    field(reinterpret_cast<const char *>(v.data()), v.size());
    return *this;
}

void PgCopyWriter::send()
{
    if (m_buffer.empty())
        return;
    m_conn.settle();
    if (!m_conn.ok())
        m_conn.raiseConnection("the connection to the server was lost");
    PgResult started(PQexec(m_conn.handle(), m_sql.c_str()));
    if (!started.get() || PQresultStatus(started.get()) != PGRES_COPY_IN)
        m_conn.raise(started.get(), m_sql);
    const std::string header = std::string(kSignature, sizeof kSignature) + pgbinary::int32(0) +
                               pgbinary::int32(0); // with the signature's final NUL
    const std::string trailer = pgbinary::int16(-1);
    for (const std::string *part : {&header, static_cast<const std::string *>(&m_buffer), &trailer})
        if (PQputCopyData(m_conn.handle(), part->data(), static_cast<int>(part->size())) != 1) {
            m_active = false;
            m_conn.raiseConnection("cannot send rows to the server");
        }
    m_buffer.clear();
    if (PQputCopyEnd(m_conn.handle(), nullptr) != 1) {
        m_active = false;
        m_conn.raiseConnection("cannot end the COPY");
    }
    PgResult r(PQgetResult(m_conn.handle()));
    // Drain: libpq wants the NULL that ends the command's results.
    while (PGresult *extra = PQgetResult(m_conn.handle()))
        PQclear(extra);
    if (!r.get() || PQresultStatus(r.get()) != PGRES_COMMAND_OK) {
        m_active = false;
        m_conn.raise(r.get(), m_sql);
    }
    m_stored += r.affected();
}

std::int64_t PgCopyWriter::finish()
{
    if (!m_active)
        fail("the COPY is finished");
    if (m_rows > 0 && m_fields != m_columns)
        fail("a row of " + std::to_string(m_fields) + " fields where the COPY has " +
             std::to_string(m_columns));
    send();
    m_active = false;
    return m_stored;
}

} // namespace planlines::geodata
