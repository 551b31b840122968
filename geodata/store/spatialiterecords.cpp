// The SpatiaLite engine's records: check_records, corridor_progress and transactions
// (store/records.h). Schema as in ../sql/002, 003 and 005; a project of an older schema opened
// read-only (not migrated) is read with what it has.
#include "progressrow.h"
#include "spatialiteproject.h"

#include <algorithm>
#include <cstdio>

namespace planlines::geodata {

namespace {

class SpatialiteTransaction final : public ProjectTransaction
{
public:
    explicit SpatialiteTransaction(Database &db) : m_tx(db) {}
    void commit() override { m_tx.commit(); }

private:
    Transaction m_tx;
};

bool hasColumn(Database &db, const char *table, const char *column)
{
    auto st = db.prepare("SELECT 1 FROM pragma_table_info(?) WHERE name = ?");
    st.bindAll(std::string(table), std::string(column));
    return st.step();
}

} // namespace

std::unique_ptr<ProjectTransaction> SpatialiteProject::transaction()
{
    return std::make_unique<SpatialiteTransaction>(*m_db);
}

std::int64_t SpatialiteProject::addCheckRecord(const StoredCheckRecord &r)
{
    if (!m_recordInsert)
        m_recordInsert = std::make_unique<Statement>(
            *m_db,
            "INSERT INTO check_records (created_at, created_by, site_name, site_wkb, inputs_json, "
            "layer_versions, rules_version, verdict, result_json, rules_checksum, batch_id, "
            "result_zstd) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    m_recordInsert
        ->bindAll(r.createdAt.empty() ? nowIso() : r.createdAt,
                  r.createdBy.empty() ? actor() : r.createdBy, r.siteName, r.siteWkb, r.inputsJson,
                  r.layerVersionsJson, r.rulesVersion, r.verdict, r.legacyResultJson,
                  r.rulesChecksum, r.batchId, r.resultZstd ? Value(*r.resultZstd) : Value())
        .run();
    return m_db->lastInsertRowId();
}

std::vector<StoredCheckRecord> SpatialiteProject::checkRecords(const CheckRecordQuery &q)
{
    std::string sql =
        std::string("SELECT id, created_at, created_by, site_name, site_wkb, inputs_json, "
                    "layer_versions, rules_version, verdict, result_json, rules_checksum, "
                    "batch_id, ") +
        (hasColumn(*m_db, "check_records", "result_zstd") ? "result_zstd" : "NULL") +
        " FROM check_records WHERE 1";
    std::vector<Value> binds;
    if (q.id) {
        sql += " AND id = ?";
        binds.emplace_back(*q.id);
    }
    if (q.siteName) {
        sql += " AND site_name = ?";
        binds.emplace_back(*q.siteName);
    }
    if (q.withoutErrors)
        sql += " AND verdict <> 'error'";
    sql += " ORDER BY id DESC LIMIT ?";
    binds.emplace_back(std::int64_t(q.limit));
    auto st = m_db->prepare(sql);
    for (std::size_t i = 0; i < binds.size(); ++i)
        st.bind(static_cast<int>(i) + 1, binds[i]);
    std::vector<StoredCheckRecord> out;
    while (st.step()) {
        StoredCheckRecord r;
        r.id = st.int64(0);
        r.createdAt = st.text(1);
        r.createdBy = st.text(2);
        r.siteName = st.text(3);
        const auto wkb = st.blob(4);
        r.siteWkb.assign(wkb.begin(), wkb.end());
        r.inputsJson = st.text(5);
        r.layerVersionsJson = st.text(6);
        r.rulesVersion = st.text(7);
        r.verdict = st.text(8);
        r.legacyResultJson = st.isNull(9) ? std::string() : st.text(9);
        r.rulesChecksum = st.text(10);
        r.batchId = st.text(11);
        if (!st.isNull(12)) {
            const auto z = st.blob(12);
            r.resultZstd = Blob(z.begin(), z.end());
        }
        out.push_back(std::move(r));
    }
    return out;
}

std::int64_t SpatialiteProject::addProgress(const StoredProgress &e)
{
    // The row version without a column: entries are never deleted, so a segment's version is
    // how many entries it has. Read inside the caller's write transaction (BEGIN IMMEDIATE):
    // another process writing the same file waits for it, then sees this entry.
    if (e.rev > 0) {
        auto st =
            m_db->prepare("SELECT count(*), max(id) FROM corridor_progress WHERE segment_id = ?");
        st.bindAll(e.segmentId);
        st.step();
        const std::int64_t now = st.int64(0);
        if (now != e.rev - 1) {
            std::string detail = "it has no entries";
            if (!st.isNull(1)) {
                auto last = m_db->prepare("SELECT id, status, percent, date, recorded_by, "
                                          "recorded_at FROM corridor_progress WHERE id = ?");
                last.bindAll(st.int64(1));
                last.step();
                char pct[32];
                std::snprintf(pct, sizeof pct, "%g", last.real(2));
                detail = "last entry " + std::to_string(last.int64(0)) + ": " + last.text(1) +
                         ", " + pct + "% on " + last.text(3) + ", recorded by " + last.text(4) +
                         " at " + last.text(5);
            }
            throw StoreError("segment " + e.segmentId +
                                 " was changed after it was read (row version " +
                                 std::to_string(e.rev - 1) + ", now " + std::to_string(now) +
                                 ") (" + detail + ")",
                             m_db->path(), 0, StoreError::Kind::Conflict);
        }
    }
    if (!m_progressInsert)
        m_progressInsert = std::make_unique<Statement>(
            *m_db, "INSERT INTO corridor_progress (segment_id, date, status, percent, "
                   "planted_area_m2, note, photos, recorded_at, recorded_by, supersedes) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    m_progressInsert
        ->bindAll(e.segmentId, e.date, e.status, e.percent,
                  e.plantedAreaM2 ? Value(*e.plantedAreaM2) : Value(), e.note, e.photos,
                  e.recordedAt.empty() ? nowIso() : e.recordedAt,
                  e.recordedBy.empty() ? actor() : e.recordedBy,
                  e.supersedes ? Value(*e.supersedes) : Value())
        .run();
    return m_db->lastInsertRowId();
}

std::vector<StoredProgress>
SpatialiteProject::progressInForce(std::span<const std::string> segmentIds)
{
    // A project not yet migrated to 005 (opened read-only) has no corrections.
    const bool corrections = hasColumn(*m_db, "corridor_progress", "supersedes");
    std::string only;
    for (std::size_t i = 0; i < segmentIds.size(); ++i)
        only += i ? ", ?" : " WHERE segment_id IN (?";
    if (!only.empty())
        only += ")";
    auto st = m_db->prepare(
        std::string("SELECT ") + kProgressColumns + ", " + (corrections ? "supersedes" : "NULL") +
        // rev: the entry's number in its segment (SpatialiteProject::addProgress).
        ", rev FROM (SELECT *, row_number() OVER (PARTITION BY segment_id ORDER BY id) AS rev "
        "FROM corridor_progress" +
        only + ") " +
        (corrections ? "WHERE id NOT IN (SELECT supersedes FROM corridor_progress WHERE "
                       "supersedes IS NOT NULL) "
                     : "") +
        "ORDER BY segment_id, date, id");
    for (std::size_t i = 0; i < segmentIds.size(); ++i)
        st.bind(int(i) + 1, segmentIds[i]);
    std::vector<StoredProgress> out;
    while (st.step())
        out.push_back(progressFromRow(st, /*withRev=*/true));
    return out;
}

} // namespace planlines::geodata
