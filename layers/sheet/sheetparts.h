// The blocks of a sheet other than the map, each drawn on a PaperCanvas in millimetres.
#pragma once

#include "papercanvas.h"
#include "sheetlayout.h"
#include "sheetspec.h"

#include "../projectmap.h"

namespace planlines::layers::sheet {

void drawTitle(const PaperCanvas &c, const SheetTemplate &t, const QString &title,
               const QString &subtitle);
// Returns the height used (mm).
double drawLegend(const PaperCanvas &c, const SheetTemplate &t, const QRectF &roomMm,
                  const std::vector<LegendItem> &items);
void drawTable(const PaperCanvas &c, const SheetTemplate &t, const QRectF &roomMm,
               const QString &title, const std::vector<QStringList> &rows);
void drawScaleBar(const PaperCanvas &c, const SheetTemplate &t, const SheetLayout &layout);
// In the right end of roomMm (the scale bar's room).
void drawNorthArrow(const PaperCanvas &c, const SheetTemplate &t, const QRectF &roomMm);
void drawGrid(const PaperCanvas &c, const SheetTemplate &t, const SheetLayout &layout);
void drawInset(const PaperCanvas &c, const SheetTemplate &t, const ProjectMap &map,
               const geodata::Envelope &frameExtent);
void drawInfo(const PaperCanvas &c, const SheetTemplate &t, const QStringList &lines);

// "CGCS2000 3度带高斯-克吕格投影 中央经线117°E (EPSG:4548)" from PROJ's name and the code.
QString crsLabelZh(const std::string &crsName, const std::string &code);

} // namespace planlines::layers::sheet
