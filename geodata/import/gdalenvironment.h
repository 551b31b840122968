// GDAL and PROJ configured for untrusted files, once per process: no network (HTTP fetches
// refused by a callback, /vsicurl/ limited to an impossible extension, PROJ's network off), all
// drivers registered but only an allowed few ever used (see SourceLocator).
#pragma once

#include <string>

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

// While alive, GDAL's messages on this thread are kept (for lastError()) instead of printed.
class GdalErrorScope
{
public:
    GdalErrorScope();
    ~GdalErrorScope();
    GdalErrorScope(const GdalErrorScope &) = delete;
    GdalErrorScope &operator=(const GdalErrorScope &) = delete;
};

} // namespace planlines::geodata::import
