// The change pieces stored as a layer of the project (地类变化_v1_v2), so they draw, print and
// identify like any layer. Role context: the registry's roles are fixed by the schema, and a
// landuse or farmland role would make the check read the changes as parcels.
#pragma once

#include "changeanalysis.h"

#include "../project.h"

namespace planlines::geodata::landuse {

// BHLX (变化类型) of a piece: 耕地流出, 耕地流入, 耕地内部调整 or 其他地类变化.
std::string changeType(const std::string &fromCode, const std::string &toCode);

// Writes the pieces as layer `name` (a new version of it when it exists, the previous kept).
// Fields: BHLX, YDLBM/YDLMC (原地类), XDLBM/XDLMC (现地类), MJ (m²), MJM (亩), XZDM/XZMC (乡镇),
// YBSM/YTBBH, XBSM/XTBBH (原/现 parcel codes), JBNTMJ, STHXMJ (m² inside 永久基本农田 and
// 生态保护红线).
LayerInfo writeChangeLayer(Project &project, const ChangeResult &result, const std::string &name);

} // namespace planlines::geodata::landuse
