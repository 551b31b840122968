// Reading a layer's features, whatever engine stores them: the one way `layers`, `qml` and the
// check ask for features (as OGR's attribute/spatial filters and QgsFeatureRequest). A request
// names what is wanted; the engine turns it into its own SQL (SpatiaLite: the R*Tree and the
// stored BLOB; PostGIS: the GiST index, binary EWKB through a cursor) and streams the rows in
// bounded memory.
#pragma once

#include "../database.h" // Value, Blob (plain value types; no SQL is reachable through them)
#include "../featureoverlaps.h"
#include "../flatgeometry.h"
#include "../geometry.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace planlines::geodata {

struct LayerInfo;
struct FieldDef;

struct AttributeMatch
{
    enum class Kind
    {
        Equals,  // the whole value (codes: BSM, SEGID)
        Contains // any part (names: XMMC)
    };
    std::string column; // as the table spells it (FeatureSource::columns())
    std::string value;
    Kind kind = Kind::Equals;
};

struct FeatureRequest
{
    // Read the geometry (FeatureCursor::readGeometry/geometry/box); false: attributes only.
    bool geometry = true;
    // The attribute columns wanted, in this order (FeatureCursor::value(i)); names as the table
    // spells them. Columns a layer lacks are an error; ask columns() first.
    std::vector<std::string> attributes;
    // Only features whose box intersects this one (the spatial index).
    std::optional<Envelope> box;
    // Optional finer pruning of index nodes and entries by their boxes (the check's site
    // shape): an engine may call it to skip candidates early, or ignore it; it never replaces
    // the caller's exact test.
    std::function<bool(const Envelope &)> boxTest;
    // Only these features (fids), when not empty; rows come in ascending fid order.
    std::vector<std::int64_t> fids;
    std::optional<AttributeMatch> match;
    // With match: the shortest matching values first (search results), then by fid.
    bool shortestMatchFirst = false;
    bool skipNullGeometry = true;
    std::int64_t limit = -1; // -1: no limit
    // The caller knows the answer is small (a site's candidates under its box): an engine may
    // read it whole in one round trip instead of streaming it (PostGIS: no cursor).
    bool small = false;
    // Only the features with fid % shareCount == sharePart: the site check's measurers split
    // one site's candidates so, each reading only its own share.
    int sharePart = 0, shareCount = 1;
};

// The attribute table's question (属性表): which features, in which order. Only fids come back
// (8 bytes a row: 8 MB for a million parcels); the rows' values are then read a page at a time
// through query() with fids.
struct FidQuery
{
    std::string sortField; // "" : by fid
    bool descending = false;
    // Features with a value containing this text (UTF-8; letter case ignored for ASCII at
    // least) in one of textFields; "" : no text filter. Non-text fields compare as text.
    std::string text;
    std::vector<std::string> textFields;
    std::optional<Envelope> extent; // features whose bounding box meets it
    // A big layer may keep a sort index or a text index in the store for the next such query
    // (a read-only medium or a busy store: the query goes without, only slower).
    bool keepIndexes = false;
};

struct FidList
{
    std::vector<std::int64_t> fids; // in the query's order
    // Unsorted and unfiltered, a layer whose fids run without a gap: fids is empty and the
    // rows are first, first + 1, … (count of them). Reading a million fids took 0.5 s.
    bool dense = false;
    std::int64_t first = 0;
    std::size_t count = 0;
};

// One row at a time; what a getter returns is valid until the next next().
class FeatureCursor
{
public:
    virtual ~FeatureCursor() = default;
    virtual bool next() = 0;
    virtual std::int64_t fid() const = 0;
    virtual bool hasGeometry() const = 0;
    // The geometry in flat arrays (replacing out's contents), without GEOS: the map's loader and
    // the check's fast paths. Throws Error on unreadable geometry (the caller adds the context).
    virtual void readGeometry(FlatGeometry &out) = 0;
    // The geometry as GEOS (details, measuring).
    virtual Geometry geometry() = 0;
    // The geometry's box (from the stored header where the engine keeps one).
    virtual Envelope box() = 0;
    // The requested attributes, by their position in FeatureRequest::attributes.
    virtual Value value(int i) const = 0;
    bool isNull(int i) const { return std::holds_alternative<std::monostate>(value(i)); }
};

// What a layer's features add up to, computed by the engine in one pass.
struct LayerTotals
{
    std::int64_t count = 0; // features with a geometry
    double areaM2 = 0;      // planar, in the working CRS (0 for lines and points)
    double lengthM = 0;     // of lines (a polygon's perimeter is not counted for a polygon layer:
                            // callers use areaM2 there)
};

class FeatureSource
{
public:
    virtual ~FeatureSource() = default;
    virtual const LayerInfo &layer() const = 0;
    // The attribute columns of the layer's table in table order (without fid and geom).
    virtual std::vector<std::string> columns() = 0;
    // The same with the type each column's declaration gives (integer, real, date, else text;
    // no alias: the registry's fields carry those).
    virtual std::vector<FieldDef> declaredFields() = 0;
    virtual std::unique_ptr<FeatureCursor> query(const FeatureRequest &request) = 0;
    virtual std::int64_t count(const FeatureRequest &request) = 0;
    // The features a table view shows, in its order (Project::interrupt() stops a long one).
    virtual FidList fids(const FidQuery &query) = 0;
    // Keeps an index on column for Equals matches (search codes). Best effort: a read-only
    // project or a busy database leaves the column unindexed (matches then scan); returns
    // whether the index exists.
    virtual bool ensureIndex(const std::string &column) = 0;

    // The box of all features (from the spatial index where the engine keeps its extent), or
    // nullopt for an empty layer.
    virtual std::optional<Envelope> extent() = 0;
    virtual LayerTotals totals() = 0;
    // Which of the layer's features overlap each other (../featureoverlaps.h): the pairs kept
    // when the layer was written, else found now (a layer written before the project kept
    // them). The site check counts the common part of such features once.
    virtual std::vector<FeatureOverlap> featureOverlaps() = 0;

    // The real column name for a name in any letter case, or "" when the table has none.
    std::string columnNamed(const std::string &name);
};

} // namespace planlines::geodata
