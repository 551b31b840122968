#include "spatialitelayersink.h"

#include "../featureoverlaps.h"
#include "../rtreebulkload.h"
#include "../spatialiteblob.h"
#include "spatialitefeatures.h"

#include <QString>

#include <cctype>

namespace planlines::geodata {

SpatialiteLayerSink::SpatialiteLayerSink(Project &project, Database &db, LayerSpec spec)
    : m_project(project), m_db(db), m_spec(std::move(spec))
{
    const std::string ctx = "layer " + m_spec.name;
    validateLayerSpec(m_spec);
    if (m_spec.table.rfind("sqlite_", 0) == 0)
        throw Error("invalid table name '" + m_spec.table + "'", ctx);
    m_srid = project.workingSrid();
    m_tx = std::make_unique<Transaction>(db);
    // Only a layer of this very name is replaced: a name that is another layer's table name
    // (a file site.dxf beside 项目选址 in table site) makes a new layer.
    const auto existing = project.layerNamed(m_spec.name);
    if (existing && m_spec.replaceKeepingHistory) {
        if (existing->role != m_spec.role)
            throw Error("a layer of this name exists with role " +
                            std::string(roleId(existing->role)) + "; it is not replaced by a " +
                            std::string(roleId(m_spec.role)) + " layer",
                        ctx);
        m_previous = existing;
        m_spec.table = existing->table;
        archivePrevious(ctx);
    } else if (existing) {
        throw Error("a layer of this name already exists", ctx);
    } else if (db.tableExists(m_spec.table)) {
        throw Error("table " + m_spec.table + " already exists", ctx);
    }

    std::string create =
        "CREATE TABLE " + quoteIdentifier(m_spec.table) + " (fid INTEGER PRIMARY KEY";
    std::string cols, marks;
    for (const auto &f : m_spec.fields) {
        create += ", " + quoteIdentifier(f.name) + " " + std::string(fieldTypeSql(f.type));
        cols += ", " + quoteIdentifier(f.name);
        marks += ", ?";
    }
    create += ")";
    db.exec(create);
    db.prepare("SELECT AddGeometryColumn(?, 'geom', ?, ?, 'XY', 1)")
        .bindAll(m_spec.table, m_srid, m_spec.geometryType)
        .run();
    if (!db.scalar("SELECT 1 FROM geometry_columns WHERE f_table_name = lower(?)", m_spec.table))
        throw Error("SpatiaLite refused the geometry column", ctx);
    // The spatial index is created now, on the empty table, and bulk-loaded by commit():
    // SpatiaLite's per-row insert triggers (geometry constraint, last-insert time, index
    // maintenance) cost more than the insert itself. Their SQL is kept, they are dropped for the
    // bulk insert and restored by commit(), all in this transaction.
    db.prepare("SELECT CreateSpatialIndex(?, 'geom')").bind(1, m_spec.table).run();
    auto triggers = db.prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND "
        "(name LIKE 'ggi\\_%' ESCAPE '\\' OR name LIKE 'tmi\\_%' ESCAPE '\\' OR "
        "name LIKE 'gii\\_%' ESCAPE '\\')");
    triggers.bind(1, m_spec.table);
    std::vector<std::string> names;
    while (triggers.step()) {
        names.push_back(triggers.text(0));
        m_deferredTriggers.push_back(triggers.text(1));
    }
    for (const auto &name : names)
        db.exec("DROP TRIGGER " + quoteIdentifier(name));
    m_insert = std::make_unique<Statement>(db, "INSERT INTO " + quoteIdentifier(m_spec.table) +
                                                   " (geom" + cols + ") VALUES (?" + marks + ")");
}

SpatialiteLayerSink::~SpatialiteLayerSink() = default;

void SpatialiteLayerSink::archivePrevious(const std::string &ctx)
{
    auto &db = m_db;
    const std::string archived = m_previous->table + "_v" + std::to_string(m_previous->version);
    if (db.tableExists(archived))
        throw Error("cannot keep the previous version: table " + archived + " already exists", ctx);
    // RenameTable moves the geometry column registration, the spatial index and its triggers;
    // it updates SpatiaLite's metadata parent before child, so foreign keys are checked at
    // commit (the pragma ends with the transaction).
    db.exec("PRAGMA defer_foreign_keys = ON");
    db.prepare("SELECT RenameTable('main', ?, ?)").bindAll(m_previous->table, archived).run();
    if (!db.tableExists(archived) || db.tableExists(m_previous->table))
        throw Error("SpatiaLite could not rename table " + m_previous->table + " to " + archived,
                    ctx);
    db.prepare("UPDATE layer_versions SET table_name = ? WHERE layer_id = ? AND version = ?")
        .bindAll(archived, m_previous->id, m_previous->version)
        .run();
    renameFeatureOverlaps(db, m_previous->table, archived);
}

void SpatialiteLayerSink::add(EncodedGeometry geometry, std::span<const Value> values)
{
    const std::string ctx = "layer " + m_spec.name + ", feature " + std::to_string(m_count + 1);
    if (!m_insert)
        throw Error("layer already committed", ctx);
    if (values.size() != m_spec.fields.size())
        throw Error("expected " + std::to_string(m_spec.fields.size()) + " values, got " +
                        std::to_string(values.size()),
                    ctx);
    const Blob &blob = geometry.blob;
    m_insert->bind(1, blob);
    for (size_t i = 0; i < values.size(); ++i)
        m_insert->bind(static_cast<int>(i + 2), values[i]);
    try {
        m_insert->step();
    } catch (const StoreError &e) {
        m_insert->reset();
        throw StoreError(e.cause(), ctx, e.sqliteCode());
    }
    m_insert->reset();
    const Envelope &box = geometry.box;
    m_boxes.push_back({m_db.lastInsertRowId(), box.minX, box.minY, box.maxX, box.maxY});

    // Only what was stored is digested, in the engines' common form (layerdigest.h).
    readSpatialiteBlob(blob, m_flat);
    m_digest.add(m_flat, values);
    ++m_count;
}

LayerInfo SpatialiteLayerSink::commit()
{
    auto &db = m_db;
    const std::string ctx = "layer " + m_spec.name;
    m_insert.reset();
    const auto index = db.scalar("SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                 "lower(name) = lower('idx_' || ? || '_geom')",
                                 m_spec.table);
    if (!index || !std::holds_alternative<std::string>(*index))
        throw Error("SpatiaLite did not create the spatial index", ctx);
    bulkLoadRTree(db, std::get<std::string>(*index), std::move(m_boxes));
    m_boxes = {};
    for (const auto &sql : m_deferredTriggers)
        db.exec(sql);
    m_deferredTriggers.clear();
    db.prepare("UPDATE geometry_columns_time SET last_insert = strftime('%Y-%m-%dT%H:%M:%fZ', "
               "'now') WHERE f_table_name = lower(?) AND f_geometry_column = 'geom'")
        .bind(1, m_spec.table)
        .run();

    // Parcels and farmland patches tile the land: the check adds their pieces, so the features
    // that overlap are found now, once, and kept (the check unions those alone).
    // A copied version keeps the pairs its source found (or, never checked there, none).
    std::vector<FeatureOverlap> overlaps;
    const auto &copied = m_spec.copied;
    if (copied) {
        if (copied->overlaps) {
            overlaps = *copied->overlaps;
            storeFeatureOverlaps(db, m_spec.table, overlaps);
        }
    } else if (tilingRole(std::string(roleId(m_spec.role))) &&
               m_spec.geometryType.find("POLYGON") != std::string::npos) {
        LayerInfo written;
        written.name = m_spec.name;
        written.table = m_spec.table;
        SpatialiteFeatureSource features(db, written);
        overlaps = findFeatureOverlaps(features);
        storeFeatureOverlaps(db, m_spec.table, overlaps);
    }

    LayerInfo info =
        committedLayerInfo(m_spec, m_previous, m_count, m_project.workingCrs(), m_digest.hex());
    info.overlaps = std::move(overlaps);
    writeRegistry(info);
    if (copied) { // the audit log is copied as it was
        m_tx->commit();
        m_tx.reset();
        return info;
    }
    m_project.audit(m_previous ? "layer.replace" : "layer.create", info.table,
                    std::to_string(info.id),
                    layerAuditDetail(info, m_previous ? m_previous->table + "_v" +
                                                            std::to_string(m_previous->version)
                                                      : std::string()));
    m_tx->commit();
    m_tx.reset();
    return info;
}

void SpatialiteLayerSink::writeRegistry(LayerInfo &info)
{
    auto &db = m_db;
    if (m_previous) {
        info.id = m_previous->id;
        db.prepare("UPDATE layers SET geometry_type = ?, source = ?, imported_at = ?, version = ?, "
                   "feature_count = ?, crs = ?, checksum = ?, synthetic = ?, description = ? "
                   "WHERE id = ?")
            .bindAll(info.geometryType, info.source, info.importedAt, info.version,
                     info.featureCount, info.crs, info.checksum, info.synthetic ? 1 : 0,
                     info.description, info.id)
            .run();
        info.sortOrder = m_previous->sortOrder;
        db.prepare("DELETE FROM layer_fields WHERE layer_id = ?").bind(1, info.id).run();
    } else {
        // A copied layer keeps its id (NULL: the next one).
        db.prepare("INSERT INTO layers (id, name, role, table_name, geometry_type, source, "
                   "imported_at, version, feature_count, crs, checksum, synthetic, description, "
                   "sort_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .bindAll(m_spec.copied ? Value(m_spec.copied->layerId) : Value(), info.name,
                     std::string(roleId(info.role)), info.table, info.geometryType, info.source,
                     info.importedAt, info.version, info.featureCount, info.crs, info.checksum,
                     info.synthetic ? 1 : 0, info.description, info.sortOrder)
            .run();
        info.id = db.lastInsertRowId();
    }
    auto fieldInsert = db.prepare(
        "INSERT INTO layer_fields (layer_id, position, name, type, alias) VALUES (?, ?, ?, ?, ?)");
    for (size_t i = 0; i < m_spec.fields.size(); ++i) {
        const auto &f = m_spec.fields[i];
        fieldInsert.bindAll(info.id, static_cast<std::int64_t>(i), f.name,
                            std::string(fieldTypeSql(f.type)), f.alias);
        fieldInsert.run();
    }
    db.prepare("INSERT INTO layer_versions (layer_id, version, table_name, source, imported_at, "
               "feature_count, checksum, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bindAll(info.id, info.version, info.table, info.source, info.importedAt, info.featureCount,
                 info.checksum,
                 m_spec.copied ? m_spec.copied->note
                 : m_previous  ? "replaced version " + std::to_string(m_previous->version)
                               : std::string("created"))
        .run();
}

} // namespace planlines::geodata
