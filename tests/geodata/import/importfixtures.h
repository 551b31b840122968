// Fixtures for the import tests, written by the tests themselves through the OGR C API (and a
// minimal stored-zip writer for archives that `zip` would refuse to make).
#pragma once

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <QByteArray>
#include <QFile>
#include <QString>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace planlines::geodata::test {

struct FixtureFeature
{
    std::string wkt;                 // geometry (empty: build with `build`)
    std::vector<std::string> values; // one per field, UTF-8
    OGRGeometryH built = nullptr;    // taken over when set
};

struct FixtureLayer
{
    std::string driver = "ESRI Shapefile";
    std::string layerName;
    int epsg = 0; // 0: no CRS
    OGRwkbGeometryType type = wkbPolygon;
    std::vector<std::pair<std::string, OGRFieldType>> fields;
    std::vector<std::string> layerOptions;
    std::vector<FixtureFeature> features;
};

// Writes one layer to path (a new dataset). Returns false with GDAL's message in error.
inline bool writeFixture(const std::string &path, const FixtureLayer &spec, std::string *error)
{
    GDALAllRegister();
    GDALDriverH drv = GDALGetDriverByName(spec.driver.c_str());
    GDALDatasetH ds = drv ? GDALCreate(drv, path.c_str(), 0, 0, 0, GDT_Unknown, nullptr) : nullptr;
    if (!ds) {
        *error = CPLGetLastErrorMsg();
        return false;
    }
    OGRSpatialReferenceH srs = nullptr;
    if (spec.epsg) {
        srs = OSRNewSpatialReference(nullptr);
        OSRImportFromEPSG(srs, spec.epsg);
        OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER);
    }
    std::vector<const char *> opts;
    for (const auto &o : spec.layerOptions)
        opts.push_back(o.c_str());
    opts.push_back(nullptr);
    OGRLayerH layer = GDALDatasetCreateLayer(ds, spec.layerName.c_str(), srs, spec.type,
                                             const_cast<char **>(opts.data()));
    if (srs)
        OSRRelease(srs);
    bool ok = layer != nullptr;
    for (const auto &[name, type] : spec.fields) {
        OGRFieldDefnH fd = OGR_Fld_Create(name.c_str(), type);
        if (type == OFTString)
            OGR_Fld_SetWidth(fd, 50);
        ok = ok && OGR_L_CreateField(layer, fd, TRUE) == OGRERR_NONE;
        OGR_Fld_Destroy(fd);
    }
    for (const auto &f : spec.features) {
        if (!ok)
            break;
        OGRFeatureH feat = OGR_F_Create(OGR_L_GetLayerDefn(layer));
        OGRGeometryH g = f.built;
        if (!g && !f.wkt.empty()) {
            char *wkt = const_cast<char *>(f.wkt.c_str());
            OGR_G_CreateFromWkt(&wkt, nullptr, &g);
        }
        if (g)
            OGR_F_SetGeometryDirectly(feat, g);
        for (size_t i = 0; i < f.values.size(); ++i)
            OGR_F_SetFieldString(feat, static_cast<int>(i), f.values[i].c_str());
        ok = OGR_L_CreateFeature(layer, feat) == OGRERR_NONE;
        OGR_F_Destroy(feat);
    }
    if (!ok)
        *error = CPLGetLastErrorMsg();
    GDALClose(ds);
    return ok;
}

// Writes several layers into one new dataset (a .gdb, a GeoPackage, a SpatiaLite file), with
// dataset creation options (SPATIALITE=YES). Each feature may carry an OGR style string in
// `style` (a DXF polygon with a PEN style is written as a closed LWPOLYLINE, without as HATCH).
struct StyledFixtureLayer
{
    FixtureLayer layer;
    std::vector<std::string> styles; // per feature, empty for none
};

inline bool writeFixtureLayers(const std::string &path, const std::string &driver,
                               const std::vector<StyledFixtureLayer> &layers,
                               const std::vector<std::string> &datasetOptions, std::string *error)
{
    GDALAllRegister();
    GDALDriverH drv = GDALGetDriverByName(driver.c_str());
    std::vector<const char *> dsOpts;
    for (const auto &o : datasetOptions)
        dsOpts.push_back(o.c_str());
    dsOpts.push_back(nullptr);
    GDALDatasetH ds = drv ? GDALCreate(drv, path.c_str(), 0, 0, 0, GDT_Unknown,
                                       const_cast<char **>(dsOpts.data()))
                          : nullptr;
    if (!ds) {
        *error = CPLGetLastErrorMsg();
        return false;
    }
    bool ok = true;
    for (const auto &styled : layers) {
        const FixtureLayer &spec = styled.layer;
        OGRSpatialReferenceH srs = nullptr;
        if (spec.epsg) {
            srs = OSRNewSpatialReference(nullptr);
            OSRImportFromEPSG(srs, spec.epsg);
            OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER);
        }
        std::vector<const char *> opts;
        for (const auto &o : spec.layerOptions)
            opts.push_back(o.c_str());
        opts.push_back(nullptr);
        OGRLayerH layer = GDALDatasetCreateLayer(ds, spec.layerName.c_str(), srs, spec.type,
                                                 const_cast<char **>(opts.data()));
        if (srs)
            OSRRelease(srs);
        ok = ok && layer != nullptr;
        for (const auto &[name, type] : spec.fields) {
            if (!ok)
                break;
            OGRFieldDefnH fd = OGR_Fld_Create(name.c_str(), type);
            if (type == OFTString)
                OGR_Fld_SetWidth(fd, 50);
            ok = OGR_L_CreateField(layer, fd, TRUE) == OGRERR_NONE;
            OGR_Fld_Destroy(fd);
        }
        for (size_t n = 0; ok && n < spec.features.size(); ++n) {
            const auto &f = spec.features[n];
            OGRFeatureH feat = OGR_F_Create(OGR_L_GetLayerDefn(layer));
            OGRGeometryH g = f.built;
            if (!g && !f.wkt.empty()) {
                char *wkt = const_cast<char *>(f.wkt.c_str());
                OGR_G_CreateFromWkt(&wkt, nullptr, &g);
            }
            if (g)
                OGR_F_SetGeometryDirectly(feat, g);
            for (size_t i = 0; i < f.values.size(); ++i)
                OGR_F_SetFieldString(feat, static_cast<int>(i), f.values[i].c_str());
            if (n < styled.styles.size() && !styled.styles[n].empty())
                OGR_F_SetStyleString(feat, styled.styles[n].c_str());
            ok = OGR_L_CreateFeature(layer, feat) == OGRERR_NONE;
            OGR_F_Destroy(feat);
        }
    }
    if (!ok)
        *error = CPLGetLastErrorMsg();
    GDALClose(ds);
    return ok;
}

inline std::uint32_t crc32(const QByteArray &data)
{
    std::uint32_t c = 0xFFFFFFFFu;
    for (unsigned char b : data) {
        c ^= b;
        for (int k = 0; k < 8; ++k)
            c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    return ~c;
}

// A zip archive with stored (uncompressed) entries, names written as given (even "../x").
inline bool writeStoredZip(const QString &path,
                           const std::vector<std::pair<std::string, QByteArray>> &entries)
{
    QByteArray out, dir;
    auto u16 = [](QByteArray &b, std::uint32_t v) {
        b.append(char(v & 0xFF)).append(char((v >> 8) & 0xFF));
    };
    auto u32 = [&](QByteArray &b, std::uint32_t v) {
        u16(b, v & 0xFFFF);
        u16(b, v >> 16);
    };
    for (const auto &[name, data] : entries) {
        const std::uint32_t offset = static_cast<std::uint32_t>(out.size()), crc = crc32(data);
        const auto size = static_cast<std::uint32_t>(data.size());
        const auto nameLen = static_cast<std::uint32_t>(name.size());
        u32(out, 0x04034b50);
        u16(out, 20);
        u16(out, 0);
        u16(out, 0);
        u16(out, 0);
        u16(out, 0);
        u32(out, crc);
        u32(out, size);
        u32(out, size);
        u16(out, nameLen);
        u16(out, 0);
        out.append(name.data(), static_cast<qsizetype>(name.size())).append(data);
        u32(dir, 0x02014b50);
        u16(dir, 20);
        u16(dir, 20);
        u16(dir, 0);
        u16(dir, 0);
        u16(dir, 0);
        u16(dir, 0);
        u32(dir, crc);
        u32(dir, size);
        u32(dir, size);
        u16(dir, nameLen);
        u16(dir, 0);
        u16(dir, 0);
        u16(dir, 0);
        u16(dir, 0);
        u32(dir, 0);
        u32(dir, offset);
        dir.append(name.data(), static_cast<qsizetype>(name.size()));
    }
    const auto dirOffset = static_cast<std::uint32_t>(out.size());
    out.append(dir);
    u32(out, 0x06054b50);
    u16(out, 0);
    u16(out, 0);
    u16(out, static_cast<std::uint32_t>(entries.size()));
    u16(out, static_cast<std::uint32_t>(entries.size()));
    u32(out, static_cast<std::uint32_t>(dir.size()));
    u32(out, dirOffset);
    u16(out, 0);
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(out) == out.size();
}

} // namespace planlines::geodata::test
