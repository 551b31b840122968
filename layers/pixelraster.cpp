#include "pixelraster.h"

#include <algorithm>
#include <cmath>

namespace planlines::layers {

PixelRaster::PixelRaster(QImage &image)
    : m_bits(image.bits()), m_stride(image.bytesPerLine()), m_width(image.width()),
      m_height(image.height())
{
}

void PixelRaster::fill(std::span<const std::span<const QPointF>> rings, QRgb opaque)
{
    double minY = INFINITY, maxY = -INFINITY;
    for (const auto &ring : rings)
        for (const QPointF &p : ring) {
            minY = std::min(minY, p.y());
            maxY = std::max(maxY, p.y());
        }
    // Rows whose centre (y + 0.5) lies in [minY, maxY].
    const int y0 = std::max(0, static_cast<int>(std::ceil(minY - 0.5)));
    const int y1 = std::min(m_height - 1, static_cast<int>(std::floor(maxY - 0.5)));
    for (int y = y0; y <= y1; ++y) {
        const double yc = y + 0.5;
        m_xs.clear();
        for (const auto &ring : rings) {
            const std::size_t n = ring.size();
            for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
                const QPointF &a = ring[i], &b = ring[j];
                if ((a.y() <= yc) != (b.y() <= yc))
                    m_xs.push_back(a.x() + (yc - a.y()) * (b.x() - a.x()) / (b.y() - a.y()));
            }
        }
        std::sort(m_xs.begin(), m_xs.end());
        auto *row = reinterpret_cast<QRgb *>(m_bits + y * m_stride);
        for (std::size_t k = 0; k + 1 < m_xs.size(); k += 2) {
            // Pixels whose centre x + 0.5 lies in [xs[k], xs[k + 1]).
            const int xa = std::max(0, static_cast<int>(std::ceil(m_xs[k] - 0.5)));
            const int xb = std::min(m_width, static_cast<int>(std::ceil(m_xs[k + 1] - 0.5)));
            for (int x = xa; x < xb; ++x)
                row[x] = opaque;
        }
    }
}

void PixelRaster::blend(int x, int y, int alpha256)
{
    if (x < 0 || y < 0 || x >= m_width || y >= m_height || alpha256 <= 0)
        return;
    const int a = alpha256 * m_opacity >> 8; // 0..256
    auto &d = reinterpret_cast<QRgb *>(m_bits + y * m_stride)[x];
    const int inv = 256 - a;
    const int r = (m_r * a + qRed(d) * inv) >> 8;
    const int g = (m_g * a + qGreen(d) * inv) >> 8;
    const int b = (m_b * a + qBlue(d) * inv) >> 8;
    const int al = (255 * a + qAlpha(d) * inv) >> 8;
    d = qRgba(r, g, b, al);
}

// Xiaolin Wu's line.
void PixelRaster::line(QPointF a, QPointF b)
{
    double x0 = a.x() - 0.5, y0 = a.y() - 0.5, x1 = b.x() - 0.5, y1 = b.y() - 0.5;
    const bool steep = std::abs(y1 - y0) > std::abs(x1 - x0);
    if (steep) {
        std::swap(x0, y0);
        std::swap(x1, y1);
    }
    if (x0 > x1) {
        std::swap(x0, x1);
        std::swap(y0, y1);
    }
    const double dx = x1 - x0;
    const double gradient = dx < 1e-9 ? 0 : (y1 - y0) / dx;
    auto plot = [&](int major, int minor, double coverage) {
        const int c = static_cast<int>(coverage * 256);
        if (steep)
            blend(minor, major, c);
        else
            blend(major, minor, c);
    };
    // Pixels whose centre lies in [x0, x1) along the major axis, as Qt's cosmetic stroker: a
    // vertex shared by two edges is drawn once, an edge shorter than a pixel at most once.
    const int xs = static_cast<int>(std::ceil(x0));
    const int xe = static_cast<int>(std::ceil(x1));
    for (int x = xs; x < xe; ++x) {
        const double y = y0 + gradient * (x - x0);
        const double fy = std::floor(y);
        const double frac = y - fy;
        plot(x, static_cast<int>(fy), 1 - frac);
        plot(x, static_cast<int>(fy) + 1, frac);
    }
}

void PixelRaster::stroke(std::span<const QPointF> points, bool closed, QColor color, double opacity)
{
    if (points.size() < 2)
        return;
    const double alpha = std::clamp(opacity * color.alphaF(), 0.0, 1.0);
    m_opacity = static_cast<int>(alpha * 256);
    m_r = color.red();
    m_g = color.green();
    m_b = color.blue();
    for (std::size_t i = 0; i + 1 < points.size(); ++i)
        line(points[i], points[i + 1]);
    if (closed && points.size() > 2)
        line(points.back(), points.front());
}

} // namespace planlines::layers
