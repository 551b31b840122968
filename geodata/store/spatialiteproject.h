// The SpatiaLite engine of the project interface (../project.h): one file holding the layer
// registry, one table per layer with an R*Tree, version history, corridor progress, check
// records and the audit log; migrations in ../sql/NNN_*.sql. The embedded default for one PC.
#pragma once

#include "../project.h"

#include <atomic>

namespace planlines::geodata {

class SpatialiteProject final : public Project
{
public:
    static std::unique_ptr<Project> create(const std::string &path, const std::string &workingCrs,
                                           const std::string &countyName,
                                           const std::string &countyCode);
    static std::unique_ptr<Project> open(const std::string &path, bool readOnly);
    ~SpatialiteProject() override;

    Engine engine() const override { return Engine::SpatiaLite; }
    const std::string &path() const override;
    int schemaVersion() override;
    std::optional<std::string> setting(const std::string &key) override;
    void setSetting(const std::string &key, const std::string &value) override;
    std::vector<LayerInfo> layers() override;
    std::vector<FieldDef> fields(std::int64_t layerId) override;
    std::vector<LayerInfo> layerVersions(const LayerInfo &layer) override;
    std::unique_ptr<FeatureSource> features(const LayerInfo &layer) override;
    std::unique_ptr<LayerSink> writeLayer(LayerSpec spec) override;
    bool hasTable(const std::string &table) override;
    std::unique_ptr<ProjectTransaction> transaction() override;
    std::int64_t addCheckRecord(const StoredCheckRecord &record) override;
    std::vector<StoredCheckRecord> checkRecords(const CheckRecordQuery &query) override;
    std::int64_t addProgress(const StoredProgress &entry) override;
    using Project::progressInForce;
    std::vector<StoredProgress> progressInForce(std::span<const std::string> segmentIds) override;
    void audit(const std::string &action, const std::string &target, const std::string &targetId,
               const std::string &detailJson = "{}") override;
    void interrupt() override;
    StoreChanges pollChanges() override;
    // Copying (spatialitecopy.cpp).
    std::vector<std::pair<std::string, std::string>> settings() override;
    std::vector<AuditRow> auditLog() override;
    std::vector<StoredProgress> progressEntries() override;
    std::optional<std::vector<FeatureOverlap>> featureOverlaps(const LayerInfo &version) override;
    void copyRecords(const std::vector<StoredCheckRecord> &records,
                     const std::vector<StoredProgress> &progress,
                     const std::vector<AuditRow> &audit) override;
    // A file target is always new (openCopyTarget): one with layers is refused.
    void clearForCopy() override;

protected:
    Database *sqliteConnection() override { return m_db.get(); }

private:
    explicit SpatialiteProject(std::unique_ptr<Database> db);
    // create() after its checks: makes the file (which create() removes if this throws).
    static std::unique_ptr<Project> createFile(const std::string &path,
                                               const std::string &workingCrs, int srid,
                                               const std::string &countyName,
                                               const std::string &countyCode);
    // A connection that may write kept indexes (sorts and text filters of big layers, search
    // codes): the project's own when writable, else one opened for it with a short busy
    // timeout (an index only makes a query faster: it never waits long for the file);
    // nullptr when the file cannot be written.
    Database *indexWriter();

    // pollChanges(): the file's data_version and what the registry and the progress table
    // looked like at the last call (count and largest id and time).
    struct Fingerprint
    {
        std::int64_t dataVersion = -1;
        std::string layers, progress;
    };
    std::optional<Fingerprint> m_seen;

    std::unique_ptr<Database> m_db;
    std::unique_ptr<Database> m_indexWriter;
    bool m_indexWriterTried = false;
    std::atomic<sqlite3 *> m_indexWriterHandle{nullptr}; // for interrupt() from other threads
    std::unique_ptr<Statement> m_auditInsert;            // prepared once: a batch writes many rows
    std::unique_ptr<Statement> m_recordInsert, m_progressInsert;
};

// The PostGIS engine (store/postgis/): declared here so Project::open/create can dispatch.
std::unique_ptr<Project> openPostgisProject(const std::string &location, bool readOnly);
std::unique_ptr<Project> createPostgisProject(const std::string &location,
                                              const std::string &workingCrs,
                                              const std::string &countyName,
                                              const std::string &countyCode);
Project::CopyTarget openPostgisCopyTarget(const std::string &location);

} // namespace planlines::geodata
