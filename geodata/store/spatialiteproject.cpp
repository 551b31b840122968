#include "spatialiteproject.h"

#include "../migrator.h"
#include "spatialitefeatures.h"
#include "spatialitelayersink.h"

#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#ifdef __unix__
#include <sqlite3.h>
#include <sys/statvfs.h>
#endif

namespace planlines::geodata {

SpatialiteProject::SpatialiteProject(std::unique_ptr<Database> db) : m_db(std::move(db)) {}

SpatialiteProject::~SpatialiteProject() = default;

const std::string &SpatialiteProject::path() const
{
    return m_db->path();
}

std::unique_ptr<Project> SpatialiteProject::create(const std::string &path,
                                                   const std::string &workingCrs,
                                                   const std::string &countyName,
                                                   const std::string &countyCode)
{
    if (std::filesystem::exists(path))
        throw Error("file already exists; choose another name or remove it", path);
    if (workingCrs.rfind("EPSG:", 0) != 0)
        throw Error("working CRS must be an EPSG code such as EPSG:4548, not '" + workingCrs + "'",
                    path);
    int srid = 0;
    const std::string_view code = std::string_view(workingCrs).substr(5);
    const auto [end, ec] = std::from_chars(code.data(), code.data() + code.size(), srid);
    if (code.empty() || ec != std::errc() || end != code.data() + code.size() || srid <= 0)
        throw Error("working CRS must be an EPSG code such as EPSG:4548, not '" + workingCrs + "'",
                    path);
    // From here on the file exists: a failure must not leave a half-made project behind.
    try {
        return createFile(path, workingCrs, srid, countyName, countyCode);
    } catch (...) {
        std::error_code ignored;
        for (const char *suffix : {"", "-wal", "-shm", "-journal"})
            std::filesystem::remove(path + suffix, ignored);
        throw;
    }
}

namespace {

// SpatiaLite's InitSpatialMetadata says why it failed only on stderr (and SQLite keeps no
// error number for SQLITE_FULL): a disk left with less than the 4 MiB its tables take was full.
std::string whyInitFailed(const std::string &path)
{
    std::string why = "SpatiaLite could not create its tables";
#ifdef __unix__
    struct statvfs vfs
    {
    };
    const auto parent = std::filesystem::path(path).parent_path();
    if (::statvfs(parent.empty() ? "." : parent.c_str(), &vfs) == 0 &&
        static_cast<unsigned long long>(vfs.f_bavail) * vfs.f_frsize < (4ull << 20))
        why = std::strerror(ENOSPC);
#endif
    return why;
}

} // namespace

std::unique_ptr<Project> SpatialiteProject::createFile(const std::string &path,
                                                       const std::string &workingCrs, int srid,
                                                       const std::string &countyName,
                                                       const std::string &countyCode)
{
    auto db = std::make_unique<Database>(path, Database::Mode::Create);
    db->exec("PRAGMA journal_mode = WAL");
    db->exec("PRAGMA foreign_keys = ON");
    {
        Transaction tx(*db);
        // SpatiaLite says why it failed (a full disk among others) only on stderr, and rolls
        // back our transaction: its result says whether it did.
        if (db->scalar("SELECT InitSpatialMetadata(0)") != Value(std::int64_t{1}))
            throw Error("cannot write: " + whyInitFailed(path), path);
        tx.commit();
    }
    if (!db->scalar("SELECT 1 FROM spatial_ref_sys WHERE srid = ?", srid))
        throw Error("working CRS " + workingCrs + " is unknown to SpatiaLite", path);
    Migrator::migrate(*db);
    std::unique_ptr<SpatialiteProject> p(new SpatialiteProject(std::move(db)));
    Transaction tx(*p->m_db);
    p->setSetting("working_crs", workingCrs);
    p->setSetting("county_name", countyName);
    p->setSetting("county_code", countyCode);
    p->setSetting("created_at", nowIso());
    p->audit("project.create", "project", countyCode, "{\"working_crs\":\"" + workingCrs + "\"}");
    tx.commit();
    return p;
}

std::unique_ptr<Project> SpatialiteProject::open(const std::string &path, bool readOnly)
{
    if (!std::filesystem::exists(path))
        throw Error("no such project file", path);
    auto db = std::make_unique<Database>(path, readOnly ? Database::Mode::ReadOnly
                                                        : Database::Mode::ReadWrite);
    try {
        db->scalar("SELECT count(*) FROM sqlite_master");
    } catch (const StoreError &e) {
        throw Error("not a PlanLines project (" + e.cause() + ")", path);
    }
    if (!db->tableExists("project_settings") || !db->tableExists("spatial_ref_sys"))
        throw Error("not a PlanLines project (no project_settings table)", path);
    if (!readOnly) {
        db->exec("PRAGMA journal_mode = WAL");
        db->exec("PRAGMA foreign_keys = ON");
        Migrator::migrate(*db);
    } else if (Migrator::currentVersion(*db) > Migrator::latestVersion()) {
        throw Error("the project was written by a newer PlanLines", path);
    }
    return std::unique_ptr<Project>(new SpatialiteProject(std::move(db)));
}

int SpatialiteProject::schemaVersion()
{
    return Migrator::currentVersion(*m_db);
}

std::optional<std::string> SpatialiteProject::setting(const std::string &key)
{
    auto st = m_db->prepare("SELECT value FROM project_settings WHERE key = ?");
    st.bind(1, key);
    if (!st.step())
        return std::nullopt;
    return st.text(0);
}

void SpatialiteProject::setSetting(const std::string &key, const std::string &value)
{
    m_db->prepare("INSERT INTO project_settings (key, value) VALUES (?, ?) "
                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bindAll(key, value)
        .run();
}

static LayerInfo readLayer(Statement &st)
{
    LayerInfo l;
    l.id = st.int64(0);
    l.name = st.text(1);
    l.role = roleFromId(st.text(2)).value_or(Role::Context);
    l.table = st.text(3);
    l.geometryType = st.text(4);
    l.source = st.text(5);
    l.importedAt = st.text(6);
    l.version = static_cast<int>(st.int64(7));
    l.featureCount = st.int64(8);
    l.crs = st.text(9);
    l.checksum = st.text(10);
    l.synthetic = st.int64(11) != 0;
    l.description = st.text(12);
    l.sortOrder = static_cast<int>(st.int64(13));
    return l;
}

static constexpr std::string_view kLayerColumns =
    "SELECT id, name, role, table_name, geometry_type, source, imported_at, version, "
    "feature_count, crs, checksum, synthetic, description, sort_order FROM layers ";

std::vector<LayerInfo> SpatialiteProject::layers()
{
    auto st = m_db->prepare(std::string(kLayerColumns) + "ORDER BY sort_order, id");
    std::vector<LayerInfo> out;
    while (st.step())
        out.push_back(readLayer(st));
    return out;
}

std::vector<LayerInfo> SpatialiteProject::layerVersions(const LayerInfo &layer)
{
    auto st =
        m_db->prepare("SELECT version, table_name, source, imported_at, feature_count, "
                      "checksum, note FROM layer_versions WHERE layer_id = ? ORDER BY version");
    st.bind(1, layer.id);
    std::vector<LayerInfo> out;
    while (st.step()) {
        LayerInfo v = layer;
        v.overlaps.clear();
        v.version = static_cast<int>(st.int64(0));
        v.table = st.text(1);
        v.source = st.text(2);
        v.importedAt = st.text(3);
        v.featureCount = st.int64(4);
        v.checksum = st.text(5);
        v.versionNote = st.text(6);
        out.push_back(std::move(v));
    }
    return out;
}

std::vector<FieldDef> SpatialiteProject::fields(std::int64_t layerId)
{
    auto st = m_db->prepare(
        "SELECT name, type, alias FROM layer_fields WHERE layer_id = ? ORDER BY position");
    st.bind(1, layerId);
    std::vector<FieldDef> out;
    while (st.step()) {
        const std::string t = st.text(1);
        FieldType ft = t == "INTEGER" ? FieldType::Integer
                       : t == "REAL"  ? FieldType::Real
                       : t == "DATE"  ? FieldType::Date
                                      : FieldType::Text;
        out.push_back({st.text(0), ft, st.text(2)});
    }
    return out;
}

void SpatialiteProject::audit(const std::string &action, const std::string &target,
                              const std::string &targetId, const std::string &detailJson)
{
    if (!m_auditInsert)
        m_auditInsert = std::make_unique<Statement>(
            *m_db, "INSERT INTO audit_log (at, actor, action, target, target_id, detail_json) "
                   "VALUES (?, ?, ?, ?, ?, ?)");
    m_auditInsert->bindAll(nowIso(), actor(), action, target, targetId, detailJson).run();
}

} // namespace planlines::geodata

namespace planlines::geodata {

std::unique_ptr<FeatureSource> SpatialiteProject::features(const LayerInfo &layer)
{
    return std::make_unique<SpatialiteFeatureSource>(*m_db, layer,
                                                     [this] { return indexWriter(); });
}

Database *SpatialiteProject::indexWriter()
{
    if (!sqlite3_db_readonly(m_db->handle(), "main"))
        return m_db.get();
    if (!m_indexWriterTried) {
        m_indexWriterTried = true;
        try {
            m_indexWriter = std::make_unique<Database>(m_db->path(), Database::Mode::ReadWrite);
            sqlite3_busy_timeout(m_indexWriter->handle(), 3000);
            m_indexWriterHandle = m_indexWriter->handle();
        } catch (const std::exception &) {
            m_indexWriter.reset(); // a read-only medium: queries go without kept indexes
        }
    }
    return m_indexWriter.get();
}

void SpatialiteProject::interrupt()
{
    // sqlite3_interrupt may be called from any thread while the connection is open; with
    // nothing running it does nothing.
    sqlite3_interrupt(m_db->handle());
    if (sqlite3 *w = m_indexWriterHandle.load())
        sqlite3_interrupt(w);
}

StoreChanges SpatialiteProject::pollChanges()
{
    // data_version moves when another connection commits to the file (a second window, a
    // command): only then are the fingerprints read again.
    const auto version = std::get<std::int64_t>(*m_db->scalar("PRAGMA data_version"));
    if (m_seen && m_seen->dataVersion == version)
        return {};
    auto text = [&](const char *sql) {
        auto st = m_db->prepare(sql);
        std::string out;
        if (st.step())
            for (int i = 0; i < 3; ++i)
                out += (st.isNull(i) ? std::string("-") : st.text(i)) + "|";
        return out;
    };
    Fingerprint now{version,
                    text("SELECT count(*), max(id), max(imported_at || version || table_name) "
                         "FROM layers"),
                    text("SELECT count(*), max(id), max(recorded_at) FROM corridor_progress")};
    StoreChanges changes;
    if (m_seen) {
        changes.layers = now.layers != m_seen->layers;
        changes.progress = now.progress != m_seen->progress;
    }
    m_seen = std::move(now);
    return changes;
}

std::unique_ptr<LayerSink> SpatialiteProject::writeLayer(LayerSpec spec)
{
    return std::make_unique<SpatialiteLayerSink>(*this, *m_db, std::move(spec));
}

bool SpatialiteProject::hasTable(const std::string &table)
{
    return m_db->tableExists(table);
}

} // namespace planlines::geodata
