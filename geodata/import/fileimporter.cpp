#include "fileimporter.h"

#include "boundaryimporter.h"
#include "gdalenvironment.h"
#include "kmlextendeddata.h"
#include "layerimporter.h"
#include "rolerecognizer.h"
#include "sourceencoding.h"
#include "sourcelocator.h"

#include <QElapsedTimer>

#include <algorithm>

namespace planlines::geodata::import {

namespace {

bool recognisable(OGRLayerH layer)
{
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    std::vector<std::string> names;
    for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i)
        names.push_back(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)));
    const auto t = wkbFlatten(OGR_L_GetGeomType(layer));
    return RoleRecognizer::recognize(OGR_L_GetName(layer), names,
                                     t != wkbLineString && t != wkbMultiLineString &&
                                         t != wkbPoint && t != wkbMultiPoint)
        .has_value();
}

} // namespace

FileImporter::FileImporter(Project &project, ImportOptions options)
    : m_project(project), m_options(std::move(options))
{
}

std::string FileImporter::supportedExtensions()
{
    return SourceLocator::supportedExtensions() + " .txt (界址点坐标文件)";
}

FileReport FileImporter::import(const std::string &path)
{
    GdalEnvironment::ensureReady();
    GdalErrorScope quiet;
    FileReport report;
    report.file = path;
    QElapsedTimer timer;
    timer.start();
    try {
        const auto tx = m_project.transaction();
        importAll(path, report);
        tx->commit();
        report.ok = true;
    } catch (const ImportCancelled &) {
        report.error = path + ": import cancelled; nothing was written";
    } catch (const std::exception &e) {
        report.error = e.what();
    }
    if (!report.ok)
        for (auto &l : report.layers)
            l.version = 0; // rolled back with the file
    report.seconds = static_cast<double>(timer.elapsed()) / 1000.0;
    return report;
}

void FileImporter::importAll(const std::string &path, FileReport &report)
{
    // The boundary coordinate file is ours to read, not GDAL's.
    if (BoundaryImporter::recognises(path)) {
        BoundaryImporter(m_project, m_options).run(path, report);
        return;
    }
    const auto units = SourceLocator::locate(path);
    LayerImporter importer(m_project, m_options);
    std::vector<std::string> found;
    int imported = 0;
    for (const auto &unit : units) {
        report.driver = unit.driver;
        // The same decision the check's SiteReader makes for a site file.
        const SourceEncoding text = SourceEncoding::of(unit, m_options.encoding);
        const EncodingDecision &encoding = text.decision;
        DatasetHandle ds = SourceLocator::open(unit, text.openOptions);
        const int count = GDALDatasetGetLayerCount(ds.get());
        std::vector<KmlContainerData> extended;
        if (unit.driver == "KML")
            extended = readKmlExtendedData(unit.gdalPath);
        if (count == 0)
            throw Error("the file holds no layer", unit.displayName);
        int geometric = 0;
        for (int i = 0; i < count; ++i)
            if (wkbFlatten(OGR_L_GetGeomType(GDALDatasetGetLayer(ds.get(), i))) != wkbNone)
                ++geometric;
        if (geometric == 0)
            throw Error("the file holds only tables without geometry", unit.displayName);
        const bool several = geometric > 1 || units.size() > 1;
        if (several && m_options.name && m_options.layers.size() != 1)
            throw Error("--name needs a single layer (choose it with --layer)", unit.displayName);
        for (int i = 0; i < count; ++i) {
            OGRLayerH layer = GDALDatasetGetLayer(ds.get(), i);
            const std::string name = OGR_L_GetName(layer);
            found.push_back(name);
            if (!m_options.layers.empty() &&
                std::find(m_options.layers.begin(), m_options.layers.end(), name) ==
                    m_options.layers.end())
                continue;
            // An attribute-only table (QGIS's layer_styles in a GeoPackage) is no layer to
            // import: skipped and said, unless asked for by name.
            if (wkbFlatten(OGR_L_GetGeomType(layer)) == wkbNone) {
                if (!m_options.layers.empty())
                    throw Error("table " + name + " has no geometry; it is not a layer",
                                unit.displayName);
                report.notes.push_back("skipped table " + name + ": no geometry");
                continue;
            }
            // Several layers and no choice made: the recognised ones come in, the rest wait.
            if (several && m_options.layers.empty() && !m_options.role && !recognisable(layer))
                continue;
            LayerReport &lr = report.layers.emplace_back();
            lr.sourceLayer = name;
            lr.encoding = encoding.encoding;
            lr.encodingHow = encoding.how;
            lr.encodingCertain = encoding.certain;
            lr.encodingDetail = encoding.detail;
            try {
                // GDAL makes one layer per container holding Placemarks, in document order.
                const KmlContainerData *ext =
                    extended.size() == static_cast<std::size_t>(count) ? &extended[i] : nullptr;
                importer.run(unit, layer, lr, text.rawEncoding, ext);
            } catch (const Error &e) {
                lr.error = e.what();
                throw;
            }
            ++imported;
        }
    }
    for (const auto &wanted : m_options.layers)
        if (std::find(found.begin(), found.end(), wanted) == found.end())
            throw Error("no layer named '" + wanted + "' in the file", path);
    if (imported == 0) {
        std::string list;
        for (const auto &f : found)
            list += (list.empty() ? "" : ", ") + f;
        throw Error("no layer with a recognised role (layers: " + list +
                        "); choose with --layer and give --role",
                    path);
    }
}

} // namespace planlines::geodata::import
