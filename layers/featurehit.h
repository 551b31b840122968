// "What is under the cursor?" against a layer's in-memory features (LayerData): polygons that
// contain the point (holes excluded), lines and points within a tolerance. No database access,
// so a click answers at once, even over a million parcels (the packed R-tree finds candidates).
#pragma once

#include "layerdata.h"
#include "mapviewport.h"

#include <QPainterPath>

#include <cstdint>
#include <vector>

namespace planlines::layers {

struct FeatureHit
{
    std::uint32_t feature = 0; // index into the LayerData
    double distanceM = 0;      // 0 inside a polygon; else from the point to the line or point
};

// The features of data at world (working CRS) within toleranceM (lines and points; polygons
// must contain the point or lie within toleranceM of its boundary), nearest first, ties in
// the table's order.
std::vector<FeatureHit> hitTest(const LayerData &data, WorldPoint world, double toleranceM);

// The feature's outline in world coordinates (x = easting, y = northing) for highlighting:
// polygons as closed subpaths (odd-even fill leaves the holes open), lines as open ones,
// points as a single moveTo each.
QPainterPath featurePath(const LayerData &data, std::uint32_t feature);

// The index of the feature with this fid (rowid), or -1.
std::int64_t featureIndex(const LayerData &data, std::int64_t fid);

} // namespace planlines::layers
