// Writes one layer into a project atomically: its table, features, spatial index, registry,
// version and audit rows all land in one transaction, or none of them do. A new layer, or, with
// LayerSpec::replaceKeepingHistory, a new version of a layer of the same name and role whose
// previous version stays readable in <table>_v<N>.
#pragma once

#include "geometry.h"
#include "project.h"
#include "rtreebulkload.h"

#include <QCryptographicHash>

#include <memory>
#include <span>
#include <string>
#include <vector>

namespace planlines::geodata {

struct LayerSpec
{
    std::string name; // registry name (地类图斑)
    Role role = Role::Context;
    std::string table;        // table name (landuse)
    std::string geometryType; // MULTIPOLYGON, MULTILINESTRING, POINT, MULTIPOINT
    std::vector<FieldDef> fields;
    std::string source;
    bool synthetic = false;
    std::string description;
    int sortOrder = 0;
    // When a layer of this name and role exists: move its table to <table>_v<N> (re-pointing
    // its layer_versions row), write this one as version N+1 into <table> (the spec's table
    // is then ignored), and audit 'layer.replace'. A layer of this name with another role is
    // an error either way.
    bool replaceKeepingHistory = false;
};

// A table name for a new layer that no table or layer of the project has yet: ASCII letters,
// digits and '_' from the name, else the role id ("site", "site_2" …).
std::string newTableName(Project &project, const std::string &name, Role role);

// A feature's geometry as the layer table stores it (a SpatiaLite BLOB) and its box. Made by
// LayerWriter::encode, which any thread may call: importers encode while reading.
struct EncodedGeometry
{
    Blob blob;
    Envelope box;
};

class LayerWriter
{
public:
    // Opens the transaction and creates the table. Throws if the name or table is taken (unless
    // replacing, see LayerSpec::replaceKeepingHistory).
    LayerWriter(Project &project, LayerSpec spec);
    ~LayerWriter();
    LayerWriter(const LayerWriter &) = delete;
    LayerWriter &operator=(const LayerWriter &) = delete;

    // Adds one feature; geometry in the working CRS, values in field order (monostate = NULL).
    // Polygons are promoted to MultiPolygon (lines likewise) to match the column type.
    void add(const Geometry &geometry, std::span<const Value> values);
    void add(EncodedGeometry geometry, std::span<const Value> values);
    // The BLOB for a column of geometryType (MULTIPOLYGON …; polygons and lines promoted to
    // multi) and SRID. Throws geodata::Error when the geometry is empty or of another type.
    static EncodedGeometry encode(const Geometry &geometry, const std::string &geometryType,
                                  int srid);
    std::int64_t count() const { return m_count; }
    // Builds the spatial index, writes registry, version and audit rows, and commits.
    LayerInfo commit();
    // The version being replaced, if any.
    const std::optional<LayerInfo> &previous() const { return m_previous; }

private:
    void archivePrevious(const std::string &ctx);
    void writeRegistry(LayerInfo &info);
    Project &m_project;
    LayerSpec m_spec;
    std::unique_ptr<Transaction> m_tx;
    std::unique_ptr<Statement> m_insert;
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
    std::int64_t m_count = 0;
    // SpatiaLite's per-row insert triggers (geometry constraint, last-insert time), dropped
    // during the bulk insert (add() checks type and SRID itself) and restored by commit().
    std::vector<std::string> m_deferredTriggers;
    std::vector<RTreeEntry> m_boxes; // fid and MBR of each row, for the spatial index
    int m_srid = 0;
    std::optional<LayerInfo> m_previous;
};

} // namespace planlines::geodata
