// What a map image shows: a centre in the working CRS, a resolution and an output size. World
// coordinates are metres of the projected working CRS, (easting, northing); pixels are
// (column, row) from the image's top-left corner, so rows grow southwards. A value type: every
// operation returns a new viewport.
#pragma once

#include <geodata/geometry.h>

#include <QPointF>
#include <QRect>
#include <QSize>
#include <QTransform>

namespace planlines::layers {

// A point of the working CRS in metres.
struct WorldPoint
{
    double easting = 0;
    double northing = 0;
    bool operator==(const WorldPoint &) const = default;
};

class MapViewport
{
public:
    static constexpr double kScreenDpi = 96;
    static constexpr double kMetresPerInch = 0.0254;

    MapViewport() = default;
    MapViewport(WorldPoint centre, double metresPerPixel, QSize sizePx,
                double dotsPerInch = kScreenDpi);

    // The viewport of sizePx that shows all of extent (x = easting, y = northing) centred,
    // keeping a marginPx border free on every side; the other axis shows more than extent.
    static MapViewport fitting(const geodata::Envelope &extent, QSize sizePx, double marginPx = 0,
                               double dotsPerInch = kScreenDpi);

    bool isValid() const { return !m_sizePx.isEmpty() && m_metresPerPixel > 0; }
    WorldPoint centre() const { return m_centre; }
    double metresPerPixel() const { return m_metresPerPixel; }
    QSize sizePx() const { return m_sizePx; }
    double dotsPerInch() const { return m_dpi; }
    double pixelsPerMm() const { return m_dpi / 25.4; }
    // N of the map scale 1 : N, for output at dotsPerInch.
    double scaleDenominator() const { return m_metresPerPixel * m_dpi / kMetresPerInch; }
    // The world rectangle the image covers.
    geodata::Envelope extent() const;

    QPointF worldToPixel(WorldPoint world) const;
    WorldPoint pixelToWorld(QPointF pixel) const;
    // The same mapping as worldToPixel, for QPainter: maps (easting, northing) to pixels.
    QTransform worldToPixelTransform() const;

    // Zoomed by factor (> 1 zooms in) so the world point under pixel stays under it.
    MapViewport zoomedAt(QPointF pixel, double factor) const;
    // Moved with a drag of deltaPx: the content follows the pointer.
    MapViewport panned(QPointF deltaPx) const;
    // The part of this view inside pixels (a band or a tile): the same resolution, pixel
    // (0, 0) of the result is pixels.topLeft() here.
    MapViewport cropped(const QRect &pixels) const;
    // Another output size; the centre and resolution stay.
    MapViewport resized(QSize sizePx) const;
    // The same map at scale 1 : denominator (centre and size stay).
    MapViewport withScaleDenominator(double denominator) const;
    // The same world area drawn with factor times the pixels (a HiDPI screen, a print):
    // size and dpi times factor, metres per pixel divided by it. The scale stays.
    MapViewport supersampled(double factor) const;

    bool operator==(const MapViewport &) const = default;

private:
    WorldPoint m_centre;
    double m_metresPerPixel = 0;
    QSize m_sizePx;
    double m_dpi = kScreenDpi;
};

} // namespace planlines::layers
