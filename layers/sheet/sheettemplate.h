// The fixed sheet templates: paper size and orientation, and where each block of a sheet sits
// on it, in millimetres from the paper's top-left corner. Text sizes and line widths scale with
// the paper (A3 is 1), so an A0 poster reads like an A3 sheet from further away.
#pragma once

#include <QRectF>
#include <QString>

#include <optional>

namespace planlines::layers::sheet {

enum class Paper
{
    A4,
    A3,
    A1,
    A0
};

enum class Orientation
{
    Landscape,
    Portrait
};

// "A4" … "A0" (case-insensitive), "landscape" / "portrait".
std::optional<Paper> paperFromName(const QString &name);
std::optional<Orientation> orientationFromName(const QString &name);
QString paperName(Paper paper);

struct SheetTemplate
{
    Paper paper = Paper::A3;
    Orientation orientation = Orientation::Landscape;
    QSizeF paperMm;
    // Text and line sizes are multiplied by this (A4 0.71, A3 1, A1 2, A0 2.83).
    double sizeFactor = 1;
    QRectF titleMm;    // title and subtitle, centred
    QRectF frameMm;    // the map frame (the neat line)
    QRectF outerMm;    // the outer frame; the grid labels sit between it and the neat line
    QRectF panelMm;    // legend, table, inset, scale bar, north arrow and info block
    QRectF legendMm;   // the legend's room (its table block shares it when there is one)
    QRectF insetMm;    // the county overview
    QRectF scaleBarMm; // numeric scale and the graphic bar
    QRectF infoMm;     // 制图单位, 制图日期, 坐标系, 数据来源, synthetic note
    // The table block's room when it has one of its own (a band under the map for a table too
    // wide for the panel: placeTableUnderMap); empty: the table shares the legend's room.
    QRectF tableMm;

    // Text sizes (cap height of Chinese text, mm) and line widths (mm), already scaled.
    double titleMmSize() const { return 8.0 * sizeFactor; }
    double subtitleMmSize() const { return 4.5 * sizeFactor; }
    double headingMmSize() const { return 3.6 * sizeFactor; }
    double textMmSize() const { return 2.6 * sizeFactor; }
    double smallMmSize() const { return 2.2 * sizeFactor; }
    double frameLineMm() const { return 0.5 * sizeFactor; }
    double thinLineMm() const { return 0.15 * sizeFactor; }

    static SheetTemplate make(Paper paper, Orientation orientation);
};

} // namespace planlines::layers::sheet
