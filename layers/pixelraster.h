// Direct pixel drawing for the many features only a few pixels across (parcels at county
// scale): an aliased polygon fill with the pixel-centre rule, which tiles neighbours without
// seams, and thin antialiased outlines (Wu's lines). Far cheaper per feature than a QPainter
// call, which matters at a million parcels. Draws into a QImage of Format_ARGB32_Premultiplied
// whose pixel (0, 0) is the pixel coordinate (0, 0); clips to the image.
#pragma once

#include <QColor>
#include <QImage>
#include <QPointF>

#include <span>
#include <vector>

namespace planlines::layers {

class PixelRaster
{
public:
    // image must outlive this object and be Format_ARGB32_Premultiplied.
    explicit PixelRaster(QImage &image);

    static bool supports(const QImage &image)
    {
        return image.format() == QImage::Format_ARGB32_Premultiplied;
    }

    // Fills the rings (even-odd) with an opaque colour: every pixel whose centre is inside.
    void fill(std::span<const std::span<const QPointF>> rings, QRgb opaque);
    // Strokes a closed ring (closed = true) or a line with a one-pixel antialiased line of
    // color at opacity (0..1] (Qt's cosmetic pens draw widths below one pixel that way).
    void stroke(std::span<const QPointF> points, bool closed, QColor color, double opacity);

private:
    void blend(int x, int y, int alpha256);
    void line(QPointF a, QPointF b);

    uchar *m_bits;
    qsizetype m_stride;
    int m_width, m_height;
    std::vector<double> m_xs;
    // The current stroke's premultiplied colour channels and opacity (0..256).
    int m_r = 0, m_g = 0, m_b = 0, m_opacity = 256;
};

} // namespace planlines::layers
