#include "postgislayersink.h"

#include "pgroles.h"
#include "postgisfeatures.h"

#include "../../import/textencoding.h"
#include "../../wkbreader.h"

#include <QString>
#include <QUtf8StringView>

#include <charconv>
#include <regex>

namespace planlines::geodata {

namespace {

std::string_view columnType(FieldType t)
{
    switch (t) {
    case FieldType::Integer:
        return "bigint";
    case FieldType::Real:
        return "double precision";
    case FieldType::Date:
        return "date";
    case FieldType::Text:
        break;
    }
    return "text";
}

// One value into a column of the field's type. SQLite keeps whatever it is given; PostgreSQL's
// columns are typed, so a number written as text is converted and anything else refused with
// the field named.
void copyValue(PgCopyWriter &w, const FieldDef &f, const Value &v)
{
    if (std::holds_alternative<std::monostate>(v)) {
        w.null();
        return;
    }
    const auto refuse = [&f](const std::string &what) {
        throw Error("field " + f.name + ": " + what + " cannot be stored as " +
                    std::string(fieldTypeSql(f.type)));
    };
    switch (f.type) {
    case FieldType::Text:
        if (const auto *s = std::get_if<std::string>(&v)) {
            // PostgreSQL keeps UTF-8 only (the importers decode every source to it): say which
            // field and byte, not the server's COPY line.
            if (!QUtf8StringView(*s).isValidUtf8()) {
                try {
                    import::toUtf8(*s, "UTF-8");
                } catch (const Error &e) {
                    throw Error("field " + f.name + ": the text is not UTF-8 (" + e.cause() +
                                "), and a PostgreSQL project stores UTF-8 text only");
                }
            }
            w.text(*s);
        } else if (const auto *i = std::get_if<std::int64_t>(&v))
            w.text(std::to_string(*i));
        else if (const auto *d = std::get_if<double>(&v))
            w.text(QString::number(*d, 'g', 17).toStdString());
        else
            refuse("binary data");
        return;
    case FieldType::Integer:
        if (const auto *i = std::get_if<std::int64_t>(&v)) {
            w.int64(*i);
        } else if (const auto *s = std::get_if<std::string>(&v)) {
            std::int64_t n = 0;
            const auto [end, ec] = std::from_chars(s->data(), s->data() + s->size(), n);
            if (s->empty() || ec != std::errc() || end != s->data() + s->size())
                refuse("'" + *s + "'");
            w.int64(n);
        } else if (const auto *d = std::get_if<double>(&v);
                   d && *d == static_cast<double>(static_cast<std::int64_t>(*d))) {
            w.int64(static_cast<std::int64_t>(*d));
        } else {
            refuse("a fraction or binary data");
        }
        return;
    case FieldType::Real:
        if (const auto *d = std::get_if<double>(&v))
            w.real(*d);
        else if (const auto *i = std::get_if<std::int64_t>(&v))
            w.real(static_cast<double>(*i));
        else if (const auto *s = std::get_if<std::string>(&v)) {
            bool ok = false;
            const double d2 = QString::fromStdString(*s).toDouble(&ok);
            if (!ok)
                refuse("'" + *s + "'");
            w.real(d2);
        } else
            refuse("binary data");
        return;
    case FieldType::Date:
        if (const auto *s = std::get_if<std::string>(&v))
            w.date(s->substr(0, 10)); // a time after the date is not kept, as in the file
        else
            refuse("a number");
        return;
    }
}

} // namespace

PostgisLayerSink::PostgisLayerSink(Project &project, PgConnection &db, LayerSpec spec)
    : m_project(project), m_db(db), m_spec(std::move(spec))
{
    const std::string ctx = "layer " + m_spec.name;
    validateLayerSpec(m_spec);
    m_srid = project.workingSrid();
    m_tx = std::make_unique<PgTransaction>(db);
    // Two writers of the same layer name queue here instead of failing on the registry.
    m_db.exec("SELECT pg_advisory_xact_lock(hashtext('planlines.layer:' || $1))",
              PgParams::of(m_spec.name));
    checkRight(ctx);
    const auto existing = project.layerNamed(m_spec.name);
    if (existing && m_spec.replaceKeepingHistory) {
        if (existing->role != m_spec.role)
            throw Error("a layer of this name exists with role " +
                            std::string(roleId(existing->role)) + "; it is not replaced by a " +
                            std::string(roleId(m_spec.role)) + " layer",
                        ctx);
        m_previous = existing;
        // Each version has a table of its own: landuse, landuse_v2, landuse_v3 …; the old
        // one stays as it is, still named by its layer_versions row.
        static const std::regex versioned(R"(_v\d+$)");
        m_spec.table =
            std::regex_replace(existing->table, versioned, "") + "_v" +
            std::to_string(m_spec.copied ? m_spec.copied->version : existing->version + 1);
    } else if (existing) {
        throw Error("a layer of this name already exists", ctx);
    }
    if (project.hasTable(m_spec.table))
        throw Error("table " + m_spec.table + " already exists", ctx);
    createTable(ctx);
}

PostgisLayerSink::~PostgisLayerSink() = default;

// A refusal up front, in words, rather than the registry's row policy at commit.
void PostgisLayerSink::checkRight(const std::string &ctx)
{
    if (m_spec.role == Role::Site)
        return;
    const PgResult r = m_db.exec(
        "SELECT r.rolsuper OR NOT EXISTS (SELECT FROM pg_roles WHERE rolname = $1) OR "
        "pg_has_role(current_user, $1, 'MEMBER') OR "
        "pg_get_userbyid((SELECT relowner FROM pg_class WHERE oid = 'layers'::regclass)) = "
        "current_user FROM pg_roles r WHERE r.rolname = current_user",
        PgParams::of(std::string(kPgAdminRole)));
    if (r.rows() == 1 && !r.boolean(0, 0))
        throw StoreError("permission denied: role " + m_db.user() + " may not " +
                             (m_spec.replaceKeepingHistory ? "replace" : "create") + " a " +
                             std::string(roleId(m_spec.role)) + " layer; needs " +
                             std::string(kPgAdminRole) + " (an editor writes site layers only)",
                         ctx, 0, StoreError::Kind::PermissionDenied);
}

void PostgisLayerSink::createTable(const std::string &)
{
    std::string create = "CREATE TABLE " + quoteIdentifier(m_spec.table) +
                         " (fid bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
    std::string cols = "geom";
    for (const auto &f : m_spec.fields) {
        create += ", " + quoteIdentifier(f.name) + " " + std::string(columnType(f.type));
        cols += ", " + quoteIdentifier(f.name);
    }
    create += ", geom geometry(" + m_spec.geometryType + ", " + std::to_string(m_srid) + "))";
    m_db.exec(create);
    // Editors make site layers; viewers read every layer whoever made it.
    if (m_db.scalar("SELECT 1 FROM pg_roles WHERE rolname = $1", std::string(kPgViewerRole)))
        m_db.exec("GRANT SELECT ON " + quoteIdentifier(m_spec.table) + " TO " +
                  std::string(kPgViewerRole));
    m_copy = std::make_unique<PgCopyWriter>(m_db,
                                            "COPY " + quoteIdentifier(m_spec.table) + " (" + cols +
                                                ") FROM STDIN (FORMAT binary)",
                                            static_cast<int>(m_spec.fields.size()) + 1);
}

void PostgisLayerSink::add(EncodedGeometry geometry, std::span<const Value> values)
{
    const std::string ctx = "layer " + m_spec.name + ", feature " + std::to_string(m_count + 1);
    if (!m_copy)
        throw Error("layer already committed", ctx);
    if (values.size() != m_spec.fields.size())
        throw Error("expected " + std::to_string(m_spec.fields.size()) + " values, got " +
                        std::to_string(values.size()),
                    ctx);
    try {
        m_copy->row().bytes(geometry.blob);
        for (std::size_t i = 0; i < values.size(); ++i)
            copyValue(*m_copy, m_spec.fields[i], values[i]);
    } catch (const StoreError &e) {
        throw StoreError(e.cause(), ctx, 0, e.kind());
    } catch (const Error &e) {
        throw Error(e.cause(), ctx);
    }
    // The SpatiaLite engine's digest, over what is stored (layerdigest.h).
    m_flat.clear();
    WkbReader::read(geometry.blob, m_flat);
    m_digest.add(m_flat, values);
    ++m_count;
}

// Interiors that share more than kOverlapMinM2 (adjacent parcels only touch), found by the
// server through the GiST index, stored as the SpatiaLite engine stores them.
std::vector<FeatureOverlap> PostgisLayerSink::findOverlaps()
{
    // Found here, as the SpatiaLite engine finds them (../../featureoverlaps.h), from the rows
    // just copied in this transaction: the server's ST_Relate over every pair of neighbours
    // took a minute for the sample county's 80 000 parcels, this takes a second.
    LayerInfo written;
    written.name = m_spec.name;
    written.table = m_spec.table;
    PostgisFeatureSource features(m_db, written, m_srid);
    std::vector<FeatureOverlap> out = findFeatureOverlaps(features);
    storeOverlaps(out);
    return out;
}

// Stores the pairs (found here, or a copied version's as its source kept them).
void PostgisLayerSink::storeOverlaps(const std::vector<FeatureOverlap> &pairs)
{
    {
        PgCopyWriter w(m_db,
                       "COPY layer_overlaps (table_name, fid, other_fid, area_m2) FROM STDIN "
                       "(FORMAT binary)",
                       4);
        for (const auto &p : pairs)
            w.row().text(m_spec.table).int64(p.fid).int64(p.otherFid).real(p.areaM2);
        w.finish();
    }
    m_db.exec("INSERT INTO layer_overlap_checks (table_name, checked_at, pairs) "
              "VALUES ($1, planlines_now(), $2) ON CONFLICT (table_name) DO UPDATE "
              "SET checked_at = excluded.checked_at, pairs = excluded.pairs",
              PgParams::of(m_spec.table, static_cast<std::int64_t>(pairs.size())));
}

namespace {

// A land-use layer this large (read per site by box: the check's one-site latency) is stored
// in spatial order. Only land use: CLUSTER rewrites the table and rebuilds its indexes, and
// clustering basic farmland too made a million parcels' publish 1.20× ogr2ogr's time (land use
// alone: 0.93×; bench/README.md).
constexpr std::int64_t kClusterFeatures = 20000;

} // namespace

LayerInfo PostgisLayerSink::commit()
{
    const std::string ctx = "layer " + m_spec.name;
    if (!m_copy)
        throw Error("layer already committed", ctx);
    m_copy->finish();
    m_copy.reset();
    const std::string t = quoteIdentifier(m_spec.table);
    // The index after the rows: one sorted build instead of a million inserts into it.
    const std::string gist = quoteIdentifier(m_spec.table + "_geom_gist");
    m_db.exec("CREATE INDEX " + gist + " ON " + t + " USING gist (geom)");
    if (m_spec.role == Role::Landuse && m_count >= kClusterFeatures) {
        // The rows in the index's (spatial) order rather than the file's: a site's ~1 300
        // candidates then lie on a few dozen heap pages instead of ~500 (the check's one-site
        // latency). The fids, and so the checksums and every read in fid order, stay.
        m_db.exec("CLUSTER " + t + " USING " + gist);
    }
    m_db.exec("ANALYZE " + t);

    LayerInfo info =
        committedLayerInfo(m_spec, m_previous, m_count, m_project.workingCrs(), m_digest.hex());
    const auto &copied = m_spec.copied;
    if (copied) {
        // The pairs its source found (or, never checked there, none).
        if (copied->overlaps)
            storeOverlaps(info.overlaps = *copied->overlaps);
    } else if (tilingRole(std::string(roleId(m_spec.role))) &&
               m_spec.geometryType.find("POLYGON") != std::string::npos) {
        info.overlaps = findOverlaps();
    }
    writeRegistry(info);
    if (copied) { // the audit log is copied as it was
        m_tx->commit();
        m_tx.reset();
        return info;
    }
    m_project.audit(m_previous ? "layer.replace" : "layer.create", info.table,
                    std::to_string(info.id),
                    layerAuditDetail(info, m_previous ? m_previous->table : std::string()));
    m_tx->commit(); // the registry's trigger notifies `planlines` now
    m_tx.reset();
    return info;
}

void PostgisLayerSink::writeRegistry(LayerInfo &info)
{
    if (m_previous) {
        info.id = m_previous->id;
        info.sortOrder = m_previous->sortOrder;
        m_db.exec("UPDATE layers SET table_name = $1, geometry_type = $2, source = $3, "
                  "imported_at = $4, version = $5, feature_count = $6, crs = $7, checksum = $8, "
                  "synthetic = $9, description = $10 WHERE id = $11",
                  PgParams::of(info.table, info.geometryType, info.source, info.importedAt,
                               info.version, info.featureCount, info.crs, info.checksum,
                               info.synthetic ? 1 : 0, info.description, info.id));
        m_db.exec("DELETE FROM layer_fields WHERE layer_id = $1", PgParams::of(info.id));
    } else {
        PgParams p =
            PgParams::of(info.name, std::string(roleId(info.role)), info.table, info.geometryType,
                         info.source, info.importedAt, info.version, info.featureCount, info.crs,
                         info.checksum, info.synthetic ? 1 : 0, info.description, info.sortOrder);
        // A copied layer keeps its id; the identity then continues after the highest.
        if (m_spec.copied)
            p.add(m_spec.copied->layerId);
        info.id = m_db.exec(std::string("INSERT INTO layers (name, role, table_name, "
                                        "geometry_type, source, imported_at, version, "
                                        "feature_count, crs, checksum, synthetic, description, "
                                        "sort_order") +
                                (m_spec.copied ? ", id" : "") +
                                ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, "
                                "$13" +
                                (m_spec.copied ? ", $14" : "") + ") RETURNING id",
                            p)
                      .int64(0, 0);
        if (m_spec.copied)
            m_db.exec("SELECT setval(pg_get_serial_sequence('layers', 'id'), max(id)) FROM layers");
    }
    for (std::size_t i = 0; i < m_spec.fields.size(); ++i) {
        const auto &f = m_spec.fields[i];
        m_db.exec("INSERT INTO layer_fields (layer_id, position, name, type, alias) "
                  "VALUES ($1, $2, $3, $4, $5)",
                  PgParams::of(info.id, static_cast<std::int64_t>(i), f.name,
                               std::string(fieldTypeSql(f.type)), f.alias));
    }
    m_db.exec("INSERT INTO layer_versions (layer_id, version, table_name, source, imported_at, "
              "feature_count, checksum, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
              PgParams::of(info.id, info.version, info.table, info.source, info.importedAt,
                           info.featureCount, info.checksum,
                           m_spec.copied ? m_spec.copied->note
                           : m_previous  ? "replaced version " + std::to_string(m_previous->version)
                                         : std::string("created")));
}

} // namespace planlines::geodata
