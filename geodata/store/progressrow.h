// One corridor progress entry from a result row, for both engines' readers (progressEntries,
// progressInForce): the columns in the order of kProgressColumns, then supersedes (NULL where a
// project predates corrections), then, when withRev, the entry's number in its segment. Row
// gives isNull/int64/real/text by column (geodata::Statement, or PgRow over a PgResult).
#pragma once

#include "records.h"

namespace planlines::geodata {

inline constexpr const char *kProgressColumns =
    "id, segment_id, date, status, percent, planted_area_m2, note, photos, recorded_at, "
    "recorded_by";

template <typename Row> StoredProgress progressFromRow(const Row &row, bool withRev)
{
    StoredProgress e;
    e.id = row.int64(0);
    e.segmentId = row.text(1);
    e.date = row.text(2);
    e.status = row.text(3);
    e.percent = row.real(4);
    if (!row.isNull(5))
        e.plantedAreaM2 = row.real(5);
    e.note = row.text(6);
    e.photos = row.text(7);
    e.recordedAt = row.text(8);
    e.recordedBy = row.text(9);
    if (!row.isNull(10))
        e.supersedes = row.int64(10);
    if (withRev)
        e.rev = row.int64(11);
    return e;
}

} // namespace planlines::geodata
