#include "transfer.h"

#include "../layerwriter.h"

#include <algorithm>
#include <climits>
#include <filesystem>
#include <regex>

namespace planlines::geodata {

namespace {

std::vector<StoredCheckRecord> allCheckRecords(Project &project)
{
    CheckRecordQuery q;
    q.limit = INT_MAX;
    auto records = project.checkRecords(q); // newest first
    std::reverse(records.begin(), records.end());
    return records;
}

// The name a layer's first table has: its table without the "_vN" the PostGIS engine gives
// the table of version N > 1 (the SpatiaLite engine keeps the current version in the plain
// name).
std::string baseTable(const LayerInfo &layer)
{
    const std::string suffix = "_v" + std::to_string(layer.version);
    if (layer.version > 1 && layer.table.size() > suffix.size() &&
        layer.table.compare(layer.table.size() - suffix.size(), suffix.size(), suffix) == 0)
        return layer.table.substr(0, layer.table.size() - suffix.size());
    return layer.table;
}

// The fields of one kept version: the registry's for the current one; an archived version's
// table may have other columns, typed as the current fields of that name (else text).
std::vector<FieldDef> versionFields(FeatureSource &source, const std::vector<FieldDef> &current,
                                    bool isCurrent, const std::string &ctx)
{
    std::vector<FieldDef> out;
    if (isCurrent) {
        for (const auto &f : current) {
            if (source.columnNamed(f.name).empty())
                throw Error("the registry names field " + f.name + " but the table lacks it", ctx);
            out.push_back(f);
        }
        return out;
    }
    for (const auto &column : source.columns()) {
        FieldDef f{column, FieldType::Text, {}};
        for (const auto &c : current)
            if (c.name == column)
                f = c;
        out.push_back(f);
    }
    return out;
}

void copyVersion(Project &from, Project &to, const LayerInfo &layer, const LayerInfo &version,
                 const std::vector<FieldDef> &currentFields, bool first, bool isCurrent,
                 const CopyOptions &options)
{
    const std::string ctx = "layer " + layer.name + " version " + std::to_string(version.version);
    auto source = from.features(version);
    LayerSpec spec;
    spec.name = layer.name;
    spec.role = layer.role;
    spec.table = baseTable(layer);
    spec.geometryType = layer.geometryType;
    spec.fields = versionFields(*source, currentFields, isCurrent, ctx);
    spec.source = version.source;
    spec.synthetic = layer.synthetic;
    spec.description = layer.description;
    spec.sortOrder = layer.sortOrder;
    spec.replaceKeepingHistory = !first;
    spec.copied =
        LayerSpec::Copied{layer.id,         version.version,     version.importedAt,
                          version.checksum, version.versionNote, from.featureOverlaps(version)};

    FeatureRequest request;
    request.skipNullGeometry = false;
    for (const auto &f : spec.fields)
        request.attributes.push_back(source->columnNamed(f.name));

    auto sink = to.writeLayer(spec);
    const int srid = to.workingSrid();
    std::vector<Value> values(spec.fields.size());
    std::int64_t n = 0;
    auto cursor = source->query(request);
    while (cursor->next()) {
        ++n;
        const std::string featureCtx = ctx + ", feature fid " + std::to_string(cursor->fid());
        try {
            // Both engines number a layer table's features 1, 2, 3 …; the target numbers them
            // so too, which keeps fids (the overlapping pairs and check results cite them).
            if (cursor->fid() != n)
                throw Error("fids are not consecutive (expected " + std::to_string(n) +
                            "); such a table is not copied, as its fids would change");
            if (!cursor->hasGeometry())
                throw Error("the feature has no geometry");
            for (std::size_t i = 0; i < values.size(); ++i)
                values[i] = cursor->value(static_cast<int>(i));
            sink->add(
                LayerWriter::encode(cursor->geometry(), spec.geometryType, srid, sink->encoding()),
                values);
        } catch (const StoreError &e) {
            throw StoreError(e.cause(), featureCtx, e.sqliteCode(), e.kind());
        } catch (const Error &e) {
            throw Error(e.cause(), featureCtx);
        }
    }
    if (n != version.featureCount)
        throw Error("the registry counts " + std::to_string(version.featureCount) +
                        " features, the table holds " + std::to_string(n),
                    ctx);
    sink->commit();
    if (options.progress)
        options.progress(layer.name + " v" + std::to_string(version.version) + ": " +
                         std::to_string(n) + " features");
}

} // namespace

std::string ProjectContents::describe() const
{
    const auto plural = [](std::int64_t n, const char *one, const char *many) {
        return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    std::string county = countyName;
    if (!countyCode.empty())
        county += (county.empty() ? "(" : " (") + countyCode + ")";
    if (county.empty())
        county = "project";
    return county + ": " + plural(layers, "layer", "layers") + " (" +
           plural(versions, "version", "versions") + ", " +
           plural(features, "feature", "features") + "), " +
           plural(checkRecords, "check record", "check records") + ", " +
           plural(progressEntries, "progress entry", "progress entries") + ", " +
           plural(auditRows, "audit row", "audit rows");
}

ProjectContents projectContents(Project &project)
{
    ProjectContents c;
    c.location = project.displayName();
    c.countyName = project.setting("county_name").value_or("");
    c.countyCode = project.setting("county_code").value_or("");
    for (const auto &layer : project.layers()) {
        ++c.layers;
        for (const auto &v : project.layerVersions(layer)) {
            ++c.versions;
            c.features += v.featureCount;
        }
    }
    c.checkRecords = static_cast<std::int64_t>(allCheckRecords(project).size());
    c.progressEntries = static_cast<std::int64_t>(project.progressEntries().size());
    c.auditRows = static_cast<std::int64_t>(project.auditLog().size());
    return c;
}

ProjectContents copyProject(Project &from, Project &to, const CopyOptions &options)
{
    for (const auto &[key, value] : from.settings())
        if (std::find(options.leaveOutSettings.begin(), options.leaveOutSettings.end(), key) ==
            options.leaveOutSettings.end())
            to.setSetting(key, value);
    for (const auto &[key, value] : options.addSettings)
        to.setSetting(key, value);

    for (const auto &layer : from.layers()) {
        auto versions = from.layerVersions(layer);
        if (versions.empty()) // a registry row without history: its current table alone
            versions.push_back(layer);
        const auto fields = from.fields(layer.id);
        for (std::size_t i = 0; i < versions.size(); ++i)
            copyVersion(from, to, layer, versions[i], fields, i == 0, i + 1 == versions.size(),
                        options);
    }
    try {
        to.copyRecords(allCheckRecords(from), from.progressEntries(), from.auditLog());
    } catch (const Error &e) {
        throw StoreError(e.cause(), "check records, progress and audit log", 0);
    }
    return projectContents(to);
}

TransferResult transferProject(const std::string &from, const std::string &to, bool replace,
                               const CopyOptions &options)
{
    namespace fs = std::filesystem;
    auto source = Project::open(from, /*readOnly=*/true);
    // One read transaction: the source as it was at one moment (SpatiaLite: one snapshot of
    // the file; PostgreSQL: its statements, read committed, see every commit before them).
    auto reading = source->transaction();
    const ProjectLocation target = ProjectLocation::parse(to);
    const bool file = target.engine == Engine::SpatiaLite;
    TransferResult result;
    if (file && fs::exists(to)) {
        if (!replace)
            throw Error("file already exists; --replace overwrites it", to);
        auto old = Project::open(to, /*readOnly=*/true);
        result.replaced = projectContents(*old);
    }
    // A file is written beside its name and renamed when complete, so a failed copy never
    // leaves a half-written project under the name.
    const std::string writeTo = file ? to + ".partial" : to;
    if (file)
        for (const char *suffix : {"", "-wal", "-shm", "-journal"})
            fs::remove(writeTo + suffix);
    try {
        auto copy = Project::openCopyTarget(writeTo, source->workingCrs());
        if (!file) {
            ProjectContents before = projectContents(*copy.project);
            if (before.holdsData()) {
                if (!replace)
                    throw Error("the database already holds a project (" + before.describe() +
                                    "); --replace replaces it",
                                target.display());
                result.replaced = std::move(before);
            }
        }
        copy.project->clearForCopy();
        result.copied = copyProject(*source, *copy.project, options);
        result.copied.location = target.display();
        copy.transaction->commit();
    } catch (...) {
        if (file)
            for (const char *suffix : {"", "-wal", "-shm", "-journal"})
                fs::remove(writeTo + suffix);
        throw;
    }
    if (file)
        fs::rename(writeTo, to);
    return result;
}

} // namespace planlines::geodata
