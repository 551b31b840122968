#include "gdalenvironment.h"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_http.h>
#include <gdal.h>
#include <ogr_srs_api.h>

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
        return msg;
    return fallback;
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
    const std::string text = message ? message : "";
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
