// The sample county (80 000 parcels, the default build) drawn by MapRenderer at three scales and
// compared with the control images in tests/layers/controls/ within a small threshold (anti-
// aliasing may differ by a few levels on a few pixels; a changed colour, a missing layer or a
// moved label does not pass). Plus pixel checks a person would make: the red line's hatch is
// red inside the red line, and inside permanent basic farmland the parcel's land-use colour
// shows under the farmland tint.
//
// Regenerate the controls after an intended change of the look (then look at them!):
//   PLANLINES_UPDATE_CONTROLS=1 ctest --test-dir build -R layers_countyrender
#include <layers/extentspec.h>
#include <layers/maprenderer.h>
#include <layers/projectmap.h>

#include <QDir>
#include <QFileInfo>
#include <QTest>

using namespace planlines;
using layers::MapViewport;

namespace {

const QString kControls = QStringLiteral(PLANLINES_SOURCE_DIR "/tests/layers/controls");
const QSize kSize(480, 320);

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

} // namespace

class CountyRenderTest : public QObject
{
    Q_OBJECT

    std::optional<layers::ProjectMap> m_map;
    std::vector<bool> m_visible;

    const layers::MapLayer &layer(geodata::Role role) const
    {
        for (const auto &l : m_map->layers())
            if (l.entry.info.role == role && l.data->featureCount() > 0)
                return l;
        throw std::runtime_error("no layer of that role");
    }

    QImage render(const MapViewport &vp, bool labels = true) const
    {
        layers::MapRenderer::Options options;
        options.labels = labels;
        return layers::MapRenderer(options).renderImage(vp, m_map->renderLayers(m_visible));
    }

    // Compares image with the control of that name (or writes it when updating).
    void compareWithControl(const QImage &rendered, const QString &name)
    {
        const QImage image = rendered.convertToFormat(QImage::Format_RGB32);
        const QString path = kControls + u'/' + name + QStringLiteral(".png");
        if (qEnvironmentVariableIsSet("PLANLINES_UPDATE_CONTROLS")) {
            QVERIFY(QDir().mkpath(kControls));
            QVERIFY(image.save(path, "PNG"));
            qInfo("wrote %s", qPrintable(path));
            return;
        }
        const QImage control = QImage(path).convertToFormat(QImage::Format_RGB32);
        QVERIFY2(!control.isNull(), qPrintable(path + QStringLiteral(" is missing")));
        QCOMPARE(image.size(), control.size());
        int differing = 0;
        double sum = 0;
        for (int y = 0; y < image.height(); ++y) {
            const auto *a = reinterpret_cast<const QRgb *>(image.constScanLine(y));
            const auto *b = reinterpret_cast<const QRgb *>(control.constScanLine(y));
            for (int x = 0; x < image.width(); ++x) {
                const int d = std::max({std::abs(qRed(a[x]) - qRed(b[x])),
                                        std::abs(qGreen(a[x]) - qGreen(b[x])),
                                        std::abs(qBlue(a[x]) - qBlue(b[x]))});
                sum += d;
                differing += d > 40;
            }
        }
        const int pixels = image.width() * image.height();
        const double mean = sum / pixels;
        // At most 0.3 % of the pixels clearly different, and a mean difference under 1.5 levels.
        const bool ok = differing <= pixels * 3 / 1000 && mean < 1.5;
        if (!ok) {
            const QString out = QDir::temp().filePath(QStringLiteral("planlines-%1.png").arg(name));
            image.save(out);
            QFAIL(qPrintable(QStringLiteral("%1: %2 pixels differ clearly, mean difference %3; "
                                            "the render is at %4")
                                 .arg(name)
                                 .arg(differing)
                                 .arg(mean, 0, 'f', 2)
                                 .arg(out)));
        }
    }

private slots:
    void initTestCase()
    {
        if (PLANLINES_SAMPLE_PARCELS != 80000)
            QSKIP("the controls are of the 80 000-parcel sample (-DPLANLINES_SAMPLE_PARCELS)");
        if (!QFileInfo::exists(QStringLiteral(PLANLINES_SAMPLE_DB)))
            QSKIP("the sample county has not been built (target sample_county)");
        m_map = layers::ProjectMap::load(PLANLINES_SAMPLE_DB, layers::LayerCatalog::load());
        for (const auto &l : m_map->layers())
            m_visible.push_back(l.entry.visibleByDefault);
    }

    void wholeCounty()
    {
        const auto vp = MapViewport::fitting(m_map->homeExtent(), kSize, 4);
        compareWithControl(render(vp), QStringLiteral("county"));
    }

    void township()
    {
        const auto extent =
            layers::ExtentSpec::parse(QStringLiteral("township:田镇街道")).resolve(*m_map);
        compareWithControl(render(MapViewport::fitting(extent, kSize)), QStringLiteral("township"));
    }

    void siteAt1To5000()
    {
        const auto e = layers::ExtentSpec::parse(QStringLiteral("site:经济开发区智能装备制造项目"))
                           .resolve(*m_map);
        const MapViewport vp({(e.minX + e.maxX) / 2, (e.minY + e.maxY) / 2}, 1, kSize);
        compareWithControl(render(vp.withScaleDenominator(5000)), QStringLiteral("site5000"));
    }

    void redLineIsHatchedRed()
    {
        const auto &red = layer(geodata::Role::EcoRedline);
        // Each red line at 1:10 000 around its label point (inside it); the one whose view
        // is most inside is checked.
        std::uint32_t f = 0;
        double bestShare = -1;
        for (std::uint32_t i = 0; i < red.data->featureCount(); ++i) {
            const auto a = red.data->labelAnchor(i);
            int in = 0;
            for (int dy = -150; dy <= 150; dy += 50)
                for (int dx = -150; dx <= 150; dx += 50)
                    in += contains(*red.data, i, a.easting + dx, a.northing + dy);
            if (in > bestShare) {
                bestShare = in;
                f = i;
            }
        }
        const auto anchor = red.data->labelAnchor(f);
        const MapViewport vp({anchor.easting, anchor.northing}, 1, QSize(400, 400));
        const MapViewport view = vp.withScaleDenominator(10000);
        const QImage image = render(view, false);
        int inside = 0, red_ = 0, outsideRed = 0, outside = 0;
        for (int y = 20; y < 380; y += 3)
            for (int x = 20; x < 380; x += 3) {
                const auto w = view.pixelToWorld(QPointF(x + 0.5, y + 0.5));
                const QColor c = image.pixelColor(x, y);
                const bool isRed = c.red() > 180 && c.green() < 110 && c.blue() < 110;
                // Well inside or well outside (3 px), away from the outline.
                bool allIn = true, allOut = true;
                for (const QPointF d : {QPointF(-3, 0), QPointF(3, 0), QPointF(0, -3),
                                        QPointF(0, 3), QPointF(0, 0)}) {
                    const auto p = view.pixelToWorld(QPointF(x + 0.5, y + 0.5) + d);
                    const bool in = contains(*red.data, f, p.easting, p.northing);
                    allIn = allIn && in;
                    allOut = allOut && !in;
                }
                Q_UNUSED(w);
                if (allIn) {
                    ++inside;
                    red_ += isRed;
                } else if (allOut) {
                    ++outside;
                    outsideRed += isRed;
                }
            }
        QVERIFY2(inside > 200, qPrintable(QString::number(inside)));
        // Hatch lines 0.3 mm wide every 2 mm: a sixth to a fifth of the area, a little more
        // with antialiasing; nothing of the kind outside (a few red parcels at most).
        const double share = double(red_) / inside;
        QVERIFY2(share > 0.08 && share < 0.4, qPrintable(QString::number(share)));
        QVERIFY2(outside == 0 || double(outsideRed) / outside < 0.03,
                 qPrintable(QStringLiteral("%1 of %2").arg(outsideRed).arg(outside)));
    }

    void basicFarmlandTintsTheParcelColour()
    {
        const auto &farmland = layer(geodata::Role::BasicFarmland);
        const auto &landuse = layer(geodata::Role::Landuse);
        const auto &style = *landuse.entry.style;
        const QColor tint = farmland.entry.style->symbol().fill; // #59F0C030
        // A farmland polygon: its label point is inside it; find the parcel there.
        int checked = 0;
        for (std::uint32_t f = 0; f < farmland.data->featureCount() && checked < 5; f += 997) {
            const auto a = farmland.data->labelAnchor(f);
            if (!contains(*farmland.data, f, a.easting, a.northing))
                continue;
            std::vector<std::uint32_t> ids;
            landuse.data->query({a.easting - 1, a.northing - 1, a.easting + 1, a.northing + 1},
                                ids);
            std::optional<std::uint32_t> parcel;
            for (const auto id : ids)
                if (contains(*landuse.data, id, a.easting, a.northing))
                    parcel = id;
            if (!parcel)
                continue;
            const auto value = landuse.data->categoryValues()[landuse.data->categoryIndex(*parcel)];
            const QColor under = style.symbolFor(value).fill;
            // Source-over of the tint on the parcel's colour.
            const double al = tint.alphaF();
            const QColor expected(qRound(tint.red() * al + under.red() * (1 - al)),
                                  qRound(tint.green() * al + under.green() * (1 - al)),
                                  qRound(tint.blue() * al + under.blue() * (1 - al)));
            const MapViewport vp({a.easting, a.northing}, 0.25, QSize(41, 41));
            const QColor got = render(vp, false).pixelColor(20, 20);
            QVERIFY2(
                std::abs(got.red() - expected.red()) <= 3 &&
                    std::abs(got.green() - expected.green()) <= 3 &&
                    std::abs(got.blue() - expected.blue()) <= 3,
                qPrintable(QStringLiteral("parcel %1 (DLBM %2): %3, expected %4")
                               .arg(landuse.data->featureId(*parcel))
                               .arg(QString::fromStdString(value), got.name(), expected.name())));
            ++checked;
        }
        QVERIFY2(checked >= 3, qPrintable(QString::number(checked)));
    }
};

QTEST_MAIN(CountyRenderTest)
#include "countyrendertest.moc"
