// The corridor drawn by status on a date (layers/corridor/statusmap.h): the real renderer draws
// each segment in the fill of its status on that date, so one segment changes colour between two
// dates while an unchanged one keeps its colour; on the sample county too.
#include "geodata/corridor/corridorfixture.h"

#include <geodata/corridor/corridorstate.h>
#include <layers/corridor/statusmap.h>
#include <layers/layercatalog.h>
#include <layers/projectmap.h>

#include <QGuiApplication>
#include <QTemporaryDir>
#include <QTest>

using namespace planlines;
using namespace planlines::geodata::corridor;
using layers::MapViewport;
using testing::CorridorFixture;

class CorridorStatusMapTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    layers::LayerCatalog m_catalog;

    static void save(const QImage &image, const QString &name)
    {
        if (const QByteArray out = qgetenv("PLANLINES_TEST_OUTPUT"); !out.isEmpty())
            image.save(QString::fromLocal8Bit(out) + u'/' + name + QStringLiteral(".png"));
    }
    // The category fill of status over white, as the renderer composes it.
    QColor expected(Status s) const
    {
        const QColor fill = m_catalog.style(geodata::Role::Corridor)->symbolFor(statusId(s)).fill;
        if (!fill.isValid() || fill.alpha() == 0)
            return Qt::white;
        const double a = fill.alphaF();
        auto mix = [&](int c) { return static_cast<int>(std::lround(c * a + 255 * (1 - a))); };
        return QColor(mix(fill.red()), mix(fill.green()), mix(fill.blue()));
    }
    static bool near(const QColor &a, const QColor &b, int tol = 3)
    {
        return std::abs(a.red() - b.red()) <= tol && std::abs(a.green() - b.green()) <= tol &&
               std::abs(a.blue() - b.blue()) <= tol;
    }
    static QString name(const QColor &c) { return c.name(); }

    // The corridor layer alone, by status on date, over white.
    QImage render(const layers::ProjectMap &map, const Corridor &corridor, const std::string &date,
                  const MapViewport &vp)
    {
        const auto state = CorridorState::on(corridor, date);
        auto all = layers::corridor::statusMapLayers(map, state, corridor.layerTable());
        std::vector<layers::RenderLayer> only;
        for (auto &l : all)
            if (l.data->table() == corridor.layerTable())
                only.push_back(l);
        return layers::MapRenderer().renderImage(vp, only);
    }

private slots:
    void initTestCase() { m_catalog = layers::LayerCatalog::load(); }

    void statusColoursFollowTheDate()
    {
        const std::string path =
            CorridorFixture::create(m_dir.filePath(QStringLiteral("map.sqlite")).toStdString());
        const auto map = layers::ProjectMap::load(path, m_catalog);
        auto project = geodata::Project::open(path, true);
        const Corridor corridor = Corridor::load(*project);
        const MapViewport vp =
            MapViewport::fitting({569900, 4114800, 572200, 4116100}, QSize(920, 520), 10);
        const QImage before = render(map, corridor, "2021-01-01", vp);
        const QImage after = render(map, corridor, "2021-06-30", vp);
        save(before, QStringLiteral("corridor_2021-01-01"));
        save(after, QStringLiteral("corridor_2021-06-30"));
        auto at = [&](const QImage &img, const CorridorFixture::Seg &s) {
            const QPointF p = vp.worldToPixel({s.centreE(), s.centreN()});
            return img.pixelColor(static_cast<int>(p.x()), static_cast<int>(p.y()));
        };
        const auto &t1 = CorridorFixture::kSegments[0];
        const auto &t4 = CorridorFixture::kSegments[3];
        // T-001: 施工中 (since 2020-10-01) on the first date, 已完工 (2021-05-01) on the second.
        QVERIFY2(
            near(at(before, t1), expected(Status::UnderConstruction)),
            qPrintable(name(at(before, t1)) + " vs " + name(expected(Status::UnderConstruction))));
        QVERIFY2(near(at(after, t1), expected(Status::Completed)),
                 qPrintable(name(at(after, t1)) + " vs " + name(expected(Status::Completed))));
        QVERIFY(!near(at(before, t1), at(after, t1), 20));
        // T-004 is planned on both dates: the same grey.
        QVERIFY2(near(at(before, t4), expected(Status::Planned)), qPrintable(name(at(before, t4))));
        QVERIFY(near(at(after, t4), at(before, t4), 0));
        // Before the plan (2020-01-01) nothing is recorded: no fill, white at the centre.
        const QImage none = render(map, corridor, "2020-01-01", vp);
        QVERIFY2(near(at(none, t1), Qt::white), qPrintable(name(at(none, t1))));
    }

    void sampleCountyOnTwoDates()
    {
        const auto map = layers::ProjectMap::load(PLANLINES_SAMPLE_DB, m_catalog);
        auto project = geodata::Project::open(PLANLINES_SAMPLE_DB, true);
        const Corridor corridor = Corridor::load(*project);
        // YBQ-030's inner point, read from the table with SQL.
        auto st = project->db().prepare(
            "SELECT ST_X(ST_PointOnSurface(geom)), ST_Y(ST_PointOnSurface(geom)) FROM " +
            geodata::quoteIdentifier(corridor.layerTable()) + " WHERE SEGID = 'YBQ-030'");
        QVERIFY(st.step());
        const double e = st.real(0), n = st.real(1);
        const MapViewport vp(layers::WorldPoint{e, n}, 2.0, QSize(800, 600));
        // Built 2022 (section from K25+000): 规划 in mid-2021, 施工中 in mid-2022.
        QCOMPARE(CorridorState::on(corridor, "2021-06-30").statusOf("YBQ-030"), Status::Planned);
        QCOMPARE(CorridorState::on(corridor, "2022-06-30").statusOf("YBQ-030"),
                 Status::UnderConstruction);
        const QImage a = render(map, corridor, "2021-06-30", vp);
        const QImage b = render(map, corridor, "2022-06-30", vp);
        save(a, QStringLiteral("sample_corridor_2021-06-30"));
        save(b, QStringLiteral("sample_corridor_2022-06-30"));
        const QColor ca = a.pixelColor(400, 300), cb = b.pixelColor(400, 300);
        QVERIFY2(near(ca, expected(Status::Planned)), qPrintable(name(ca)));
        QVERIFY2(near(cb, expected(Status::UnderConstruction)), qPrintable(name(cb)));
    }

    // At county scale the corridor is 1–2 px wide beside the levee, under the red line's hatch:
    // drawn by status it goes over every layer but the sites, so its colour is what shows at
    // YBQ-030 (施工中, orange), not the levee's brown or the red line's red.
    void statusOverTheLeveeAtCountyScale()
    {
        const auto map = layers::ProjectMap::load(PLANLINES_SAMPLE_DB, m_catalog);
        auto project = geodata::Project::open(PLANLINES_SAMPLE_DB, true);
        const Corridor corridor = Corridor::load(*project);
        const auto state = CorridorState::on(corridor, "2022-06-30");
        const auto all = layers::corridor::statusMapLayers(map, state, corridor.layerTable());
        std::size_t at = all.size(), sites = all.size();
        for (std::size_t i = 0; i < all.size(); ++i) {
            if (all[i].data->table() == corridor.layerTable())
                at = i;
            if (all[i].style->role() == geodata::Role::Site && sites == all.size())
                sites = i;
        }
        QVERIFY(at < all.size());
        QCOMPARE(at + 1, std::min(sites, all.size())); // right under the sites (or on top)
        auto st = project->db().prepare(
            "SELECT ST_X(ST_PointOnSurface(geom)), ST_Y(ST_PointOnSurface(geom)) FROM " +
            geodata::quoteIdentifier(corridor.layerTable()) + " WHERE SEGID = 'YBQ-030'");
        QVERIFY(st.step());
        const double e = st.real(0), n = st.real(1);
        // 1:220 000 at 96 dpi, as the window shows the county.
        const MapViewport vp(layers::WorldPoint{e, n}, 58.0, QSize(200, 200));
        const QImage image = layers::MapRenderer().renderImage(vp, all);
        save(image, QStringLiteral("sample_county_scale_2022-06-30"));
        const QColor c = image.pixelColor(100, 100);
        QVERIFY2(c.red() > 150 && c.green() > 80 && c.blue() < 90, qPrintable(name(c)));
        // The same layers with the corridor left where the catalog stacks it (under the levee,
        // the county line and the roads): far fewer of its 施工中 pixels show.
        std::vector<layers::RenderLayer> stacked = all;
        const layers::RenderLayer corridorLayer = stacked[at];
        stacked.erase(stacked.begin() + std::ptrdiff_t(at));
        std::size_t catalogAt = 0;
        for (std::size_t i = 0; i < map.layers().size(); ++i)
            if (map.layers()[i].entry.info.table == corridor.layerTable())
                catalogAt = i;
        std::size_t before = 0; // the visible layers under it in the catalog's order
        for (std::size_t i = 0; i < catalogAt; ++i)
            before += map.layers()[i].entry.visibleByDefault;
        stacked.insert(stacked.begin() + std::ptrdiff_t(before), corridorLayer);
        const QImage under = layers::MapRenderer().renderImage(vp, stacked);
        save(under, QStringLiteral("sample_county_scale_catalog_order"));
        auto orange = [](const QImage &img) {
            int n = 0;
            for (int y = 0; y < img.height(); ++y)
                for (int x = 0; x < img.width(); ++x)
                    n += near(img.pixelColor(x, y), QColor(0xC7, 0x7C, 0x00), 12);
            return n;
        };
        QVERIFY2(orange(image) > orange(under) * 3 / 2,
                 qPrintable(QStringLiteral("%1 on top, %2 in catalog order")
                                .arg(orange(image))
                                .arg(orange(under))));
    }
};

QTEST_MAIN(CorridorStatusMapTest)
#include "corridorstatusmaptest.moc"
