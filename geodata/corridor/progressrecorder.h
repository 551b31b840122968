// Records progress entries: validates each against the corridor, then writes all of them with
// one audit row each (action corridor.progress) in one transaction, or nothing at all.
#pragma once

#include "corridor.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace planlines::geodata::corridor {

struct ProgressInput
{
    std::string segmentId;
    std::string date; // any form normalizeDate() reads
    Status status = Status::Planned;
    // Missing: 100 for finished statuses, 0 for planned, the last percent for 施工中.
    std::optional<double> percent;
    std::optional<double> plantedAreaM2;
    std::string note;
    std::vector<std::string> photos; // file paths; each must exist
    // A correction: the id of the entry (of the same segment, in force) it replaces. The old
    // entry stays in the table and its audit row stays; it just no longer counts.
    std::optional<std::int64_t> supersedes;
};

// Checks one input against the corridor and normalises it (date to YYYY-MM-DD, percent filled
// in, photo paths made absolute). Returns the reason it is refused, or nothing when it is fine.
std::optional<std::string> validateProgress(const Corridor &corridor, ProgressInput &input);

// Validates all inputs against corridor, then inserts them and their audit rows in one
// transaction (tried again on a deadlock, store/retry.h). Throws Error with the reason the first
// refused input is refused (and writes nothing) when any is. Each entry is stored only while its
// segment is still as corridor read it (the segment's row version, Corridor::segmentRev): when
// someone recorded an entry of one of the segments meanwhile, nothing is written and StoreError
// Conflict says what they recorded, who and when. `source` says where the entries came from (a
// CSV file, "planlines corridor update", the GUI); it goes into the audit detail. Returns the new
// corridor_progress ids, in the inputs' order.
std::vector<std::int64_t> recordProgress(Project &project, const Corridor &corridor,
                                         std::vector<ProgressInput> inputs,
                                         const std::string &source);

struct RecordedProgress
{
    Corridor corridor;                 // as read for the attempt that was stored
    std::vector<ProgressInput> inputs; // normalised (validateProgress)
    std::vector<std::int64_t> ids;
    int attempts = 1; // how many reads it took (more than one: others wrote in between)
};

// For a writer that showed nobody a state to base the entries on (the command line): reads the
// corridor, validates and records; when another writer changed one of the segments in between
// (Conflict), reads again and validates again (a duplicate or an already corrected entry is then
// refused with its reason), at most attempts times, waiting a random, growing moment between
// attempts so that writers busy on the same segments take turns instead of colliding again.
RecordedProgress recordLatestProgress(Project &project, const std::vector<ProgressInput> &inputs,
                                      const std::string &source, int attempts = 30);

} // namespace planlines::geodata::corridor
