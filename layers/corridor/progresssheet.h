// The corridor progress sheet (进度表): one A4 landscape PDF page with the corridor on the map
// by status on a date, the totals by status and by township, and the cumulative progress chart.
#pragma once

#include <geodata/corridor/corridorstate.h>
#include <geodata/corridor/progressseries.h>

#include <QPainter>
#include <QRectF>

#include <string>

namespace planlines::layers {
class ProjectMap;
}

namespace planlines::layers::corridor {

// Draws the sheet into page (device pixels at dpi).
void drawProgressSheet(QPainter &painter, const QRectF &page, double dpi, const ProjectMap &map,
                       const geodata::corridor::Corridor &corridor,
                       const geodata::corridor::CorridorState &state);

// Opens the project at dbPath read-only and writes the sheet for date (YYYY-MM-DD) to outPdf
// through a temporary file renamed at the end, so a failure leaves no broken file. Throws
// geodata::Error naming the file on failure.
void writeProgressSheet(const std::string &dbPath, const std::string &date,
                        const std::string &outPdf);

} // namespace planlines::layers::corridor
