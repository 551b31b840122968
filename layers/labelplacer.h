// Places map labels without overlaps: candidates are taken by priority (ties in the order they
// were added), and a label is drawn only where it overlaps no label already placed and lies
// wholly inside the image. Text is drawn as a path with a halo, so it looks the same on an
// image, a PDF or an SVG.
#pragma once

#include <QColor>
#include <QFont>
#include <QPainter>
#include <QRectF>
#include <QString>

#include <vector>

namespace planlines::layers {

class LabelPlacer
{
public:
    struct Candidate
    {
        QString text;
        QPointF anchorPx; // the label's centre, or its left end's middle with gapPx
        QFont font;       // with a pixel size
        QColor color;
        QColor halo; // invalid: none
        double haloWidthPx = 0;
        int priority = 0;
        // > 0: the label starts this far right of the anchor (beside a point marker) instead
        // of being centred on it.
        double gapPx = 0;
    };

    explicit LabelPlacer(QRectF boundsPx, double paddingPx = 2);

    void add(Candidate candidate);
    std::size_t candidateCount() const { return m_candidates.size(); }
    // Chooses the labels that fit and draws them. Returns how many were drawn.
    int draw(QPainter &painter);
    // The boxes of the labels drawn by draw() (padding included).
    const std::vector<QRectF> &placed() const { return m_placed; }

private:
    // The grid cells a rectangle touches (inclusive).
    struct CellRange
    {
        int col0, col1, row0, row1;
    };
    CellRange cellsOf(const QRectF &r) const;
    bool overlapsPlaced(const QRectF &r) const;
    void remember(const QRectF &r);

    QRectF m_bounds;
    double m_padding;
    std::vector<Candidate> m_candidates;
    std::vector<QRectF> m_placed;
    // Placed boxes by grid cell (kCellPx square), so a check touches a few boxes, not all.
    static constexpr double kCellPx = 64;
    int m_columns = 1, m_rows = 1;
    std::vector<std::vector<int>> m_cells;
};

} // namespace planlines::layers
