// The project's own records as every engine stores them: check records (留痕) and corridor
// progress entries, row for row. The domain classes (check/checkrecords.h,
// corridor/corridor.h, corridor/progressrecorder.h) build and read these; the engines only
// store them. Actors left empty are filled by the engine with who is writing (SpatiaLite:
// Project::actor(); PostGIS: the connection's role).
#pragma once

#include "../database.h" // Blob

#include <cstdint>
#include <optional>
#include <string>

namespace planlines::geodata {

struct StoredCheckRecord
{
    std::int64_t id = 0;
    std::string createdAt, createdBy, siteName;
    Blob siteWkb;
    std::string inputsJson, layerVersionsJson, rulesVersion, verdict, rulesChecksum, batchId;
    std::optional<Blob> resultZstd; // the result document, zstd-packed (schema 3 on)
    std::string legacyResultJson;   // a record written before schema 3: the plain text
};

// Newest first. With id: that record only; with siteName: that site's records.
struct CheckRecordQuery
{
    std::optional<std::int64_t> id;
    std::optional<std::string> siteName;
    bool withoutErrors = false; // leave out records whose verdict is 'error'
    int limit = 100;
};

struct StoredProgress
{
    std::int64_t id = 0;
    std::string segmentId, date, status;
    double percent = 0;
    std::optional<double> plantedAreaM2;
    std::string note;
    std::string photos; // file paths, one per line
    std::string recordedAt, recordedBy;
    std::optional<std::int64_t> supersedes;
    // The segment's row version (optimistic concurrency): entries number a segment's history
    // 1, 2, 3 … As read: this entry's number. Given to addProgress: the number it must get (the
    // segment's version as the writer read it, plus one), else StoreError Conflict and nothing
    // is written; 0: the next one, whatever it is.
    std::int64_t rev = 0;
};

// One row of the audit log, as stored.
struct AuditRow
{
    std::int64_t id = 0;
    std::string at, actor, action, target, targetId, detailJson;
};

// A transaction of the project's engine: rolled back when destroyed without commit(). Nests
// (an inner one is a savepoint).
class ProjectTransaction
{
public:
    virtual ~ProjectTransaction() = default;
    virtual void commit() = 0;
};

} // namespace planlines::geodata
