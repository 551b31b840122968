// A county project: the layer registry, one table per layer in the working CRS, version history,
// corridor progress, check records and the audit log, in one SpatiaLite file or one PostGIS
// database.
#pragma once

#include "database.h"
#include "role.h"
#include "store/featuresource.h"
#include "store/layerinfo.h"
#include "store/layersink.h"
#include "store/location.h"
#include "store/records.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace planlines::geodata {

// What Project::pollChanges() saw others change.
struct StoreChanges
{
    bool layers = false;      // a layer added, replaced or removed
    bool progress = false;    // corridor progress recorded
    bool reconnected = false; // the server connection was lost and is back (all may have changed)
    bool any() const { return layers || progress || reconnected; }
};

// A county project: the interface every part of the program reads and writes through, whatever
// engine stores it (store/location.h): a SpatiaLite file (store/spatialiteproject.h, the embedded
// default) or a PostgreSQL/PostGIS database (store/postgis/). Nothing above geodata knows which.
// One instance per thread (the engine's connection is inside).
class Project
{
public:
    // Creates a new project at location (a file: fails if it exists) with the given working CRS
    // ("EPSG:4548").
    static std::unique_ptr<Project> create(const std::string &location,
                                           const std::string &workingCrs,
                                           const std::string &countyName,
                                           const std::string &countyCode);
    // Opens an existing project, applying pending migrations unless read-only.
    static std::unique_ptr<Project> open(const std::string &location, bool readOnly = false);

    virtual ~Project();
    Project(const Project &) = delete;
    Project &operator=(const Project &) = delete;

    virtual Engine engine() const = 0;
    // The location as given to open()/create() (a file path or a connection string).
    virtual const std::string &path() const = 0;
    // For titles and messages: the file path, or the server database without any password.
    std::string displayName() const;
    virtual int schemaVersion() = 0;

    virtual std::optional<std::string> setting(const std::string &key) = 0;
    virtual void setSetting(const std::string &key, const std::string &value) = 0;
    std::string workingCrs();
    int workingSrid();
    std::string countyName();

    virtual std::vector<LayerInfo> layers() = 0;
    // The layer a person names: by its name, else by its table name (a layer named like
    // another layer's table wins over that table).
    std::optional<LayerInfo> layer(const std::string &name);
    // The layer of exactly this name (never matched by table name): the one a new layer of this
    // name would replace.
    std::optional<LayerInfo> layerNamed(const std::string &name);
    std::vector<LayerInfo> layers(Role role);
    virtual std::vector<FieldDef> fields(std::int64_t layerId) = 0;
    // Every kept version of a layer, oldest first, the current one last: each a copy of layer
    // with its version's table (<table>_v<N> for an archived one), source, import time, count
    // and checksum, so features() reads that version.
    virtual std::vector<LayerInfo> layerVersions(const LayerInfo &layer) = 0;
    // The layer's features (store/featuresource.h).
    virtual std::unique_ptr<FeatureSource> features(const LayerInfo &layer) = 0;
    // Starts writing a layer (store/layersink.h); LayerWriter is the way callers use it.
    virtual std::unique_ptr<LayerSink> writeLayer(LayerSpec spec) = 0;
    // Whether the store has a table (any, not only layers') of this name.
    virtual bool hasTable(const std::string &table) = 0;

    // A transaction around several writes (an import of many layers, a batch of records with
    // their audit rows): everything in it lands, or nothing does.
    virtual std::unique_ptr<ProjectTransaction> transaction() = 0;

    // Check records (store/records.h). add returns the new record's id; call it inside a
    // transaction with the record's audit row.
    virtual std::int64_t addCheckRecord(const StoredCheckRecord &record) = 0;
    virtual std::vector<StoredCheckRecord> checkRecords(const CheckRecordQuery &query) = 0;
    // Corridor progress entries. add returns the new entry's id; progressInForce leaves out
    // the entries a correction supersedes, ordered by segment, date, id: of the segments named
    // (through their index), or of all when none are.
    virtual std::int64_t addProgress(const StoredProgress &entry) = 0;
    virtual std::vector<StoredProgress>
    progressInForce(std::span<const std::string> segmentIds) = 0;
    std::vector<StoredProgress> progressInForce() { return progressInForce({}); }

    // Writes one audit row. Call inside the transaction of the edit it records.
    virtual void audit(const std::string &action, const std::string &target,
                       const std::string &targetId, const std::string &detailJson = "{}") = 0;

    // What other connections changed since the last call (another window, another office, a
    // command): open windows refresh their layers and the corridor panel. The first call starts
    // watching and reports nothing. Never blocks for long (SpatiaLite: PRAGMA data_version,
    // then the registry's and the progress table's fingerprints; PostGIS: LISTEN planlines,
    // the notifications received). A lost server connection is reconnected here: the call then
    // reports everything changed and reconnected; a server still unreachable throws StoreError
    // (ConnectionLost) and the next call tries again.
    virtual StoreChanges pollChanges() = 0;

    // Stops what this project's connections run now (a long filter of the attribute table a
    // newer one replaces): callable from any thread while the project lives; the call running
    // throws Error saying "interrupted". Does nothing when nothing runs.
    virtual void interrupt() = 0;

    // Copying a whole project to another engine or location (store/transfer.h, copyProject):
    // reading everything, and writing rows exactly as they were (ids, times, actors kept).
    // Every setting, by key.
    virtual std::vector<std::pair<std::string, std::string>> settings() = 0;
    // Every audit row, oldest (lowest id) first.
    virtual std::vector<AuditRow> auditLog() = 0;
    // Every corridor progress entry, superseded ones too, by id.
    virtual std::vector<StoredProgress> progressEntries() = 0;
    // The overlapping pairs kept for one version of a layer (a LayerInfo of layerVersions()),
    // or nullopt when it was never checked (featureoverlaps.h).
    virtual std::optional<std::vector<FeatureOverlap>>
    featureOverlaps(const LayerInfo &version) = 0;
    // Writes rows as given, ids included (supersedes refers to them), in the caller's
    // transaction; the engine's id counters then continue after the highest.
    virtual void copyRecords(const std::vector<StoredCheckRecord> &records,
                             const std::vector<StoredProgress> &progress,
                             const std::vector<AuditRow> &audit) = 0;
    // Empties the project for a copy into it, in the caller's transaction: every layer with
    // its tables, settings, records, progress, audit rows. Only openCopyTarget's project.
    virtual void clearForCopy() = 0;

    // Where copyProject writes: location opened for writing with a transaction already begun
    // (everything written through `project` lands at its commit, or nothing does). A server
    // database gets the schema (migrations) inside that transaction, so a copy that fails
    // leaves it as it was, project or none; a file is made new (it must not exist) and the
    // caller removes it on failure. workingCrs: for a new file (EPSG:N); settings follow.
    struct CopyTarget
    {
        std::unique_ptr<Project> project;
        std::unique_ptr<ProjectTransaction> transaction; // destroyed before project
    };
    static CopyTarget openCopyTarget(const std::string &location, const std::string &workingCrs);

    // SpatiaLite engine only, for geodata code not yet moved behind this interface (and tests
    // reading the file back): the
    // file's connection. Throws Error naming `what` on a server project. layers/ and qml/
    // never call it (tests/layering checks).
    Database &db(std::string_view what = {});

    // Who is editing ($PLANLINES_USER, else the login name, else the account the process runs
    // as), and now in ISO 8601 UTC.
    static std::string actor();
    static std::string nowIso();

protected:
    Project() = default;
    // The engine's connection when it is SpatiaLite, else nullptr.
    virtual Database *sqliteConnection() { return nullptr; }

private:
    std::optional<int> m_srid;
};

} // namespace planlines::geodata
