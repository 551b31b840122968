#include "postgisproject.h"

#include "pgdbinit.h"
#include "pgmigrator.h"
#include "postgisfeatures.h"
#include "postgislayersink.h"

#include <libpq-fe.h>

namespace planlines::geodata {

PostgisProject::PostgisProject(std::string location, std::unique_ptr<PgConnection> db)
    : m_location(std::move(location)), m_db(std::move(db)), m_cancel(PQgetCancel(m_db->handle()))
{
}

PostgisProject::~PostgisProject()
{
    if (m_cancel)
        PQfreeCancel(m_cancel);
}

StoreChanges PostgisProject::pollChanges()
{
    StoreChanges changes;
    if (!m_db->ok()) {
        // Lost (the server restarted, the network dropped): connect again; what was sent
        // meanwhile is gone, so everything may have changed. Still unreachable: throws, and the
        // next call tries again.
        m_db->reset();
        if (m_cancel)
            PQfreeCancel(m_cancel);
        m_cancel = PQgetCancel(m_db->handle());
        m_listening = false;
        changes = {true, true, true};
    }
    if (!m_listening) {
        m_db->exec("LISTEN planlines");
        m_listening = true;
        return changes;
    }
    for (const auto &[channel, payload] : m_db->notifications()) {
        if (channel != "planlines")
            continue;
        if (payload.rfind("layer:", 0) == 0)
            changes.layers = true;
        else if (payload.rfind("corridor:", 0) == 0)
            changes.progress = true;
    }
    return changes;
}

void PostgisProject::interrupt()
{
    char error[256];
    if (m_cancel)
        PQcancel(m_cancel, error, sizeof error); // best effort: a failure leaves it running
}

std::unique_ptr<Project> PostgisProject::create(const std::string &location,
                                                const std::string &workingCrs,
                                                const std::string &countyName,
                                                const std::string &countyCode)
{
    auto db = std::make_unique<PgConnection>(location);
    createPgProject(*db, {workingCrs, countyName, countyCode});
    return std::unique_ptr<Project>(new PostgisProject(location, std::move(db)));
}

std::unique_ptr<Project> PostgisProject::open(const std::string &location, bool readOnly)
{
    auto db = std::make_unique<PgConnection>(location);
    const int current = PgMigrator::currentVersion(*db);
    if (current == 0)
        throw Error("not a PlanLines project (no schema_migrations table); an administrator "
                    "makes it one with planlines db init --db …",
                    db->displayName());
    if (current > PgMigrator::latestVersion())
        throw Error("the project was written by a newer PlanLines (schema " +
                        std::to_string(current) + ")",
                    db->displayName());
    if (readOnly)
        db->setSession("SET default_transaction_read_only = on"); // also after a reconnect
    else if (current < PgMigrator::latestVersion())
        PgMigrator::migrate(*db);
    return std::unique_ptr<Project>(new PostgisProject(location, std::move(db)));
}

int PostgisProject::schemaVersion()
{
    return PgMigrator::currentVersion(*m_db);
}

std::optional<std::string> PostgisProject::setting(const std::string &key)
{
    const auto v = m_db->scalar("SELECT value FROM project_settings WHERE key = $1", key);
    if (!v)
        return std::nullopt;
    return std::get<std::string>(*v);
}

void PostgisProject::setSetting(const std::string &key, const std::string &value)
{
    m_db->exec("INSERT INTO project_settings (key, value) VALUES ($1, $2) "
               "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
               PgParams::of(key, value));
}

std::vector<LayerInfo> PostgisProject::layers()
{
    const PgResult r = m_db->exec(
        "SELECT id, name, role, table_name, geometry_type, source, imported_at, version::int8, "
        "feature_count, crs, checksum, synthetic::int8, description, sort_order::int8 "
        "FROM layers ORDER BY sort_order, id");
    std::vector<LayerInfo> out;
    for (int i = 0; i < r.rows(); ++i) {
        LayerInfo l;
        l.id = r.int64(i, 0);
        l.name = r.text(i, 1);
        l.role = roleFromId(r.text(i, 2)).value_or(Role::Context);
        l.table = r.text(i, 3);
        l.geometryType = r.text(i, 4);
        l.source = r.text(i, 5);
        l.importedAt = r.text(i, 6);
        l.version = static_cast<int>(r.int64(i, 7));
        l.featureCount = r.int64(i, 8);
        l.crs = r.text(i, 9);
        l.checksum = r.text(i, 10);
        l.synthetic = r.int64(i, 11) != 0;
        l.description = r.text(i, 12);
        l.sortOrder = static_cast<int>(r.int64(i, 13));
        out.push_back(std::move(l));
    }
    return out;
}

std::vector<FieldDef> PostgisProject::fields(std::int64_t layerId)
{
    const PgResult r = m_db->exec(
        "SELECT name, type, alias FROM layer_fields WHERE layer_id = $1 ORDER BY position",
        PgParams::of(layerId));
    std::vector<FieldDef> out;
    for (int i = 0; i < r.rows(); ++i) {
        const std::string t = r.text(i, 1);
        const FieldType ft = t == "INTEGER" ? FieldType::Integer
                             : t == "REAL"  ? FieldType::Real
                             : t == "DATE"  ? FieldType::Date
                                            : FieldType::Text;
        out.push_back({r.text(i, 0), ft, r.text(i, 2)});
    }
    return out;
}

std::vector<LayerInfo> PostgisProject::layerVersions(const LayerInfo &layer)
{
    const PgResult r = m_db->exec(
        "SELECT version::bigint, table_name, source, imported_at, feature_count::bigint, "
        "checksum, note FROM layer_versions WHERE layer_id = $1 ORDER BY version",
        PgParams::of(layer.id));
    std::vector<LayerInfo> out;
    for (int i = 0; i < r.rows(); ++i) {
        LayerInfo v = layer;
        v.overlaps.clear();
        v.version = static_cast<int>(r.int64(i, 0));
        v.table = r.text(i, 1);
        v.source = r.text(i, 2);
        v.importedAt = r.text(i, 3);
        v.featureCount = r.int64(i, 4);
        v.checksum = r.text(i, 5);
        v.versionNote = r.text(i, 6);
        out.push_back(std::move(v));
    }
    return out;
}

std::unique_ptr<FeatureSource> PostgisProject::features(const LayerInfo &layer)
{
    return std::make_unique<PostgisFeatureSource>(*m_db, layer, workingSrid());
}

std::unique_ptr<LayerSink> PostgisProject::writeLayer(LayerSpec spec)
{
    return std::make_unique<PostgisLayerSink>(*this, *m_db, std::move(spec));
}

bool PostgisProject::hasTable(const std::string &table)
{
    return m_db->scalar("SELECT 1 WHERE to_regclass($1) IS NOT NULL", quoteIdentifier(table))
        .has_value();
}

void PostgisProject::audit(const std::string &action, const std::string &target,
                           const std::string &targetId, const std::string &detailJson)
{
    m_db->exec("INSERT INTO audit_log (action, target, target_id, detail_json) "
               "VALUES ($1, $2, $3, $4)",
               PgParams::of(action, target, targetId, detailJson));
}

} // namespace planlines::geodata
