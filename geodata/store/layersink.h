// Writing one layer into a project, whatever engine stores it: its table, features, spatial
// index, registry, version and audit rows land together, or none of them do. LayerWriter
// (../layerwriter.h) is what callers use; each engine implements LayerSink.
#pragma once

#include "../database.h"
#include "../geometry.h"
#include "layerinfo.h"

#include <cstdint>
#include <optional>
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

    // Set by copyProject (transfer.h) alone: this is a kept version of a layer of another
    // project, written as it was there. The registry row keeps the layer's id, the version its
    // number, import time, checksum (the source engine's digest, which check records cite) and
    // note; the overlapping pairs are stored as given instead of found again (none when the
    // source never checked); no audit row is written (the audit log is copied verbatim). The
    // features must come in the source's fid order, fids 1, 2, 3 … (the sink numbers them so).
    struct Copied
    {
        std::int64_t layerId = 0;
        int version = 1;
        std::string importedAt, checksum, note;
        std::optional<std::vector<FeatureOverlap>> overlaps;
    };
    std::optional<Copied> copied = std::nullopt;
};

// How an engine stores a geometry: made on reader threads (LayerWriter::encode), so importers
// encode while reading, and bound as is by the sink.
enum class GeometryEncoding
{
    SpatialiteBlob, // SpatiaLite's internal BLOB (../spatialiteblob.h)
    Ewkb            // PostGIS: little-endian EWKB with the SRID
};

struct EncodedGeometry
{
    Blob blob;
    Envelope box;
};

class LayerSink
{
public:
    virtual ~LayerSink() = default;
    virtual GeometryEncoding encoding() const = 0;
    // Adds one feature: geometry encoded for this sink, values in field order (monostate =
    // NULL). Throws Error naming the layer and feature.
    virtual void add(EncodedGeometry geometry, std::span<const Value> values) = 0;
    virtual std::int64_t count() const = 0;
    // Builds the spatial index, writes registry, version and audit rows, and commits.
    virtual LayerInfo commit() = 0;
    // The version being replaced, if any.
    virtual const std::optional<LayerInfo> &previous() const = 0;
};

// The part of the layer checks both engines share: a supported geometry type, a table name
// that is plain. Throws Error naming the layer.
void validateLayerSpec(const LayerSpec &spec);

// The registry row both engines give a committed layer: the spec's names, the next version
// number after `previous`, the time now. The engine fills in the id and the overlaps.
LayerInfo committedLayerInfo(const LayerSpec &spec, const std::optional<LayerInfo> &previous,
                             std::int64_t featureCount, const std::string &crs,
                             const std::string &checksum);

// The audit detail (compact JSON) of 'layer.create' / 'layer.replace': name, role, features,
// source, checksum, version, and the table the replaced version now lives in, if any.
std::string layerAuditDetail(const LayerInfo &info, const std::string &previousTable);

} // namespace planlines::geodata
