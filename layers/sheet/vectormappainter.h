// Draws layers for a vector sheet (PDF, SVG): the same styles as MapRenderer, but each style's
// features merged into one path (fill and outline written once, as one fill-and-stroke), the
// vertices snapped to a grid of gridMm on paper and repeats dropped, and no per-feature state.
// A county of 80 000 parcels then writes a few dozen large paths instead of 160 000 small ones.
// Labels are placed as MapRenderer places them (LabelPlacer, drawn as outlines with a halo).
#pragma once

#include "../maprenderer.h"
#include "../mapviewport.h"

#include <QPainter>

#include <atomic>
#include <span>

namespace planlines::layers::sheet {

class VectorMapPainter
{
public:
    struct Options
    {
        QString fontFamily = QStringLiteral("Noto Sans CJK SC");
        double gridMm = 0.1;          // vertices closer than this on paper merge
        double minLineWidthMm = 0.05; // the thinnest line printed
        bool labels = true;
    };

    VectorMapPainter() = default;
    explicit VectorMapPainter(Options options) : m_options(std::move(options)) {}

    // Like MapRenderer::render: the painter's device pixels are the viewport's pixels.
    RenderStats render(QPainter &painter, const MapViewport &viewport,
                       std::span<const RenderLayer> layers,
                       const std::atomic<bool> *cancel = nullptr) const;

private:
    Options m_options;
};

} // namespace planlines::layers::sheet
