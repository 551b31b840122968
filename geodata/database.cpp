#include "database.h"

#include <sqlite3.h>
// after sqlite3.h: spatialite.h uses its types
#include <spatialite.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>

namespace planlines::geodata {

namespace {

// A write SQLite could not make (a full disk, a file-size limit, a quota) is said as every
// writer of PlanLines says it: "<file>: cannot write: <cause>", naming the project file and the
// system's reason instead of the statement and "disk I/O error".
[[noreturn]] void throwStoreError(sqlite3 *db, std::string msg, std::string context, int rc)
{
    switch (rc) {
    case SQLITE_FULL:
    case SQLITE_IOERR_WRITE:
    case SQLITE_IOERR_FSYNC:
    case SQLITE_IOERR_DIR_FSYNC:
    case SQLITE_IOERR_TRUNCATE:
    case SQLITE_IOERR_SHMSIZE:
    case SQLITE_IOERR_SHMMAP: {
        // SQLite keeps the system's error number for I/O errors only; SQLITE_FULL is ENOSPC.
        const int e = rc == SQLITE_FULL ? ENOSPC : db ? sqlite3_system_errno(db) : 0;
        const char *file = db ? sqlite3_db_filename(db, "main") : nullptr;
        throw StoreError("cannot write: " + (e ? std::string(std::strerror(e)) : msg),
                         file && *file ? file : context, rc);
    }
    default:
        throw StoreError(std::move(msg), std::move(context), rc);
    }
}

} // namespace

std::string quoteIdentifier(std::string_view name)
{
    if (name.find('\0') != std::string_view::npos)
        throw Error("identifier contains a NUL character",
                    std::string(name.substr(0, name.find('\0'))));
    std::string out;
    out.reserve(name.size() + 2);
    out.push_back('"');
    for (char c : name) {
        if (c == '"')
            out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
    return out;
}

// ---------------------------------------------------------------------------------------------

Statement::Statement(Database &db, std::string_view sql) : m_db(&db)
{
    const int rc =
        sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &m_stmt, nullptr);
    if (rc != SQLITE_OK)
        throw StoreError(db.lastError(), "SQL " + std::string(sql.substr(0, 120)), rc);
}

Statement::~Statement()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement &&other) noexcept : m_db(other.m_db), m_stmt(other.m_stmt)
{
    other.m_stmt = nullptr;
}

void Statement::check(int rc, std::string_view what)
{
    if (rc != SQLITE_OK)
        throw StoreError(m_db->lastError(), std::string(what) + " in " + sqlite3_sql(m_stmt), rc);
}

Statement &Statement::bind(int index, std::nullptr_t)
{
    check(sqlite3_bind_null(m_stmt, index), "bind");
    return *this;
}
Statement &Statement::bind(int index, std::int64_t v)
{
    check(sqlite3_bind_int64(m_stmt, index, v), "bind");
    return *this;
}
Statement &Statement::bind(int index, double v)
{
    check(sqlite3_bind_double(m_stmt, index, v), "bind");
    return *this;
}
Statement &Statement::bind(int index, std::string_view v)
{
    // A null pointer binds NULL; an empty string_view may have one, and it is still a value.
    check(sqlite3_bind_text64(m_stmt, index, v.data() ? v.data() : "", v.size(), SQLITE_TRANSIENT,
                              SQLITE_UTF8),
          "bind");
    return *this;
}
Statement &Statement::bind(int index, std::span<const unsigned char> v)
{
    // An empty vector's data() is null, which sqlite3_bind_blob64 would store as NULL.
    check(v.empty() ? sqlite3_bind_zeroblob(m_stmt, index, 0)
                    : sqlite3_bind_blob64(m_stmt, index, v.data(), v.size(), SQLITE_TRANSIENT),
          "bind");
    return *this;
}
Statement &Statement::bind(int index, const Value &v)
{
    std::visit(
        [&](const auto &x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, std::monostate>)
                bind(index, nullptr);
            else if constexpr (std::is_same_v<T, Blob>)
                bind(index, std::span<const unsigned char>(x));
            else
                bind(index, x);
        },
        v);
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    const std::string msg = m_db->lastError();
    sqlite3_reset(m_stmt);
    throwStoreError(m_db->handle(), msg, std::string("SQL ") + sqlite3_sql(m_stmt), rc);
}

void Statement::run()
{
    try {
        while (step()) {
        }
    } catch (...) {
        reset(); // reusable after a failed run too
        throw;
    }
    reset();
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

int Statement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}
bool Statement::isNull(int col) const
{
    return sqlite3_column_type(m_stmt, col) == SQLITE_NULL;
}
std::int64_t Statement::int64(int col) const
{
    return sqlite3_column_int64(m_stmt, col);
}
double Statement::real(int col) const
{
    return sqlite3_column_double(m_stmt, col);
}

std::string Statement::text(int col) const
{
    const auto *p = sqlite3_column_text(m_stmt, col);
    if (!p)
        return {};
    return std::string(reinterpret_cast<const char *>(p),
                       static_cast<size_t>(sqlite3_column_bytes(m_stmt, col)));
}

std::span<const unsigned char> Statement::blob(int col) const
{
    const auto *p = static_cast<const unsigned char *>(sqlite3_column_blob(m_stmt, col));
    return {p, static_cast<size_t>(sqlite3_column_bytes(m_stmt, col))};
}

Value Statement::value(int col) const
{
    switch (sqlite3_column_type(m_stmt, col)) {
    case SQLITE_INTEGER:
        return int64(col);
    case SQLITE_FLOAT:
        return real(col);
    case SQLITE_TEXT:
        return text(col);
    case SQLITE_BLOB: {
        auto b = blob(col);
        return Blob(b.begin(), b.end());
    }
    default:
        return std::monostate{};
    }
}

// ---------------------------------------------------------------------------------------------

namespace {

// While another program writes the project (a long import or check batch), a writer here waits
// for it, up to a minute, instead of failing after a few seconds with "database is locked";
// after 2 s it says once on stderr why nothing happens. A connection is used by one thread at a
// time, so the wait's state is the thread's (count 0 starts a new wait).
int waitForWriter(void *, int count)
{
    using Clock = std::chrono::steady_clock;
    thread_local Clock::time_point since;
    thread_local bool said = false;
    const auto now = Clock::now();
    if (count == 0) {
        since = now;
        said = false;
    }
    const auto waited = now - since;
    if (waited >= std::chrono::seconds(60))
        return 0; // SQLite then reports SQLITE_BUSY: "database is locked"
    if (!said && waited >= std::chrono::seconds(2)) {
        said = true;
        std::fputs("waiting for the project (another program is writing)…\n", stderr);
        std::fflush(stderr);
    }
    // Short sleeps first (a writer's commit takes milliseconds), then 50 ms.
    sqlite3_sleep(count < 10 ? 1 + count * 2 : 50);
    return 1;
}

} // namespace

Database::Database(const std::string &path, Mode mode) : m_path(path)
{
    int flags = SQLITE_OPEN_NOMUTEX;
    switch (mode) {
    case Mode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    case Mode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case Mode::Create:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    }
    const int rc = sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
        sqlite3_close(m_db);
        m_db = nullptr;
        throw StoreError("cannot open database: " + msg, path, rc);
    }
    sqlite3_extended_result_codes(m_db, 1);
    m_spatialiteCache = spatialite_alloc_connection();
    spatialite_init_ex(m_db, m_spatialiteCache, 0);
    // After SpatiaLite's init, which sets a busy timeout of its own.
    sqlite3_busy_handler(m_db, waitForWriter, nullptr);
}

Database::~Database()
{
    if (m_db)
        sqlite3_close_v2(m_db);
    if (m_spatialiteCache)
        spatialite_cleanup_ex(m_spatialiteCache);
}

void Database::exec(std::string_view sql)
{
    std::string s(sql);
    char *err = nullptr;
    const int rc = sqlite3_exec(m_db, s.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        std::string msg = err ? err : sqlite3_errstr(rc);
        sqlite3_free(err);
        throwStoreError(m_db, msg, "SQL " + s.substr(0, 160), rc);
    }
}

std::int64_t Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}
int Database::changes() const
{
    return sqlite3_changes(m_db);
}
std::string Database::lastError() const
{
    return sqlite3_errmsg(m_db);
}

bool Database::tableExists(std::string_view name)
{
    auto st = prepare("SELECT 1 FROM sqlite_master WHERE type IN ('table','view') AND name = ?");
    st.bind(1, name);
    return st.step();
}

// ---------------------------------------------------------------------------------------------

Transaction::Transaction(Database &db) : m_db(db)
{
    static std::atomic<unsigned> counter{0};
    if (sqlite3_get_autocommit(db.handle())) {
        db.exec("BEGIN IMMEDIATE");
    } else {
        m_name = "sp" + std::to_string(++counter);
        db.exec("SAVEPOINT " + m_name);
    }
}

Transaction::~Transaction()
{
    if (m_done)
        return;
    // Never throw from here: a failed rollback leaves SQLite to roll back on close.
    if (m_name.empty()) {
        sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    } else {
        const std::string sql = "ROLLBACK TO " + m_name + "; RELEASE " + m_name;
        sqlite3_exec(m_db.handle(), sql.c_str(), nullptr, nullptr, nullptr);
    }
}

void Transaction::commit()
{
    m_db.exec(m_name.empty() ? std::string("COMMIT") : "RELEASE " + m_name);
    m_done = true;
}

} // namespace planlines::geodata
