#include "papercanvas.h"
#include "pdftextfix.h"

#include <QFontMetricsF>
#include <QPainterPath>

namespace planlines::layers::sheet {

QFont PaperCanvas::font(double sizeMm, bool bold) const
{
    QFont f(defaultFamily());
    // Point sizes are turned into pixels with the device's dpi: one mm is 72/25.4 pt.
    f.setPointSizeF(sizeMm * 72.0 / 25.4 * m_dpi / m_painter.device()->logicalDpiY());
    f.setBold(bold);
    f.setKerning(false);
    f.setStyleStrategy(QFont::PreferOutline);
    return f;
}

double PaperCanvas::textWidthMm(const QString &text, const QFont &font) const
{
    return QFontMetricsF(font, m_painter.device()).horizontalAdvance(text) / m_pxPerMm;
}

void PaperCanvas::drawText(QPointF baselineMm, const QString &text, const QFont &font,
                           const QColor &color) const
{
    if (text.isEmpty())
        return;
    if (m_recorder)
        m_recorder->record(text, font, m_painter.device());
    m_painter.setFont(font);
    m_painter.setPen(color);
    m_painter.drawText(px(baselineMm), text);
}

void PaperCanvas::drawText(const QRectF &boxMm, int alignment, const QString &text,
                           const QFont &font, const QColor &color) const
{
    const QFontMetricsF fm(font, m_painter.device());
    const QString shown = fm.elidedText(text, Qt::ElideRight, boxMm.width() * m_pxPerMm + 0.5);
    const double w = fm.horizontalAdvance(shown) / m_pxPerMm;
    double x = boxMm.left();
    if (alignment & Qt::AlignHCenter)
        x = boxMm.center().x() - w / 2;
    else if (alignment & Qt::AlignRight)
        x = boxMm.right() - w;
    const double ascent = fm.ascent() / m_pxPerMm, descent = fm.descent() / m_pxPerMm;
    double baseline = boxMm.top() + ascent;
    if (alignment & Qt::AlignVCenter)
        baseline = boxMm.center().y() + (ascent - descent) / 2;
    else if (alignment & Qt::AlignBottom)
        baseline = boxMm.bottom() - descent;
    drawText(QPointF(x, baseline), shown, font, color);
}

void PaperCanvas::drawHaloText(QPointF baselineMm, const QString &text, const QFont &font,
                               const QColor &color, const QColor &halo) const
{
    if (text.isEmpty())
        return;
    // The halo is a stroked outline of the glyphs; the text itself stays text.
    QPainterPath path;
    path.addText(px(baselineMm), font, text);
    m_painter.save();
    m_painter.setPen(QPen(halo, px(0.6), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    m_painter.setBrush(Qt::NoBrush);
    m_painter.drawPath(path);
    m_painter.restore();
    drawText(baselineMm, text, font, color);
}

void PaperCanvas::strokeRect(const QRectF &mm, double widthMm, const QColor &color) const
{
    m_painter.setPen(QPen(color, px(widthMm), Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
    m_painter.setBrush(Qt::NoBrush);
    m_painter.drawRect(px(mm));
}

} // namespace planlines::layers::sheet
