// Errors of the geodata library: what failed, where (file, layer, feature) and why.
#pragma once

#include <stdexcept>
#include <string>

namespace planlines::geodata {

// An error a person will read. context names the file, layer or feature; cause says why.
class Error : public std::runtime_error
{
public:
    explicit Error(std::string cause, std::string context = {})
        : std::runtime_error(context.empty() ? cause : context + ": " + cause),
          m_cause(std::move(cause)), m_context(std::move(context))
    {
    }
    const std::string &cause() const { return m_cause; }
    const std::string &context() const { return m_context; }

private:
    std::string m_cause;
    std::string m_context;
};

// A failure inside the store (SQLite/SpatiaLite or PostgreSQL), carrying SQLite's extended result
// code (0 for PostgreSQL) and a kind the window and the command line word for people.
class StoreError : public Error
{
public:
    enum class Kind
    {
        Other,
        PermissionDenied, // the role lacks a right (the message names it)
        Conflict,         // someone else changed the same row first
        ConnectionLost,   // the server went away or cannot be reached
        Busy,             // waited for a lock, or a retry would succeed
        Corrupt,
        Full
    };
    StoreError(std::string cause, std::string context, int sqliteCode, Kind kind = Kind::Other)
        : Error(std::move(cause), std::move(context)), m_code(sqliteCode), m_kind(kind)
    {
    }
    int sqliteCode() const { return m_code; }
    Kind kind() const { return m_kind; }

private:
    int m_code;
    Kind m_kind;
};

// A failure inside GEOS or PROJ.
class GeometryError : public Error
{
public:
    using Error::Error;
};

} // namespace planlines::geodata
