#include "sitereader.h"

#include "spatialiteblob.h"

#include "../import/boundaryfile.h"
#include "../import/boundaryimporter.h"
#include "../import/crsresolver.h"
#include "../import/gdalenvironment.h"
#include "../import/geometrycleaner.h"
#include "../import/plausiblearea.h"
#include "../import/sourceencoding.h"
#include "../import/sourcelocator.h"
#include "../import/textencoding.h"

#include <QString>

#include <filesystem>

namespace planlines::geodata::check {

using namespace import;

namespace {

// Index of the first field present among candidates (case-insensitive), else -1. names: the
// layer's field names, decoded.
int fieldIndex(const std::vector<QString> &names, std::initializer_list<const char *> candidates)
{
    for (const char *n : candidates)
        for (std::size_t i = 0; i < names.size(); ++i)
            if (names[i].compare(QString::fromUtf8(n), Qt::CaseInsensitive) == 0)
                return static_cast<int>(i);
    return -1;
}

// The layer's field names as UTF-8: decoded like the importer's (an undecodable byte becomes
// U+FFFD, so such a field is simply not one of ours).
std::vector<QString> fieldNames(OGRFeatureDefnH defn, const SourceEncoding &text)
{
    std::unique_ptr<TextDecoder> raw;
    if (!text.rawEncoding.empty())
        raw = std::make_unique<TextDecoder>(text.rawEncoding);
    std::vector<QString> names;
    for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) {
        const char *name = OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i));
        names.push_back(QString::fromStdString(raw ? raw->decode(name) : std::string(name)));
    }
    return names;
}

// One text value of a site, decoded strictly: a value the decided encoding cannot read is an
// error naming the field and how the encoding was decided, never text the rules cannot match.
std::string fieldText(OGRFeatureH f, int i, const std::vector<QString> &names,
                      const SourceEncoding &text)
{
    if (i < 0 || !OGR_F_IsFieldSetAndNotNull(f, i))
        return {};
    try {
        return text.decodeStrict(OGR_F_GetFieldAsString(f, i));
    } catch (const Error &e) {
        throw Error("field " + names[static_cast<std::size_t>(i)].toStdString() + ": " + e.cause() +
                    " (encoding " + text.decision.encoding + ", " + text.decision.detail +
                    "); give --encoding");
    }
}

std::unique_ptr<CoordinateTransform> transformFor(const std::string &from, const std::string &to)
{
    if (from == to)
        return nullptr;
    return std::make_unique<CoordinateTransform>(from, to);
}

void readBoundaryFile(Project &project, const std::string &path,
                      const std::optional<std::string> &encoding, SiteBatch &out)
{
    BoundaryReadOptions opts;
    if (encoding)
        opts.encoding = *encoding;
    const BoundaryFile file = BoundaryFile::read(path, opts);
    const std::string working = project.workingCrs();
    auto transform = transformFor(file.crs.id(), working);
    out.notes.push_back(path + ": " + file.crsReason);
    const PlausibleArea area = PlausibleArea::of(project);
    const GeometryCleaner cleaner(GeometryKind::Polygon, transform.get(), area,
                                  InvalidPolygons::Keep);
    for (const auto &p : file.parcels) {
        const std::string where = path + ", line " + std::to_string(p.line) + ": " + p.label();
        GeometryHandle source;
        if (p.geometry && !p.geometry.isEmpty()) {
            std::vector<unsigned char> wkb = p.geometry.wkb();
            OGRGeometryH g = nullptr;
            if (OGR_G_CreateFromWkb(wkb.data(), nullptr, &g, static_cast<int>(wkb.size())) ==
                OGRERR_NONE)
                source.reset(g);
        }
        CleanedGeometry g = cleaner.clean(std::move(source));
        if (g.geometry.isNull()) {
            out.rejected.push_back(where + ": " + g.rejection);
            continue;
        }
        CheckRequest r;
        r.site = std::move(g.geometry);
        r.inputs.name = p.name.empty() ? p.label() : p.name;
        r.inputs.use = p.use;
        r.inputs.source = where;
        out.sites.push_back(std::move(r));
    }
}

} // namespace

SiteBatch SiteReader::fromFile(Project &project, const std::string &path,
                               const std::optional<std::string> &srs,
                               const std::optional<std::string> &encoding)
{
    SiteBatch out;
    GdalEnvironment::ensureReady();
    if (BoundaryImporter::recognises(path)) {
        readBoundaryFile(project, path, encoding, out);
        return out;
    }
    const std::string working = project.workingCrs();
    const PlausibleArea area = PlausibleArea::of(project);
    for (const SourceUnit &unit : SourceLocator::locate(path)) {
        // The importer's own decision: the same file gives the same text to both.
        const SourceEncoding text = SourceEncoding::of(unit, encoding);
        GdalErrorScope quiet;
        DatasetHandle ds = SourceLocator::open(unit, text.openOptions);
        for (int li = 0; li < GDALDatasetGetLayerCount(ds.get()); ++li) {
            OGRLayerH layer = GDALDatasetGetLayer(ds.get(), li);
            const std::string layerName = OGR_L_GetName(layer);
            const std::string ctx = unit.displayName + ", layer " + layerName;
            try {
                std::optional<CrsDecision> crs =
                    srs ? CrsResolver::fromOverride(*srs)
                        : CrsResolver::fromLayer(layer, unit.shapefile ? unit.gdalPath : "", ctx);
                if (!crs) {
                    OGREnvelope e;
                    if (OGR_L_GetExtent(layer, &e, TRUE) != OGRERR_NONE)
                        throw Error("the layer has no extent to infer a CRS from; give --srs");
                    crs =
                        CrsResolver::infer(Envelope{e.MinX, e.MinY, e.MaxX, e.MaxY}, working, ctx);
                }
                out.notes.push_back(ctx + ": CRS " + crs->label() + " (" + crs->how + ")");
                auto transform = transformFor(crs->crs, working);
                const GeometryCleaner cleaner(GeometryKind::Polygon, transform.get(), area,
                                              InvalidPolygons::Keep);
                const std::vector<QString> names = fieldNames(OGR_L_GetLayerDefn(layer), text);
                const int nameField =
                    fieldIndex(names, {"XMMC", "DKMC", "NAME", "MC", "项目名称", "地块名称"});
                const int industryField = fieldIndex(names, {"HYDM", "INDUSTRY", "行业代码"});
                const int useField = fieldIndex(names, {"GHYT", "DKYT", "USE", "YT", "规划用途"});
                const int noteField = fieldIndex(names, {"BZ", "NOTE", "备注"});
                const int industryNameField = fieldIndex(names, {"HYMC", "行业名称"});
                const int codeField = fieldIndex(names, {"XMDM", "项目代码", "XMBH", "项目编号"});
                const int applicantField =
                    fieldIndex(names, {"JSDW", "建设单位", "SQDW", "申请单位", "QTDW", "牵头单位"});
                OGR_L_ResetReading(layer);
                // A driver that meets a damaged record says so and often just stops: the
                // layer's sites read so far are not all of them, so none of them is checked.
                const std::size_t sitesBefore = out.sites.size();
                const std::size_t rejectedBefore = out.rejected.size();
                const int failuresBefore = quiet.failures();
                while (FeatureHandle f{OGR_L_GetNextFeature(layer)}) {
                    const std::int64_t fid = OGR_F_GetFID(f.get());
                    const std::string where = ctx + ", feature " + std::to_string(fid);
                    CheckRequest r;
                    try {
                        r.inputs.name = fieldText(f.get(), nameField, names, text);
                        r.inputs.industry = fieldText(f.get(), industryField, names, text);
                        r.inputs.use = fieldText(f.get(), useField, names, text);
                        r.inputs.description = fieldText(f.get(), noteField, names, text);
                        r.inputs.code = fieldText(f.get(), codeField, names, text);
                        r.inputs.applicant = fieldText(f.get(), applicantField, names, text);
                        r.inputs.industryName = fieldText(f.get(), industryNameField, names, text);
                    } catch (const Error &e) {
                        out.rejected.push_back(where + ": " + e.cause());
                        continue;
                    }
                    CleanedGeometry g = cleaner.clean(GeometryHandle(OGR_F_StealGeometry(f.get())));
                    if (g.geometry.isNull()) {
                        out.rejected.push_back(where + ": " + g.rejection);
                        continue;
                    }
                    r.site = std::move(g.geometry);
                    if (r.inputs.name.empty())
                        r.inputs.name = std::filesystem::path(path).stem().string() + " #" +
                                        std::to_string(fid);
                    r.inputs.source = where;
                    out.sites.push_back(std::move(r));
                }
                if (const int failures = quiet.failures() - failuresBefore; failures > 0) {
                    out.sites.erase(out.sites.begin() + static_cast<std::ptrdiff_t>(sitesBefore),
                                    out.sites.end());
                    out.rejected.erase(out.rejected.begin() +
                                           static_cast<std::ptrdiff_t>(rejectedBefore),
                                       out.rejected.end());
                    throw Error(
                        "the layer cannot be read whole: GDAL reported " +
                        std::to_string(failures) + " read error" + (failures == 1 ? "" : "s") +
                        " (first: " +
                        (quiet.firstFailure().empty() ? "no message" : quiet.firstFailure()) +
                        "); none of its sites is checked");
                }
            } catch (const Error &e) {
                // A layer that is not polygons (or cannot be placed) is reported, the rest read.
                out.rejected.push_back(ctx + ": " + e.cause());
            }
        }
    }
    if (out.sites.empty() && !out.rejected.empty())
        throw Error("no site could be read: " + out.rejected.front(), path);
    if (out.sites.empty())
        throw Error("the file holds no polygon features", path);
    return out;
}

SiteBatch SiteReader::fromProject(Project &project, const std::string &nameOrId)
{
    SiteBatch out;
    bool numeric =
        !nameOrId.empty() && nameOrId.find_first_not_of("0123456789") == std::string::npos;
    for (const auto &layer : project.layers(Role::Site)) {
        const auto fields = project.fields(layer.id);
        // The field of each input (empty when the layer has none), in the order read below.
        auto find = [&](std::initializer_list<const char *> names) -> std::string {
            for (const char *n : names)
                for (const auto &f : fields)
                    if (QString::fromStdString(f.name).compare(QString::fromUtf8(n),
                                                               Qt::CaseInsensitive) == 0)
                        return f.name;
            return {};
        };
        const std::string inputFields[] = {
            find({"XMMC", "DKMC", "NAME", "MC"}),
            find({"HYDM", "INDUSTRY"}),
            find({"GHYT", "DKYT", "USE"}),
            find({"BZ", "NOTE"}),
            find({"XMDM", "项目代码", "XMBH", "项目编号"}),
            find({"JSDW", "建设单位", "SQDW", "申请单位", "QTDW", "牵头单位"}),
            find({"HYMC", "行业名称"})};
        FeatureRequest request;
        request.skipNullGeometry = false;
        std::vector<int> at; // each input's position among the attributes, -1: none
        for (const auto &f : inputFields) {
            at.push_back(f.empty() ? -1 : static_cast<int>(request.attributes.size()));
            if (!f.empty())
                request.attributes.push_back(f);
        }
        const auto row = project.features(layer)->query(request);
        auto text = [&](int i) -> std::string {
            if (at[i] < 0)
                return {};
            const Value v = row->value(at[i]);
            if (const auto *t = std::get_if<std::string>(&v))
                return *t;
            if (const auto *n = std::get_if<std::int64_t>(&v))
                return std::to_string(*n);
            if (const auto *d = std::get_if<double>(&v))
                return QString::number(*d, 'g', 15).toStdString();
            return {};
        };
        while (row->next()) {
            const std::int64_t fid = row->fid();
            const std::string name = text(0);
            if (!nameOrId.empty() && name != nameOrId &&
                !(numeric && std::to_string(fid) == nameOrId))
                continue;
            const std::string where = "layer " + layer.name + ", feature " + std::to_string(fid);
            CheckRequest r;
            try {
                // A layer's text is UTF-8 when the importer wrote it; a project edited by other
                // tools may hold other bytes, which no rule could match.
                std::string *inputs[] = {&r.inputs.name,        &r.inputs.industry,
                                         &r.inputs.use,         &r.inputs.description,
                                         &r.inputs.code,        &r.inputs.applicant,
                                         &r.inputs.industryName};
                for (int i = 0; i < 7; ++i) {
                    try {
                        *inputs[i] = toUtf8(text(i), "UTF-8");
                    } catch (const Error &e) {
                        throw Error("field " + inputFields[i] + ": " + e.cause());
                    }
                }
                if (!row->hasGeometry())
                    throw Error("no geometry");
                r.site = row->geometry();
            } catch (const Error &e) {
                out.rejected.push_back(where + ": " + e.cause());
                continue;
            }
            if (name.empty())
                r.inputs.name = layer.name + " #" + std::to_string(fid);
            r.inputs.source = where;
            out.sites.push_back(std::move(r));
        }
    }
    if (out.sites.empty() && out.rejected.empty())
        throw Error(nameOrId.empty() ? "the project has no site features"
                                     : "no site named or numbered '" + nameOrId + "'",
                    project.displayName());
    return out;
}

} // namespace planlines::geodata::check
