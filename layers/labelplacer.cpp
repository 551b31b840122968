#include "labelplacer.h"

#include <QFontMetricsF>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace planlines::layers {

LabelPlacer::LabelPlacer(QRectF boundsPx, double paddingPx)
    : m_bounds(boundsPx), m_padding(paddingPx),
      m_columns(std::max(1, static_cast<int>(std::ceil(boundsPx.width() / kCellPx)))),
      m_rows(std::max(1, static_cast<int>(std::ceil(boundsPx.height() / kCellPx)))),
      m_cells(static_cast<std::size_t>(m_columns) * static_cast<std::size_t>(m_rows))
{
}

void LabelPlacer::add(Candidate candidate)
{
    if (!candidate.text.isEmpty())
        m_candidates.push_back(std::move(candidate));
}

LabelPlacer::CellRange LabelPlacer::cellsOf(const QRectF &r) const
{
    auto column = [&](double x) {
        return std::clamp(static_cast<int>((x - m_bounds.left()) / kCellPx), 0, m_columns - 1);
    };
    auto row = [&](double y) {
        return std::clamp(static_cast<int>((y - m_bounds.top()) / kCellPx), 0, m_rows - 1);
    };
    return {column(r.left()), column(r.right()), row(r.top()), row(r.bottom())};
}

bool LabelPlacer::overlapsPlaced(const QRectF &r) const
{
    const CellRange c = cellsOf(r);
    for (int row = c.row0; row <= c.row1; ++row)
        for (int col = c.col0; col <= c.col1; ++col)
            for (const int i : m_cells[static_cast<std::size_t>(row * m_columns + col)])
                if (m_placed[static_cast<std::size_t>(i)].intersects(r))
                    return true;
    return false;
}

void LabelPlacer::remember(const QRectF &r)
{
    const int index = static_cast<int>(m_placed.size());
    m_placed.push_back(r);
    const CellRange c = cellsOf(r);
    for (int row = c.row0; row <= c.row1; ++row)
        for (int col = c.col0; col <= c.col1; ++col)
            m_cells[static_cast<std::size_t>(row * m_columns + col)].push_back(index);
}

int LabelPlacer::draw(QPainter &painter)
{
    std::stable_sort(
        m_candidates.begin(), m_candidates.end(),
        [](const Candidate &a, const Candidate &b) { return a.priority > b.priority; });
    int drawn = 0;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    for (const auto &c : m_candidates) {
        const QFontMetricsF fm(c.font);
        const double w = fm.horizontalAdvance(c.text);
        const double h = fm.ascent() + fm.descent();
        const double left = c.gapPx > 0 ? c.anchorPx.x() + c.gapPx : c.anchorPx.x() - w / 2;
        const QRectF box(left - m_padding, c.anchorPx.y() - h / 2 - m_padding, w + 2 * m_padding,
                         h + 2 * m_padding);
        if (!m_bounds.contains(box) || overlapsPlaced(box))
            continue;
        remember(box);
        QPainterPath path;
        path.addText(QPointF(left, c.anchorPx.y() - h / 2 + fm.ascent()), c.font, c.text);
        if (c.halo.isValid() && c.haloWidthPx > 0)
            painter.strokePath(
                path, QPen(c.halo, c.haloWidthPx, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.fillPath(path, c.color);
        ++drawn;
    }
    painter.restore();
    return drawn;
}

} // namespace planlines::layers
