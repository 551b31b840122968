#include "layerimporter.h"
#include "featurereader.h"
#include "kmlextendeddata.h"
#include "textencoding.h"

#include "crsresolver.h"
#include "fieldaliases.h"
#include "gdalenvironment.h"
#include "geometrycleaner.h"
#include "plausiblearea.h"
#include "rolerecognizer.h"

#include "../layerwriter.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <memory>

namespace planlines::geodata::import {

namespace {

// Features of a tiling layer that overlap are kept (a layer imports whole) but named: the
// site check counts each overlap once, and a 三调 layer should have none.
void reportOverlaps(const LayerInfo &info, LayerReport &report)
{
    constexpr std::size_t kNamed = 20;
    for (std::size_t i = 0; i < info.overlaps.size() && i < kNamed; ++i) {
        const auto &o = info.overlaps[i];
        char area[32];
        std::snprintf(area, sizeof area, "%.2f", o.areaM2);
        report.warnings.push_back({-1, "features " + std::to_string(o.fid) + " and " +
                                           std::to_string(o.otherFid) + " (fid in table " +
                                           info.table + ") overlap by " + area +
                                           " m²; a site check counts the overlap once"});
    }
    if (info.overlaps.size() > kNamed)
        report.warnings.push_back(
            {-1, std::to_string(info.overlaps.size() - kNamed) +
                     " more pairs of overlapping features (table layer_overlaps lists them all)"});
}

FieldType fieldType(OGRFieldType t)
{
    switch (t) {
    case OFTInteger:
    case OFTInteger64:
        return FieldType::Integer;
    case OFTReal:
        return FieldType::Real;
    case OFTDate:
        return FieldType::Date;
    default:
        return FieldType::Text;
    }
}

GeometryKind kindOf(OGRwkbGeometryType t)
{
    switch (wkbFlatten(t)) {
    case wkbPolygon:
    case wkbMultiPolygon:
    case wkbCurvePolygon:
    case wkbMultiSurface:
        return GeometryKind::Polygon;
    case wkbLineString:
    case wkbMultiLineString:
    case wkbCircularString:
    case wkbCompoundCurve:
    case wkbMultiCurve:
        return GeometryKind::Line;
    case wkbPoint:
        return GeometryKind::Point;
    case wkbMultiPoint:
        return GeometryKind::MultiPoint;
    default:
        throw Error("the layer's geometry type (" + std::string(OGRGeometryTypeToName(t)) +
                    ") is not imported");
    }
}

// Layers that declare no geometry type (GeoJSON, KML, DXF): the first feature's type decides.
OGRwkbGeometryType sampleType(OGRLayerH layer)
{
    OGR_L_ResetReading(layer);
    OGRwkbGeometryType found = wkbUnknown;
    while (FeatureHandle f{OGR_L_GetNextFeature(layer)}) {
        if (OGRGeometryH g = OGR_F_GetGeometryRef(f.get()); g && !OGR_G_IsEmpty(g)) {
            found = OGR_G_GetGeometryType(g);
            if (wkbFlatten(found) == wkbGeometryCollection && OGR_G_GetGeometryCount(g) > 0)
                found = OGR_G_GetGeometryType(OGR_G_GetGeometryRef(g, 0));
            break;
        }
    }
    OGR_L_ResetReading(layer);
    if (found == wkbUnknown)
        throw Error("the layer holds no geometry");
    return found;
}

} // namespace

LayerImporter::LayerImporter(Project &project, const ImportOptions &options)
    : m_project(project), m_options(options)
{
}

void LayerImporter::run(const SourceUnit &unit, OGRLayerH layer, LayerReport &report,
                        const std::string &rawEncoding, const KmlContainerData *extended)
{
    QElapsedTimer timer;
    timer.start();
    const std::string context = unit.displayName + ", layer " + report.sourceLayer;
    try {
        // Text arriving undecoded (GDAL's own recoding opens iconv for every value) is decoded
        // here with one converter.
        std::unique_ptr<TextDecoder> raw;
        if (!rawEncoding.empty())
            raw = std::make_unique<TextDecoder>(rawEncoding);
        // Fields, with the Chinese aliases of the standard codes.
        OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
        std::vector<FieldDef> fields;
        std::vector<std::string> names;
        for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) {
            OGRFieldDefnH fd = OGR_FD_GetFieldDefn(defn, i);
            FieldDef f{raw ? raw->decode(OGR_Fld_GetNameRef(fd)) : OGR_Fld_GetNameRef(fd),
                       fieldType(OGR_Fld_GetType(fd)),
                       {}};
            f.alias = std::string(fieldAlias(f.name));
            names.push_back(f.name);
            fields.push_back(std::move(f));
        }
        if (fields.size() > kMaxSourceFields)
            throw Error("the layer has " + std::to_string(fields.size()) +
                        " fields; a project table holds at most " +
                        std::to_string(kMaxSourceFields) +
                        " (SQLite's limit of 2 000 columns, less its fid and geom)");
        // KML <ExtendedData>: more text fields, when its Placemarks are this layer's features.
        const std::size_t sourceFields = fields.size();
        std::vector<std::size_t> extendedColumns;
        if (extended) {
            const auto features = OGR_L_GetFeatureCount(layer, TRUE);
            if (static_cast<std::int64_t>(extended->rows.size()) != features) {
                report.warnings.push_back(
                    {-1, "<ExtendedData> not kept: " + std::to_string(extended->rows.size()) +
                             " Placemarks in the container but " + std::to_string(features) +
                             " features in the layer"});
                extended = nullptr;
            }
        }
        for (std::size_t j = 0; extended && j < extended->fields.size(); ++j) {
            const std::string &name = extended->fields[j];
            auto same = [&](const std::string &n) {
                return QString::fromStdString(n).compare(QString::fromStdString(name),
                                                         Qt::CaseInsensitive) == 0;
            };
            if (std::any_of(names.begin(), names.end(), same)) {
                report.warnings.push_back({-1, "<ExtendedData> field " + name +
                                                   " not kept: the layer has a field of that "
                                                   "name"});
                continue;
            }
            fields.push_back({name, FieldType::Text, std::string(fieldAlias(name))});
            names.push_back(name);
            extendedColumns.push_back(j);
        }
        if (fields.size() > kMaxSourceFields)
            throw Error("the layer has " + std::to_string(fields.size()) +
                        " fields with its <ExtendedData>; a project table holds at most " +
                        std::to_string(kMaxSourceFields));
        // Columns named like the table's own (fid, geom) or GDAL's and SQLite's (ogc_fid,
        // rowid …) are renamed src_…, keeping the source name as the alias; the role is still
        // recognised from the source names.
        for (const std::string &r : makeColumnNames(fields))
            report.warnings.push_back({-1, "field " + r + "; its alias is the source name"});
        OGRwkbGeometryType declared = OGR_L_GetGeomType(layer);
        if (wkbFlatten(declared) == wkbUnknown || wkbFlatten(declared) == wkbGeometryCollection)
            declared = sampleType(layer);
        const GeometryKind kind = kindOf(declared);
        report.geometryType = columnType(kind);

        // Role: recognised, else --role, else ask.
        if (auto match = RoleRecognizer::recognize(report.sourceLayer, names,
                                                   kind == GeometryKind::Polygon)) {
            report.role = std::string(roleId(match->role));
            report.roleReason = "recognised from " + match->reason;
        } else if (m_options.role) {
            report.role = std::string(roleId(*m_options.role));
            report.roleReason = "given by the user (--role)";
        } else {
            throw Error("the layer's role is not recognised from its name or fields; give "
                        "--role (township, landuse, basic_farmland, eco_redline, "
                        "urban_boundary, control_unit, corridor, site, context)");
        }
        if (m_options.role && report.roleReason.rfind("recognised", 0) == 0 &&
            *m_options.role != *roleFromId(report.role)) {
            report.role = std::string(roleId(*m_options.role));
            report.roleReason = "given by the user (--role), overriding " + report.roleReason;
        }
        const Role role = *roleFromId(report.role);

        // CRS: --srs, else the file's, else inferred from the coordinate ranges.
        const std::string working = m_project.workingCrs();
        std::optional<CrsDecision> crs;
        if (m_options.srs)
            crs = CrsResolver::fromOverride(*m_options.srs);
        else
            crs = CrsResolver::fromLayer(layer, unit.shapefile ? unit.gdalPath : std::string(),
                                         context);
        if (!crs) {
            OGREnvelope e;
            if (OGR_L_GetExtent(layer, &e, TRUE) != OGRERR_NONE)
                throw Error("the layer has no extent to infer a CRS from; give --srs EPSG:N");
            crs = CrsResolver::infer(Envelope{e.MinX, e.MinY, e.MaxX, e.MaxY}, working, context);
        }
        report.sourceCrs = crs->label();
        report.crsHow = crs->how;
        report.crsDetail = crs->detail;
        // How the source locator read the coordinates (a CSV's X/Y axis order) is part of the
        // CRS decision a person checks.
        if (const char *note = GDALGetMetadataItem(reinterpret_cast<GDALMajorObjectH>(layer),
                                                   kSourceNoteKey, nullptr);
            note && std::string(note).rfind("axis order", 0) == 0)
            report.crsDetail += "; " + std::string(note);
        std::unique_ptr<CoordinateTransform> transform;
        if (crs->crs == working) {
            report.transformation = "none (already in the working CRS " + working + ")";
        } else {
            transform = std::make_unique<CoordinateTransform>(crs->crs, working);
            report.transformation = transform->description();
        }
        const PlausibleArea area = PlausibleArea::of(m_project);

        // The layer: a new one, or the next version of the one of this name and role.
        LayerSpec spec;
        spec.name = m_options.name.value_or(report.sourceLayer);
        spec.role = role;
        spec.geometryType = report.geometryType;
        spec.fields = fields;
        spec.source =
            unit.displayName + (unit.shapefile ? "" : " (layer " + report.sourceLayer + ")");
        spec.replaceKeepingHistory = true;
        const auto existing = m_project.layerNamed(spec.name);
        spec.table = existing ? existing->table : newTableName(m_project, spec.name, role);
        LayerWriter writer(m_project, spec);
        report.name = spec.name;
        report.table = writer.previous() ? writer.previous()->table : spec.table;

        // Read, clean and encode on a second thread while this one writes.
        FeatureReaderSetup setup;
        setup.layer = layer;
        setup.kind = kind;
        setup.sourceCrs = transform ? crs->crs : std::string();
        setup.workingCrs = working;
        setup.area = &area;
        for (std::size_t i = 0; i < sourceFields; ++i)
            setup.types.push_back(fields[i].type);
        setup.extended = extended;
        setup.extendedColumns = extendedColumns;
        setup.rawEncoding = rawEncoding;
        setup.geometryType = spec.geometryType;
        setup.srid = m_project.workingSrid();
        setup.encoding = writer.encoding();
        transform.reset(); // the reading thread makes its own (PROJ objects stay on one thread)
        Envelope extent{1e300, 1e300, -1e300, -1e300};
        std::int64_t outside = 0;
        const std::int64_t total = OGR_L_GetFeatureCount(layer, FALSE);
        FeatureReader reader(std::move(setup));
        for (auto batch = reader.next(); !batch.empty(); batch = reader.next()) {
            for (ReadyFeature &f : batch) {
                ++report.read;
                if (m_options.cancelCheckEvery > 0 &&
                    report.read % m_options.cancelCheckEvery == 0) {
                    if (m_options.progress)
                        m_options.progress(report.sourceLayer, report.read, total);
                    if (m_options.cancelled && m_options.cancelled())
                        throw ImportCancelled{};
                }
                if (!f.rejection.empty()) {
                    report.rejected.push_back({f.fid, std::move(f.rejection)});
                    outside += f.outsideArea ? 1 : 0;
                    continue;
                }
                if (!f.repair.empty())
                    report.repaired.push_back(
                        {f.fid, "invalid polygon repaired (" + f.repair + ")"});
                const Envelope &e = f.geometry.box;
                extent = {std::min(extent.minX, e.minX), std::min(extent.minY, e.minY),
                          std::max(extent.maxX, e.maxX), std::max(extent.maxY, e.maxY)};
                writer.add(std::move(f.geometry), f.values);
                ++report.written;
            }
        }
        // A driver that meets a damaged record says so and often just stops: what was read
        // is then part of the layer, and a part must not pass for the whole.
        if (reader.gdalFailed())
            throw Error("the layer cannot be read whole: GDAL reported " +
                        std::to_string(reader.gdalFailures()) + " read error" +
                        (reader.gdalFailures() == 1 ? "" : "s") + " (first: " +
                        (reader.gdalError().empty() ? "no message" : reader.gdalError()) + "); " +
                        std::to_string(report.read) + " of " +
                        (total >= 0 ? std::to_string(total) : std::string("?")) +
                        " features read; nothing is imported from a damaged file");
        if (reader.gdalWarnings() > 0)
            report.warnings.push_back({-1, "GDAL warned " + std::to_string(reader.gdalWarnings()) +
                                               " time" + (reader.gdalWarnings() == 1 ? "" : "s") +
                                               " while reading (first: " + reader.gdalWarning() +
                                               ")"});
        // The declared encoding contradicted by the text itself (a .cpg saying GBK over UTF-8).
        if (report.encodingHow == "cpg" && !report.encodingCertain)
            report.warnings.push_back({-1, "encoding: " + report.encodingDetail});
        // A wrong source CRS moves everything: refuse instead of storing a silently-wrong layer.
        if (outside > 0 && outside * 2 >= report.read)
            throw Error(std::to_string(outside) + " of " + std::to_string(report.read) +
                        " features lie outside the working CRS's area of use after "
                        "transformation from " +
                        crs->label() + ": the source CRS is probably wrong (give --srs EPSG:N)");
        if (report.written > 0 && !area.nearExisting(extent))
            throw Error("the layer lies more than 100 km from the project's other layers after "
                        "transformation from " +
                        crs->label() + ": the source CRS is probably wrong (give --srs EPSG:N)");
        if (report.written == 0) {
            if (report.read == 0)
                throw Error("the layer holds no features");
            // Every feature failed: the file itself is likely damaged (a truncated .shp reads
            // as features without geometry); say what GDAL said, if anything.
            const std::string &gdal = reader.gdalError();
            throw Error("no feature could be imported (feature " +
                        std::to_string(report.rejected.front().fid) + ": " +
                        report.rejected.front().reason + ")" +
                        (gdal.empty() ? std::string() : "; GDAL: " + gdal));
        }
        if (const std::int64_t bad =
                reader.replacedTextValues() + (raw ? raw->replacedValues() : 0);
            bad > 0)
            report.warnings.push_back({-1, std::to_string(bad) +
                                               " text values hold bytes that are not valid " +
                                               rawEncoding +
                                               "; each such byte became U+FFFD (�): check the "
                                               "encoding (--encoding)"});
        const LayerInfo info = writer.commit();
        report.version = info.version;
        report.table = info.table;
        reportOverlaps(info, report);
    } catch (const StoreError &e) {
        // The statement SQLite refused is no help to the person importing: its cause is.
        report.seconds = static_cast<double>(timer.elapsed()) / 1000.0;
        throw Error("the project database refused the layer (" + e.cause() + ")", context);
    } catch (const Error &e) {
        report.seconds = static_cast<double>(timer.elapsed()) / 1000.0;
        throw Error(e.cause(), e.context().empty() || e.context() == context
                                   ? context
                                   : context + ", " + e.context());
    }
    report.seconds = static_cast<double>(timer.elapsed()) / 1000.0;
}

} // namespace planlines::geodata::import
