// Identify hit-testing against the in-memory layers: overlapping polygons both answer, a hole
// answers only for what covers it, points within a few pixels (tolerance in metres = pixels ×
// metres per pixel), lines within tolerance; the highlight path leaves holes open.
#include "common/teststore.h"
#include "hitproject.h"

#include <layers/featurehit.h>
#include <layers/layercatalog.h>
#include <layers/layerdata.h>

#include <QTemporaryDir>
#include <QTest>

using namespace planlines;
using layers::LayerData;
using testing::HitProject;

class FeatureHitTest : public QObject
{
    Q_OBJECT

private:
    static constexpr double E = HitProject::E;
    static constexpr double N = HitProject::N;
    QTemporaryDir m_dir;
    planlines::geodata::test::TestStore m_store{"featurehit"};
    std::unique_ptr<geodata::Project> m_project;
    layers::LayerCatalog m_catalog;

    std::shared_ptr<const LayerData> load(const std::string &name)
    {
        const auto info = m_project->layer(name);
        return LayerData::load(*m_project, *info,
                               LayerData::optionsFor(*m_catalog.style(info->role)));
    }
    static QList<qint64> fids(const LayerData &d, const std::vector<layers::FeatureHit> &hits)
    {
        QList<qint64> out;
        for (const auto &h : hits)
            out << d.featureId(h.feature);
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_catalog = layers::LayerCatalog::load();
        // A SpatiaLite file, or a PostGIS database in the _pg twin.
        HitProject::create(m_store.location());
        m_project = geodata::Project::open(m_store.location(), true);
    }

    void overlappingPolygonsBothAnswer()
    {
        const auto d = load("landuse");
        QCOMPARE(fids(*d, hitTest(*d, {E + 70, N + 70}, 0)), (QList<qint64>{1, 2}));
        QCOMPARE(fids(*d, hitTest(*d, {E + 20, N + 20}, 0)), (QList<qint64>{1}));
        QCOMPARE(fids(*d, hitTest(*d, {E + 140, N + 140}, 0)), (QList<qint64>{2}));
        QVERIFY(hitTest(*d, {E + 300, N + 300}, 0).empty());
    }

    void holesAreNotInside()
    {
        const auto d = load("landuse");
        // In A's hole, outside B: nothing.
        QVERIFY(hitTest(*d, {E + 45, N + 45}, 0).empty());
        // In A's hole where B covers it: only B.
        QCOMPARE(fids(*d, hitTest(*d, {E + 55, N + 55}, 0)), (QList<qint64>{2}));
        // 1 m from the hole's edge, with a 2 m tolerance: A's boundary is near enough.
        QCOMPARE(fids(*d, hitTest(*d, {E + 45, N + 41}, 2)), (QList<qint64>{1}));
    }

    void pointsWithinPixelTolerance()
    {
        const auto d = load("site");
        // 0.5 m per pixel, 4 px tolerance = 2 m.
        const double tol = 4 * 0.5;
        auto hits = hitTest(*d, {E + 201, N + 200}, tol);
        QCOMPARE(fids(*d, hits), (QList<qint64>{1, 2})); // 1 m and 2 m away, nearest first
        QVERIFY(std::abs(hits[0].distanceM - 1) < 1e-3);
        QVERIFY(std::abs(hits[1].distanceM - 2) < 1e-3);
        QCOMPARE(fids(*d, hitTest(*d, {E + 198.5, N + 200}, tol)), (QList<qint64>{1}));
        QVERIFY(hitTest(*d, {E + 200, N + 203}, tol).empty());
        // Zoomed out to 5 m per pixel the same 4 px reach 20 m.
        QCOMPARE(hitTest(*d, {E + 200, N + 215}, 4 * 5.0).size(), 2u);
    }

    void linesWithinTolerance()
    {
        const auto d = load("levee");
        const auto hits = hitTest(*d, {E + 500, N + 1.5}, 2);
        QCOMPARE(hits.size(), 1u);
        QVERIFY(std::abs(hits[0].distanceM - 1.5) < 1e-3);
        QVERIFY(hitTest(*d, {E + 500, N + 1.5}, 1).empty());
        // Near the corner's second leg.
        QCOMPARE(hitTest(*d, {E + 1001, N + 600}, 2).size(), 1u);
        // Inside the L's bend a line does not "contain" anything.
        QVERIFY(hitTest(*d, {E + 500, N + 500}, 2).empty());
    }

    void highlightPathLeavesTheHoleOpen()
    {
        const auto d = load("landuse");
        const QPainterPath a = layers::featurePath(*d, 0);
        QVERIFY(a.contains(QPointF(E + 20, N + 20)));
        QVERIFY(!a.contains(QPointF(E + 50, N + 50)));
        QVERIFY(std::abs(a.boundingRect().left() - E) < 0.01);
        QVERIFY(std::abs(a.boundingRect().right() - (E + 100)) < 0.01);
        QCOMPARE(layers::featureIndex(*d, 2), 1);
        QCOMPARE(layers::featureIndex(*d, 99), -1);
    }
};

QTEST_GUILESS_MAIN(FeatureHitTest)
#include "featurehittest.moc"
