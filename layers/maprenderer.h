// Draws layers onto any QPainter (an image for the screen now, a PDF sheet later) for a
// viewport: fills, outlines and dashes, hatching, point markers, then the labels of all layers
// with collision avoidance. Stateless and const: render threads may share one renderer.
#pragma once

#include "layerdata.h"
#include "layerstyle.h"
#include "mapviewport.h"
#include "rasterlayer.h"

#include <QImage>
#include <QPainter>

#include <atomic>
#include <memory>
#include <span>

namespace planlines::layers {

// A layer to draw: its features and its style, or an imagery raster with its opacity.
struct RenderLayer
{
    std::shared_ptr<const LayerData> data;
    std::shared_ptr<const LayerStyle> style;
    std::shared_ptr<const RasterLayer> raster;
    double opacity = 1; // 0 transparent … 1 opaque: the layer panel's, or the imagery's
};

struct RenderStats
{
    // Counted per band of renderImage(): a feature across two bands counts twice.
    int features = 0; // drawn as shapes
    int dots = 0;     // smaller than a pixel, drawn as one
    int labels = 0;
    // The boxes of the labels drawn, in world coordinates: the overlays drawn over the map
    // (highlights, the check's features) keep their fills off them, so the labels stay readable.
    std::vector<QRectF> labelBoxes;
    bool cancelled = false;
};

class MapRenderer
{
public:
    struct Options
    {
        QColor background{Qt::white};
        QString fontFamily = QStringLiteral("Noto Sans CJK SC");
        bool labels = true;
        // Thinnest outline drawn, in pixels: a 0.1 mm parcel edge stays visible on screen.
        double minLineWidthPx = 0.75;
        // Threads renderImage() draws with (horizontal bands of the image, drawn at once and
        // then labelled as a whole); 0: one per core.
        int threads = 0;
    };

    MapRenderer() = default;
    explicit MapRenderer(Options options) : m_options(std::move(options)) {}
    const Options &options() const { return m_options; }

    // Draws layers bottom to top. painter's device pixels are the viewport's pixels (pixel
    // (0, 0) is the viewport's top-left). Does not clear: the caller fills the background.
    // Stops early, with stats.cancelled, once *cancel becomes true.
    RenderStats render(QPainter &painter, const MapViewport &viewport,
                       std::span<const RenderLayer> layers,
                       const std::atomic<bool> *cancel = nullptr) const;

    // An image of the viewport's size on the background colour, drawn in bands on
    // options().threads threads; the same pixels as render() onto one image.
    QImage renderImage(const MapViewport &viewport, std::span<const RenderLayer> layers,
                       RenderStats *stats = nullptr,
                       const std::atomic<bool> *cancel = nullptr) const;

    // Draws into the viewport-sized rectangle of target whose top-left is topLeft (inside
    // target; a sheet's map frame), in bands on options().threads threads, then the labels.
    // Does not clear. The same pixels as render() with the painter translated to topLeft.
    RenderStats renderInto(QImage &target, QPoint topLeft, const MapViewport &viewport,
                           std::span<const RenderLayer> layers,
                           const std::atomic<bool> *cancel = nullptr) const;

private:
    // Draws the layers (no labels) into band, the rows [top, top + band.height()) of an image
    // of viewport; adds the features to stats. Returns the features each layer queried.
    void drawLayers(QPainter &painter, const MapViewport &viewport,
                    std::span<const RenderLayer> layers, RenderStats &stats,
                    std::vector<std::vector<std::uint32_t>> &visible,
                    const std::atomic<bool> *cancel) const;
    void drawLabels(QPainter &painter, const MapViewport &viewport,
                    std::span<const RenderLayer> layers,
                    const std::vector<std::vector<std::uint32_t>> &visible,
                    RenderStats &stats) const;

    Options m_options;
};

} // namespace planlines::layers
