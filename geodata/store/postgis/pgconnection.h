// RAII access to one PostgreSQL connection through libpq, for the PostGIS engine: parameters and
// results in binary format both ways (int8, float8, text, bytea, geometry as EWKB), transactions
// that roll back unless committed, and libpq's failures turned into StoreError with a kind.
// One connection per thread, as libpq wants.
#pragma once

#include "../../database.h" // Value, Blob (plain value types)
#include "../../error.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct pg_conn;
struct pg_result;

namespace planlines::geodata {

class PgConnection;
class PgCursor;

// Query parameters, each sent in binary with its type (int8, float8, text, bytea, bool,
// geometry). Values are copied, so a PgParams may outlive what it was built from.
class PgParams
{
public:
    PgParams() = default;
    template <typename... Args> static PgParams of(const Args &...args)
    {
        PgParams p;
        (p.add(args), ...);
        return p;
    }

    PgParams &add(std::nullptr_t);
    PgParams &add(std::int64_t v);
    PgParams &add(int v) { return add(static_cast<std::int64_t>(v)); }
    PgParams &add(double v);
    PgParams &add(bool v);
    PgParams &add(std::string_view text);
    PgParams &add(const char *text) { return add(std::string_view(text)); }
    PgParams &add(const std::string &text) { return add(std::string_view(text)); }
    PgParams &add(const Blob &bytes) { return bytea(bytes); }
    PgParams &add(const Value &v);
    PgParams &bytea(std::span<const unsigned char> bytes);
    // EWKB (or WKB) as PostGIS's geometry type receives it.
    PgParams &geometry(std::span<const unsigned char> ewkb);
    // Text whose type the server infers from where it is used, parsed by that type's input
    // function: a value compared with a column of any type, an array literal '{1,2,3}'.
    PgParams &untyped(std::string_view text);

    int size() const { return static_cast<int>(m_params.size()); }

private:
    friend class PgConnection;
    struct Param
    {
        std::uint32_t type = 0; // OID; 0 with geometry set: the connection's geometry OID
        bool null = false;
        bool geometry = false;
        std::string bytes;
        bool textFormat = false;
    };
    std::vector<Param> m_params;
};

// One result, read in binary. Getters convert from the column's type and throw Error when the
// column's type cannot give what is asked (a programming error, named with the column).
class PgResult
{
public:
    PgResult() = default;
    explicit PgResult(pg_result *result);
    ~PgResult();
    PgResult(PgResult &&other) noexcept;
    PgResult &operator=(PgResult &&other) noexcept;
    PgResult(const PgResult &) = delete;
    PgResult &operator=(const PgResult &) = delete;

    int rows() const;
    int columns() const;
    // The column of this name; throws Error when there is none.
    int column(std::string_view name) const;
    std::string columnName(int col) const;
    std::uint32_t columnType(int col) const;
    // Rows an INSERT/UPDATE/DELETE/COPY touched.
    std::int64_t affected() const;

    bool isNull(int row, int col) const;
    std::int64_t int64(int row, int col) const;                   // int2, int4, int8, oid
    double real(int row, int col) const;                          // float4, float8, and the ints
    bool boolean(int row, int col) const;                         // bool
    std::string text(int row, int col) const;                     // text types, date (YYYY-MM-DD)
    std::span<const unsigned char> bytes(int row, int col) const; // raw: bytea, geometry (EWKB)
    // NULL, int64, double, string or Blob by the column's type (bool as 0/1, date as text).
    Value value(int row, int col) const;

    pg_result *get() const { return m_result; }

private:
    void expect(int row, int col) const;
    pg_result *m_result = nullptr;
};

class PgConnection
{
public:
    // Connects to a postgresql:// URI or a keyword string (service=NAME, host=… dbname=…), with
    // application_name=planlines and client_encoding UTF8. A password comes from the string,
    // ~/.pgpass or PGPASSWORD and is never part of a message. Throws StoreError
    // (ConnectionLost: unreachable; PermissionDenied: authentication refused).
    explicit PgConnection(const std::string &conninfo);
    ~PgConnection();
    PgConnection(const PgConnection &) = delete;
    PgConnection &operator=(const PgConnection &) = delete;

    // The database for messages: user@host:port/dbname or service=NAME, never a password.
    const std::string &displayName() const { return m_display; }
    // The role the session runs as (for messages; audit rows use current_user in SQL).
    std::string user() const;

    // One statement, parameters and results in binary.
    PgResult exec(std::string_view sql, const PgParams &params = {});
    template <typename... Args>
    std::optional<Value> scalar(std::string_view sql, const Args &...args)
    {
        PgResult r = exec(sql, PgParams::of(args...));
        if (r.rows() == 0 || r.columns() == 0)
            return std::nullopt;
        return r.value(0, 0);
    }
    // Several statements in text protocol without parameters (schema scripts).
    void execScript(std::string_view sql);

    // False once the connection is lost. A loss inside a transaction (or while cursors read) is
    // StoreError ConnectionLost saying nothing of it was stored (the server rolled it back), and
    // so is every call until that transaction object is gone; the first call after it connects
    // again (ConnectionLost when that fails too). reset() reconnects at once.
    bool ok() const;
    // Reconnects after a loss (any transaction of the lost session is gone: the server rolled
    // it back). Throws StoreError as the constructor does.
    void reset();
    // A session setting (SET …, LISTEN …): run now and again after every reconnection.
    void setSession(const std::string &sql);

    // PostGIS's geometry type, looked up once (it is an extension type without a fixed OID).
    std::uint32_t geometryOid();
    // NOTIFY payloads received since the last call (channel, payload), without blocking.
    std::vector<std::pair<std::string, std::string>> notifications();

    // A name unique on this connection for cursors and savepoints.
    std::string uniqueName(std::string_view prefix);
    int transactionDepth() const { return m_depth; }

    // The StoreError for a failed result (or a failure without one): SQLSTATE → kind; 42501
    // names the right that is missing and the PlanLines role that grants it.
    [[noreturn]] void raise(const pg_result *result, std::string_view sql) const;
    [[noreturn]] void raiseConnection(std::string_view what) const;

    pg_conn *handle() const { return m_conn; }

    // Reads the result of a statement sent ahead (a cursor's next rows, PgCursor) into the
    // cursor that sent it: done before the connection is used for anything else. Every call
    // here does it; code that uses handle() itself calls it first.
    void settle();

private:
    friend class PgTransaction;
    friend class PgCursor;
    void connect();
    void checkUsable();
    std::string lostMessage() const;
    std::string m_conninfo;
    std::string m_display;
    pg_conn *m_conn = nullptr;
    std::uint32_t m_geometryOid = 0;
    int m_depth = 0;
    std::int64_t m_names = 0;
    std::vector<std::string> m_session; // setSession's statements
    // The read-only transaction that cursors opened outside any transaction share; it ends
    // when the last of them goes (PgCursor).
    int m_implicitReaders = 0;
    // The cursor whose next FETCH is on its way (at most one per connection), or null.
    PgCursor *m_ahead = nullptr;
};

// A transaction that rolls back when it goes out of scope without commit(). The outermost is
// BEGIN … COMMIT; nested ones are savepoints. Never throws from the destructor, also after the
// connection was lost (the server then rolled back already). Refused (Error) while cursors
// opened outside a transaction are reading: a write inside their read-only transaction would
// not be durable when it says it is.
class PgTransaction
{
public:
    explicit PgTransaction(PgConnection &connection);
    ~PgTransaction();
    PgTransaction(const PgTransaction &) = delete;
    PgTransaction &operator=(const PgTransaction &) = delete;
    void commit();

private:
    PgConnection &m_conn;
    std::string m_savepoint; // empty for the outermost
    bool m_done = false;
};

// The display form of a connection string: user@host:port/dbname or service=NAME, without a
// password (parsed by libpq, so URIs and keyword strings are read exactly as it reads them).
std::string pgDisplayName(const std::string &conninfo);

} // namespace planlines::geodata
