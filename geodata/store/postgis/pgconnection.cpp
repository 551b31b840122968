#include "pgconnection.h"
#include "pgbinary.h"
#include "pgcursor.h"
#include "pgerror.h"

#include <libpq-fe.h>

#include <cctype>
#include <cstring>

namespace planlines::geodata {

// ---- PgParams ----

PgParams &PgParams::add(std::nullptr_t)
{
    m_params.push_back({0, true, false, {}});
    return *this;
}

PgParams &PgParams::add(std::int64_t v)
{
    m_params.push_back({pgoid::Int8, false, false, pgbinary::int64(v)});
    return *this;
}

PgParams &PgParams::add(double v)
{
    m_params.push_back({pgoid::Float8, false, false, pgbinary::float64(v)});
    return *this;
}

PgParams &PgParams::add(bool v)
{
    m_params.push_back({pgoid::Bool, false, false, std::string(1, v ? '\1' : '\0')});
    return *this;
}

PgParams &PgParams::add(std::string_view text)
{
    m_params.push_back({pgoid::Text, false, false, std::string(text)});
    return *this;
}

PgParams &PgParams::add(const Value &v)
{
    return std::visit(
        [this](const auto &x) -> PgParams & {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, std::monostate>)
                return add(nullptr);
            else if constexpr (std::is_same_v<T, Blob>)
                return bytea(x);
            else
                return add(x);
        },
        v);
}

PgParams &PgParams::bytea(std::span<const unsigned char> bytes)
{
    m_params.push_back({pgoid::Bytea, false, false,
                        std::string(reinterpret_cast<const char *>(bytes.data()), bytes.size())});
    return *this;
}

PgParams &PgParams::geometry(std::span<const unsigned char> ewkb)
{
    m_params.push_back(
        {0, false, true, std::string(reinterpret_cast<const char *>(ewkb.data()), ewkb.size())});
    return *this;
}

PgParams &PgParams::untyped(std::string_view text)
{
    m_params.push_back({0, false, false, std::string(text), true});
    return *this;
}

// ---- PgResult ----

PgResult::PgResult(pg_result *result) : m_result(result) {}

PgResult::~PgResult()
{
    PQclear(m_result);
}

PgResult::PgResult(PgResult &&other) noexcept : m_result(std::exchange(other.m_result, nullptr)) {}

PgResult &PgResult::operator=(PgResult &&other) noexcept
{
    if (this != &other) {
        PQclear(m_result);
        m_result = std::exchange(other.m_result, nullptr);
    }
    return *this;
}

int PgResult::rows() const
{
    return m_result ? PQntuples(m_result) : 0;
}

int PgResult::columns() const
{
    return m_result ? PQnfields(m_result) : 0;
}

int PgResult::column(std::string_view name) const
{
    for (int c = 0; c < columns(); ++c)
        if (name == PQfname(m_result, c))
            return c;
    throw Error("the result has no column " + std::string(name), "PostgreSQL");
}

std::string PgResult::columnName(int col) const
{
    return PQfname(m_result, col);
}

std::uint32_t PgResult::columnType(int col) const
{
    return PQftype(m_result, col);
}

std::int64_t PgResult::affected() const
{
    const char *n = m_result ? PQcmdTuples(m_result) : "";
    return *n ? std::stoll(n) : 0;
}

void PgResult::expect(int row, int col) const
{
    if (!m_result || row < 0 || row >= rows() || col < 0 || col >= columns())
        throw Error("row " + std::to_string(row) + ", column " + std::to_string(col) +
                        " is outside the result",
                    "PostgreSQL");
    if (PQfformat(m_result, col) != 1)
        throw Error("column " + columnName(col) + " did not come in binary", "PostgreSQL");
}

bool PgResult::isNull(int row, int col) const
{
    expect(row, col);
    return PQgetisnull(m_result, row, col);
}

namespace {
[[noreturn]] void wrongType(const PgResult &r, int col, const char *wanted)
{
    throw Error("column " + r.columnName(col) + " (type OID " + std::to_string(r.columnType(col)) +
                    ") cannot be read as " + wanted,
                "PostgreSQL");
}
} // namespace

std::span<const unsigned char> PgResult::bytes(int row, int col) const
{
    expect(row, col);
    return {reinterpret_cast<const unsigned char *>(PQgetvalue(m_result, row, col)),
            static_cast<std::size_t>(PQgetlength(m_result, row, col))};
}

std::int64_t PgResult::int64(int row, int col) const
{
    const auto b = bytes(row, col);
    switch (columnType(col)) {
    case pgoid::Int2:
        return pgbinary::readInt16(b);
    case pgoid::Int4:
        return pgbinary::readInt32(b);
    case pgoid::Oid:
        return static_cast<std::uint32_t>(pgbinary::readInt32(b));
    case pgoid::Int8:
        return pgbinary::readInt64(b);
    default:
        wrongType(*this, col, "an integer");
    }
}

double PgResult::real(int row, int col) const
{
    const auto b = bytes(row, col);
    switch (columnType(col)) {
    case pgoid::Float4:
        return pgbinary::readFloat32(b);
    case pgoid::Float8:
        return pgbinary::readFloat64(b);
    case pgoid::Int2:
    case pgoid::Int4:
    case pgoid::Int8:
    case pgoid::Oid:
        return static_cast<double>(int64(row, col));
    default:
        wrongType(*this, col, "a number");
    }
}

bool PgResult::boolean(int row, int col) const
{
    const auto b = bytes(row, col);
    if (columnType(col) != pgoid::Bool || b.size() != 1)
        wrongType(*this, col, "a boolean");
    return b[0] != 0;
}

std::string PgResult::text(int row, int col) const
{
    const auto b = bytes(row, col);
    switch (columnType(col)) {
    case pgoid::Text:
    case pgoid::Varchar:
    case pgoid::Bpchar:
    case pgoid::Name:
    case pgoid::Json:
        return {reinterpret_cast<const char *>(b.data()), b.size()};
    case pgoid::Jsonb: // a version byte, then the text
        if (b.empty() || b[0] != 1)
            wrongType(*this, col, "text (jsonb of an unknown version)");
        return {reinterpret_cast<const char *>(b.data()) + 1, b.size() - 1};
    case pgoid::Date:
        return pgbinary::dateText(pgbinary::readInt32(b));
    default:
        wrongType(*this, col, "text");
    }
}

Value PgResult::value(int row, int col) const
{
    if (isNull(row, col))
        return std::monostate{};
    switch (columnType(col)) {
    case pgoid::Int2:
    case pgoid::Int4:
    case pgoid::Int8:
    case pgoid::Oid:
        return int64(row, col);
    case pgoid::Bool:
        return std::int64_t{boolean(row, col) ? 1 : 0};
    case pgoid::Float4:
    case pgoid::Float8:
        return real(row, col);
    case pgoid::Text:
    case pgoid::Varchar:
    case pgoid::Bpchar:
    case pgoid::Name:
    case pgoid::Json:
    case pgoid::Jsonb:
    case pgoid::Date:
        return text(row, col);
    case pgoid::Numeric: // base-10000 digits on the wire; nothing of ours needs them
        throw Error("column " + columnName(col) + ": cast numeric to float8 or int8 in the SQL",
                    "PostgreSQL");
    default: {
        const auto b = bytes(row, col);
        return Blob(b.begin(), b.end());
    }
    }
}

// ---- PgConnection ----

namespace {
// Whether a statement may be sent again after the connection died under it: it changes nothing.
bool repeatable(const std::string &sql)
{
    std::size_t i = 0;
    while (i < sql.size() && std::isspace(static_cast<unsigned char>(sql[i])))
        ++i;
    std::string w;
    while (i < sql.size() && std::isalpha(static_cast<unsigned char>(sql[i])))
        w += static_cast<char>(std::toupper(static_cast<unsigned char>(sql[i++])));
    return w == "SELECT" || w == "BEGIN" || w == "SET" || w == "SHOW" || w == "LISTEN";
}
} // namespace

std::string pgDisplayName(const std::string &conninfo)
{
    char *err = nullptr;
    PQconninfoOption *opts = PQconninfoParse(conninfo.c_str(), &err);
    if (!opts) {
        PQfreemem(err);
        return "(unreadable connection string)"; // never echo it: it may hold a password
    }
    std::string user, host, port, dbname, service;
    for (PQconninfoOption *o = opts; o->keyword; ++o) {
        if (!o->val || !*o->val)
            continue;
        const std::string_view k = o->keyword;
        if (k == "user")
            user = o->val;
        else if (k == "host" || (k == "hostaddr" && host.empty()))
            host = o->val;
        else if (k == "port")
            port = o->val;
        else if (k == "dbname")
            dbname = o->val;
        else if (k == "service")
            service = o->val;
    }
    PQconninfoFree(opts);
    std::string out;
    if (!service.empty())
        out = "service=" + service + (dbname.empty() && host.empty() ? "" : " ");
    if (!user.empty())
        out += user + "@";
    out += host.empty() ? std::string("localhost") : host;
    if (!port.empty())
        out += ":" + port;
    out += "/" + dbname;
    if (!service.empty() && dbname.empty() && host.empty() && user.empty())
        out = "service=" + service;
    return out;
}

PgConnection::PgConnection(const std::string &conninfo)
    : m_conninfo(conninfo), m_display(pgDisplayName(conninfo))
{
    connect();
}

PgConnection::~PgConnection()
{
    PQfinish(m_conn);
}

void PgConnection::settle()
{
    if (PgCursor *cursor = std::exchange(m_ahead, nullptr))
        cursor->collectAhead();
}

void PgConnection::connect()
{
    settle();
    // The connection string is expanded first, then application_name and client_encoding
    // override what it says: the server's activity view and logs name us, and text is UTF-8.
    // connect_timeout comes before it, so a string that sets one wins.
    const char *keys[] = {"connect_timeout", "dbname", "application_name", "client_encoding",
                          nullptr};
    const char *values[] = {"10", m_conninfo.c_str(), "planlines", "UTF8", nullptr};
    PQfinish(m_conn);
    m_conn = PQconnectdbParams(keys, values, 1);
    m_geometryOid = 0;
    m_depth = 0;
    m_implicitReaders = 0;
    if (!m_conn)
        throw StoreError("out of memory while connecting", m_display, 0,
                         StoreError::Kind::ConnectionLost);
    if (PQstatus(m_conn) != CONNECTION_OK) {
        const std::string msg = pgbinary::firstLine(PQerrorMessage(m_conn));
        PQfinish(m_conn);
        m_conn = nullptr;
        throw StoreError("cannot connect: " + msg, m_display, 0, pgConnectFailureKind(msg));
    }
    // NOTICEs (e.g. "already exists, skipping") would go to stderr: nothing a person needs.
    PQsetNoticeProcessor(
        m_conn, [](void *, const char *) {}, nullptr);
    for (const std::string &sql : m_session)
        execScript(sql);
}

void PgConnection::reset()
{
    connect();
}

void PgConnection::setSession(const std::string &sql)
{
    execScript(sql);
    m_session.push_back(sql);
}

bool PgConnection::ok() const
{
    return m_conn && PQstatus(m_conn) == CONNECTION_OK;
}

std::string PgConnection::user() const
{
    return m_conn ? PQuser(m_conn) : "";
}

void PgConnection::checkUsable()
{
    if (ok())
        return;
    // Between transactions nothing is lost with the old session: connect again, quietly. Inside
    // one (or while cursors read) the work of that session is gone, and the caller must hear it.
    if (m_depth == 0 && m_implicitReaders == 0 && m_conn) {
        try {
            connect();
            return;
        } catch (const StoreError &e) {
            throw StoreError("the connection to the server was lost and connecting again failed (" +
                                 e.cause() + "); try again when the server is reachable",
                             m_display, 0, StoreError::Kind::ConnectionLost);
        }
    }
    throw StoreError(lostMessage(), m_display, 0, StoreError::Kind::ConnectionLost);
}

std::string PgConnection::lostMessage() const
{
    return m_depth > 0 || m_implicitReaders > 0
               ? "the connection to the server was lost during an unfinished transaction: the "
                 "server rolled it back, so nothing of it was stored; the next operation "
                 "connects again, do the edit again then"
               : "the connection to the server was lost; the next operation connects again";
}

void PgConnection::raiseConnection(std::string_view what) const
{
    const std::string msg = m_conn ? pgbinary::firstLine(PQerrorMessage(m_conn)) : "";
    if (ok())
        throw StoreError(std::string(what) + (msg.empty() ? "" : ": " + msg), m_display, 0,
                         StoreError::Kind::Other);
    throw StoreError(lostMessage() + (msg.empty() ? "" : " (" + msg + ")"), m_display, 0,
                     StoreError::Kind::ConnectionLost);
}

void PgConnection::raise(const pg_result *result, std::string_view sql) const
{
    if (!result || !ok())
        raiseConnection(ok() ? "the server sent no result"
                             : "the connection to the server was lost");
    const char *state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
    PgErrorFields f;
    f.sqlstate = state ? state : "";
    const auto field = [&](int code) {
        const char *v = PQresultErrorField(result, code);
        return std::string(v ? v : "");
    };
    f.message = field(PG_DIAG_MESSAGE_PRIMARY);
    f.detail = field(PG_DIAG_MESSAGE_DETAIL);
    f.hint = field(PG_DIAG_MESSAGE_HINT);
    f.table = field(PG_DIAG_TABLE_NAME);
    f.constraint = field(PG_DIAG_CONSTRAINT_NAME);
    f.where = field(PG_DIAG_CONTEXT);
    if (f.message.empty())
        f.message = pgbinary::firstLine(PQresultErrorMessage(result));
    f.sql = sql;
    f.user = user();
    if (pgErrorKind(f.sqlstate) == StoreError::Kind::ConnectionLost) // e.g. 57P01, terminated
        throw StoreError(lostMessage() + " (" + f.message + ") [SQLSTATE " + f.sqlstate + "]",
                         m_display, 0, StoreError::Kind::ConnectionLost);
    throw pgStoreError(f, m_display);
}

PgResult PgConnection::exec(std::string_view sql, const PgParams &params)
{
    settle();
    checkUsable();
    const int n = params.size();
    std::vector<unsigned int> types(n);
    std::vector<const char *> values(n);
    std::vector<int> lengths(n), formats(n, 1);
    for (int i = 0; i < n; ++i) {
        const auto &p = params.m_params[i];
        types[i] = p.geometry ? geometryOid() : p.type;
        values[i] = p.null ? nullptr : p.bytes.data();
        lengths[i] = static_cast<int>(p.bytes.size());
        formats[i] = p.textFormat ? 0 : 1;
    }
    const std::string text(sql);
    const auto run = [&] {
        return PgResult(PQexecParams(m_conn, text.c_str(), n, types.data(), values.data(),
                                     lengths.data(), formats.data(), 1));
    };
    PgResult r = run();
    auto status = r.get() ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
    // A connection that died while idle is found dead only by the next statement. Between
    // transactions, a statement that changes nothing (a read, the BEGIN of the next edit) is
    // simply sent again on a new connection, so the edit after an outage just works; a write
    // outside a transaction is not, since it may have been done before the loss.
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && !ok() && m_depth == 0 &&
        m_implicitReaders == 0 && repeatable(text)) {
        try {
            connect();
        } catch (const StoreError &e) {
            throw StoreError("the connection to the server was lost and connecting again "
                             "failed (" +
                                 e.cause() + "); try again when the server is reachable",
                             m_display, 0, StoreError::Kind::ConnectionLost);
        }
        r = run();
        status = r.get() ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
    }
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        raise(r.get(), sql);
    return r;
}

void PgConnection::execScript(std::string_view sql)
{
    settle();
    checkUsable();
    const std::string text(sql);
    PgResult r(PQexec(m_conn, text.c_str()));
    const auto status = r.get() ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        raise(r.get(), sql);
}

std::uint32_t PgConnection::geometryOid()
{
    if (m_geometryOid == 0) {
        PgResult r = exec("SELECT oid FROM pg_type WHERE typname = 'geometry' AND "
                          "typnamespace = (SELECT extnamespace FROM pg_extension "
                          "WHERE extname = 'postgis')");
        if (r.rows() != 1)
            throw StoreError("the database has no PostGIS (CREATE EXTENSION postgis)", m_display,
                             0);
        m_geometryOid = static_cast<std::uint32_t>(r.int64(0, 0));
    }
    return m_geometryOid;
}

std::vector<std::pair<std::string, std::string>> PgConnection::notifications()
{
    std::vector<std::pair<std::string, std::string>> out;
    if (!ok())
        return out;
    if (!PQconsumeInput(m_conn))
        raiseConnection("cannot read from the server");
    while (PGnotify *n = PQnotifies(m_conn)) {
        out.emplace_back(n->relname, n->extra ? n->extra : "");
        PQfreemem(n);
    }
    return out;
}

std::string PgConnection::uniqueName(std::string_view prefix)
{
    return std::string(prefix) + "_" + std::to_string(++m_names);
}

// ---- PgTransaction ----

PgTransaction::PgTransaction(PgConnection &connection) : m_conn(connection)
{
    if (m_conn.m_implicitReaders > 0)
        throw Error("a transaction cannot begin while features are being read outside one "
                    "(finish or drop the reading cursors first, or open the transaction before "
                    "them)",
                    m_conn.displayName());
    if (m_conn.m_depth == 0) {
        m_conn.exec("BEGIN");
    } else {
        m_savepoint = m_conn.uniqueName("planlines_sp");
        m_conn.exec("SAVEPOINT " + m_savepoint);
    }
    ++m_conn.m_depth;
}

PgTransaction::~PgTransaction()
{
    if (m_done)
        return;
    --m_conn.m_depth;
    if (!m_conn.ok())
        return; // the server rolled the session's transaction back when it went away
    // Best effort and silent: a destructor runs while an error is on its way to the user.
    const std::string sql = m_savepoint.empty() ? std::string("ROLLBACK")
                                                : "ROLLBACK TO SAVEPOINT " + m_savepoint +
                                                      "; RELEASE SAVEPOINT " + m_savepoint;
    m_conn.settle();
    PQclear(PQexec(m_conn.handle(), sql.c_str()));
}

void PgTransaction::commit()
{
    if (m_done)
        throw Error("transaction committed twice", m_conn.displayName());
    m_done = true;
    // Still inside while COMMIT is sent: were the connection lost, the next statement must not
    // quietly connect again and report a COMMIT of nothing as success.
    struct Leave
    {
        int &depth;
        ~Leave() { --depth; }
    } leave{m_conn.m_depth};
    if (m_savepoint.empty()) {
        // COMMIT of a transaction that already failed answers ROLLBACK without an error.
        PgResult r = m_conn.exec("COMMIT");
        if (std::strcmp(PQcmdStatus(r.get()), "ROLLBACK") == 0)
            throw StoreError("the transaction had failed and was rolled back", m_conn.displayName(),
                             0);
    } else
        m_conn.exec("RELEASE SAVEPOINT " + m_savepoint);
}

} // namespace planlines::geodata
