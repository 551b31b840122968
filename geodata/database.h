// RAII access to one SQLite database with SpatiaLite loaded: statements with bound parameters,
// transactions that roll back unless committed, and the one identifier-quoting helper.
#pragma once

#include "error.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace planlines::geodata {

// Quotes an SQL identifier ("name" with embedded quotes doubled). Every identifier that did
// not come from our own source code goes through here; values are always bound parameters.
std::string quoteIdentifier(std::string_view name);

using Blob = std::vector<unsigned char>;
using Value = std::variant<std::monostate, std::int64_t, double, std::string, Blob>;

class Database;

// One prepared statement. Bind with bind()/bindAll(), advance with step(), read columns.
class Statement
{
public:
    Statement(Database &db, std::string_view sql);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    Statement(Statement &&other) noexcept;

    Statement &bind(int index, std::nullptr_t);
    Statement &bind(int index, std::int64_t v);
    Statement &bind(int index, int v) { return bind(index, static_cast<std::int64_t>(v)); }
    Statement &bind(int index, double v);
    Statement &bind(int index, std::string_view v);
    Statement &bind(int index, const char *v) { return bind(index, std::string_view(v)); }
    Statement &bind(int index, const std::string &v) { return bind(index, std::string_view(v)); }
    Statement &bind(int index, std::span<const unsigned char> v);
    Statement &bind(int index, const Blob &v)
    {
        return bind(index, std::span<const unsigned char>(v));
    }
    Statement &bind(int index, const Value &v);

    template <typename... Args> Statement &bindAll(const Args &...args)
    {
        int i = 1;
        (bind(i++, args), ...);
        return *this;
    }

    // Returns true while a row is available; throws StoreError on failure.
    bool step();
    // Runs to completion (for statements without rows) and resets for reuse.
    void run();
    void reset();

    int columnCount() const;
    bool isNull(int col) const;
    std::int64_t int64(int col) const;
    double real(int col) const;
    std::string text(int col) const;
    std::span<const unsigned char> blob(int col) const;
    Value value(int col) const;

private:
    void check(int rc, std::string_view what);
    Database *m_db;
    sqlite3_stmt *m_stmt = nullptr;
};

// One connection. SpatiaLite is initialised on the connection (its own cache, no global state).
class Database
{
public:
    enum class Mode
    {
        ReadOnly,
        ReadWrite,
        Create
    };
    Database(const std::string &path, Mode mode);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Runs SQL text without parameters (schema scripts, pragmas).
    void exec(std::string_view sql);
    Statement prepare(std::string_view sql) { return Statement(*this, sql); }
    // Convenience: first column of the first row, or nullopt when there is no row.
    template <typename... Args>
    std::optional<Value> scalar(std::string_view sql, const Args &...args)
    {
        Statement st(*this, sql);
        st.bindAll(args...);
        if (!st.step())
            return std::nullopt;
        return st.value(0);
    }
    std::int64_t lastInsertRowId() const;
    int changes() const;
    bool tableExists(std::string_view name);

    sqlite3 *handle() const { return m_db; }
    const std::string &path() const { return m_path; }
    std::string lastError() const;

private:
    sqlite3 *m_db = nullptr;
    void *m_spatialiteCache = nullptr;
    std::string m_path;
};

// A transaction that rolls back when it goes out of scope without commit(). Uses SAVEPOINTs so
// it nests; the outermost one is BEGIN IMMEDIATE so writers never deadlock on upgrade.
class Transaction
{
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    void commit();

private:
    Database &m_db;
    std::string m_name;
    bool m_done = false;
};

} // namespace planlines::geodata
