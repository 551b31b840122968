// Moving a whole county project between locations and engines (`planlines publish` a file to a
// server, `planlines snapshot` a server to a file), written once against the project interface
// (../project.h): every layer with every kept version (registry rows, fields, overlapping
// pairs), project settings, check records, corridor progress and the audit log, with their ids,
// times and actors as they were. The copy lands in one transaction of the target or not at all.
#pragma once

#include "../project.h"

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace planlines::geodata {

// What a project holds, for the messages of publish/snapshot (what was copied, what a
// --replace replaced).
struct ProjectContents
{
    std::string location; // display form, without a password
    std::string countyName, countyCode;
    int layers = 0, versions = 0;
    std::int64_t features = 0; // over all kept versions
    std::int64_t checkRecords = 0, progressEntries = 0, auditRows = 0;

    // Layers, check records or progress: a project someone worked in (a database that
    // `db init` only made a project holds none of them).
    bool holdsData() const { return layers > 0 || checkRecords > 0 || progressEntries > 0; }
    // "高青县 (370322): 7 layers (9 versions, 30412 features), 3 check records, 5 progress
    // entries, 21 audit rows"
    std::string describe() const;
};
ProjectContents projectContents(Project &project);

struct CopyOptions
{
    // Settings not copied (a snapshot's own mark, when a snapshot is published back).
    std::vector<std::string> leaveOutSettings;
    // Settings written after the copied ones (the snapshot's mark).
    std::vector<std::pair<std::string, std::string>> addSettings;
    // Told each layer version as it is copied ("地类图斑 v2: 25000 features").
    std::function<void(const std::string &)> progress;
};

// Copies everything of `from` into `to`, which must be empty (Project::openCopyTarget, then
// clearForCopy). Call inside a transaction of `to`. Features must be numbered 1, 2, 3 … in each
// layer table, as both engines number them; anything else is refused naming the feature.
// Throws Error naming the layer, version and feature (fid) and the cause.
ProjectContents copyProject(Project &from, Project &to, const CopyOptions &options = {});

struct TransferResult
{
    ProjectContents copied;
    std::optional<ProjectContents> replaced; // what the target held before, when replaced
};

// Opens `from` read-only and copies it to the location `to` in one transaction: a server
// database is filled inside one transaction (a failure leaves it as it was); a file is written
// beside its name (.partial) and renamed when complete. A target that holds a project
// (ProjectContents::holdsData, or an existing file) is refused unless replace.
TransferResult transferProject(const std::string &from, const std::string &to, bool replace,
                               const CopyOptions &options = {});

// The settings that mark a snapshot (the server's location without password, the UTC moment).
inline constexpr const char *kSnapshotOfSetting = "snapshot_of";
inline constexpr const char *kSnapshotTakenAtSetting = "snapshot_taken_at";

} // namespace planlines::geodata
