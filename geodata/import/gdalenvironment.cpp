#include "gdalenvironment.h"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_http.h>
#include <gdal.h>
#include <ogr_srs_api.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <mutex>

namespace planlines::geodata::import {

namespace {

std::atomic<int> g_refused{0};

// Every CPLHTTPFetch (a URL in a .prj, a GeoJSON "crs" link, a remote schema) ends here.
CPLHTTPResult *refuseFetch(const char *, CSLConstList, GDALProgressFunc, void *,
                           CPLHTTPFetchWriteFunc, void *, void *)
{
    ++g_refused;
    auto *result = static_cast<CPLHTTPResult *>(CPLCalloc(1, sizeof(CPLHTTPResult)));
    result->nStatus = 1;
    result->pszErrBuf = CPLStrdup("network access is disabled for imported files");
    return result;
}

} // namespace

void GdalEnvironment::ensureReady()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // PROJ contexts created from now on (GDAL's included) start with the network off.
        setenv("PROJ_NETWORK", "OFF", 1);
        CPLSetConfigOption("PROJ_NETWORK", "OFF");
        // /vsicurl/ and friends only open names with this extension, which no file has.
        CPLSetConfigOption("CPL_VSIL_CURL_ALLOWED_EXTENSIONS", ".planlines-no-network");
        CPLSetConfigOption("GDAL_HTTP_MAX_RETRY", "0");
        CPLSetConfigOption("GDAL_HTTP_TIMEOUT", "1");
        CPLSetConfigOption("GDAL_HTTP_PROXY", nullptr);
        // Shapefiles: we choose the encoding ourselves and pass it as an open option.
        CPLSetConfigOption("SHAPE_ENCODING", nullptr);
        // Never write .aux.xml or similar sidecars next to a user's file.
        CPLSetConfigOption("GDAL_PAM_ENABLED", "NO");
        CPLSetConfigOption("OGR_SQLITE_JOURNAL", "OFF");
        // SpatiaLite's file functions (BlobFromFile, ImportSHP, ExportDXF …) stay disabled
        // whatever the environment says: a view in an imported database could call them.
        unsetenv("SPATIALITE_SECURITY");
        CPLHTTPSetFetchCallback(refuseFetch, nullptr);
        GDALAllRegister();
        OSRSetPROJEnableNetwork(FALSE);
    });
}

int GdalEnvironment::refusedFetches()
{
    return g_refused.load();
}

std::string GdalEnvironment::lastError(const std::string &fallback)
{
    const char *msg = CPLGetLastErrorMsg();
    if (msg && *msg)
        return readableGdalMessage(msg);
    return fallback;
}

namespace {

// Length of the valid UTF-8 character at s[i], or 0.
std::size_t utf8Length(std::string_view s, std::size_t i)
{
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80         ? 1
                          : (c >> 5) == 6  ? 2
                          : (c >> 4) == 14 ? 3
                          : (c >> 3) == 30 ? 4
                                           : 0;
    if (n == 0 || i + n > s.size())
        return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80)
            return 0;
    return n;
}

bool isSourcePath(std::string_view word)
{
    // "/build/gdal-3.6.2/ogr/ogrsf_frmts/dxf/ogrdxflayer.cpp:1234," or "(…/x.cpp)"
    std::size_t end = word.size();
    while (end > 0 &&
           std::string_view(":0123456789,.()").find(word[end - 1]) != std::string_view::npos)
        --end;
    const std::string_view w = word.substr(0, end);
    if (w.find('/') == std::string_view::npos)
        return false;
    for (std::string_view ext : {".cpp", ".c", ".h", ".hpp", ".cc"})
        if (w.size() > ext.size() && w.substr(w.size() - ext.size()) == ext)
            return true;
    return false;
}

// A word of the message, shortened when too long to echo.
std::string shortened(std::string_view word)
{
    std::size_t digits = 0;
    while (digits < word.size() && word[digits] >= '0' && word[digits] <= '9')
        ++digits;
    if (digits > 20)
        return std::string(word.substr(0, 15)) + "… (" + std::to_string(digits) + " digits)";
    std::size_t chars = 0, at = 0;
    while (at < word.size() && chars < 80) {
        at += std::max<std::size_t>(1, utf8Length(word, at));
        ++chars;
    }
    return at < word.size() ? std::string(word.substr(0, at)) + "…" : std::string(word);
}

} // namespace

std::string readableGdalMessage(std::string_view message)
{
    // Valid UTF-8, control characters as spaces (a file's garbage comes through in messages).
    std::string text;
    for (std::size_t i = 0; i < message.size() && text.size() < 4000;) {
        const std::size_t n = utf8Length(message, i);
        if (n == 0) {
            text += '?';
            ++i;
        } else if (n == 1 && static_cast<unsigned char>(message[i]) < 0x20) {
            text += ' ';
            ++i;
        } else {
            text.append(message.substr(i, n));
            i += n;
        }
    }
    // Word by word: GDAL's own source paths dropped, long words shortened.
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t start = text.find_first_not_of(' ', i);
        if (start == std::string::npos)
            break;
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos)
            end = text.size();
        const std::string_view word(text.data() + start, end - start);
        i = end;
        if (isSourcePath(word))
            continue;
        if (!out.empty())
            out += ' ';
        out += shortened(word);
    }
    for (std::string_view tail : {": Success.", ": Success"})
        if (out.size() >= tail.size() &&
            out.compare(out.size() - tail.size(), tail.size(), tail) == 0) {
            out.resize(out.size() - tail.size());
            break;
        }
    if (out.size() > 400) {
        std::size_t at = 0;
        while (at < out.size() && at < 400)
            at += std::max<std::size_t>(1, utf8Length(out, at));
        out = out.substr(0, at) + "…";
    }
    return out;
}

GdalErrorScope::GdalErrorScope()
{
    CPLPushErrorHandlerEx(
        [](CPLErr cls, CPLErrorNum number, const char *message) {
            handler(static_cast<int>(cls), static_cast<int>(number), message);
        },
        this);
    CPLErrorReset();
}

void GdalErrorScope::handler(int errorClass, int, const char *message)
{
    // The innermost scope of this thread gets the message (the handler stack is per thread).
    auto *self = static_cast<GdalErrorScope *>(CPLGetErrorHandlerUserData());
    if (!self)
        return;
    const std::string text = readableGdalMessage(message ? message : "");
    if (errorClass == CE_Failure || errorClass == CE_Fatal) {
        if (self->m_failures++ == 0)
            self->m_firstFailure = text;
    } else if (errorClass == CE_Warning) {
        if (self->m_warnings++ == 0)
            self->m_firstWarning = text;
    }
}

GdalErrorScope::~GdalErrorScope()
{
    CPLPopErrorHandler();
}

} // namespace planlines::geodata::import
