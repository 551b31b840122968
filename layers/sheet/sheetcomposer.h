// Composes a map sheet from a template: works out the frame's extent and scale, the legend of
// the classes that appear in the frame, the scale bar and the grid (layout()), then paints the
// whole sheet on any QPainter in millimetres (paint()): the map through MapRenderer on images,
// through VectorMapPainter on PDF and SVG, so fills stay vector and the file stays small.
#pragma once

#include "papercanvas.h"
#include "sheetlayout.h"
#include "sheetspec.h"

#include "../projectmap.h"

#include <atomic>

namespace planlines::layers::sheet {

class SheetComposer
{
public:
    explicit SheetComposer(const ProjectMap &map) : m_map(map) {}

    const ProjectMap &map() const { return m_map; }
    // The layers shown: spec.visible, else each layer's default.
    std::vector<bool> visibleLayers(const SheetSpec &spec) const;

    SheetLayout layout(const SheetSpec &spec) const;

    // Paints the sheet; canvas's painter covers the paper from its top-left corner. vector
    // chooses VectorMapPainter for the map. Returns false once *cancel is set.
    bool paint(const PaperCanvas &canvas, const SheetSpec &spec, const SheetLayout &layout,
               bool vector, const std::atomic<bool> *cancel = nullptr) const;

    // The next round scale at or above denominator (1, 1.2, 1.5, 1.8, 2, 2.5, 3, 4, 5, 6, 8 ×
    // 10^k).
    static double roundScaleUp(double denominator);
    // Metres along the parallel per degree of longitude at latitudeDeg (CGCS2000 ellipsoid).
    static double metresPerDegreeOfLongitude(double latitudeDeg);
    // The scale bar for a scale in a room of roomMm (the bar's round length fits its width).
    static ScaleBar scaleBarFor(double scaleDenominator, const QRectF &roomMm, double sizeFactor);

    // One layer's legend: its classes with features in frame (null: anywhere in the layer),
    // under a heading of its name; or one heading of its name with its symbol when it has no
    // classes (so it never reads as a class of the layer above). Empty when
    // no feature is in frame. The layer panel lists the whole layer's classes through it.
    // The colour a township sheet outlines its township in.
    static QColor townshipOutlineColor() { return QColor(0x6A, 0x1B, 0x9A); }

    static std::vector<LegendItem> layerLegend(const MapLayer &layer,
                                               const geodata::Envelope *frame);

private:
    // opacity: per layer as SheetSpec::opacity (empty: opaque); a faded layer's swatches are
    // faded alike, so they match the map.
    std::vector<LegendItem> legendFor(const std::vector<bool> &visible,
                                      const geodata::Envelope &frame,
                                      const std::vector<double> &opacity) const;

    const ProjectMap &m_map;
};

} // namespace planlines::layers::sheet
