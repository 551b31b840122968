// The geometry SheetComposer works out for one sheet before painting: the map frame's world
// extent and scale, the scale bar, the grid interval and the legend's entries. Tests check the
// sheet against it (the scale bar's length against the scale, the legend's classes).
#pragma once

#include "sheettemplate.h"

#include "../geometrykind.h"
#include "../mapviewport.h"
#include "../symbol.h"

#include <geodata/geometry.h>

#include <QString>

#include <vector>

namespace planlines::layers::sheet {

struct LegendItem
{
    QString label;
    // A layer's name: over its classes, or (headingSwatch) with its one symbol when it has
    // none, so every layer stands under its own name and never under the layer above.
    bool heading = false;
    GeometryKind kind = GeometryKind::Polygon;
    Symbol symbol;
    bool headingSwatch = false; // a heading drawn with its swatch (a layer without classes)
};

struct ScaleBar
{
    double groundM = 0; // the bar's whole length on the ground
    int segments = 4;
    double lengthMm = 0; // on paper: groundM / scale
    QRectF barMm;        // where the bar is drawn (its height is the bar's)
    QString unit;        // "m" or "km"
};

struct SheetLayout
{
    SheetTemplate tmpl;
    WorldPoint centre;
    double scaleDenominator = 0;
    geodata::Envelope frameExtent; // what the map frame shows
    ScaleBar scaleBar;
    double gridIntervalM = 0;
    bool geographic = false;
    // World units per metre on the ground: 1 for a projected CRS; for a geographic one, degrees
    // per metre east–west at the frame's centre latitude, so the scale (and its bar) is true
    // there along the parallel.
    double unitsPerMetre = 1;
    std::vector<LegendItem> legend;

    // Metres on the ground per mm on paper.
    double metresPerMm() const { return scaleDenominator / 1000.0; }
    // World units (metres, or degrees) per mm on paper.
    double unitsPerMm() const { return metresPerMm() * unitsPerMetre; }
    // The viewport that draws the frame on a device of dotsPerInch.
    MapViewport viewport(double dotsPerInch) const;
};

} // namespace planlines::layers::sheet
