// GDAL and PROJ configured for untrusted files, once per process: no network (HTTP fetches
// refused by a callback, /vsicurl/ limited to an impossible extension, PROJ's network off), all
// drivers registered but only an allowed few ever used (see SourceLocator).
#pragma once

#include <string>
#include <string_view>

namespace planlines::geodata::import {

class GdalEnvironment
{
public:
    // Idempotent and thread-safe; call before any GDAL or OSR use in the importer.
    static void ensureReady();
    // Number of HTTP fetches GDAL attempted (and that were refused) since start: a test hook
    // and a report fact. Any non-zero value means a file tried to reach the network.
    static int refusedFetches();
    // The last GDAL error message (CPLGetLastErrorMsg), or `fallback` when there is none.
    static std::string lastError(const std::string &fallback);
};

// A message from GDAL (or from a file through it) fit to show a person: no source-file path of
// GDAL itself ("…/ogrgeojsonreader.cpp:123"), no trailing ": Success" (a strerror of errno 0),
// no control characters or invalid UTF-8, a run of digits over 20 cut to its first 15 and its
// length, any other word over 80 characters cut to 80, the whole to 400.
std::string readableGdalMessage(std::string_view message);

// While alive, GDAL's messages on this thread are kept (for lastError()) instead of printed,
// and counted: a driver that meets a damaged record often says so (CE_Failure) and then just
// stops, so the count is what tells a whole read from a cut-short one.
class GdalErrorScope
{
public:
    GdalErrorScope();
    ~GdalErrorScope();
    GdalErrorScope(const GdalErrorScope &) = delete;
    GdalErrorScope &operator=(const GdalErrorScope &) = delete;
    // CE_Failure and CE_Fatal messages since the scope began, and the first of them (readable:
    // the first says what went wrong, the last often only "Failed to read GeoJSON data").
    int failures() const { return m_failures; }
    const std::string &firstFailure() const { return m_firstFailure; }
    // CE_Warning messages since the scope began, and the first of them.
    int warnings() const { return m_warnings; }
    const std::string &firstWarning() const { return m_firstWarning; }

private:
    static void handler(int errorClass, int number, const char *message);
    int m_failures = 0, m_warnings = 0;
    std::string m_firstFailure, m_firstWarning;
};

} // namespace planlines::geodata::import
