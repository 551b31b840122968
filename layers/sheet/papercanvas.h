// A QPainter seen in millimetres of paper: converts mm to device pixels for any paint device
// (a PDF page, a PNG image, an SVG), makes fonts whose size is given in mm, and draws all of a
// sheet's text through one place so a PDF's text can be made extractable (PdfTextFix).
#pragma once

#include <QFont>
#include <QPainter>
#include <QPointF>
#include <QRectF>

namespace planlines::layers::sheet {

class PdfTextRecorder;

class PaperCanvas
{
public:
    static QString defaultFamily() { return QStringLiteral("Noto Sans CJK SC"); }

    PaperCanvas(QPainter &painter, double dotsPerInch, PdfTextRecorder *recorder = nullptr)
        : m_painter(painter), m_pxPerMm(dotsPerInch / 25.4), m_dpi(dotsPerInch),
          m_recorder(recorder)
    {
    }

    QPainter &painter() const { return m_painter; }
    double dotsPerInch() const { return m_dpi; }
    double pxPerMm() const { return m_pxPerMm; }
    double px(double mm) const { return mm * m_pxPerMm; }
    QPointF px(QPointF mm) const { return mm * m_pxPerMm; }
    QRectF px(const QRectF &mm) const { return {mm.topLeft() * m_pxPerMm, mm.size() * m_pxPerMm}; }

    // A font whose em is sizeMm on paper.
    QFont font(double sizeMm, bool bold = false) const;
    // Width of text in mm in that font.
    double textWidthMm(const QString &text, const QFont &font) const;

    // Text with its baseline's left end at baselineMm.
    void drawText(QPointF baselineMm, const QString &text, const QFont &font,
                  const QColor &color = Qt::black) const;
    // Text aligned in a box (Qt::AlignLeft/HCenter/Right | AlignTop/VCenter/Bottom), one line,
    // shortened with "…" when it does not fit the box's width.
    void drawText(const QRectF &boxMm, int alignment, const QString &text, const QFont &font,
                  const QColor &color = Qt::black) const;
    // Text with a white halo, for labels over the map.
    void drawHaloText(QPointF baselineMm, const QString &text, const QFont &font,
                      const QColor &color, const QColor &halo) const;

    // A rectangle outline of widthMm.
    void strokeRect(const QRectF &mm, double widthMm, const QColor &color = Qt::black) const;

private:
    QPainter &m_painter;
    double m_pxPerMm;
    double m_dpi;
    PdfTextRecorder *m_recorder;
};

} // namespace planlines::layers::sheet
