// The land-use change layer (geodata/landuse/changelayer.h) as the map draws it: on a copy of
// the sample county, the 2023 → 2024 change pieces are stored as a layer (compareLanduse +
// writeChangeLayer, as `planlines compare --store` does) and drawn over the land use with the
// context style's BHLX categories (layers/styles/context.json). A pixel inside a 耕地流出 piece
// has that category's semi-opaque red laid over the 2024 parcel's land-use colour there.
#include <geodata/landuse/changeanalysis.h>
#include <geodata/landuse/changelayer.h>
#include <geodata/project.h>
#include <layers/maprenderer.h>
#include <layers/projectmap.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace planlines;
using layers::MapViewport;

namespace {

// Point in the feature's rings (even-odd), world coordinates.
bool contains(const layers::LayerData &d, std::uint32_t f, double e, double n)
{
    const double x = e - d.origin().easting, y = n - d.origin().northing;
    bool in = false;
    const auto parts = d.parts(f);
    for (auto p = parts.begin; p < parts.end; ++p)
        for (auto r = d.rings(p).begin; r < d.rings(p).end; ++r) {
            const auto xy = d.ringXy(r);
            const std::size_t count = xy.size() / 2;
            for (std::size_t i = 0, j = count - 1; i < count; j = i++) {
                const double xi = xy[2 * i], yi = xy[2 * i + 1];
                const double xj = xy[2 * j], yj = xy[2 * j + 1];
                if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
                    in = !in;
            }
        }
    return in;
}

// Well inside: the point and four points 1 m around it.
bool wellInside(const layers::LayerData &d, std::uint32_t f, double e, double n)
{
    for (const auto &[dx, dy] :
         {std::pair{0.0, 0.0}, {1.0, 0.0}, {-1.0, 0.0}, {0.0, 1.0}, {0.0, -1.0}})
        if (!contains(d, f, e + dx, n + dy))
            return false;
    return true;
}

} // namespace

class ChangeRenderTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::optional<layers::ProjectMap> m_map;
    std::string m_table;

    const layers::MapLayer &layerWithTable(const std::string &table) const
    {
        for (const auto &l : m_map->layers())
            if (l.entry.info.table == table)
                return l;
        throw std::runtime_error("no layer with table " + table);
    }

private slots:
    void initTestCase()
    {
        if (!QFile::exists(QStringLiteral(PLANLINES_SAMPLE_DB)))
            QSKIP("the sample county has not been built (target sample_county)");
        const QString copy = m_dir.filePath(QStringLiteral("gaoqing.sqlite"));
        QVERIFY(QFile::copy(QStringLiteral(PLANLINES_SAMPLE_DB), copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        {
            auto project = geodata::Project::open(copy.toStdString());
            const auto versions = project->layerVersions(*project->layer("地类图斑"));
            QCOMPARE(versions.size(), 2u);
            auto from = project->features(versions[0]);
            auto to = project->features(versions[1]);
            const auto result = geodata::landuse::compareLanduse(*from, *to, "v1", "v2");
            from.reset();
            to.reset();
            const auto info =
                geodata::landuse::writeChangeLayer(*project, result, "地类变化_v1_v2");
            QCOMPARE(info.role, geodata::Role::Context);
            m_table = info.table;
        }
        m_map = layers::ProjectMap::load(copy.toStdString(), layers::LayerCatalog::load());
    }

    void oneColourPerChangeTypeAboveTheLandUse()
    {
        const auto &change = layerWithTable(m_table);
        const auto &landuse = layerWithTable("landuse");
        const auto &style = *change.entry.style;
        QVERIFY(style.drawOrder() > landuse.entry.style->drawOrder());
        QVERIFY(change.entry.visibleByDefault);
        // One colour per type, semi-opaque, each with a solid outline.
        std::set<QRgb> fills;
        for (const char *type : {"耕地流出", "耕地流入", "耕地内部调整", "其他地类变化"}) {
            const auto &s = style.symbolFor(type);
            QVERIFY2(s.fill.alpha() > 100 && s.fill.alpha() < 230, type);
            QCOMPARE(s.outline.alpha(), 255);
            fills.insert(s.fill.rgba());
        }
        QCOMPARE(fills.size(), 4u);
        const QColor out = style.symbolFor("耕地流出").fill;
        QVERIFY2(out.red() > 200 && out.green() < 80 && out.blue() < 80, qPrintable(out.name()));
        const QColor in = style.symbolFor("耕地流入").fill;
        QVERIFY2(in.green() > in.red() + 40 && in.green() > in.blue() + 40, qPrintable(in.name()));
    }

    void aPixelInsideAnOutflowPieceIsItsRed()
    {
        const auto &change = layerWithTable(m_table);
        const auto &landuse = layerWithTable("landuse");
        const QColor red = change.entry.style->symbolFor("耕地流出").fill;
        // Only the land use and the change layer drawn: what shows is the one over the other.
        std::vector<bool> visible;
        for (const auto &l : m_map->layers())
            visible.push_back(&l == &change || &l == &landuse);
        int checked = 0;
        for (std::uint32_t f = 0; f < change.data->featureCount() && checked < 5; ++f) {
            if (change.data->categoryValues()[change.data->categoryIndex(f)] != "耕地流出")
                continue;
            const auto a = change.data->labelAnchor(f);
            if (!wellInside(*change.data, f, a.easting, a.northing))
                continue;
            std::vector<std::uint32_t> ids;
            landuse.data->query({a.easting - 1, a.northing - 1, a.easting + 1, a.northing + 1},
                                ids);
            std::optional<std::uint32_t> parcel;
            for (const auto id : ids)
                if (wellInside(*landuse.data, id, a.easting, a.northing))
                    parcel = id;
            if (!parcel)
                continue;
            const auto value = landuse.data->categoryValues()[landuse.data->categoryIndex(*parcel)];
            const QColor under = landuse.entry.style->symbolFor(value).fill;
            // Source-over of the change colour on the parcel's colour.
            const double al = red.alphaF();
            const QColor expected(qRound(red.red() * al + under.red() * (1 - al)),
                                  qRound(red.green() * al + under.green() * (1 - al)),
                                  qRound(red.blue() * al + under.blue() * (1 - al)));
            const MapViewport vp({a.easting, a.northing}, 0.25, QSize(41, 41));
            layers::MapRenderer::Options options;
            options.labels = false;
            const QColor got = layers::MapRenderer(options)
                                   .renderImage(vp, m_map->renderLayers(visible))
                                   .pixelColor(20, 20);
            QVERIFY2(
                std::abs(got.red() - expected.red()) <= 3 &&
                    std::abs(got.green() - expected.green()) <= 3 &&
                    std::abs(got.blue() - expected.blue()) <= 3,
                qPrintable(QStringLiteral("piece %1 over DLBM %2: %3, expected %4")
                               .arg(change.data->featureId(f))
                               .arg(QString::fromStdString(value), got.name(), expected.name())));
            // Red it is: well redder than the yellow-to-pink land-use colours under it.
            QVERIFY2(got.red() > got.green() + 60, qPrintable(got.name()));
            ++checked;
        }
        QVERIFY2(checked >= 3, qPrintable(QString::number(checked)));
    }
};

QTEST_MAIN(ChangeRenderTest)
#include "changerendertest.moc"
