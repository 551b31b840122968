#include "sheettemplate.h"

#include <cmath>

namespace planlines::layers::sheet {

std::optional<Paper> paperFromName(const QString &name)
{
    const QString n = name.trimmed().toUpper();
    if (n == QLatin1String("A4"))
        return Paper::A4;
    if (n == QLatin1String("A3"))
        return Paper::A3;
    if (n == QLatin1String("A1"))
        return Paper::A1;
    if (n == QLatin1String("A0"))
        return Paper::A0;
    return std::nullopt;
}

std::optional<Orientation> orientationFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("landscape"))
        return Orientation::Landscape;
    if (n == QLatin1String("portrait"))
        return Orientation::Portrait;
    return std::nullopt;
}

QString paperName(Paper paper)
{
    switch (paper) {
    case Paper::A4:
        return QStringLiteral("A4");
    case Paper::A3:
        return QStringLiteral("A3");
    case Paper::A1:
        return QStringLiteral("A1");
    case Paper::A0:
        return QStringLiteral("A0");
    }
    return {};
}

SheetTemplate SheetTemplate::make(Paper paper, Orientation orientation)
{
    SheetTemplate t;
    t.paper = paper;
    t.orientation = orientation;
    QSizeF portrait;
    switch (paper) {
    case Paper::A4:
        portrait = {210, 297};
        break;
    case Paper::A3:
        portrait = {297, 420};
        break;
    case Paper::A1:
        portrait = {594, 841};
        break;
    case Paper::A0:
        portrait = {841, 1189};
        break;
    }
    t.paperMm = orientation == Orientation::Portrait ? portrait : portrait.transposed();
    t.sizeFactor = portrait.width() / 297.0;
    const double s = t.sizeFactor;
    const double w = t.paperMm.width(), h = t.paperMm.height();
    const double margin = 10 * std::max(s, 0.8);
    const double labelBand = 5 * s; // grid labels between the neat line and the outer frame
    const double gap = 4 * s;
    t.titleMm = QRectF(margin, margin, w - 2 * margin, 16 * s);
    const double top = t.titleMm.bottom() + gap;
    const double bottom = h - margin;
    if (orientation == Orientation::Landscape) {
        const double panelWidth = 82 * s;
        t.panelMm = QRectF(w - margin - panelWidth, top, panelWidth, bottom - top);
        t.outerMm = QRectF(margin, top, t.panelMm.left() - gap - margin, bottom - top);
        // Panel from the top: legend (with table), inset, scale bar, info block.
        const double infoH = 40 * s, scaleH = 16 * s, insetH = 52 * s;
        t.infoMm = QRectF(t.panelMm.left(), bottom - infoH, panelWidth, infoH);
        t.scaleBarMm = QRectF(t.panelMm.left(), t.infoMm.top() - gap - scaleH, panelWidth, scaleH);
        t.insetMm = QRectF(t.panelMm.left(), t.scaleBarMm.top() - gap - insetH, panelWidth, insetH);
        t.legendMm = QRectF(t.panelMm.left(), top, panelWidth, t.insetMm.top() - gap - top);
    } else {
        const double panelHeight = 66 * s;
        t.panelMm = QRectF(margin, bottom - panelHeight, w - 2 * margin, panelHeight);
        t.outerMm = QRectF(margin, top, w - 2 * margin, t.panelMm.top() - gap - top);
        // Panel from the left: legend (with table), inset over scale bar, info block.
        const double colW = (t.panelMm.width() - 2 * gap) / 3;
        const double scaleH = 16 * s;
        t.legendMm = QRectF(t.panelMm.left(), t.panelMm.top(), colW, panelHeight);
        t.insetMm =
            QRectF(t.legendMm.right() + gap, t.panelMm.top(), colW, panelHeight - scaleH - gap / 2);
        t.scaleBarMm = QRectF(t.insetMm.left(), t.insetMm.bottom() + gap / 2, colW, scaleH);
        t.infoMm = QRectF(t.insetMm.right() + gap, t.panelMm.top(), colW, panelHeight);
    }
    t.frameMm = t.outerMm.adjusted(labelBand, labelBand, -labelBand, -labelBand);
    return t;
}

} // namespace planlines::layers::sheet
