// The corridor batch: one sheet per group of corridor segments along the levee. By default a
// group is each township's run of consecutive segments (黑里寨镇段 K0+000—K10+000: how the
// corridor keepers split the work among the townships); with a step, each chainage range of
// that length (K0+000—K5+000, K5+000—K10+000, …). Each sheet fits its segments, outlines them,
// and tabulates the group's segments by status on a date (段数, 长度, 面积 in 亩).
#pragma once

#include "sheetspec.h"

#include "../projectmap.h"

#include <geodata/corridor/corridorstate.h>

namespace planlines::layers::sheet {

struct SegmentGroup
{
    QString name;                                             // 黑里寨镇段, or K0+000—K5+000
    std::vector<const geodata::corridor::Segment *> segments; // by chainage
    double startM = 0, endM = 0;
    bool byChainage = false; // a chainage range (its subtitle names the townships)
};

// Township runs (stepM 0) or chainage ranges of stepM metres from K0+000; empty ranges are
// left out.
std::vector<SegmentGroup> segmentGroups(const geodata::corridor::Corridor &corridor,
                                        double stepM = 0);

// One sheet per group, from base (its scale kept when set). state (of corridor) gives each
// segment's status. Throws geodata::Error when the map has no layer of the corridor's table.
std::vector<SheetSpec> corridorSheets(const ProjectMap &map,
                                      const geodata::corridor::Corridor &corridor,
                                      const geodata::corridor::CorridorState &state,
                                      const std::vector<SegmentGroup> &groups,
                                      const SheetSpec &base);

} // namespace planlines::layers::sheet
