// The SpatiaLite engine's part of copying a whole project (../project.h, store/transfer.h):
// reading every setting, audit row and progress entry, and writing rows with their ids.
#include "progressrow.h"
#include "spatialiteproject.h"

namespace planlines::geodata {

std::vector<std::pair<std::string, std::string>> SpatialiteProject::settings()
{
    auto st = m_db->prepare("SELECT key, value FROM project_settings ORDER BY key");
    std::vector<std::pair<std::string, std::string>> out;
    while (st.step())
        out.emplace_back(st.text(0), st.text(1));
    return out;
}

std::vector<AuditRow> SpatialiteProject::auditLog()
{
    auto st = m_db->prepare("SELECT id, at, actor, action, target, target_id, detail_json "
                            "FROM audit_log ORDER BY id");
    std::vector<AuditRow> out;
    while (st.step())
        out.push_back(
            {st.int64(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5), st.text(6)});
    return out;
}

std::vector<StoredProgress> SpatialiteProject::progressEntries()
{
    const bool corrections =
        m_db->scalar("SELECT 1 FROM pragma_table_info('corridor_progress') WHERE name = "
                     "'supersedes'")
            .has_value();
    auto st = m_db->prepare(std::string("SELECT ") + kProgressColumns + ", " +
                            (corrections ? "supersedes" : "NULL") +
                            " FROM corridor_progress ORDER BY id");
    std::vector<StoredProgress> out;
    while (st.step())
        out.push_back(progressFromRow(st, /*withRev=*/false));
    return out;
}

std::optional<std::vector<FeatureOverlap>>
SpatialiteProject::featureOverlaps(const LayerInfo &version)
{
    return storedFeatureOverlaps(*m_db, version.table);
}

void SpatialiteProject::copyRecords(const std::vector<StoredCheckRecord> &records,
                                    const std::vector<StoredProgress> &progress,
                                    const std::vector<AuditRow> &audit)
{
    Transaction tx(*m_db);
    auto record = m_db->prepare(
        "INSERT INTO check_records (id, created_at, created_by, site_name, site_wkb, "
        "inputs_json, layer_versions, rules_version, verdict, result_json, rules_checksum, "
        "batch_id, result_zstd) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const auto &r : records) {
        record
            .bindAll(r.id, r.createdAt, r.createdBy, r.siteName, r.siteWkb, r.inputsJson,
                     r.layerVersionsJson, r.rulesVersion, r.verdict, r.legacyResultJson,
                     r.rulesChecksum, r.batchId, r.resultZstd ? Value(*r.resultZstd) : Value())
            .run();
        record.reset();
    }
    // By id: an entry's correction comes after it (the foreign key).
    auto entry = m_db->prepare(
        "INSERT INTO corridor_progress (id, segment_id, date, status, percent, planted_area_m2, "
        "note, photos, recorded_at, recorded_by, supersedes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?)");
    for (const auto &e : progress) {
        entry
            .bindAll(e.id, e.segmentId, e.date, e.status, e.percent,
                     e.plantedAreaM2 ? Value(*e.plantedAreaM2) : Value(), e.note, e.photos,
                     e.recordedAt, e.recordedBy, e.supersedes ? Value(*e.supersedes) : Value())
            .run();
        entry.reset();
    }
    auto row = m_db->prepare("INSERT INTO audit_log (id, at, actor, action, target, target_id, "
                             "detail_json) VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (const auto &a : audit) {
        row.bindAll(a.id, a.at, a.actor, a.action, a.target, a.targetId, a.detailJson).run();
        row.reset();
    }
    tx.commit();
}

void SpatialiteProject::clearForCopy()
{
    if (!layers().empty())
        throw Error("a project file with layers is not emptied for a copy; write a new file",
                    path());
    Transaction tx(*m_db);
    for (const char *table : {"project_settings", "audit_log", "check_records", "corridor_progress",
                              "layer_overlaps", "layer_overlap_checks"})
        m_db->exec(std::string("DELETE FROM ") + table);
    tx.commit();
}

} // namespace planlines::geodata
