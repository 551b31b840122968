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

// A failure inside SQLite/SpatiaLite, carrying SQLite's extended result code.
class StoreError : public Error
{
public:
    StoreError(std::string cause, std::string context, int sqliteCode)
        : Error(std::move(cause), std::move(context)), m_code(sqliteCode)
    {
    }
    int sqliteCode() const { return m_code; }

private:
    int m_code;
};

// A failure inside GEOS or PROJ.
class GeometryError : public Error
{
public:
    using Error::Error;
};

} // namespace planlines::geodata
