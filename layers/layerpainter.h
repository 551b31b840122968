// Draws one layer's features for MapRenderer: fills, then hatches, then outlines, each feature
// as its own polygon (the raster engine fills 80 000 small polygons far faster than one path
// of 80 000 rings when antialiasing). Seams between neighbouring antialiased fills are closed
// with a hairline of the fill colour; translucent fills are drawn opaque onto a layer image that
// is then blended once, so overlaps and seams do not show through.
#pragma once

#include "layerdata.h"
#include "layerstyle.h"
#include "maprenderer.h"
#include "mapviewport.h"

#include <QPainter>
#include <QPolygonF>

#include <atomic>
#include <span>
#include <vector>

namespace planlines::layers {

class LayerPainter
{
public:
    LayerPainter(QPainter &painter, const MapViewport &viewport, const RenderLayer &layer,
                 const MapRenderer::Options &options, RenderStats &stats);

    // Draws the features ids (from LayerData::query). Returns early once *cancel is set.
    void draw(const std::vector<std::uint32_t> &ids, const std::atomic<bool> *cancel);

private:
    struct Batch
    {
        std::vector<std::uint32_t> features; // drawn antialiased
        // A few pixels across: filled aliased, which tiles neighbours without seams and costs
        // far less; antialiasing would not show at that size anyway.
        std::vector<std::uint32_t> small;
        std::vector<QPointF> dots; // features smaller than a pixel
    };

    QPointF toPixel(float x, float y) const { return {m_tx + x * m_scale, m_ty - y * m_scale}; }
    void classify(std::uint32_t f);
    // One feature: a polygon (with holes: a path), or its lines.
    void drawFeature(QPainter &painter, std::uint32_t f);
    void ringToPolygon(std::span<const float> xy);
    bool outlineShown(const Symbol &s) const;
    QPen outlinePen(const Symbol &s) const;

    // The small features' rings in pixels, for PixelRaster: m_points, split by m_ringEnds.
    void smallRings(std::uint32_t f);
    void fillSmall(QPainter &painter, const std::vector<std::uint32_t> &ids, const QColor &opaque);
    // Outlines the small features directly when the pen is a thin solid line; false when
    // QPainter must draw them.
    bool outlineSmall(const QPen &pen, const std::vector<std::uint32_t> &ids);

    void fillBatch(const Symbol &s, const Batch &batch);
    void hatchBatch(const Hatch &h, const Batch &batch);
    void outlineBatch(const Symbol &s, const Batch &batch);
    void drawDots(const QColor &color, const std::vector<QPointF> &dots);
    void drawMarkers(const Symbol &s, const Batch &batch);

    QPainter &m_painter;
    const MapViewport &m_vp;
    const LayerData &m_data;
    const LayerStyle &m_style;
    const MapRenderer::Options &m_options;
    RenderStats &m_stats;
    bool m_rasterDevice;
    double m_scale, m_pxPerMm, m_tx = 0, m_ty = 0;
    std::vector<const Symbol *> m_symbols; // 0: the layer's symbol, then its categories
    std::vector<int> m_slotOfValue;        // category value index -> m_symbols index
    std::vector<Batch> m_batches;          // by m_symbols index
    QPolygonF m_polygon;                   // reused for every ring
    std::vector<QPointF> m_points;         // reused by smallRings()
    std::vector<std::size_t> m_ringEnds;
    std::vector<std::span<const QPointF>> m_ringSpans;
};

} // namespace planlines::layers
