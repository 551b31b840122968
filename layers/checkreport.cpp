#include "checkreport.h"
#include "checkwording.h"
#include "sheet/textpdf.h"

#include <geodata/savefile.h>

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QFileInfo>
#include <QJsonArray>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QTextDocument>

#include <functional>

#include <geos_c.h>

namespace planlines::layers {

namespace {

// Lays doc out on the painter's device (the page area inside the margins) and draws it page by
// page, with "第 i 页 / 共 n 页" under each page.
void paginate(QTextDocument &doc, QPainter &painter, const std::function<void()> &newPage)
{
    QPaintDevice *device = painter.device();
    doc.documentLayout()->setPaintDevice(device);
    const QSizeF page(device->width(), device->height());
    doc.setPageSize(page);
    const int pages = doc.pageCount();
    QFont footer(QStringLiteral("Noto Sans CJK SC"));
    footer.setPointSizeF(8);
    for (int i = 0; i < pages; ++i) {
        if (i > 0)
            newPage();
        painter.save();
        painter.translate(0, -i * page.height());
        doc.drawContents(&painter, QRectF(QPointF(0, i * page.height()), page));
        painter.restore();
        painter.setFont(footer);
        painter.setPen(Qt::darkGray);
        painter.drawText(QRectF(0, page.height(), page.width(), device->logicalDpiY() * 0.3),
                         Qt::AlignHCenter | Qt::AlignBottom,
                         QStringLiteral("第 %1 页 / 共 %2 页").arg(i + 1).arg(pages));
    }
}

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString num(double v, int d)
{
    return QString::number(v, 'f', d);
}

QString statusColour(const QString &status)
{
    return status == QLatin1String("fail")        ? QStringLiteral("#c0392b")
           : status == QLatin1String("attention") ? QStringLiteral("#d68910")
           : status == QLatin1String("error")     ? QStringLiteral("#7f8c8d")
                                                  : QStringLiteral("#1e8449");
}

QString areaCells(const QJsonObject &o)
{
    return QStringLiteral("<td align=right>%1</td><td align=right>%2</td><td align=right>%3</td>")
        .arg(num(o.value("area_m2").toDouble(), 2), num(o.value("area_mu").toDouble(), 2),
             num(o.value("area_ha").toDouble(), 4));
}

// Adds the polygon rings of g (working CRS) to path.
void addRings(QPainterPath &path, const GEOSGeometry *g, GEOSContextHandle_t ctx)
{
    const int type = GEOSGeomTypeId_r(ctx, g);
    if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        for (int i = 0; i < GEOSGetNumGeometries_r(ctx, g); ++i)
            addRings(path, GEOSGetGeometryN_r(ctx, g, i), ctx);
        return;
    }
    if (type != GEOS_POLYGON)
        return;
    auto ring = [&](const GEOSGeometry *r) {
        const GEOSCoordSequence *seq = GEOSGeom_getCoordSeq_r(ctx, r);
        unsigned n = 0;
        GEOSCoordSeq_getSize_r(ctx, seq, &n);
        QPolygonF poly;
        for (unsigned i = 0; i < n; ++i) {
            double x = 0, y = 0;
            GEOSCoordSeq_getXY_r(ctx, seq, i, &x, &y);
            poly << QPointF(x, y);
        }
        path.addPolygon(poly);
        path.closeSubpath();
    };
    ring(GEOSGetExteriorRing_r(ctx, g));
    for (int i = 0; i < GEOSGetNumInteriorRings_r(ctx, g); ++i)
        ring(GEOSGetInteriorRingN_r(ctx, g, i));
}

} // namespace

QPainterPath CheckReport::outline(const geodata::Geometry &site)
{
    QPainterPath path;
    if (site)
        addRings(path, site.get(), geodata::geosContext());
    return path;
}

QImage CheckReport::locationMap(const ProjectMap &map, const geodata::Geometry &site, QSize size)
{
    geodata::Envelope e = site.envelope();
    // The site fills about a third of the map: enough surroundings to place it.
    const double pad = std::max({e.width(), e.height(), 200.0});
    e = {e.minX - pad, e.minY - pad, e.maxX + pad, e.maxY + pad};
    const MapViewport viewport = MapViewport::fitting(e, size, 8);
    std::vector<bool> visible;
    for (const auto &l : map.layers())
        visible.push_back(l.entry.visibleByDefault);
    const auto layers = map.renderLayers(visible);
    QImage image = MapRenderer().renderImage(viewport, layers);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    const QPainterPath path = viewport.worldToPixelTransform().map(outline(site));
    p.setBrush(QColor(230, 0, 0, 50));
    p.setPen(QPen(QColor(230, 0, 0), 3));
    p.drawPath(path);
    // Scale bar: a round length of about a fifth of the width.
    const double mpp = viewport.metresPerPixel();
    double len = 1;
    for (double c : {1.0, 2.0, 5.0})
        for (double m = 1; m <= 1e6; m *= 10)
            if (c * m / mpp <= size.width() / 5.0)
                len = std::max(len, c * m);
    const double px = len / mpp;
    p.setPen(QPen(Qt::black, 2));
    const QPointF o(16, size.height() - 20);
    p.drawLine(o, o + QPointF(px, 0));
    p.drawLine(o, o + QPointF(0, -6));
    p.drawLine(o + QPointF(px, 0), o + QPointF(px, -6));
    QFont f(QStringLiteral("Noto Sans CJK SC"));
    f.setPixelSize(14);
    p.setFont(f);
    p.drawText(o + QPointF(px + 6, 0), len >= 1000 ? QStringLiteral("%1 千米").arg(len / 1000)
                                                   : QStringLiteral("%1 米").arg(len));
    p.drawText(QPointF(size.width() - 30, 24), QStringLiteral("北"));
    p.drawLine(QPointF(size.width() - 22, 30), QPointF(size.width() - 22, 54));
    p.end();
    return image;
}

QString CheckReport::html(const std::vector<QJsonObject> &results, const QString &title,
                          const std::vector<QString> &imageNames)
{
    QString h = QStringLiteral("<html><head><meta charset=\"utf-8\"><title>%1</title>"
                               "<style>body{font-family:'Noto Sans CJK SC',sans-serif;}"
                               "table{border-collapse:collapse;}td,th{border:1px solid #999;"
                               "padding:2px 6px;}</style></head><body>")
                    .arg(esc(title));
    h += QStringLiteral("<h1>%1</h1>").arg(esc(title));
    for (size_t i = 0; i < results.size(); ++i) {
        const QJsonObject &r = results[i];
        const QJsonObject site = r.value("site").toObject();
        const QString verdict = r.value("verdict").toString();
        if (i > 0)
            h += QStringLiteral("<p style=\"page-break-before:always\"></p>");
        h += QStringLiteral("<h2>%1</h2>").arg(esc(site.value("name").toString()));
        h += QStringLiteral(
                 "<p>行业代码 %1　规划用途 %2　记录编号 %3<br>面积 %4 平方米　%5 亩　%6 公顷</p>")
                 .arg(esc(site.value("industry").toString()), esc(site.value("use").toString()),
                      r.contains("record_id") ? QString::number(r.value("record_id").toInteger())
                                              : QStringLiteral("—"),
                      num(site.value("area_m2").toDouble(), 2),
                      num(site.value("area_mu").toDouble(), 2),
                      num(site.value("area_ha").toDouble(), 4));
        if (site.contains("error")) {
            h += QStringLiteral("<p><b>无法检查：</b>%1</p>")
                     .arg(esc(site.value("error").toString()));
            continue;
        }
        h += QStringLiteral("<p style=\"font-size:16pt;color:%1\"><b>检查结论：%2</b></p>")
                 .arg(statusColour(verdict), esc(r.value("verdict_zh").toString()));
        if (i < imageNames.size() && !imageNames[i].isEmpty())
            h += QStringLiteral(
                     "<p><img src=\"%1\" width=\"640\"><br>图 %2　选址位置（红线为选址范围）</p>")
                     .arg(imageNames[i])
                     .arg(i + 1);
        for (const auto &v : site.value("repairs").toArray())
            h += (isOverlapNote(v.toString()) ? QStringLiteral("<p>数据说明：%1</p>")
                                              : QStringLiteral("<p>几何修复：%1</p>"))
                     .arg(esc(checkRepairText(v.toString())));

        h += QStringLiteral(
            "<h3>控制线占用</h3><table width=\"100%\"><tr><th>控制线</th><th>面积（平方米）</th>"
            "<th>亩</th><th>公顷</th><th>占选址</th><th>涉及图斑</th></tr>");
        for (const auto &v : r.value("overlaps").toArray()) {
            const QJsonObject o = v.toObject();
            if (o.value("role").toString() == QLatin1String("landuse"))
                continue;
            QStringList names;
            for (const auto &fv : o.value("features").toArray()) {
                const QJsonObject f = fv.toObject();
                names << f.value("name").toString() + QLatin1Char(' ') + f.value("code").toString();
                if (names.size() == 6) {
                    names << QStringLiteral("等 %1 个").arg(o.value("features").toArray().size());
                    break;
                }
            }
            h += QStringLiteral("<tr><td>%1</td>%2<td align=right>%3%</td><td>%4</td></tr>")
                     .arg(esc(o.value("role_zh").toString()), areaCells(o),
                          num(o.value("share").toDouble() * 100, 1), esc(names.join("、")));
        }
        h += QStringLiteral(
            "</table><h3>地类构成</h3><table width=\"100%\"><tr><th>地类编码</th><th>地类名称</th>"
            "<th>面积（平方米）</th><th>亩</th><th>公顷</th></tr>");
        for (const auto &v : r.value("landuse").toArray()) {
            const QJsonObject o = v.toObject();
            h += QStringLiteral("<tr><td>%1</td><td>%2</td>%3</tr>")
                     .arg(esc(o.value("dlbm").toString()), esc(o.value("dlmc").toString()),
                          areaCells(o));
        }
        h += QStringLiteral("</table>");
        const QJsonArray units = r.value("control_units").toArray();
        if (!units.isEmpty()) {
            h += QStringLiteral("<h3>环境管控单元及准入要求</h3>");
            const std::pair<const char *, const char *> headings[] = {
                {"KJBJYS", "空间布局约束"},
                {"PWWPFGK", "污染物排放管控"},
                {"HJFXFK", "环境风险防控"},
                {"ZYKFXLYQ", "资源开发效率要求"}};
            for (const auto &v : units) {
                const QJsonObject u = v.toObject();
                h += QStringLiteral("<p><b>%1 %2</b>（%3，%4 亩）</p><ul>")
                         .arg(esc(u.value("code").toString()), esc(u.value("name").toString()),
                              esc(u.value("class_name").toString()),
                              num(u.value("area_mu").toDouble(), 2));
                const QJsonObject list = u.value("list").toObject();
                for (const auto &[key, label] : headings)
                    if (!list.value(key).toString().isEmpty())
                        h += QStringLiteral("<li>%1：%2</li>")
                                 .arg(QString::fromUtf8(label), esc(list.value(key).toString()));
                h += QStringLiteral("</ul>");
            }
        }
        h += QStringLiteral(
            "<h3>规则检查</h3><table width=\"100%\"><tr><th>结论</th><th>规则</th><th>说明</th>"
            "<th>依据</th></tr>");
        for (const auto &v : r.value("rules").toArray()) {
            const QJsonObject o = v.toObject();
            if (!o.value("applicable").toBool())
                continue;
            h += QStringLiteral("<tr><td style=\"color:%1\"><b>%2</b></td><td>%3</td><td>%4</td>"
                                "<td>%5</td></tr>")
                     .arg(statusColour(o.value("status").toString()),
                          esc(o.value("status_zh").toString()), esc(o.value("title").toString()),
                          esc(o.value("text").toString()), esc(o.value("source").toString()));
        }
        h += QStringLiteral("</table><p style=\"font-size:8pt\">规则集 %1（版本 %2）</p>")
                 .arg(esc(r.value("rules_name").toString()),
                      esc(r.value("rules_version").toString()));
    }
    h += QStringLiteral("</body></html>");
    return h;
}

void CheckReport::write(const QString &path, const ProjectMap &map,
                        const std::vector<QJsonObject> &results,
                        const std::vector<const geodata::Geometry *> &sites)
{
    const bool pdf = path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive);
    const QString title =
        QStringLiteral("%1建设项目选址检查报告").arg(QString::fromStdString(map.countyName()));
    std::vector<QImage> images;
    std::vector<QString> names;
    for (size_t i = 0; i < results.size(); ++i) {
        if (static_cast<int>(i) >= kMaxMaps || i >= sites.size() || !sites[i] || !*sites[i]) {
            names.emplace_back();
            continue;
        }
        images.push_back(locationMap(map, *sites[i], QSize(1280, 900)));
        if (pdf) {
            names.push_back(QStringLiteral("map%1.png").arg(i));
        } else {
            QByteArray png;
            QBuffer buf(&png);
            buf.open(QIODevice::WriteOnly);
            images.back().save(&buf, "PNG");
            names.push_back(QStringLiteral("data:image/png;base64,") +
                            QString::fromLatin1(png.toBase64()));
        }
    }
    const QString text = html(results, title, names);
    QByteArray bytes;
    if (pdf) {
        QTextDocument doc;
        QFont font(QStringLiteral("Noto Sans CJK SC"));
        font.setPointSizeF(9);
        doc.setDefaultFont(font);
        size_t img = 0;
        for (size_t i = 0; i < names.size(); ++i)
            if (!names[i].isEmpty())
                doc.addResource(QTextDocument::ImageResource, QUrl(names[i]), images[img++]);
        doc.setHtml(text);
        const auto setup = [&title](QPdfWriter &writer) {
            writer.setPageSize(QPageSize(QPageSize::A4));
            writer.setPageMargins(QMarginsF(15, 15, 15, 22), QPageLayout::Millimeter);
            writer.setResolution(150);
            writer.setTitle(title);
            writer.setCreator(QStringLiteral("PlanLines"));
        };
        bytes = sheet::writeTextPdf(
            setup, [&doc](QPainter &p, const auto &newPage) { paginate(doc, p, newPage); });
    } else {
        bytes = text.toUtf8();
    }
    // Whole or not at all: QSaveFile commits a short write (a full disk) as if it were whole.
    geodata::saveFile(path.toStdString(), std::string_view(bytes.constData(), bytes.size()));
}

} // namespace planlines::layers
