#include "sheetcomposer.h"
#include "sheetparts.h"
#include "vectormappainter.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <set>
#include <span>

namespace planlines::layers::sheet {

MapViewport SheetLayout::viewport(double dotsPerInch) const
{
    const double pxPerMm = dotsPerInch / 25.4;
    const QSize sizePx(int(std::lround(tmpl.frameMm.width() * pxPerMm)),
                       int(std::lround(tmpl.frameMm.height() * pxPerMm)));
    return MapViewport(centre, unitsPerMm() / pxPerMm, sizePx, dotsPerInch);
}

std::vector<bool> SheetComposer::visibleLayers(const SheetSpec &spec) const
{
    if (spec.visible.size() == m_map.layers().size())
        return spec.visible;
    std::vector<bool> visible;
    for (const auto &l : m_map.layers())
        visible.push_back(l.entry.visibleByDefault);
    return visible;
}

double SheetComposer::metresPerDegreeOfLongitude(double latitudeDeg)
{
    // The CGCS2000 ellipsoid (GRS 80 to 0.1 mm; other ellipsoids differ by under 2e-5).
    constexpr double a = 6378137.0, f = 1 / 298.257222101, e2 = f * (2 - f);
    const double phi = latitudeDeg * M_PI / 180;
    const double s = std::sin(phi);
    return a / std::sqrt(1 - e2 * s * s) * std::cos(phi) * M_PI / 180;
}

double SheetComposer::roundScaleUp(double denominator)
{
    if (!(denominator > 0))
        return 1000;
    static constexpr double kSteps[] = {1, 1.2, 1.5, 1.8, 2, 2.5, 3, 4, 5, 6, 8, 10};
    const double decade = std::pow(10.0, std::floor(std::log10(denominator)));
    for (const double s : kSteps)
        if (s * decade >= denominator * (1 - 1e-9))
            return s * decade;
    return 10 * decade;
}

ScaleBar SheetComposer::scaleBarFor(double scale, const QRectF &roomMm, double sizeFactor)
{
    ScaleBar bar;
    // Room for the last label and, at the right, the north arrow.
    const double maxMm = roomMm.width() - 26 * sizeFactor;
    const double maxM = maxMm * scale / 1000;
    static constexpr double kSteps[] = {1, 2, 5};
    double best = 0;
    for (double decade = 1; decade <= 1e7; decade *= 10)
        for (const double s : kSteps)
            if (s * decade <= maxM)
                best = s * decade;
    bar.groundM = best;
    bar.segments = 4;
    bar.lengthMm = best * 1000 / scale;
    bar.unit = best >= 2000 ? QStringLiteral("km") : QStringLiteral("m");
    const double barH = 1.6 * sizeFactor;
    bar.barMm =
        QRectF(roomMm.left() + 2 * sizeFactor, roomMm.top() + 9 * sizeFactor, bar.lengthMm, barH);
    return bar;
}

std::vector<LegendItem> SheetComposer::layerLegend(const MapLayer &layer,
                                                   const geodata::Envelope *frame)
{
    std::vector<LegendItem> items;
    const LayerData &data = *layer.data;
    const LayerStyle &style = *layer.entry.style;
    std::set<std::uint16_t> present;
    bool any = false;
    if (frame) {
        std::vector<std::uint32_t> ids;
        data.query(*frame, ids);
        // The box test lets features just outside in: keep those whose box meets the frame.
        for (const std::uint32_t f : ids) {
            const geodata::Envelope e = data.envelope(f);
            if (e.maxX < frame->minX || e.minX > frame->maxX || e.maxY < frame->minY ||
                e.minY > frame->maxY)
                continue;
            any = true;
            present.insert(data.categoryIndex(f));
        }
    } else {
        for (std::uint32_t f = 0; f < data.featureCount(); ++f) {
            any = true;
            present.insert(data.categoryIndex(f));
        }
    }
    if (!any)
        return items;
    const QString name = QString::fromStdString(layer.entry.info.name);
    std::vector<LegendItem> classes;
    bool uncategorised = false;
    for (const Category &c : style.categories()) {
        bool shown = false;
        for (const std::uint16_t idx : present)
            if (idx != LayerData::kNoCategory &&
                std::find(c.values.begin(), c.values.end(), data.categoryValues()[idx]) !=
                    c.values.end())
                shown = true;
        if (shown)
            classes.push_back({c.label, false, data.kind(), c.symbol});
    }
    for (const std::uint16_t idx : present)
        if (idx == LayerData::kNoCategory || !style.category(data.categoryValues()[idx]))
            uncategorised = true;
    if (classes.empty()) {
        items.push_back({name, true, data.kind(), style.symbol(), true});
        return items;
    }
    items.push_back({name, true, data.kind(), style.symbol()});
    items.insert(items.end(), classes.begin(), classes.end());
    if (uncategorised && (style.symbol().hasFill() || style.symbol().hasOutline()))
        items.push_back({QStringLiteral("其他"), false, data.kind(), style.symbol()});
    return items;
}

std::vector<LegendItem> SheetComposer::legendFor(const std::vector<bool> &visible,
                                                 const geodata::Envelope &frame,
                                                 const std::vector<double> &opacity) const
{
    auto fade = [](QColor &c, double o) {
        if (c.isValid())
            c.setAlphaF(float(c.alphaF() * o));
    };
    std::vector<LegendItem> items;
    const auto &layers = m_map.layers();
    for (std::size_t i = layers.size(); i-- > 0;) { // top of the map first
        if (i >= visible.size() || !visible[i])
            continue;
        auto layer = layerLegend(layers[i], &frame);
        if (const double o = i < opacity.size() ? opacity[i] : 1.0; o < 1)
            for (LegendItem &item : layer) {
                Symbol &s = item.symbol;
                for (QColor *c : {&s.fill, &s.outline, &s.marker.fill, &s.marker.outline})
                    fade(*c, o);
                if (s.hatch)
                    fade(s.hatch->color, o);
            }
        items.insert(items.end(), layer.begin(), layer.end());
    }
    return items;
}

SheetLayout SheetComposer::layout(const SheetSpec &spec) const
{
    SheetLayout out;
    out.tmpl = spec.layout;
    const geodata::Envelope &e = spec.extent;
    out.centre = {(e.minX + e.maxX) / 2, (e.minY + e.maxY) / 2};
    const QRectF frame = spec.layout.frameMm;
    // A geographic working CRS has degrees for units: its scale is true east–west at the
    // centre's latitude, and its grid is a graticule of minutes.
    out.geographic = std::abs(e.maxX) <= 180 && std::abs(e.maxY) <= 90 &&
                     m_map.crsDescription().find(" / ") == std::string::npos;
    if (out.geographic)
        out.unitsPerMetre = 1 / metresPerDegreeOfLongitude(out.centre.northing);
    if (spec.scaleDenominator > 0) {
        out.scaleDenominator = spec.scaleDenominator;
    } else {
        // Fit with a 4 % border, at the next round scale; never closer than 1:1 000.
        const double fit = std::max((e.maxX - e.minX) * 1.08 / frame.width(),
                                    (e.maxY - e.minY) * 1.08 / frame.height()) /
                           out.unitsPerMetre * 1000;
        out.scaleDenominator = roundScaleUp(std::max(fit, 1000.0));
    }
    const double halfW = frame.width() / 2 * out.unitsPerMm();
    const double halfH = frame.height() / 2 * out.unitsPerMm();
    out.frameExtent = {out.centre.easting - halfW, out.centre.northing - halfH,
                       out.centre.easting + halfW, out.centre.northing + halfH};
    out.scaleBar =
        scaleBarFor(out.scaleDenominator, spec.layout.scaleBarMm, spec.layout.sizeFactor);
    // Between 3 and 8 grid lines across the frame's longer side, at a round interval.
    const double across = std::max(frame.width(), frame.height()) * out.unitsPerMm();
    static constexpr double kMetres[] = {100,  200,   250,   500,   1000,  2000,  2500,
                                         5000, 10000, 20000, 25000, 50000, 100000};
    static constexpr double kDegrees[] = {1 / 60.0, 2 / 60.0, 5 / 60.0, 10 / 60.0, 15 / 60.0,
                                          0.5,      1,        2,        5,         10};
    const std::span<const double> kIntervals =
        out.geographic ? std::span<const double>(kDegrees) : std::span<const double>(kMetres);
    out.gridIntervalM = kIntervals.back();
    for (const double g : kIntervals)
        if (across / g <= 8) {
            out.gridIntervalM = g;
            break;
        }
    out.legend = legendFor(visibleLayers(spec), out.frameExtent, spec.opacity);
    return out;
}

bool SheetComposer::paint(const PaperCanvas &c, const SheetSpec &spec, const SheetLayout &layout,
                          bool vector, const std::atomic<bool> *cancel) const
{
    QPainter &p = c.painter();
    const SheetTemplate &t = layout.tmpl;
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setRenderHint(QPainter::TextAntialiasing, true);
    p.fillRect(c.px(QRectF(QPointF(0, 0), t.paperMm)), Qt::white);

    // The map, clipped to the frame.
    const MapViewport vp = layout.viewport(c.dotsPerInch());
    const std::vector<bool> shown = visibleLayers(spec);
    auto layers = m_map.renderLayers(shown);
    if (spec.opacity.size() == shown.size()) // renderLayers keeps the shown ones, in order
        for (std::size_t i = 0, at = 0; i < shown.size(); ++i)
            if (shown[i])
                layers[at++].opacity = spec.opacity[i];
    const QRectF framePx = c.px(t.frameMm);
    // On a sheet image the map is drawn straight into its pixels in bands on all cores; the
    // frame starts at a whole pixel, the map moved by the rounding so it stays in place.
    auto *image = !vector && p.device()->devType() == QInternal::Image &&
                          p.transform().type() == QTransform::TxNone
                      ? static_cast<QImage *>(p.device())
                      : nullptr;
    const QPoint imageAt = framePx.topLeft().toPoint();
    if (image && !image->rect().contains(QRect(imageAt, vp.sizePx())))
        image = nullptr;
    p.save();
    p.translate(framePx.topLeft());
    p.setClipRect(QRectF(QPointF(0, 0), QSizeF(vp.sizePx())));
    // PLANLINES_SHEET_TIMING=1: the map's and the other blocks' times on stderr (for bench/).
    static const bool timing = qEnvironmentVariableIsSet("PLANLINES_SHEET_TIMING");
    QElapsedTimer clock;
    clock.start();
    RenderStats stats;
    if (vector) {
        stats = VectorMapPainter().render(p, vp, layers, cancel);
    } else if (image) {
        const QPointF shift = QPointF(imageAt) - framePx.topLeft();
        const QSizeF size(vp.sizePx());
        const MapViewport at(vp.pixelToWorld(QPointF(size.width() / 2, size.height() / 2) + shift),
                             vp.metresPerPixel(), vp.sizePx(), vp.dotsPerInch());
        stats = MapRenderer().renderInto(*image, imageAt, at, layers, cancel);
    } else {
        stats = MapRenderer().render(p, vp, layers, cancel);
    }
    if (!stats.cancelled && spec.hasHighlight) {
        const QPointF a = vp.worldToPixel({spec.highlight.minX, spec.highlight.maxY});
        const QPointF b = vp.worldToPixel({spec.highlight.maxX, spec.highlight.minY});
        const double pad = c.px(2 * t.sizeFactor);
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(QColor(0xE5, 0x39, 0x35), c.px(0.4 * t.sizeFactor), Qt::DashLine));
        p.drawRect(QRectF(a, b).adjusted(-pad, -pad, pad, pad));
    }
    if (!stats.cancelled && !spec.outline.empty()) {
        // Wide and pale under, dark over: it reads on fills, hatches and imagery alike.
        QPainterPath path;
        for (const QPolygonF &ring : spec.outline) {
            QPolygonF px;
            px.reserve(ring.size());
            for (const QPointF &w : ring)
                px << vp.worldToPixel({w.x(), w.y()});
            path.addPolygon(px);
        }
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(QColor(255, 255, 255, 200), c.px(1.2 * t.sizeFactor), Qt::SolidLine,
                      Qt::RoundCap, Qt::RoundJoin));
        p.drawPath(path);
        p.setPen(QPen(townshipOutlineColor(), c.px(0.6 * t.sizeFactor), Qt::SolidLine, Qt::RoundCap,
                      Qt::RoundJoin));
        p.drawPath(path);
    }
    p.restore();
    if (timing)
        qInfo("timing sheet map %lld ms", clock.restart());
    if (stats.cancelled) {
        p.restore();
        return false;
    }

    drawGrid(c, t, layout);
    c.strokeRect(t.frameMm, t.thinLineMm() * 1.5);
    c.strokeRect(t.outerMm, t.frameLineMm());
    drawNorthArrow(c, t, t.scaleBarMm);
    drawTitle(c, t, spec.title, spec.subtitle);

    QRectF legendRoom = t.legendMm;
    if (!spec.table.empty() && t.tableMm.isValid()) {
        drawTable(c, t, t.tableMm, spec.tableTitle, spec.table);
    } else if (!spec.table.empty()) {
        const double rowH = t.textMmSize() * 1.9;
        const double tableH =
            std::min(legendRoom.height() * 0.6, (double(spec.table.size()) + 1.6) * rowH);
        drawTable(
            c, t,
            QRectF(legendRoom.left(), legendRoom.bottom() - tableH, legendRoom.width(), tableH),
            spec.tableTitle, spec.table);
        legendRoom.setBottom(legendRoom.bottom() - tableH - 3 * t.sizeFactor);
    }
    drawLegend(c, t, legendRoom, layout.legend);
    drawInset(c, t, m_map, layout.frameExtent);
    drawScaleBar(c, t, layout);

    QStringList info;
    const QString county = QString::fromStdString(m_map.countyName());
    info << QStringLiteral("制图单位：%1")
                .arg(spec.mapUnit.isEmpty() ? county + QStringLiteral("自然资源局") : spec.mapUnit);
    const QDate date = spec.date.isValid() ? spec.date : QDate::currentDate();
    info << QStringLiteral("制图日期：%1年%2月%3日")
                .arg(date.year())
                .arg(date.month())
                .arg(date.day());
    info
        << QStringLiteral("坐标系：%1").arg(crsLabelZh(m_map.crsDescription(), m_map.workingCrs()));
    QString source = spec.dataSource;
    if (source.isEmpty())
        source = QStringLiteral("%1项目数据库（%2）")
                     .arg(county, QFileInfo(QString::fromStdString(m_map.path())).fileName());
    info << QStringLiteral("数据来源：%1").arg(source);
    if (m_map.anySynthetic())
        info << QStringLiteral("注：本图所用示例数据为程序生成的合成数据，不代表实际情况。");
    drawInfo(c, t, info);
    p.restore();
    if (timing)
        qInfo("timing sheet blocks %lld ms", clock.restart());
    return true;
}

} // namespace planlines::layers::sheet
