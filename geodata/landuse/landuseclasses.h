// The 三调 land-use classes as the change analysis reads them: a 二级类 is a parcel's DLBM
// (0101, 1104A, 203), its 一级类 the DLBM's first two digits (01 耕地, 20 城镇村及工矿用地).
// Names come from the layers' DLMC where they carry one; these tables name the rest.
#pragma once

#include <string>
#include <string_view>

namespace planlines::geodata::landuse {

// "" stands for no parcel on that side (land outside the other version's parcels).
inline constexpr std::string_view kNoClass = "";

// The 一级类 code of a DLBM: its first two characters ("" for none).
std::string firstLevel(std::string_view dlbm);
// 二级类 names (0101 水田 … 203A 村庄独立工业用地); "" when unknown. "（无图斑）" for kNoClass.
std::string_view secondLevelName(std::string_view dlbm);
// 一级类 names (01 耕地 … 20 城镇村及工矿用地); "" when unknown.
std::string_view firstLevelName(std::string_view code);
// 耕地: 0101 水田, 0102 水浇地, 0103 旱地.
bool isCultivated(std::string_view dlbm);
// The classes cultivated land may turn into only if as much comes back (耕地进出平衡, 自然资发
// 〔2021〕166号): other agricultural land — 园地 02, 林地 03, 草地 04 — and agricultural
// facility land 1202 设施农用地 and 1104A 养殖坑塘.
bool isBalanceClass(std::string_view dlbm);

} // namespace planlines::geodata::landuse
