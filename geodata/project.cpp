#include "project.h"
#include "migrator.h"

#include <QDateTime>

#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#ifdef __unix__
#include <pwd.h>
#include <sys/statvfs.h>
#include <unistd.h>
#endif

namespace planlines::geodata {

std::string_view fieldTypeSql(FieldType t)
{
    switch (t) {
    case FieldType::Text:
        return "TEXT";
    case FieldType::Integer:
        return "INTEGER";
    case FieldType::Real:
        return "REAL";
    case FieldType::Date:
        return "DATE";
    }
    return "TEXT";
}

Project::Project(std::unique_ptr<Database> db) : m_db(std::move(db)) {}

std::string Project::actor()
{
    for (const char *var : {"PLANLINES_USER", "USER", "LOGNAME", "USERNAME"})
        if (const char *v = std::getenv(var); v && *v)
            return v;
    // No login variables (a service, a container): the account the process runs as, looked
    // up once (a batch writes an audit row per site).
    static const std::string account = [] {
#ifdef __unix__
        passwd entry{}, *found = nullptr;
        char buffer[1024];
        if (getpwuid_r(geteuid(), &entry, buffer, sizeof buffer, &found) == 0 && found &&
            found->pw_name && *found->pw_name)
            return std::string(found->pw_name);
#endif
        return std::string("unknown");
    }();
    return account;
}

std::string Project::nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
}

std::unique_ptr<Project> Project::create(const std::string &path, const std::string &workingCrs,
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

std::unique_ptr<Project> Project::createFile(const std::string &path, const std::string &workingCrs,
                                             int srid, const std::string &countyName,
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
    std::unique_ptr<Project> p(new Project(std::move(db)));
    Transaction tx(p->db());
    p->setSetting("working_crs", workingCrs);
    p->setSetting("county_name", countyName);
    p->setSetting("county_code", countyCode);
    p->setSetting("created_at", nowIso());
    p->audit("project.create", "project", countyCode, "{\"working_crs\":\"" + workingCrs + "\"}");
    tx.commit();
    return p;
}

std::unique_ptr<Project> Project::open(const std::string &path, bool readOnly)
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
    return std::unique_ptr<Project>(new Project(std::move(db)));
}

int Project::schemaVersion()
{
    return Migrator::currentVersion(*m_db);
}

std::optional<std::string> Project::setting(const std::string &key)
{
    auto st = m_db->prepare("SELECT value FROM project_settings WHERE key = ?");
    st.bind(1, key);
    if (!st.step())
        return std::nullopt;
    return st.text(0);
}

void Project::setSetting(const std::string &key, const std::string &value)
{
    m_db->prepare("INSERT INTO project_settings (key, value) VALUES (?, ?) "
                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bindAll(key, value)
        .run();
}

std::string Project::workingCrs()
{
    return setting("working_crs").value_or("EPSG:4548");
}

int Project::workingSrid()
{
    if (!m_srid)
        m_srid = std::stoi(workingCrs().substr(5));
    return *m_srid;
}

std::string Project::countyName()
{
    return setting("county_name").value_or("");
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

std::vector<LayerInfo> Project::layers()
{
    auto st = m_db->prepare(std::string(kLayerColumns) + "ORDER BY sort_order, id");
    std::vector<LayerInfo> out;
    while (st.step())
        out.push_back(readLayer(st));
    return out;
}

std::vector<LayerInfo> Project::layers(Role role)
{
    auto st = m_db->prepare(std::string(kLayerColumns) + "WHERE role = ? ORDER BY sort_order, id");
    st.bind(1, roleId(role));
    std::vector<LayerInfo> out;
    while (st.step())
        out.push_back(readLayer(st));
    return out;
}

std::optional<LayerInfo> Project::layer(const std::string &name)
{
    // Names and table names are each unique, but one layer's name may be another's table.
    auto st = m_db->prepare(std::string(kLayerColumns) +
                            "WHERE name = ?1 OR table_name = ?1 ORDER BY name = ?1 DESC LIMIT 1");
    st.bind(1, name);
    if (!st.step())
        return std::nullopt;
    return readLayer(st);
}

std::optional<LayerInfo> Project::layerNamed(const std::string &name)
{
    auto st = m_db->prepare(std::string(kLayerColumns) + "WHERE name = ?");
    st.bind(1, name);
    if (!st.step())
        return std::nullopt;
    return readLayer(st);
}

std::vector<FieldDef> Project::fields(std::int64_t layerId)
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

void Project::audit(const std::string &action, const std::string &target,
                    const std::string &targetId, const std::string &detailJson)
{
    if (!m_auditInsert)
        m_auditInsert = std::make_unique<Statement>(
            *m_db, "INSERT INTO audit_log (at, actor, action, target, target_id, detail_json) "
                   "VALUES (?, ?, ?, ?, ?, ?)");
    m_auditInsert->bindAll(nowIso(), actor(), action, target, targetId, detailJson).run();
}

} // namespace planlines::geodata
