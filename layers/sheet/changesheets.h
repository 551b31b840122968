// The map sheet of land-use changes (issue 18): the change pieces of a comparison, stored as a
// layer (geodata/landuse/changelayer.h), over the current land use (faded) with the township lines
// and the base map, and the 一级类 transfer matrix in 亩 as the sheet's table with a line of
// 耕地流出, 流入 and 净增减. One sheet for the county, or one per township that has changes (its
// extent, its outline, its own matrix). Qt Quick-free: the CLI (`planlines compare --sheet`) and
// the window's 变更分析 panel both build their sheets here and print them with SheetExporter.
#pragma once

#include "sheetspec.h"

#include "../projectmap.h"

#include <geodata/landuse/changeanalysis.h>

#include <optional>

namespace planlines::layers::sheet {

// The table block of a matrix (二级类 cells, as ChangeResult and Township carry them): the
// header row (原地类＼现地类, the 一级类 with land in the later version, 合计), one row per 一级类
// with land in the earlier version with its row total, the 合计 row, then one spanning row
// "耕地流出 X 亩，流入 Y 亩，净增减 Z 亩". Areas in 亩 to two decimals, totals summed from the m²
// before rounding; a cell with no land is left blank.
std::vector<QStringList>
changeMatrixTable(const std::vector<geodata::landuse::TransferCell> &matrix);

// "耕地流出 X 亩，流入 Y 亩，净增减 Z 亩" of a 二级类 matrix (changes between 水田, 水浇地 and
// 旱地 are neither).
QString cultivatedChangeLine(const std::vector<geodata::landuse::TransferCell> &matrix);

// The sheets of a comparison, from base (paper, orientation, scale, date, unit kept). changeLayer
// is the stored change layer (nullopt: none was stored, e.g. no class changed; the sheet then
// shows the land use and the table only); the map must have been loaded after it was stored.
// byTownship: one sheet per township of result with class changes, matched by name to the map's
// township features (XZQMC), in the result's order; otherwise one sheet of the whole county.
// The table goes in a band under the map (the panel beside it is too narrow for a matrix of a
// dozen classes at a legible size). Throws geodata::Error when byTownship and the map has no
// township layer, or changeLayer is not in the map.
std::vector<SheetSpec> changeSheets(const ProjectMap &map,
                                    const geodata::landuse::ChangeResult &result,
                                    const std::optional<geodata::LayerInfo> &changeLayer,
                                    const SheetSpec &base, bool byTownship = false);

// Prints the sheets of a comparison of the project at db to out (.pdf: one page each; a batch of
// PNG/SVG numbers its files, as writeAtlas does) on layout at dpi, reading the project's layers
// now (so a change layer stored since is drawn). Returns the sheets and files written. Throws
// geodata::Error when no sheet results (no township has class changes) or one cannot be written.
// Any thread: it paints on images and PDF writers only.
struct ChangeSheetFiles
{
    std::size_t sheets = 0;
    std::vector<QString> files;
};
ChangeSheetFiles writeChangeSheets(const std::string &db,
                                   const geodata::landuse::ChangeResult &result,
                                   const std::optional<geodata::LayerInfo> &changeLayer,
                                   const SheetTemplate &layout, double dpi, bool byTownship,
                                   const QString &out);

// Moves the table block of a sheet of tableRows rows out of the panel into a band under the
// map: the map frame is shortened from the bottom by the band's height and its gap.
void placeTableUnderMap(SheetTemplate &t, std::size_t tableRows, bool hasTitle = true);

} // namespace planlines::layers::sheet
