// A county project: one SpatiaLite file holding the layer registry, one table per layer in the
// working CRS, version history, corridor progress, check records and the audit log.
#pragma once

#include "database.h"
#include "featureoverlaps.h"
#include "role.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace planlines::geodata {

enum class FieldType
{
    Text,
    Integer,
    Real,
    Date
};
std::string_view fieldTypeSql(FieldType t);

struct FieldDef
{
    std::string name; // as in the source (DLBM)
    FieldType type = FieldType::Text;
    std::string alias; // what staff read (地类编码)
};

// One row of the layer registry.
struct LayerInfo
{
    std::int64_t id = 0;
    std::string name;
    Role role = Role::Context;
    std::string table;
    std::string geometryType;
    std::string source;
    std::string importedAt;
    int version = 1;
    std::int64_t featureCount = 0;
    std::string crs;
    std::string checksum;
    bool synthetic = false;
    std::string description;
    int sortOrder = 0;
    // Set by LayerWriter::commit for a tiling layer (land use, farmland): the pairs of its
    // features that overlap (featureoverlaps.h). Not read back from the registry.
    std::vector<FeatureOverlap> overlaps;
};

class Project
{
public:
    // Creates a new project file (fails if it exists) with the given working CRS ("EPSG:4548").
    static std::unique_ptr<Project> create(const std::string &path, const std::string &workingCrs,
                                           const std::string &countyName,
                                           const std::string &countyCode);
    // Opens an existing project, applying pending migrations unless read-only.
    static std::unique_ptr<Project> open(const std::string &path, bool readOnly = false);

    Database &db() { return *m_db; }
    const std::string &path() const { return m_db->path(); }
    int schemaVersion();

    std::optional<std::string> setting(const std::string &key);
    void setSetting(const std::string &key, const std::string &value);
    std::string workingCrs();
    int workingSrid();
    std::string countyName();

    std::vector<LayerInfo> layers();
    // The layer a person names: by its name, else by its table name (a layer named like
    // another layer's table wins over that table).
    std::optional<LayerInfo> layer(const std::string &name);
    // The layer of exactly this name (never matched by table name): the one a new layer of this
    // name would replace.
    std::optional<LayerInfo> layerNamed(const std::string &name);
    std::vector<LayerInfo> layers(Role role);
    std::vector<FieldDef> fields(std::int64_t layerId);

    // Writes one audit row. Call inside the transaction of the edit it records.
    void audit(const std::string &action, const std::string &target, const std::string &targetId,
               const std::string &detailJson = "{}");

    // Who is editing ($PLANLINES_USER, else the login name, else the account the process runs
    // as), and now in ISO 8601 UTC.
    static std::string actor();
    static std::string nowIso();

private:
    explicit Project(std::unique_ptr<Database> db);
    // create() after its checks: makes the file (which create() removes if this throws).
    static std::unique_ptr<Project> createFile(const std::string &path,
                                               const std::string &workingCrs, int srid,
                                               const std::string &countyName,
                                               const std::string &countyCode);
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Statement> m_auditInsert; // prepared once: a batch writes many rows
    std::optional<int> m_srid;
};

} // namespace planlines::geodata
