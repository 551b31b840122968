// The PostGIS engine's part of copying a whole project (../../project.h, ../transfer.h): the
// target opened inside one transaction (schema included), emptied for a replacement, rows
// written with their ids through COPY BINARY, and everything read back for a snapshot.
#include "../progressrow.h"
#include "pgrow.h"
#include "postgisproject.h"

#include "pgcopywriter.h"
#include "pgmigrator.h"
#include "postgisfeatures.h"

namespace planlines::geodata {

namespace {

class PostgisCopyTransaction final : public ProjectTransaction
{
public:
    explicit PostgisCopyTransaction(PgConnection &db) : m_tx(db) {}
    void commit() override { m_tx.commit(); }

private:
    PgTransaction m_tx;
};

// After rows written with their ids: the identity continues after the highest.
void continueIds(PgConnection &db, const char *table)
{
    db.exec(std::string("SELECT setval(pg_get_serial_sequence('") + table +
            "', 'id'), coalesce(max(id), 0) + 1, false) FROM " + table);
}

} // namespace

Project::CopyTarget PostgisProject::openCopyTarget(const std::string &location)
{
    auto db = std::make_unique<PgConnection>(location);
    PgConnection &conn = *db;
    CopyTarget target;
    target.project.reset(new PostgisProject(location, std::move(db)));
    target.transaction = std::make_unique<PostgisCopyTransaction>(conn);
    // One copy (or db init) at a time; the migrations become savepoints of this transaction,
    // so a database that was no project is none again if the copy fails.
    conn.exec("SELECT pg_advisory_xact_lock(hashtext('planlines.init'))");
    PgMigrator::migrate(conn);
    return target;
}

std::vector<std::pair<std::string, std::string>> PostgisProject::settings()
{
    const PgResult r =
        m_db->exec("SELECT key, value FROM project_settings ORDER BY key COLLATE \"C\"");
    std::vector<std::pair<std::string, std::string>> out;
    for (int i = 0; i < r.rows(); ++i)
        out.emplace_back(r.text(i, 0), r.text(i, 1));
    return out;
}

std::vector<AuditRow> PostgisProject::auditLog()
{
    const PgResult r = m_db->exec("SELECT id, at, actor, action, target, target_id, detail_json "
                                  "FROM audit_log ORDER BY id");
    std::vector<AuditRow> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back({r.int64(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 4),
                       r.text(i, 5), r.text(i, 6)});
    return out;
}

std::vector<StoredProgress> PostgisProject::progressEntries()
{
    const PgResult r = m_db->exec(std::string("SELECT ") + kProgressColumns +
                                  ", supersedes FROM corridor_progress ORDER BY id");
    std::vector<StoredProgress> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(progressFromRow(PgRow{r, i}, /*withRev=*/false));
    return out;
}

std::optional<std::vector<FeatureOverlap>> PostgisProject::featureOverlaps(const LayerInfo &version)
{
    return storedFeatureOverlaps(*m_db, version.table);
}

void PostgisProject::copyRecords(const std::vector<StoredCheckRecord> &records,
                                 const std::vector<StoredProgress> &progress,
                                 const std::vector<AuditRow> &audit)
{
    PgTransaction tx(*m_db);
    {
        PgCopyWriter w(*m_db,
                       "COPY check_records (id, created_at, created_by, site_name, site_wkb, "
                       "inputs_json, layer_versions, rules_version, verdict, result_json, "
                       "rules_checksum, batch_id, result_zstd) FROM STDIN (FORMAT binary)",
                       13);
        for (const auto &r : records) {
            w.row().int64(r.id).text(r.createdAt).text(r.createdBy).text(r.siteName);
            w.bytes(r.siteWkb).text(r.inputsJson).text(r.layerVersionsJson);
            w.text(r.rulesVersion).text(r.verdict).text(r.legacyResultJson);
            w.text(r.rulesChecksum).text(r.batchId);
            if (r.resultZstd)
                w.bytes(*r.resultZstd);
            else
                w.null();
        }
        w.finish();
    }
    {
        // By id, so a correction follows the entry it supersedes; rev is numbered per segment
        // in that order by the table's trigger (COPY fires it row by row).
        PgCopyWriter w(*m_db,
                       "COPY corridor_progress (id, segment_id, date, status, percent, "
                       "planted_area_m2, note, photos, recorded_at, recorded_by, supersedes) "
                       "FROM STDIN (FORMAT binary)",
                       11);
        for (const auto &e : progress) {
            w.row().int64(e.id).text(e.segmentId).text(e.date).text(e.status).real(e.percent);
            if (e.plantedAreaM2)
                w.real(*e.plantedAreaM2);
            else
                w.null();
            w.text(e.note).text(e.photos).text(e.recordedAt).text(e.recordedBy);
            if (e.supersedes)
                w.int64(*e.supersedes);
            else
                w.null();
        }
        w.finish();
    }
    {
        PgCopyWriter w(*m_db,
                       "COPY audit_log (id, at, actor, action, target, target_id, detail_json) "
                       "FROM STDIN (FORMAT binary)",
                       7);
        for (const auto &a : audit)
            w.row()
                .int64(a.id)
                .text(a.at)
                .text(a.actor)
                .text(a.action)
                .text(a.target)
                .text(a.targetId)
                .text(a.detailJson);
        w.finish();
    }
    for (const char *table : {"check_records", "corridor_progress", "audit_log"})
        continueIds(*m_db, table);
    tx.commit();
}

void PostgisProject::clearForCopy()
{
    PgTransaction tx(*m_db);
    const PgResult tables = m_db->exec("SELECT table_name FROM layer_versions UNION "
                                       "SELECT table_name FROM layers");
    for (int i = 0; i < tables.rows(); ++i)
        m_db->exec("DROP TABLE IF EXISTS " + quoteIdentifier(tables.text(i, 0)));
    m_db->exec("TRUNCATE project_settings, layer_fields, layer_versions, layers, "
               "corridor_progress, check_records, audit_log, layer_overlaps, "
               "layer_overlap_checks RESTART IDENTITY");
    tx.commit();
}

} // namespace planlines::geodata
