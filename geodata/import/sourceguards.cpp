#include "sourceguards.h"

#include "../error.h"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>

namespace fs = std::filesystem;

namespace planlines::geodata::import {

namespace {

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string kindOf(const fs::file_status &s)
{
    switch (s.type()) {
    case fs::file_type::fifo:
        return "a FIFO (named pipe)";
    case fs::file_type::socket:
        return "a socket";
    case fs::file_type::character:
    case fs::file_type::block:
        return "a device";
    case fs::file_type::directory:
        return "a folder";
    case fs::file_type::not_found:
        return "a dangling link";
    default:
        return "not a regular file";
    }
}

// strict: the file itself must be regular; a sidecar or a .gdb entry only must not be a
// FIFO, socket or device (a folder or a dangling link of the same stem is never read).
void requireRegular(const fs::path &p, const std::string &what, const std::string &context,
                    bool strict)
{
    std::error_code ec;
    const fs::file_status s = fs::status(p, ec); // follows links: what a read would open
    const auto t = s.type();
    const bool special = t == fs::file_type::fifo || t == fs::file_type::socket ||
                         t == fs::file_type::character || t == fs::file_type::block;
    if (special || (strict && t != fs::file_type::regular))
        throw Error(what + " is " + kindOf(s) + ", not a regular file; it is not read", context);
}

// --- SQLite schema ------------------------------------------------------------------------------

// Tokens of a CREATE statement as SQLite reads them: comments and blanks skipped, quoted
// identifiers ("x", [x], `x`, 'x') unquoted, bare words as written.
class SqlTokens
{
public:
    explicit SqlTokens(const std::string &sql) : m_sql(sql) {}
    // The next token, or "" at the end; quoted says whether it was quoted.
    std::string next(bool *quoted = nullptr)
    {
        skip();
        if (quoted)
            *quoted = false;
        if (m_pos >= m_sql.size())
            return {};
        const char c = m_sql[m_pos];
        if (c == '"' || c == '[' || c == '`' || c == '\'') {
            const char close = c == '[' ? ']' : c;
            std::string out;
            for (++m_pos; m_pos < m_sql.size(); ++m_pos) {
                if (m_sql[m_pos] == close) {
                    if (close != ']' && m_pos + 1 < m_sql.size() && m_sql[m_pos + 1] == close) {
                        out += close; // doubled quote
                        ++m_pos;
                        continue;
                    }
                    ++m_pos;
                    break;
                }
                out += m_sql[m_pos];
            }
            if (quoted)
                *quoted = true;
            return out;
        }
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
            static_cast<unsigned char>(c) >= 0x80) {
            const std::size_t start = m_pos;
            while (m_pos < m_sql.size() &&
                   (std::isalnum(static_cast<unsigned char>(m_sql[m_pos])) || m_sql[m_pos] == '_' ||
                    m_sql[m_pos] == '$' || static_cast<unsigned char>(m_sql[m_pos]) >= 0x80))
                ++m_pos;
            return m_sql.substr(start, m_pos - start);
        }
        ++m_pos;
        return std::string(1, c);
    }

private:
    void skip()
    {
        while (m_pos < m_sql.size()) {
            if (std::isspace(static_cast<unsigned char>(m_sql[m_pos]))) {
                ++m_pos;
            } else if (m_sql.compare(m_pos, 2, "--") == 0) {
                const auto end = m_sql.find('\n', m_pos);
                m_pos = end == std::string::npos ? m_sql.size() : end + 1;
            } else if (m_sql.compare(m_pos, 2, "/*") == 0) {
                const auto end = m_sql.find("*/", m_pos + 2);
                m_pos = end == std::string::npos ? m_sql.size() : end + 2;
            } else {
                return;
            }
        }
    }
    const std::string &m_sql;
    std::size_t m_pos = 0;
};

struct VirtualTable
{
    std::string name, module;
};

// The module of a CREATE VIRTUAL TABLE statement; nullopt for any other statement.
std::optional<VirtualTable> virtualTableOf(const std::string &sql)
{
    SqlTokens t(sql);
    if (lower(t.next()) != "create")
        return std::nullopt;
    std::string word = lower(t.next());
    if (word == "temp" || word == "temporary")
        word = lower(t.next());
    if (word != "virtual")
        return std::nullopt;
    VirtualTable out;
    // TABLE [IF NOT EXISTS] [schema.]name USING module
    for (std::string tok = t.next(); !tok.empty(); tok = t.next()) {
        bool quoted = false;
        if (lower(tok) == "using") {
            out.module = t.next(&quoted);
            return out;
        }
        const std::string l = lower(tok);
        if (l != "table" && l != "if" && l != "not" && l != "exists" && tok != ".")
            out.name = tok;
    }
    return out; // no USING: an unreadable statement, refused with an empty module
}

bool allowedModule(const std::string &module)
{
    // R*Tree (GeoPackage and SpatiaLite spatial indexes) and the virtual tables SpatiaLite
    // creates in every database it initialises; none of them reads outside the database.
    static const char *const kAllowed[] = {"rtree",      "rtree_i32",   "virtualspatialindex",
                                           "virtualknn", "virtualknn2", "virtualelementary"};
    const std::string m = lower(module);
    return std::any_of(std::begin(kAllowed), std::end(kAllowed),
                       [&](const char *a) { return m == a; });
}

struct SqliteCloser
{
    void operator()(sqlite3 *db) const { sqlite3_close_v2(db); }
};
struct StatementFinalizer
{
    void operator()(sqlite3_stmt *s) const { sqlite3_finalize(s); }
};

} // namespace

void requireRegularFiles(const std::string &file, bool folder)
{
    const fs::path path(file);
    std::error_code ec;
    if (folder) {
        // A .gdb is flat: its tables, indexes and the gdb/timestamps files.
        for (const auto &entry : fs::directory_iterator(path, ec))
            requireRegular(entry.path(), "its entry " + entry.path().filename().string(), file,
                           false);
        if (ec)
            throw Error("the folder cannot be listed: " + ec.message(), file);
        return;
    }
    requireRegular(path, "the path", file, true);
    // Sidecars GDAL opens by name: every file of the same stem in the folder.
    const std::string stem = lower(path.stem().string()) + ".";
    const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
    for (const auto &entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (lower(name).rfind(stem, 0) == 0 && entry.path() != path)
            requireRegular(entry.path(), "the file " + name + " beside it", file, false);
    }
}

void refuseForeignVirtualTables(const std::string &file)
{
    // Read-only, the URI form so immutable=1 keeps SQLite from creating -shm/-journal files
    // beside a user's database; a -wal beside it holds schema changes too, so then it is read.
    std::string uri = "file:";
    for (const unsigned char c : file) {
        if (std::isalnum(c) || c == '/' || c == '.' || c == '-' || c == '_')
            uri += static_cast<char>(c);
        else {
            char hex[4];
            std::snprintf(hex, sizeof hex, "%%%02X", c);
            uri += hex;
        }
    }
    std::error_code ec;
    const bool wal = fs::exists(file + "-wal", ec);
    uri += wal ? "?mode=ro" : "?mode=ro&immutable=1";
    sqlite3 *raw = nullptr;
    const int rc =
        sqlite3_open_v2(uri.c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
    std::unique_ptr<sqlite3, SqliteCloser> db(raw);
    if (rc != SQLITE_OK)
        throw Error("cannot be opened as a SQLite database: " +
                        std::string(raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)),
                    file);
    // Nothing in this file may run code: no extensions, no functions from its schema.
    sqlite3_db_config(db.get(), SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
    sqlite3_db_config(db.get(), SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    sqlite3_db_config(db.get(), SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_stmt *rawStmt = nullptr;
    if (sqlite3_prepare_v2(db.get(), "SELECT name, sql FROM sqlite_master", -1, &rawStmt,
                           nullptr) != SQLITE_OK)
        throw Error("cannot be read as a SQLite database: " + std::string(sqlite3_errmsg(db.get())),
                    file);
    std::unique_ptr<sqlite3_stmt, StatementFinalizer> stmt(rawStmt);
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(stmt.get())) == SQLITE_ROW) {
        // Every row, whatever its type says: SQLite parses each row's statement on opening.
        const auto *sql = reinterpret_cast<const char *>(sqlite3_column_text(stmt.get(), 1));
        if (!sql)
            continue;
        const auto vt = virtualTableOf(sql);
        if (!vt || allowedModule(vt->module))
            continue;
        const auto *name = reinterpret_cast<const char *>(sqlite3_column_text(stmt.get(), 0));
        throw Error("the database declares the virtual table " +
                        std::string(name ? name : vt->name.c_str()) + " (module " +
                        (vt->module.empty() ? std::string("unreadable") : vt->module) +
                        "), which can read other files; only R*Tree and SpatiaLite index virtual "
                        "tables are accepted, so it is not imported",
                    file);
    }
    if (step != SQLITE_DONE)
        throw Error("cannot be read as a SQLite database: " + std::string(sqlite3_errmsg(db.get())),
                    file);
}

void refuseReferencingTab(const std::string &file)
{
    constexpr std::uintmax_t kMaxHeader = 1u << 20;
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(file, ec);
    if (ec || size > kMaxHeader)
        throw Error("is over 1 MiB, which no MapInfo .tab header is; it is not read", file);
    std::ifstream in(file, std::ios::binary);
    std::string text(static_cast<std::size_t>(size), '\0');
    in.read(text.data(), static_cast<std::streamsize>(size));
    // Lower case and blanks collapsed, so "Create   View" reads as GDAL would take it.
    std::string flat;
    flat.reserve(text.size());
    for (const unsigned char c : text) {
        if (std::isspace(c)) {
            if (!flat.empty() && flat.back() != ' ')
                flat += ' ';
        } else {
            flat += static_cast<char>(std::tolower(c));
        }
    }
    text = std::move(flat);
    // GDAL looks for these at the start of a line; anywhere is stricter.
    if (text.find("isseamless") != std::string::npos ||
        text.find("create view") != std::string::npos)
        throw Error("MapInfo seamless or view tables refer to other files and are not "
                    "imported; import the tables they name",
                    file);
}

void requireDxfEnd(const std::string &file)
{
    std::ifstream in(file, std::ios::binary);
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    const std::streamoff take = std::min<std::streamoff>(size, 256);
    std::string tail(static_cast<std::size_t>(take), '\0');
    in.seekg(size - take);
    in.read(tail.data(), take);
    // Blanks after the marker, and a binary DXF's NUL after its EOF string, are fine.
    while (!tail.empty() && (std::isspace(static_cast<unsigned char>(tail.back())) ||
                             tail.back() == '\0' || tail.back() == '\x1a'))
        tail.pop_back();
    if (tail.size() < 3 || tail.compare(tail.size() - 3, 3, "EOF") != 0)
        throw Error("the drawing is truncated: it does not end with the DXF end-of-file marker "
                    "(0 / EOF), so entities may be missing; it is not imported",
                    file);
}

} // namespace planlines::geodata::import
