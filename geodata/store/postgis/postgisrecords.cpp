// The PostGIS engine's records: check_records, corridor_progress and transactions
// (../records.h), schema as in ../../sql/postgis/001_initial.sql. Actors left empty are the
// session's role (the columns' default current_user), times the server's clock.
#include "../progressrow.h"
#include "pgrow.h"
#include "postgisproject.h"

namespace planlines::geodata {

namespace {

class PostgisTransaction final : public ProjectTransaction
{
public:
    explicit PostgisTransaction(PgConnection &db) : m_tx(db) {}
    void commit() override { m_tx.commit(); }

private:
    PgTransaction m_tx;
};

} // namespace

std::unique_ptr<ProjectTransaction> PostgisProject::transaction()
{
    return std::make_unique<PostgisTransaction>(*m_db);
}

std::int64_t PostgisProject::addCheckRecord(const StoredCheckRecord &r)
{
    PgParams p;
    p.add(r.createdAt).add(r.createdBy).add(r.siteName).bytea(r.siteWkb).add(r.inputsJson);
    p.add(r.layerVersionsJson).add(r.rulesVersion).add(r.verdict).add(r.legacyResultJson);
    p.add(r.rulesChecksum).add(r.batchId);
    if (r.resultZstd)
        p.bytea(*r.resultZstd);
    else
        p.add(nullptr);
    return m_db
        ->exec("INSERT INTO check_records (created_at, created_by, site_name, site_wkb, "
               "inputs_json, layer_versions, rules_version, verdict, result_json, "
               "rules_checksum, batch_id, result_zstd) VALUES (coalesce(nullif($1, ''), "
               "planlines_now()), coalesce(nullif($2, ''), current_user), $3, $4, $5, $6, $7, "
               "$8, $9, $10, $11, $12::bytea) RETURNING id",
               p)
        .int64(0, 0);
}

std::vector<StoredCheckRecord> PostgisProject::checkRecords(const CheckRecordQuery &q)
{
    std::string sql = "SELECT id, created_at, created_by, site_name, site_wkb, inputs_json, "
                      "layer_versions, rules_version, verdict, result_json, rules_checksum, "
                      "batch_id, result_zstd FROM check_records WHERE true";
    PgParams p;
    if (q.id) {
        p.add(*q.id);
        sql += " AND id = $" + std::to_string(p.size());
    }
    if (q.siteName) {
        p.add(*q.siteName);
        sql += " AND site_name = $" + std::to_string(p.size());
    }
    if (q.withoutErrors)
        sql += " AND verdict <> 'error'";
    p.add(std::int64_t(q.limit));
    sql += " ORDER BY id DESC LIMIT $" + std::to_string(p.size());
    const PgResult res = m_db->exec(sql, p);
    std::vector<StoredCheckRecord> out;
    for (int i = 0; i < res.rows(); ++i) {
        StoredCheckRecord r;
        r.id = res.int64(i, 0);
        r.createdAt = res.text(i, 1);
        r.createdBy = res.text(i, 2);
        r.siteName = res.text(i, 3);
        const auto wkb = res.bytes(i, 4);
        r.siteWkb.assign(wkb.begin(), wkb.end());
        r.inputsJson = res.text(i, 5);
        r.layerVersionsJson = res.text(i, 6);
        r.rulesVersion = res.text(i, 7);
        r.verdict = res.text(i, 8);
        r.legacyResultJson = res.text(i, 9);
        r.rulesChecksum = res.text(i, 10);
        r.batchId = res.text(i, 11);
        if (!res.isNull(i, 12)) {
            const auto z = res.bytes(i, 12);
            r.resultZstd = Blob(z.begin(), z.end());
        }
        out.push_back(std::move(r));
    }
    return out;
}

std::int64_t PostgisProject::addProgress(const StoredProgress &e)
{
    PgParams p;
    p.add(e.segmentId).add(e.date).add(e.status).add(e.percent);
    if (e.plantedAreaM2)
        p.add(*e.plantedAreaM2);
    else
        p.add(nullptr);
    p.add(e.note).add(e.photos).add(e.recordedAt).add(e.recordedBy);
    if (e.supersedes)
        p.add(*e.supersedes);
    else
        p.add(nullptr);
    if (e.rev > 0)
        p.add(e.rev);
    else
        p.add(nullptr);
    // rev: checked, or the segment's next when NULL, by the table's trigger under a lock per
    // segment (sql/postgis/002_corridor_rev.sql); a moved-on segment is SQLSTATE PL409.
    return m_db
        ->exec("INSERT INTO corridor_progress (segment_id, date, status, percent, "
               "planted_area_m2, note, photos, recorded_at, recorded_by, supersedes, rev) VALUES "
               "($1, $2, $3, $4, $5::float8, $6, $7, coalesce(nullif($8, ''), planlines_now()), "
               "coalesce(nullif($9, ''), current_user), $10::int8, $11::int8) RETURNING id",
               p)
        .int64(0, 0);
}

std::vector<StoredProgress> PostgisProject::progressInForce(std::span<const std::string> segmentIds)
{
    PgParams params;
    std::string only;
    for (std::size_t i = 0; i < segmentIds.size(); ++i) {
        params.add(segmentIds[i]);
        only += (i ? ", $" : " AND segment_id IN ($") + std::to_string(i + 1);
    }
    if (!only.empty())
        only += ")";
    const PgResult r =
        m_db->exec(std::string("SELECT ") + kProgressColumns +
                       ", supersedes, rev::int8 FROM corridor_progress p "
                       "WHERE NOT EXISTS "
                       "(SELECT FROM corridor_progress c WHERE c.supersedes = p.id)" +
                       only + " ORDER BY segment_id COLLATE \"C\", date, id",
                   params);
    std::vector<StoredProgress> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(progressFromRow(PgRow{r, i}, /*withRev=*/true));
    return out;
}

} // namespace planlines::geodata
