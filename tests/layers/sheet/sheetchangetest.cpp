// The map sheet of land-use changes (issue 18) on a copy of the sample county, comparing its two
// survey years (2023 v1, 2024 v2): the county sheet's title, its matrix's
// total and its 耕地流出 line read back from the PDF against sums made here from the
// comparison's cells; one page per township with changes; a 耕地流出 piece drawn in the colour
// the catalog gives the change layer; the table in its band under the map; and
// `planlines compare --sheet` with its mistakes.
#include "sheettesttools.h"

#include <geodata/landuse/changelayer.h>
#include <geodata/project.h>
#include <layers/layercatalog.h>
#include <layers/sheet/changesheets.h>
#include <layers/sheet/sheetatlas.h>

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <set>

using namespace planlines;
using namespace planlines::layers;
using namespace planlines::layers::sheet;
namespace landuse = planlines::geodata::landuse;

namespace {

// 1 亩 = 10000/15 m².
double mu(double m2)
{
    return m2 * 15 / 10000;
}

bool cultivated(const std::string &code)
{
    return code == "0101" || code == "0102" || code == "0103";
}

// Every number with two decimals in text.
std::vector<double> figures(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("-?\\d+\\.\\d\\d\\b"));
    std::vector<double> out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out.push_back(it.next().captured(0).toDouble());
    return out;
}

bool hasFigure(const QString &text, double value)
{
    for (const double v : figures(text))
        if (std::abs(v - value) <= 0.01)
            return true;
    return false;
}

} // namespace

class SheetChangeTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    landuse::ChangeResult m_result;
    geodata::LayerInfo m_changes;
    std::optional<LayerCatalog> m_catalog;
    std::optional<ProjectMap> m_map;

    // The townships of the result with land that changed class, in its order.
    std::vector<const landuse::Township *> changedTownships() const
    {
        std::vector<const landuse::Township *> out;
        for (const auto &t : m_result.townships)
            for (const auto &c : t.matrix)
                if (c.fromCode != c.toCode && c.areaM2 > 0) {
                    out.push_back(&t);
                    break;
                }
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // To look at the sheets: PLANLINES_KEEP_TEST_FILES=1 keeps them (the folder is logged).
        if (qEnvironmentVariableIsSet("PLANLINES_KEEP_TEST_FILES")) {
            m_dir.setAutoRemove(false);
            qInfo("sheets kept in %s", qPrintable(m_dir.path()));
        }
        m_db = m_dir.filePath(QStringLiteral("gaoqing.sqlite"));
        QVERIFY(QFile::copy(QStringLiteral(PLANLINES_SAMPLE_DB), m_db));
        auto project = geodata::Project::open(m_db.toStdString());
        // The sample county's own two survey years: 2023 (v1) and 2024 (v2, current).
        const auto versions = project->layerVersions(*project->layer("地类图斑"));
        QCOMPARE(versions.size(), std::size_t(2));
        QCOMPARE(versions[0].version, 1);
        auto from = project->features(versions[0]);
        auto to = project->features(versions[1]);
        auto townships = project->features(project->layers(geodata::Role::Township).front());
        landuse::CompareOptions options;
        options.townships = townships.get();
        m_result = landuse::compareLanduse(*from, *to, "地类图斑 v1", "地类图斑 v2", options);
        QVERIFY(!m_result.pieces.empty());
        m_changes = landuse::writeChangeLayer(*project, m_result, "地类变化_v1_v2");
        from.reset();
        to.reset();
        townships.reset();
        project.reset();
        m_catalog.emplace(LayerCatalog::load());
        m_map.emplace(ProjectMap::load(m_db.toStdString(), *m_catalog));
    }

    void countySheet()
    {
        const auto sheets = changeSheets(*m_map, m_result, m_changes, SheetSpec{});
        QCOMPARE(sheets.size(), std::size_t(1));
        const SheetComposer composer(*m_map);
        const SheetExporter exporter(composer);
        const QString pdf = m_dir.filePath(QStringLiteral("county.pdf"));
        QVERIFY(exporter.write(pdf, sheets));
        QCOMPARE(planlines::testing::pdfPages(pdf), 1);
        const QString text = planlines::testing::pdfText(pdf);
        QCOMPARE(text.section(QLatin1Char('\n'), 0, 0).trimmed(),
                 QStringLiteral("高青县土地利用变化图（地类图斑 v1 → v2）"));
        QVERIFY(text.contains(QStringLiteral("土地利用转移矩阵（一级类，单位：亩）")));
        // The matrix's grand total: all the county's land in either year, summed here.
        double total = 0, outflow = 0;
        for (const auto &c : m_result.matrix) {
            total += c.areaM2;
            if (cultivated(c.fromCode) && !cultivated(c.toCode))
                outflow += c.areaM2;
        }
        QVERIFY(outflow > 0);
        QVERIFY2(hasFigure(text, mu(total)), qPrintable(QString::number(mu(total), 'f', 2)));
        static const QRegularExpression line(QStringLiteral("耕地流出 (\\d+\\.\\d\\d) 亩"));
        const auto m = line.match(text);
        QVERIFY2(m.hasMatch(), qPrintable(text));
        QVERIFY(std::abs(m.captured(1).toDouble() - mu(outflow)) <= 0.01);
        // The table's header row: 一级类 names of the classes present, 耕地 first.
        QCOMPARE(sheets[0].table.front().value(0), QStringLiteral("原地类＼现地类"));
        QCOMPARE(sheets[0].table.front().value(1), QStringLiteral("耕地"));
        QCOMPARE(sheets[0].table.front().back(), QStringLiteral("合计"));
        // The table sits in a band under the map, not over it, and inside the paper.
        const SheetTemplate &t = sheets[0].layout;
        QVERIFY(t.tableMm.isValid());
        QVERIFY(t.tableMm.top() >= t.outerMm.bottom());
        QVERIFY(t.tableMm.bottom() <= t.paperMm.height() - 9);
        QVERIFY(t.frameMm.height() > 150); // the map keeps most of the sheet on A3
        // The land use is faded on the map and in the legend alike: 水田's swatch at 0.45 of
        // the catalog's alpha.
        const Category *paddy = m_catalog->style(geodata::Role::Landuse)->category("0101");
        QVERIFY(paddy);
        const auto legend = composer.layout(sheets[0]).legend;
        const auto item = std::find_if(legend.begin(), legend.end(), [&](const LegendItem &i) {
            return !i.heading && i.label == paddy->label;
        });
        QVERIFY(item != legend.end());
        QVERIFY(std::abs(item->symbol.fill.alphaF() - paddy->symbol.fill.alphaF() * 0.45) < 0.01);
    }

    void onePagePerTownship()
    {
        const auto expected = changedTownships();
        QVERIFY(expected.size() >= 2);
        const auto sheets = changeSheets(*m_map, m_result, m_changes, SheetSpec{}, true);
        QCOMPARE(sheets.size(), expected.size());
        const SheetComposer composer(*m_map);
        const SheetExporter exporter(composer);
        const QString pdf = m_dir.filePath(QStringLiteral("townships.pdf"));
        QCOMPARE(writeAtlas(exporter, pdf, sheets, {}), std::vector<QString>{pdf});
        QCOMPARE(planlines::testing::pdfPages(pdf), int(expected.size()));
        for (std::size_t i = 0; i < expected.size(); ++i) {
            const QString page = planlines::testing::pdfText(pdf, int(i) + 1);
            QVERIFY(!expected[i]->name.empty());
            QCOMPARE(page.section(QLatin1Char('\n'), 0, 0).trimmed(),
                     QString::fromStdString(expected[i]->name) + QStringLiteral("土地利用变化图"));
            double total = 0;
            for (const auto &c : expected[i]->matrix)
                total += c.areaM2;
            QVERIFY2(hasFigure(page, mu(total)), qPrintable(page));
            QVERIFY(!sheets[i].outline.empty()); // the township's line
        }
    }

    // A 耕地流出 piece is drawn in the change layer's colour for that type: the catalog's
    // category 耕地流出 of BHLX where the style has one, else the layer's own fill.
    void outflowColour()
    {
        const landuse::ChangePiece *piece = nullptr;
        for (const auto &p : m_result.pieces)
            if (cultivated(p.fromCode) && !cultivated(p.toCode) && !p.toCode.empty() &&
                (!piece || p.areaM2 > piece->areaM2))
                piece = &p;
        QVERIFY(piece);
        const auto style = m_catalog->styleFor(m_changes);
        const Symbol &symbol = style->symbolFor("耕地流出");
        QVERIFY(symbol.hasFill());
        auto sheets = changeSheets(*m_map, m_result, m_changes, SheetSpec{});
        SheetSpec &s = sheets[0];
        s.extent = piece->box;
        s.scaleDenominator = 2000;
        const SheetComposer composer(*m_map);
        const SheetExporter exporter(composer);
        const double dpi = 100;
        const QImage image = exporter.renderImage(s, dpi);
        const SheetLayout layout = composer.layout(s);
        // Pixels well inside the piece and away from its label (placed at its point on
        // surface, with a white halo): the change layer's semi-opaque fill over whatever land
        // use lies under it, so at least alpha of the catalog's colour and at most 1 − alpha of
        // white in each channel.
        const geodata::Geometry shape = piece->geometry();
        const geodata::Geometry core = shape.buffer(-8);
        const geodata::Envelope label = shape.pointOnSurface().envelope();
        const MapViewport viewport = layout.viewport(dpi);
        const QPointF origin = s.layout.frameMm.topLeft() * dpi / 25.4;
        const QPointF labelPx = viewport.worldToPixel({label.minX, label.minY}) + origin;
        const QColor want = symbol.fill;
        const double alpha = want.alphaF();
        int inside = 0, matching = 0;
        QString first;
        for (int dy = -200; dy <= 200; dy += 8)
            for (int dx = -200; dx <= 200; dx += 8) {
                const QPointF px = labelPx + QPointF(dx, dy);
                if (std::hypot(dx, dy) < 40 || !image.rect().contains(px.toPoint()))
                    continue;
                const WorldPoint w = viewport.pixelToWorld(px - origin);
                if (!core.contains(geodata::Geometry::point(w.easting, w.northing)))
                    continue;
                ++inside;
                const QColor c = image.pixelColor(px.toPoint());
                const bool ok = c.red() >= alpha * want.red() - 3 &&
                                c.green() <= alpha * want.green() + (1 - alpha) * 255 + 3 &&
                                c.blue() <= alpha * want.blue() + (1 - alpha) * 255 + 3;
                matching += ok;
                if (!ok && first.isEmpty())
                    first = QStringLiteral("%1 at (%2, %3)").arg(c.name()).arg(px.x()).arg(px.y());
            }
        QVERIFY2(inside >= 10, qPrintable(QString::number(inside)));
        // Grid lines and other labels may cross a few of them.
        QVERIFY2(matching >= inside * 9 / 10,
                 qPrintable(QStringLiteral("%1 of %2 pixels, first off: %3, want %4 at %5")
                                .arg(matching)
                                .arg(inside)
                                .arg(first, want.name(QColor::HexArgb))
                                .arg(alpha)));
    }

    // planlines compare --sheet: the sheet and the stored layer; the options' mistakes.
    void commandLine()
    {
        auto run = [this](const QStringList &extra, QString *out = nullptr,
                          QString *err = nullptr) {
            QProcess p;
            p.start(QStringLiteral(PLANLINES_BIN),
                    QStringList{QStringLiteral("compare"), QStringLiteral("--db"), m_db,
                                QStringLiteral("--layer"), QStringLiteral("地类图斑"),
                                QStringLiteral("--from"), QStringLiteral("v1"),
                                QStringLiteral("--to"), QStringLiteral("v2")} +
                        extra);
            p.waitForFinished(600000);
            if (out)
                *out = QString::fromUtf8(p.readAllStandardOutput());
            if (err)
                *err = QString::fromUtf8(p.readAllStandardError());
            return p.exitCode();
        };
        const QString pdf = m_dir.filePath(QStringLiteral("乡镇变化图.pdf"));
        QString out, err;
        QCOMPARE(run({QStringLiteral("--sheet"), pdf, QStringLiteral("--batch"),
                      QStringLiteral("townships")},
                     &out, &err),
                 0);
        const auto expected = changedTownships();
        QVERIFY2(out.contains(QStringLiteral("变化图：%1 张，%2").arg(expected.size()).arg(pdf)),
                 qPrintable(out + err));
        QVERIFY(out.contains(QStringLiteral("变化图斑已存为图层 地类变化_v1_v2")));
        QCOMPARE(planlines::testing::pdfPages(pdf), int(expected.size()));
        QCOMPARE(planlines::testing::pdfText(pdf, 1).section(QLatin1Char('\n'), 0, 0).trimmed(),
                 QString::fromStdString(expected.front()->name) + QStringLiteral("土地利用变化图"));
        const QString png = m_dir.filePath(QStringLiteral("county.png"));
        QCOMPARE(
            run({QStringLiteral("--sheet"), png, QStringLiteral("--paper"), QStringLiteral("A4"),
                 QStringLiteral("--dpi"), QStringLiteral("60"), QStringLiteral("--json")},
                &out, &err),
            0);
        QVERIFY(out.trimmed().startsWith(QLatin1Char('{'))); // stdout stays JSON
        QVERIFY2(err.contains(QStringLiteral("变化图：1 张，%1").arg(png)), qPrintable(err));
        const QImage image(png);
        QCOMPARE(image.width(), int(std::lround(297 / 25.4 * 60)));

        QCOMPARE(
            run({QStringLiteral("--sheet"), m_dir.filePath(QStringLiteral("x.doc"))}, &out, &err),
            2);
        QCOMPARE(err.trimmed(),
                 QStringLiteral("planlines compare: --sheet %1: unknown format (use .pdf, .png or "
                                ".svg)")
                     .arg(m_dir.filePath(QStringLiteral("x.doc"))));
        const QString nowhere = m_dir.filePath(QStringLiteral("无此目录/变化图.pdf"));
        QCOMPARE(run({QStringLiteral("--sheet"), nowhere}, &out, &err), 2);
        QCOMPARE(err.trimmed(), QStringLiteral("planlines compare: --sheet %1: the folder %2 does "
                                               "not exist")
                                    .arg(nowhere, m_dir.filePath(QStringLiteral("无此目录"))));
        QCOMPARE(run({QStringLiteral("--batch"), QStringLiteral("townships")}, &out, &err), 2);
        QCOMPARE(err.trimmed(), QStringLiteral("planlines compare: --batch, --paper, --orientation "
                                               "and --dpi go with --sheet"));
        QCOMPARE(run({QStringLiteral("--sheet"), pdf, QStringLiteral("--batch"),
                      QStringLiteral("sites")},
                     &out, &err),
                 2);
        QCOMPARE(err.trimmed(), QStringLiteral("planlines compare: --batch sites: expected "
                                               "townships"));
    }
};

QTEST_MAIN(SheetChangeTest)
#include "sheetchangetest.moc"
