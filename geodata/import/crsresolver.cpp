#include "crsresolver.h"

#include "gdalhandles.h"

#include "../coordinatetransform.h"

#include <cpl_conv.h>
#include <cpl_vsi.h>

#include <cmath>
#include <cstdio>

namespace planlines::geodata::import {

namespace {

std::string fmt(double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
}

std::string rangeText(const Envelope &e)
{
    return "x " + fmt(e.minX) + "–" + fmt(e.maxX) + ", y " + fmt(e.minY) + "–" + fmt(e.maxY);
}

std::string degreesText(const Envelope &e)
{
    char buf[160];
    std::snprintf(buf, sizeof buf, "longitude %.4f–%.4f, latitude %.4f–%.4f", e.minX, e.maxX,
                  e.minY, e.maxY);
    return buf;
}

CrsDecision decision(std::string crs, std::string how, std::string detail)
{
    CrsDecision d;
    d.name = crsName(crs);
    d.crs = std::move(crs);
    d.how = std::move(how);
    d.detail = std::move(detail);
    return d;
}

int epsgNumber(const std::string &crs)
{
    if (crs.rfind("EPSG:", 0) != 0)
        return 0;
    try {
        return std::stoi(crs.substr(5));
    } catch (...) {
        return 0;
    }
}

std::string readPrj(const std::string &shpPath)
{
    const std::string stem = shpPath.substr(0, shpPath.size() - 4);
    for (const char *ext : {".prj", ".PRJ"}) {
        VSILFILE *f = VSIFOpenL((stem + ext).c_str(), "rb");
        if (!f)
            continue;
        std::string s(65536, '\0');
        s.resize(VSIFReadL(s.data(), 1, s.size(), f));
        VSIFCloseL(f);
        return s.empty() ? std::string(" ") : s;
    }
    return {};
}

} // namespace

std::string CrsDecision::label() const
{
    if (crs.rfind("EPSG:", 0) == 0)
        return crs + " (" + name + ")";
    return name;
}

std::optional<CrsDecision> CrsResolver::fromLayer(OGRLayerH layer, const std::string &shpPath,
                                                  const std::string &context)
{
    const std::string prj = shpPath.empty() ? std::string() : readPrj(shpPath);
    if (prj.find("://") != std::string::npos)
        throw Error("the .prj holds a URL, not a coordinate system; remote definitions are "
                    "never fetched (give --srs EPSG:N)",
                    context);
    OGRSpatialReferenceH borrowed = OGR_L_GetSpatialRef(layer);
    if (!borrowed) {
        if (!prj.empty() && prj.find_first_not_of(" \t\r\n") != std::string::npos)
            throw Error("the .prj is not a coordinate system definition GDAL understands (give "
                        "--srs EPSG:N)",
                        context);
        return std::nullopt;
    }
    SrsHandle srs(OSRClone(borrowed));
    const std::string from = shpPath.empty() ? "from the file" : "from the .prj";
    OSRAutoIdentifyEPSG(srs.get());
    const char *auth = OSRGetAuthorityName(srs.get(), nullptr);
    const char *code = OSRGetAuthorityCode(srs.get(), nullptr);
    if (auth && code && std::string(auth) == "EPSG")
        return decision("EPSG:" + std::string(code), "source", from);
    int matches = 0;
    int *confidence = nullptr;
    OGRSpatialReferenceH *found = OSRFindMatches(srs.get(), nullptr, &matches, &confidence);
    std::optional<CrsDecision> best;
    if (found && matches > 0 && confidence[0] >= 90) {
        const char *a = OSRGetAuthorityName(found[0], nullptr);
        const char *c = OSRGetAuthorityCode(found[0], nullptr);
        if (a && c && std::string(a) == "EPSG")
            best = decision("EPSG:" + std::string(c), "source",
                            from + " (identified as EPSG:" + c + ", " +
                                std::to_string(confidence[0]) + "% match)");
    }
    OSRFreeSRSArray(found);
    CPLFree(confidence);
    if (best)
        return best;
    char *wkt = nullptr;
    const char *options[] = {"FORMAT=WKT2_2019", nullptr};
    if (OSRExportToWktEx(srs.get(), &wkt, options) != OGRERR_NONE || !wkt) {
        CPLFree(wkt);
        throw Error("the file's coordinate system cannot be exported for PROJ", context);
    }
    CrsDecision d = decision(wkt, "source", from + " (no EPSG code)");
    CPLFree(wkt);
    return d;
}

CrsDecision CrsResolver::fromOverride(const std::string &srs)
{
    if (srs.find("://") != std::string::npos)
        throw Error("--srs must be a definition such as EPSG:4527, not a URL", srs);
    return decision(srs, "override", "given by the user (--srs)");
}

CrsDecision CrsResolver::infer(const Envelope &e, const std::string &workingCrs,
                               const std::string &context)
{
    const std::string prefix = "CRS inferred from coordinate ranges: ";
    if (e.minX >= -180 && e.maxX <= 180 && e.minY >= -90 && e.maxY <= 90)
        return decision("EPSG:4490", "inferred",
                        prefix + degreesText(e) + " are degrees → CGCS2000 geographic");
    const bool northings = e.minY > 0 && e.maxY < 10'000'000;
    if (northings && e.minX >= 13'000'000 && e.maxX < 46'000'000) {
        const int zone = static_cast<int>(std::floor(e.minX / 1e6));
        const bool sameZone = static_cast<int>(std::floor(e.maxX / 1e6)) == zone;
        const double inZoneMin = e.minX - zone * 1e6, inZoneMax = e.maxX - zone * 1e6;
        const bool plausible = inZoneMin >= 100'000 && inZoneMax <= 900'000;
        if (sameZone && plausible && zone >= 25 && zone <= 45)
            return decision("EPSG:" + std::to_string(4513 + zone - 25), "inferred",
                            prefix + rangeText(e) + ": eastings prefixed with 3° zone " +
                                std::to_string(zone) + " (central meridian " +
                                std::to_string(3 * zone) + "°E)");
        if (sameZone && plausible && zone >= 13 && zone <= 23)
            return decision("EPSG:" + std::to_string(4491 + zone - 13), "inferred",
                            prefix + rangeText(e) + ": eastings prefixed with 6° zone " +
                                std::to_string(zone) + " (central meridian " +
                                std::to_string(6 * zone - 3) + "°E)");
    }
    if (northings && e.minX >= 100'000 && e.maxX <= 900'000) {
        // Unprefixed eastings do not say their central meridian: only the project's own
        // Gauss-Krüger CRS is a reasonable guess (the extent is checked against it afterwards).
        const int w = epsgNumber(workingCrs);
        if ((w >= 4534 && w <= 4554) || (w >= 4502 && w <= 4512))
            return decision(workingCrs, "inferred",
                            prefix + rangeText(e) +
                                ": Gauss-Krüger eastings without zone prefix, taken in the "
                                "project's working CRS (central meridian not stated)");
    }
    throw Error("the file states no coordinate system and its coordinate ranges (" + rangeText(e) +
                    ") match no known pattern; give --srs EPSG:N",
                context);
}

} // namespace planlines::geodata::import
