// What SiteMeasurer reads of one layer's features, on either engine: a small layer whole (kept
// in memory), a large one per site by the site's box. The SpatiaLite engine keeps its fast
// path: one prepared statement per layer joining the R*Tree, pruned by the site's hull through
// the R*Tree's query callback, the stored BLOBs read in place. Any other engine (PostGIS) goes
// through FeatureSource::query with the box (geom && ST_MakeEnvelope on the GiST index, EWKB in
// binary), its geometry converted to the same BLOB layout (a linear copy) for the same clipping
// code: the verdicts and areas do not depend on the engine. Internal to the site check.
#pragma once

#include "layerplan.h"

#include "../database.h"
#include "../flatgeometry.h"
#include "../geometry.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace planlines::geodata::check {

class FeatureRows
{
public:
    // The fields a row gives, in LayerPlan's terms (a field the layer lacks reads as NULL);
    // LayerPlan::listFields follow from FirstList on.
    enum Field
    {
        Code,
        Name,
        Dlbm,
        Dlmc,
        Class,
        FirstList
    };

    virtual ~FeatureRows() = default;
    // Starts over with the features whose box meets *box (through the layer's spatial index),
    // or with every feature that has a geometry (box null). part of parts: this measurer's
    // share of a site split between measurers (fid % parts == part), which an engine may
    // select itself (indexSplits()).
    virtual void start(const Envelope *box, int part = 0, int parts = 1) = 0;
    virtual bool next() = 0;
    // Lets go of the statement or cursor between sites.
    virtual void finish() = 0;
    // The boxes of the sites about to be checked (a batch): an engine may fetch their
    // candidates at once and serve a start() with one of these very boxes from them (the same
    // rows); any other box is queried as before. The SpatiaLite path ignores it.
    virtual void prefetch(const std::vector<Envelope> & /*boxes*/) {}
    virtual std::int64_t fid() const = 0;
    // The geometry in SpatiaLite's BLOB layout (../spatialiteblob.h), valid until next(); empty
    // when the feature cannot be given so (not polygonal, unreadable): geometry() then.
    virtual std::span<const unsigned char> blob() = 0;
    // The geometry as GEOS; throws Error naming the layer and feature.
    virtual Geometry geometry() = 0;
    virtual std::string text(int field) const = 0;     // "" for NULL, numbers as SQLite writes them
    virtual std::int64_t integer(int field) const = 0; // 0 for NULL
    virtual bool isNull(int field) const = 0;
    // Whether the index itself hands this measurer only its share of a split scan (the
    // SpatiaLite R*Tree callback tests the rowid's parity); else the caller skips the others.
    virtual bool indexSplits() const = 0;
};

// The SpatiaLite fast path over db (the measurer's own read-only connection, with the
// planlines_site_hull R*Tree callback registered): whole, or per site through the R*Tree when
// the layer has one.
std::unique_ptr<FeatureRows> spatialiteRows(Database &db, const LayerPlan &layer, bool whole);
// Any engine, through the project's FeatureSource.
std::unique_ptr<FeatureRows> storeRows(Project &project, const LayerPlan &layer, int srid);

// A feature's blob as GEOS: our own blob parser, else (db given: the SpatiaLite engine)
// SpatiaLite's AsBinary (compressed geometries), else a clear error naming the layer and
// feature.
Geometry readGeometry(Database *db, std::span<const unsigned char> blob, const std::string &layer,
                      std::int64_t fid);

// A polygonal FlatGeometry as SpatiaLite's BLOB (a MULTIPOLYGON, as layers store polygons) into
// out; false when it holds anything but polygons.
bool polygonBlobFromFlat(const FlatGeometry &flat, int srid, std::vector<unsigned char> &wkb,
                         std::vector<unsigned char> &out);

} // namespace planlines::geodata::check
