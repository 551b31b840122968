#include "layerwriter.h"

#include "spatialiteblob.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cctype>
#include <cstring>

namespace planlines::geodata {

namespace {
bool validGeometryType(const std::string &t)
{
    for (const char *ok :
         {"POINT", "MULTIPOINT", "LINESTRING", "MULTILINESTRING", "POLYGON", "MULTIPOLYGON"})
        if (t == ok)
            return true;
    return false;
}

// The GEOS type that a SpatiaLite column of this type accepts.
int geosTypeId(const std::string &t)
{
    return t == "POINT"             ? GEOS_POINT
           : t == "MULTIPOINT"      ? GEOS_MULTIPOINT
           : t == "LINESTRING"      ? GEOS_LINESTRING
           : t == "MULTILINESTRING" ? GEOS_MULTILINESTRING
           : t == "POLYGON"         ? GEOS_POLYGON
                                    : GEOS_MULTIPOLYGON;
}
} // namespace

void validateLayerSpec(const LayerSpec &spec)
{
    const std::string ctx = "layer " + spec.name;
    if (!validGeometryType(spec.geometryType))
        throw Error("unsupported geometry type " + spec.geometryType, ctx);
    if (spec.table.empty() || spec.table.find_first_of("\"'") != std::string::npos)
        throw Error("invalid table name '" + spec.table + "'", ctx);
}

LayerInfo committedLayerInfo(const LayerSpec &spec, const std::optional<LayerInfo> &previous,
                             std::int64_t featureCount, const std::string &crs,
                             const std::string &checksum)
{
    LayerInfo info;
    info.name = spec.name;
    info.role = spec.role;
    info.table = spec.table;
    info.geometryType = spec.geometryType;
    info.source = spec.source;
    // A layer copied from another project (publish, snapshot) keeps its time, version and
    // checksum.
    const auto &copied = spec.copied;
    info.importedAt = copied ? copied->importedAt : Project::nowIso();
    info.version = copied ? copied->version : previous ? previous->version + 1 : 1;
    info.featureCount = featureCount;
    info.crs = crs;
    info.checksum = copied ? copied->checksum : checksum;
    info.synthetic = spec.synthetic;
    info.description = spec.description;
    info.sortOrder = spec.sortOrder;
    return info;
}

std::string layerAuditDetail(const LayerInfo &info, const std::string &previousTable)
{
    QJsonObject detail{{"name", QString::fromStdString(info.name)},
                       {"role", QString::fromStdString(std::string(roleId(info.role)))},
                       {"features", static_cast<qint64>(info.featureCount)},
                       {"source", QString::fromStdString(info.source)},
                       {"checksum", QString::fromStdString(info.checksum)},
                       {"version", info.version}};
    if (!previousTable.empty())
        detail.insert("previous_table", QString::fromStdString(previousTable));
    return QJsonDocument(detail).toJson(QJsonDocument::Compact).toStdString();
}

std::string newTableName(Project &project, const std::string &name, Role role)
{
    // ASCII letters, digits and '_' from the name; a Chinese name falls back to the role id.
    std::string base;
    for (unsigned char c : name)
        if (std::isalnum(c) || c == '_')
            base += static_cast<char>(std::tolower(c));
    if (base.empty() || std::isdigit(static_cast<unsigned char>(base[0])))
        base = std::string(roleId(role)) + (base.empty() ? "" : "_" + base);
    std::string table = base;
    for (int n = 2; project.hasTable(table) || project.layer(table); ++n)
        table = base + "_" + std::to_string(n);
    return table;
}

LayerWriter::LayerWriter(Project &project, LayerSpec spec)
    : m_name(spec.name), m_geometryType(spec.geometryType), m_srid(project.workingSrid()),
      m_sink(project.writeLayer(std::move(spec)))
{
}

LayerWriter::~LayerWriter() = default;

EncodedGeometry LayerWriter::encode(const Geometry &geometry, const std::string &geometryType,
                                    int srid, GeometryEncoding encoding)
{
    if (geometry.isNull() || geometry.isEmpty())
        throw Error("empty geometry");
    Geometry converted;
    const Geometry *stored = &geometry;
    const int t = geometry.typeId();
    if (geometryType == "MULTIPOLYGON" && t != GEOS_MULTIPOLYGON)
        stored = &(converted = geometry.toMultiPolygon());
    else if (geometryType == "MULTILINESTRING" && t != GEOS_MULTILINESTRING)
        stored = &(converted = geometry.toMultiLineString());
    // SpatiaLite's geometry-type trigger answers a mismatch with RAISE(ROLLBACK), which ends the
    // whole transaction (the caller's too), and PostGIS's typmod refuses it: refuse such a
    // feature here, before the INSERT.
    if (stored->isEmpty() || stored->typeId() != geosTypeId(geometryType))
        throw Error("a " + geometry.typeName() + " cannot be stored in a " + geometryType +
                    " layer");
    EncodedGeometry out;
    if (encoding == GeometryEncoding::SpatialiteBlob) {
        out.blob = spatialiteBlobFromWkb(stored->wkb(), srid, &out.box);
        return out;
    }
    // EWKB: the ISO WKB (2D, little-endian) with the SRID flag and the SRID after the type.
    const auto wkb = stored->wkb();
    if (wkb.size() < 5 || wkb[0] != 1)
        throw Error("malformed WKB from GEOS");
    std::uint32_t type = 0;
    std::memcpy(&type, wkb.data() + 1, 4);
    type |= 0x20000000u;
    const auto s = static_cast<std::uint32_t>(srid);
    out.blob.reserve(wkb.size() + 4);
    out.blob.push_back(1);
    out.blob.insert(out.blob.end(), reinterpret_cast<const unsigned char *>(&type),
                    reinterpret_cast<const unsigned char *>(&type) + 4);
    out.blob.insert(out.blob.end(), reinterpret_cast<const unsigned char *>(&s),
                    reinterpret_cast<const unsigned char *>(&s) + 4);
    out.blob.insert(out.blob.end(), wkb.begin() + 5, wkb.end());
    out.box = stored->envelope();
    return out;
}

void LayerWriter::add(const Geometry &geometry, std::span<const Value> values)
{
    EncodedGeometry encoded;
    try {
        encoded = encode(geometry, m_geometryType, m_srid, m_sink->encoding());
    } catch (const Error &e) {
        throw Error(e.cause(), "layer " + m_name + ", feature " + std::to_string(count() + 1));
    }
    m_sink->add(std::move(encoded), values);
}

void LayerWriter::add(EncodedGeometry geometry, std::span<const Value> values)
{
    m_sink->add(std::move(geometry), values);
}

std::int64_t LayerWriter::count() const
{
    return m_sink->count();
}

GeometryEncoding LayerWriter::encoding() const
{
    return m_sink->encoding();
}

LayerInfo LayerWriter::commit()
{
    return m_sink->commit();
}

const std::optional<LayerInfo> &LayerWriter::previous() const
{
    return m_sink->previous();
}

} // namespace planlines::geodata
