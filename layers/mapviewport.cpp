#include "mapviewport.h"

#include <algorithm>
#include <cmath>

namespace planlines::layers {

MapViewport::MapViewport(WorldPoint centre, double metresPerPixel, QSize sizePx, double dotsPerInch)
    : m_centre(centre), m_metresPerPixel(metresPerPixel), m_sizePx(sizePx), m_dpi(dotsPerInch)
{
}

MapViewport MapViewport::fitting(const geodata::Envelope &extent, QSize sizePx, double marginPx,
                                 double dotsPerInch)
{
    const double usableW = std::max(1.0, sizePx.width() - 2 * marginPx);
    const double usableH = std::max(1.0, sizePx.height() - 2 * marginPx);
    double res = std::max(extent.width() / usableW, extent.height() / usableH);
    if (!(res > 0))
        res = 1; // a point or an empty extent: one metre per pixel around it
    const WorldPoint centre{(extent.minX + extent.maxX) / 2, (extent.minY + extent.maxY) / 2};
    return MapViewport(centre, res, sizePx, dotsPerInch);
}

geodata::Envelope MapViewport::extent() const
{
    const double halfW = m_sizePx.width() * m_metresPerPixel / 2;
    const double halfH = m_sizePx.height() * m_metresPerPixel / 2;
    return {m_centre.easting - halfW, m_centre.northing - halfH, m_centre.easting + halfW,
            m_centre.northing + halfH};
}

QPointF MapViewport::worldToPixel(WorldPoint world) const
{
    return {(world.easting - m_centre.easting) / m_metresPerPixel + m_sizePx.width() / 2.0,
            (m_centre.northing - world.northing) / m_metresPerPixel + m_sizePx.height() / 2.0};
}

WorldPoint MapViewport::pixelToWorld(QPointF pixel) const
{
    return {m_centre.easting + (pixel.x() - m_sizePx.width() / 2.0) * m_metresPerPixel,
            m_centre.northing - (pixel.y() - m_sizePx.height() / 2.0) * m_metresPerPixel};
}

QTransform MapViewport::worldToPixelTransform() const
{
    const double s = 1 / m_metresPerPixel;
    const QPointF origin = worldToPixel({0, 0});
    return QTransform(s, 0, 0, -s, origin.x(), origin.y());
}

MapViewport MapViewport::zoomedAt(QPointF pixel, double factor) const
{
    if (!(factor > 0))
        return *this;
    const WorldPoint anchor = pixelToWorld(pixel);
    const double res = m_metresPerPixel / factor;
    // Keep anchor under pixel: centre = anchor - (pixel - half size) * res, with y flipped.
    const WorldPoint centre{anchor.easting - (pixel.x() - m_sizePx.width() / 2.0) * res,
                            anchor.northing + (pixel.y() - m_sizePx.height() / 2.0) * res};
    return MapViewport(centre, res, m_sizePx, m_dpi);
}

MapViewport MapViewport::panned(QPointF deltaPx) const
{
    const WorldPoint centre{m_centre.easting - deltaPx.x() * m_metresPerPixel,
                            m_centre.northing + deltaPx.y() * m_metresPerPixel};
    return MapViewport(centre, m_metresPerPixel, m_sizePx, m_dpi);
}

MapViewport MapViewport::cropped(const QRect &pixels) const
{
    const QPointF centre(pixels.x() + pixels.width() / 2.0, pixels.y() + pixels.height() / 2.0);
    return MapViewport(pixelToWorld(centre), m_metresPerPixel, pixels.size(), m_dpi);
}

MapViewport MapViewport::resized(QSize sizePx) const
{
    return MapViewport(m_centre, m_metresPerPixel, sizePx, m_dpi);
}

MapViewport MapViewport::withScaleDenominator(double denominator) const
{
    return MapViewport(m_centre, denominator * kMetresPerInch / m_dpi, m_sizePx, m_dpi);
}

MapViewport MapViewport::supersampled(double factor) const
{
    const QSize size(static_cast<int>(std::lround(m_sizePx.width() * factor)),
                     static_cast<int>(std::lround(m_sizePx.height() * factor)));
    return MapViewport(m_centre, m_metresPerPixel / factor, size, m_dpi * factor);
}

} // namespace planlines::layers
