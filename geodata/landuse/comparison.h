// One comparison as a person asks for it, for `planlines compare` and the window's 变更分析 panel
// alike: which two land-use layers or versions (resolved against the project, with the errors a
// person needs), the names the result and the stored change layer get, and the run with the
// project's township, farmland and red-line layers.
#pragma once

#include "changeanalysis.h"

#include "../project.h"

#include <string>

namespace planlines::geodata::landuse {

// A land-use layer (name or table) and one of its kept versions; 0 the current one.
struct LayerVersionRef
{
    std::string layer;
    int version = 0;
};

struct ResolvedComparison
{
    LayerInfo from, to;             // as layerVersions() gives them: features() reads that version
    std::string fromLabel, toLabel; // "地类图斑 v1" (a version), or the layer's name (current)
    std::string storeName;          // 地类变化_v1_v2, or 地类变化_<from>_<to>
};

// Throws Error naming the layer: no such layer, no such version (listing the kept ones), a
// layer whose role differs from the other's (compare two land-use layers).
ResolvedComparison resolveComparison(Project &project, const LayerVersionRef &from,
                                     const LayerVersionRef &to);

// Runs compareLanduse on the two, with the project's first township, 永久基本农田 and
// 生态保护红线 layers (options' own sources, when set, are kept); the later version is read on a
// second connection to the project at the same time as the earlier one.
ChangeResult runComparison(Project &project, const ResolvedComparison &comparison,
                           CompareOptions options = {});

} // namespace planlines::geodata::landuse
