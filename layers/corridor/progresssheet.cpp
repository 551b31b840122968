#include "progresssheet.h"
#include "../sheet/textpdf.h"
#include "progresschart.h"
#include "statusmap.h"

#include <geodata/store/location.h>

#include "../projectmap.h"

#include <geodata/area.h>
#include <geodata/savefile.h>

#include <QDateTime>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>

#include <algorithm>

namespace planlines::layers::corridor {

using namespace geodata::corridor;

namespace {

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

const QString kFont = QStringLiteral("Noto Sans CJK SC");

QFont font(double mm, double sizeMm, bool bold = false)
{
    QFont f(kFont);
    f.setPixelSize(std::max(1, static_cast<int>(std::round(sizeMm * mm))));
    f.setBold(bold);
    return f;
}

// One table: a header row and rows of cells, the first column left-aligned, the rest right.
void drawTable(QPainter &p, QRectF at, double mm, const QStringList &header,
               const std::vector<QStringList> &rows, const std::vector<double> &widthsMm,
               const std::vector<QColor> &swatches = {})
{
    const double rowH = 4.6 * mm;
    p.save();
    auto drawRow = [&](const QStringList &cells, double y, bool bold, QColor swatch) {
        p.setFont(font(mm, 2.5, bold));
        double x = at.left();
        for (int i = 0; i < cells.size() && i < static_cast<int>(widthsMm.size()); ++i) {
            const double w = widthsMm[static_cast<std::size_t>(i)] * mm;
            QRectF cell(x + 1 * mm, y, w - 2 * mm, rowH);
            if (i == 0 && swatch.isValid()) {
                p.fillRect(QRectF(cell.left(), y + 1 * mm, 3.5 * mm, rowH - 2 * mm), swatch);
                cell.setLeft(cell.left() + 5 * mm);
            }
            p.drawText(cell, (i == 0 ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter,
                       cells[i]);
            x += w;
        }
    };
    double y = at.top();
    double totalW = 0;
    for (double w : widthsMm)
        totalW += w * mm;
    p.setPen(Qt::black);
    drawRow(header, y, true, {});
    y += rowH;
    p.setPen(QPen(Qt::black, 0.2 * mm));
    p.drawLine(QPointF(at.left(), y), QPointF(at.left() + totalW, y));
    for (std::size_t r = 0; r < rows.size(); ++r) {
        drawRow(rows[r], y, false, r < swatches.size() ? swatches[r] : QColor());
        y += rowH;
    }
    p.drawLine(QPointF(at.left(), y), QPointF(at.left() + totalW, y));
    p.restore();
}

QStringList totalsCells(const QString &name, const Totals &t)
{
    return {name,
            QString::number(t.segments),
            QString::number(t.lengthM, 'f', 1),
            QString::number(t.areaM2, 'f', 2),
            QString::number(geodata::m2ToMu(t.areaM2), 'f', 2),
            QString::number(geodata::m2ToHa(t.areaM2), 'f', 2)};
}

} // namespace

void drawProgressSheet(QPainter &painter, const QRectF &page, double dpi, const ProjectMap &map,
                       const Corridor &corridor, const CorridorState &state)
{
    const double mm = dpi / 25.4;
    painter.save();
    const QRectF area = page.adjusted(12 * mm, 10 * mm, -12 * mm, -10 * mm);

    // Title.
    painter.setPen(Qt::black);
    painter.setFont(font(mm, 6, true));
    painter.drawText(
        QRectF(area.left(), area.top(), area.width(), 10 * mm), Qt::AlignCenter,
        QStringLiteral("%1 %2建设进度表").arg(qs(map.countyName()), qs(corridor.layerName())));
    painter.setFont(font(mm, 3));
    painter.drawText(QRectF(area.left(), area.top() + 10 * mm, area.width(), 5 * mm),
                     Qt::AlignCenter,
                     QStringLiteral("截至 %1　共 %2 段，沿大堤 %3 米，%4 公顷")
                         .arg(qs(state.date()))
                         .arg(state.total().segments)
                         .arg(state.total().lengthM, 0, 'f', 1)
                         .arg(geodata::m2ToHa(state.total().areaM2), 0, 'f', 2));

    // The map, left.
    const QRectF mapRect(area.left(), area.top() + 18 * mm, area.width() * 0.52,
                         area.height() - 34 * mm);
    std::shared_ptr<const LayerStyle> corridorStyle;
    geodata::Envelope extent{};
    for (const auto &l : map.layers())
        if (l.entry.info.table == corridor.layerTable()) {
            corridorStyle = l.entry.style;
            extent = l.data->extent();
        }
    const QSize mapPx(static_cast<int>(mapRect.width()), static_cast<int>(mapRect.height()));
    const MapViewport viewport = MapViewport::fitting(extent, mapPx, 4 * mm, dpi);
    painter.save();
    painter.translate(mapRect.topLeft());
    painter.setClipRect(QRectF(QPointF(0, 0), mapRect.size()));
    painter.fillRect(QRectF(QPointF(0, 0), mapRect.size()), Qt::white);
    // Townships, the context lines (river, levee, roads) and the corridor: parcels and zones
    // would hide the status colours at this scale.
    std::vector<bool> shown;
    for (const auto &l : map.layers())
        shown.push_back(
            l.entry.info.table == corridor.layerTable() ||
            l.entry.info.role == geodata::Role::Township ||
            (l.entry.info.role == geodata::Role::Context && l.data->kind() == GeometryKind::Line));
    const auto layers = withStatus(map.renderLayers(shown), state, corridor.layerTable());
    MapRenderer::Options opt;
    opt.labels = true;
    MapRenderer(opt).render(painter, viewport, layers);
    // At a county's scale a 100 m strip is a hair: draw each segment's stretch of the levee as
    // a band in its status colour too, so the progress reads at a glance.
    if (corridor.hasLevee() && corridorStyle) {
        const QTransform toPx = viewport.worldToPixelTransform();
        for (const auto &s : state.segments()) {
            QPolygonF line;
            for (const auto &p : corridor.levee().pointsBetween(s.segment->startM, s.segment->endM))
                line << toPx.map(QPointF(p.easting, p.northing));
            QColor c = corridorStyle->symbolFor(statusId(s.status)).swatchColor();
            if (!c.isValid() || c.alpha() == 0)
                c = QColor(0x9E, 0x9E, 0x9E);
            c.setAlpha(255);
            painter.setPen(QPen(c, 1.8 * mm, Qt::SolidLine, Qt::FlatCap, Qt::RoundJoin));
            painter.drawPolyline(line);
        }
    }
    painter.restore();
    painter.setPen(QPen(Qt::black, 0.3 * mm));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(mapRect);
    // Scale note under the map.
    painter.setFont(font(mm, 2.5));
    painter.drawText(QRectF(mapRect.left(), mapRect.bottom() + 1 * mm, mapRect.width(), 4 * mm),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     QStringLiteral("比例尺 1:%1　坐标系 %2")
                         .arg(std::round(viewport.scaleDenominator()), 0, 'f', 0)
                         .arg(qs(map.workingCrs())));

    // Status colours for the tables' swatches, from the style that drew the map.
    auto colourOf = [&](Status s) {
        if (!corridorStyle)
            return QColor();
        return corridorStyle->symbolFor(statusId(s)).swatchColor();
    };

    // Totals by status, right top.
    const double right = mapRect.right() + 6 * mm;
    const std::vector<double> widths = {26, 10, 20, 26, 20, 16};
    const QStringList header = {QStringLiteral("状态"),       QStringLiteral("段数"),
                                QStringLiteral("长度（米）"), QStringLiteral("面积（平方米）"),
                                QStringLiteral("面积（亩）"), QStringLiteral("公顷")};
    std::vector<QStringList> rows;
    std::vector<QColor> swatches;
    for (Status s : kAllStatuses) {
        const Totals &t = state.byStatus().at(s);
        if (s == Status::None && t.segments == 0)
            continue;
        rows.push_back(totalsCells(qs(statusLabelZh(s)), t));
        swatches.push_back(colourOf(s));
    }
    rows.push_back(totalsCells(QStringLiteral("合计"), state.total()));
    painter.setFont(font(mm, 3.2, true));
    painter.drawText(QRectF(right, mapRect.top(), 100 * mm, 5 * mm),
                     Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("按状态统计"));
    drawTable(painter, QRectF(right, mapRect.top() + 5.5 * mm, 0, 0), mm, header, rows, widths,
              swatches);
    double y =
        mapRect.top() + 5.5 * mm + 4.6 * mm * (static_cast<double>(rows.size()) + 1) + 4 * mm;

    // By township: finished length and area against the whole.
    std::vector<QStringList> townRows;
    for (const auto &t : state.byTownship()) {
        Totals finished;
        for (Status s : {Status::Completed, Status::Accepted, Status::Maintenance})
            if (auto it = t.byStatus.find(s); it != t.byStatus.end()) {
                finished.segments += it->second.segments;
                finished.lengthM += it->second.lengthM;
                finished.areaM2 += it->second.areaM2;
            }
        townRows.push_back(
            {t.name.empty() ? QStringLiteral("（未填）") : qs(t.name),
             QString::number(t.total.segments), QString::number(t.total.lengthM, 'f', 1),
             QString::number(finished.lengthM, 'f', 1),
             QString::number(geodata::m2ToMu(finished.areaM2), 'f', 2),
             QString::number(t.total.lengthM > 0 ? 100 * finished.lengthM / t.total.lengthM : 0.0,
                             'f', 1)});
    }
    painter.setFont(font(mm, 3.2, true));
    painter.drawText(QRectF(right, y, 100 * mm, 5 * mm), Qt::AlignLeft | Qt::AlignVCenter,
                     QStringLiteral("按乡镇统计"));
    drawTable(painter, QRectF(right, y + 5.5 * mm, 0, 0), mm,
              {QStringLiteral("乡镇"), QStringLiteral("段数"), QStringLiteral("长度（米）"),
               QStringLiteral("已完工长度"), QStringLiteral("已完工（亩）"),
               QStringLiteral("完成率%")},
              townRows, widths);
    y += 5.5 * mm + 4.6 * mm * (static_cast<double>(townRows.size()) + 1) + 4 * mm;

    // The chart fills what is left on the right.
    ChartStyle cs;
    cs.pxPerMm = mm;
    cs.actual =
        colourOf(Status::Completed).isValid() ? colourOf(Status::Completed).darker(130) : cs.actual;
    const QRectF chartRect(right, y, area.right() - right, mapRect.bottom() - y);
    if (chartRect.height() > 30 * mm)
        drawProgressChart(painter, chartRect, progressSeries(corridor), state.date(), cs);

    // Footer.
    painter.setPen(Qt::black);
    painter.setFont(font(mm, 2.5));
    QString footer =
        QStringLiteral("数据：%1　生成：%2　状态为各段在该日及以前最后一条进度记录")
            .arg(qs(geodata::ProjectLocation::parse(map.path()).display()),
                 QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    if (map.anySynthetic())
        footer = QStringLiteral("合成样例数据，非真实数据。") + footer;
    painter.drawText(QRectF(area.left(), area.bottom() - 5 * mm, area.width(), 5 * mm),
                     Qt::AlignLeft | Qt::AlignVCenter, footer);
    painter.restore();
}

void writeProgressSheet(const std::string &dbPath, const std::string &date,
                        const std::string &outPdf)
{
    auto project = geodata::Project::open(dbPath, /*readOnly=*/true);
    const Corridor corridor = Corridor::load(*project);
    const CorridorState state = CorridorState::on(corridor, date);
    const ProjectMap map = ProjectMap::load(dbPath, LayerCatalog::load());

    constexpr int kDpi = 300;
    const auto setup = [&](QPdfWriter &writer) {
        writer.setResolution(kDpi);
        writer.setPageLayout(
            QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(0, 0, 0, 0)));
        writer.setTitle(QStringLiteral("%1 %2").arg(qs(corridor.layerName()), qs(date)));
        writer.setCreator(QStringLiteral("PlanLines"));
    };
    QByteArray pdf;
    try {
        pdf = sheet::writeTextPdf(setup, [&](QPainter &painter, const auto &) {
            const QRectF page(0, 0, painter.device()->width(), painter.device()->height());
            drawProgressSheet(painter, page, kDpi, map, corridor, state);
        });
    } catch (const geodata::Error &e) {
        throw geodata::Error(e.cause(), outPdf);
    }
    // Whole or not at all: QSaveFile commits a short write (a full disk) as if it were whole.
    geodata::saveFile(outPdf, std::string_view(pdf.constData(), pdf.size()));
}

} // namespace planlines::layers::corridor
