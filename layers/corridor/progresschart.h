// The corridor's cumulative progress chart drawn with QPainter (for the PDF sheet): finished
// length along the levee over time as a step line, the plan (JHWG) as a dashed step line, a
// marker at the sheet's date. Sizes are millimetres on the output (pxPerMm device pixels each).
#pragma once

#include <geodata/corridor/progressseries.h>

#include <QPainter>
#include <QRectF>
#include <QString>

namespace planlines::layers::corridor {

struct ChartStyle
{
    double pxPerMm = 96 / 25.4;
    QString fontFamily = QStringLiteral("Noto Sans CJK SC");
    QColor actual{0x2E, 0x7D, 0x32};
    QColor planned{0x75, 0x75, 0x75};
};

// Draws the chart in rect (device pixels). The time axis runs from the first point of either
// series to the later of the last point and date; the value axis from 0 to the total length.
void drawProgressChart(QPainter &painter, const QRectF &rect,
                       const geodata::corridor::ProgressSeries &series, const std::string &date,
                       const ChartStyle &style = {});

} // namespace planlines::layers::corridor
