// The corridor of a project (黄河淤背区生态廊道): its segments, read from the layer of role
// `corridor`, their progress history from corridor_progress, and the levee line of the context
// layers for chainage. A snapshot: load() again after an edit.
#pragma once

#include "leveeline.h"
#include "status.h"

#include "../geometry.h"
#include "../project.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace planlines::geodata::corridor {

struct Segment
{
    std::int64_t fid = 0; // the row of the corridor layer's table
    std::string id;       // SEGID, e.g. YBQ-001
    double startM = 0;    // chainage of the ends along the levee (QDLC, ZDLC)
    double endM = 0;
    double widthM = 0;
    double areaM2 = 0; // planar area of the segment's geometry
    Envelope envelope; // of the geometry (working CRS)
    std::string townshipCode, townshipName;
    std::string works;              // 建设内容 (GCNR)
    std::string unit;               // 责任单位 (ZRDW)
    std::string planStart, planEnd; // JHKG, JHWG (YYYY-MM-DD, may be empty)
    double investmentWan = 0;
    double lengthM() const { return endM - startM; }
};

struct ProgressEntry
{
    std::int64_t id = 0;
    std::string segmentId;
    std::string date; // YYYY-MM-DD
    Status status = Status::Planned;
    double percent = 0;
    std::optional<double> plantedAreaM2;
    std::string note;
    std::vector<std::string> photos; // file paths
    std::string recordedAt, recordedBy;
    // The entry this one corrects (corridor_progress.supersedes), which no longer counts.
    std::optional<std::int64_t> supersedes;
    // Its number in the segment's history, 1, 2, 3 … (records.h StoredProgress::rev).
    std::int64_t rev = 0;
};

class Corridor
{
public:
    // Reads the project's corridor layer (the first of role corridor), its progress entries and
    // the levee. The levee is the layer named by the project setting `corridor_levee_layer`, else
    // the line layer of role context whose name or table says levee (堤, levee). A segment end
    // within 1 cm of an end of the levee is taken to be that end. Throws Error naming the layer
    // when there is no corridor layer or a segment cannot be read. Without a levee, chainage
    // lookups throw but everything else works.
    // progressOf: the segments whose progress is read (their history is all a new entry of
    // theirs is checked against), none when empty; null: every segment's.
    static Corridor load(Project &project, const std::vector<std::string> *progressOf = nullptr);

    const std::string &layerName() const { return m_layerName; }
    const std::string &layerTable() const { return m_layerTable; }
    const std::vector<Segment> &segments() const { return m_segments; } // by start chainage
    // Entries in force (an entry a correction supersedes is left out), ordered by segment,
    // date, id.
    const std::vector<ProgressEntry> &entries() const { return m_entries; }
    const Segment *segment(std::string_view id) const;
    // Segments that the chainage range [fromM, toM] overlaps by more than 1 m.
    std::vector<const Segment *> segmentsInRange(double fromM, double toM) const;
    // The segment containing chainage m (the later one at a shared end), or nullptr. With a
    // levee, a chainage within LeveeLine::kEndToleranceM past its ends is taken as the end.
    const Segment *segmentAt(double chainageM) const;
    // One segment's entries, oldest first.
    std::vector<const ProgressEntry *> history(std::string_view segmentId) const;
    // The segment's row version as read: the number of its latest entry (0: none). An edit
    // based on this snapshot is stored only while the segment is still at it (recordProgress).
    std::int64_t segmentRev(std::string_view segmentId) const;
    // The entry in force that corrects entryId, or nullptr.
    const ProgressEntry *supersederOf(std::int64_t entryId) const;
    // The segment's last entry dated on or before date (the later-recorded one on a tie).
    const ProgressEntry *entryOn(std::string_view segmentId, std::string_view date) const;

    bool hasLevee() const { return m_levee.has_value(); }
    // Throws Error when the project has no levee line.
    const LeveeLine &levee() const;
    double totalLengthM() const;
    double totalAreaM2() const;

private:
    std::string m_layerName, m_layerTable;
    std::vector<Segment> m_segments;
    std::vector<ProgressEntry> m_entries;
    std::optional<LeveeLine> m_levee;
};

// YYYY-MM-DD for a date written 2023-12-31, 2023/12/31, 2023.12.31 or 2023年12月31日 (month
// and day may have one digit); nothing when it is not a calendar date.
std::optional<std::string> normalizeDate(std::string_view text);

} // namespace planlines::geodata::corridor
