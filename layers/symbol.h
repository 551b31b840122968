// How one kind of feature is drawn: fill, outline, hatch and point marker. Sizes are millimetres
// on the output (screen or paper), so the same symbol prints as it shows; the renderer turns them
// into pixels with the viewport's resolution.
#pragma once

#include <QColor>
#include <QJsonObject>

#include <optional>
#include <string>
#include <vector>

namespace planlines::layers {

// Parallel lines clipped to a polygon (the red line's diagonal hatch).
struct Hatch
{
    QColor color;
    double angleDeg = 45; // counter-clockwise from the easting axis
    double spacingMm = 2.0;
    double widthMm = 0.25;
};

enum class MarkerShape
{
    Circle,
    Square,
    Triangle,
    Diamond,
    Star
};

// The symbol drawn at a point feature.
struct Marker
{
    MarkerShape shape = MarkerShape::Circle;
    double sizeMm = 3.0;
    QColor fill;    // invalid: the symbol's fill
    QColor outline; // invalid: the symbol's outline
    double outlineWidthMm = 0.2;
};

struct Symbol
{
    QColor fill;    // invalid or alpha 0: no fill
    QColor outline; // invalid or alpha 0: no outline; lines are stroked with it
    double outlineWidthMm = 0.2;
    std::vector<double> outlineDashMm; // dash, gap, dash, gap… empty: solid
    // Outlines are left out at scales smaller than 1 : outlineMaxScale (0: always drawn), so
    // 80 000 parcel edges do not grey out the county view.
    double outlineMaxScale = 0;
    std::optional<Hatch> hatch;
    Marker marker;

    bool hasFill() const { return fill.isValid() && fill.alpha() > 0; }
    bool hasOutline() const { return outline.isValid() && outline.alpha() > 0; }
    // The colour a legend swatch shows: the fill if any, else the outline, else the hatch.
    QColor swatchColor() const;

    // Reads the keys present in json over a copy of base (a category inherits the layer's
    // symbol). Throws geodata::Error naming context and the key on a bad value.
    static Symbol fromJson(const QJsonObject &json, const Symbol &base, const std::string &context);
};

} // namespace planlines::layers
