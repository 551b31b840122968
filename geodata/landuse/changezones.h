// What the change analysis reads from other layers of the project: township names and the
// township of parcels without ZLDWDM (the township layer), and how much of each change piece
// lies inside a control zone (永久基本农田, 生态保护红线).
#pragma once

#include "changeanalysis.h"

namespace planlines::geodata::landuse {

class ParcelSet;
class Interned;

struct ZoneContext
{
    int threads = 0;
    std::function<bool()> cancelled;
};

// Fills each piece's `field` with its area inside the zone layer's polygons (overlapping zone
// features counted once) and sums them by class change.
ZoneChanges measureZone(FeatureSource &zone, ChangeResult &result, const ZoneContext &context,
                        double ChangePiece::*field);
// Names the result's townships from the township layer's XZQDM (first 9 digits) and XZQMC.
void nameTownships(FeatureSource &townships, ChangeResult &result);
// Gives parcels without a township code the township their point on surface lies in.
void locateTownships(FeatureSource &townships, ParcelSet &parcels, Interned &codes);

} // namespace planlines::geodata::landuse
