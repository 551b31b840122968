// The PostGIS engine of the project interface (../../project.h): one PostgreSQL database holding
// the layer registry, one table per layer version with a GiST index, version history, corridor
// progress, check records and the audit log; migrations in ../../sql/postgis/NNN_*.sql. For
// several offices on one server; each person connects as their own role.
#pragma once

#include "../../project.h"
#include "pgconnection.h"

struct pg_cancel;

namespace planlines::geodata {

class PostgisProject final : public Project
{
public:
    // location: a postgresql:// URI or a libpq keyword string (store/location.h).
    static std::unique_ptr<Project> create(const std::string &location,
                                           const std::string &workingCrs,
                                           const std::string &countyName,
                                           const std::string &countyCode);
    static std::unique_ptr<Project> open(const std::string &location, bool readOnly);
    ~PostgisProject() override;

    Engine engine() const override { return Engine::PostGIS; }
    const std::string &path() const override { return m_location; }
    int schemaVersion() override;
    std::optional<std::string> setting(const std::string &key) override;
    void setSetting(const std::string &key, const std::string &value) override;
    std::vector<LayerInfo> layers() override;
    std::vector<FieldDef> fields(std::int64_t layerId) override;
    std::vector<LayerInfo> layerVersions(const LayerInfo &layer) override;
    std::unique_ptr<FeatureSource> features(const LayerInfo &layer) override;
    std::unique_ptr<LayerSink> writeLayer(LayerSpec spec) override;
    bool hasTable(const std::string &table) override;
    // Actors left empty are the session's role (current_user), times the server's clock.
    std::unique_ptr<ProjectTransaction> transaction() override;
    std::int64_t addCheckRecord(const StoredCheckRecord &record) override;
    std::vector<StoredCheckRecord> checkRecords(const CheckRecordQuery &query) override;
    std::int64_t addProgress(const StoredProgress &entry) override;
    using Project::progressInForce;
    std::vector<StoredProgress> progressInForce(std::span<const std::string> segmentIds) override;
    // The actor is the session's role (current_user), the time the server's.
    void audit(const std::string &action, const std::string &target, const std::string &targetId,
               const std::string &detailJson = "{}") override;
    // Asks the server to cancel the statement running (PQcancel, safe from any thread).
    void interrupt() override;
    // LISTEN planlines on the first call; payloads 'layer:<id>' and 'corridor:<segment>' (the
    // schema's triggers, sent on commit).
    StoreChanges pollChanges() override;

    // Copying (postgiscopy.cpp).
    static CopyTarget openCopyTarget(const std::string &location);
    std::vector<std::pair<std::string, std::string>> settings() override;
    std::vector<AuditRow> auditLog() override;
    std::vector<StoredProgress> progressEntries() override;
    std::optional<std::vector<FeatureOverlap>> featureOverlaps(const LayerInfo &version) override;
    // COPY BINARY with the ids; the identities' sequences then continue after them.
    void copyRecords(const std::vector<StoredCheckRecord> &records,
                     const std::vector<StoredProgress> &progress,
                     const std::vector<AuditRow> &audit) override;
    // Drops every layer version's table and empties the project's tables (TRUNCATE: readers
    // wait for the commit and then see the copy, never a mix).
    void clearForCopy() override;

    PgConnection &connection() { return *m_db; }

private:
    PostgisProject(std::string location, std::unique_ptr<PgConnection> db);
    std::string m_location;
    std::unique_ptr<PgConnection> m_db;
    // Made on the owning thread when connected: PQcancel on it is thread-safe, PQgetCancel
    // while another thread uses the connection is not.
    ::pg_cancel *m_cancel = nullptr;
    bool m_listening = false;
};

} // namespace planlines::geodata
