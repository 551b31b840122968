// MapRenderer on the tiny test project at 1 m per pixel: the land-use fill colour of each
// square where it is, red hatch pixels and a red outline in the red line, white where nothing is,
// dots for sub-pixel features, township labels, hidden layers left out.
#include "common/teststore.h"
#include "testproject.h"

#include <layers/maprenderer.h>
#include <layers/projectmap.h>

#include <QTemporaryDir>
#include <QTest>

using namespace planlines;
using layers::MapViewport;
using testing::TestProject;

class MapRendererTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    planlines::geodata::test::TestStore m_store{"render"};
    layers::LayerCatalog m_catalog;
    std::optional<layers::ProjectMap> m_map;
    // The township's 700 m × 600 m at 1 m/px: world (E, N) is pixel (E - kEast + 100,
    // kNorth + 500 - N).
    MapViewport m_viewport;

    static constexpr double E = TestProject::kEast;
    static constexpr double N = TestProject::kNorth;

    std::vector<bool> allVisible() const { return std::vector<bool>(m_map->layers().size(), true); }

    QImage render(const std::vector<bool> &visible, layers::RenderStats *stats = nullptr,
                  const MapViewport *vp = nullptr)
    {
        const auto layers = m_map->renderLayers(visible);
        const QImage image =
            layers::MapRenderer().renderImage(vp ? *vp : m_viewport, layers, stats);
        if (const QByteArray out = qgetenv("PLANLINES_TEST_OUTPUT"); !out.isEmpty())
            image.save(QString::fromLocal8Bit(out) + u'/' +
                       QString::fromLatin1(QTest::currentTestFunction()) + QStringLiteral(".png"));
        return image;
    }

    QColor at(const QImage &image, double easting, double northing) const
    {
        const QPointF p = m_viewport.worldToPixel({easting, northing});
        return image.pixelColor(static_cast<int>(p.x()), static_cast<int>(p.y()));
    }

    static QString describe(const QColor &c) { return c.name(QColor::HexArgb); }

    static bool isHatchRed(const QColor &c)
    {
        return c.red() > 180 && c.green() < 120 && c.blue() < 120;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_catalog = layers::LayerCatalog::load();
        // A SpatiaLite file, or a PostGIS database in the _pg twin: the same pixels.
        const std::string path = m_store.location();
        TestProject::create(path);
        m_map = layers::ProjectMap::load(path, m_catalog);
        m_viewport = MapViewport::fitting(TestProject::townshipExtent(), QSize(700, 600));
        QCOMPARE(m_viewport.metresPerPixel(), 1.0);
        QCOMPARE(m_viewport.worldToPixel({E - 100, N + 500}), QPointF(0, 0));
    }

    void squaresShowTheirLandUseColour_data()
    {
        QTest::addColumn<int>("square");
        QTest::addColumn<QString>("expected"); // from landuse.json
        QTest::newRow("0102 水浇地") << 0 << "#f7efa0";
        QTest::newRow("0301 乔木林地") << 1 << "#5db460";
        QTest::newRow("1101 河流水面") << 2 << "#8cc3ef";
        QTest::newRow("203 村庄") << 3 << "#f4aeae";
    }
    void squaresShowTheirLandUseColour()
    {
        QFETCH(int, square);
        QFETCH(QString, expected);
        const QImage image = render(allVisible());
        // 20 m in from the square's south-west corner: clear of outlines and its label.
        const QColor c = at(image, E + 100 * square + 20, N + 20);
        QCOMPARE(describe(c), "#ff" + expected.mid(1));
        const auto style = m_catalog.style(geodata::Role::Landuse);
        QCOMPARE(c, style->symbolFor(TestProject::kSquareDlbm[square]).fill);
    }

    void redLineIsHatchedRedWithARedOutline()
    {
        const QImage image = render(allVisible());
        // One row across the red line, 20 m below its north edge: pixels 210 … 490 of row 170.
        int red = 0, white = 0;
        for (double e = E + 110; e < E + 390; e += 1) {
            const QColor c = at(image, e, N + 330);
            red += isHatchRed(c);
            white += c == QColor(Qt::white);
        }
        // 2 mm spacing at 45° crosses a row every 10.7 px: ~26 strokes over 280 px.
        QVERIFY2(red >= 20 && red <= 120, qPrintable(QString::number(red)));
        QVERIFY2(white >= 120, qPrintable(QString::number(white)));
        // The outline: the west edge at E + 100 is red all along.
        for (double n = N + 170; n < N + 330; n += 20) {
            const QPointF p = m_viewport.worldToPixel({E + 100, n});
            bool found = false;
            for (int dx = -1; dx <= 0; ++dx)
                found = found || isHatchRed(image.pixelColor(int(p.x()) + dx, int(p.y())));
            QVERIFY2(found, qPrintable(QStringLiteral("no red outline at N %1").arg(n)));
        }
        // The hatch stays inside: 10 m outside the red line it is white.
        QCOMPARE(at(image, E + 90, N + 250), QColor(Qt::white));
    }

    void emptyGroundIsWhite()
    {
        const QImage image = render(allVisible());
        QCOMPARE(at(image, E + 550, N - 50), QColor(Qt::white));
        QCOMPARE(at(image, E + 50, N + 300), QColor(Qt::white));
        QCOMPARE(at(image, E + 450, N + 50), QColor(Qt::white));
    }

    void hiddenLayersAreNotDrawn()
    {
        auto visible = allVisible();
        for (std::size_t i = 0; i < visible.size(); ++i)
            if (m_map->layers()[i].entry.info.role == geodata::Role::Landuse)
                visible[i] = false;
        const QImage image = render(visible);
        QCOMPARE(at(image, E + 20, N + 20), QColor(Qt::white));
    }

    void townshipNameIsLabelled()
    {
        layers::RenderStats stats;
        const QImage image = render(allVisible(), &stats);
        QVERIFY(stats.labels >= 1);
        // The name 田镇街道 is centred at the township's label point (E + 250, N + 200) in
        // #3A2A48 with a white halo.
        const QPointF c = m_viewport.worldToPixel(m_map->layers()[1].data->labelAnchor(0));
        QCOMPARE(m_map->layers()[1].entry.info.role, geodata::Role::Township);
        int dark = 0;
        for (int y = int(c.y()) - 10; y < int(c.y()) + 10; ++y)
            for (int x = int(c.x()) - 40; x < int(c.x()) + 40; ++x)
                dark += image.pixelColor(x, y).lightness() < 100;
        QVERIFY2(dark > 60, qPrintable(QString::number(dark)));
    }

    void subPixelFeaturesBecomeDots()
    {
        // 1 km per pixel: each 100 m square is a dot of its colour.
        const MapViewport far({E + 250, N + 200}, 1000, QSize(20, 20));
        layers::RenderStats stats;
        std::vector<bool> onlyLanduse(m_map->layers().size(), false);
        onlyLanduse[0] = true;
        QCOMPARE(m_map->layers()[0].entry.info.role, geodata::Role::Landuse);
        const QImage image = render(onlyLanduse, &stats, &far);
        QCOMPARE(stats.dots, 4);
        QCOMPARE(stats.features, 0);
        const QPointF p = far.worldToPixel({E + 50, N + 50});
        QVERIFY(image.pixelColor(int(p.x()), int(p.y())) != QColor(Qt::white));
    }

    void siteIsAStarMarker()
    {
        const QImage image = render(allVisible());
        // Red star (#E53935) at (E + 500, N + 400), 4.5 mm across.
        const QColor c = at(image, E + 500, N + 400);
        QVERIFY2(c.red() > 200 && c.green() < 100, qPrintable(describe(c)));
    }

    void cancelledRenderStops()
    {
        const std::atomic<bool> cancel{true};
        layers::RenderStats stats;
        const auto layers = m_map->renderLayers(allVisible());
        const QImage image = layers::MapRenderer().renderImage(m_viewport, layers, &stats, &cancel);
        QVERIFY(stats.cancelled);
        QCOMPARE(at(image, E + 20, N + 20), QColor(Qt::white));
    }
};

QTEST_MAIN(MapRendererTest)
#include "maprenderertest.moc"
