// LeveeLine on the sample county's levee: chainage of a vertex equals the cumulative length the
// test computes from the stored coordinates, point → chainage → point round trips to 0.1 m,
// points beside the levee project to their foot, and bad input gives clear errors. Run on both
// engines: the _pg twin loads the levee from a copy of the sample published into PostGIS
// (samplecopy.h); the vertices it is checked against are read from the sample file.
#include "../testsupport.h"
#include "samplecopy.h"

#include <geodata/chainage.h>
#include <geodata/corridor/corridor.h>

#include <QTest>

#include <cmath>

using namespace planlines::geodata;
using namespace planlines::geodata::corridor;

class LeveeLineTest : public QObject
{
    Q_OBJECT

    planlines::testing::SampleCopy m_sample;
    std::unique_ptr<Project> m_project;
    std::optional<Corridor> m_corridor;
    std::vector<double> m_xy;  // the levee's vertices, read with SQL
    std::vector<double> m_cum; // cumulative length at each vertex, computed here

private slots:
    void initTestCase()
    {
        m_project = Project::open(m_sample.location(), /*readOnly=*/true);
        m_corridor = Corridor::load(*m_project);
        QVERIFY(m_corridor->hasLevee());
        // The levee's vertices straight from the sample file's table, independent of LeveeLine.
        const auto file = Project::open(PLANLINES_SAMPLE_DB, /*readOnly=*/true);
        auto st = file->db().prepare(
            "SELECT ST_X(ST_PointN(ST_GeometryN(geom, 1), n.i)), "
            "ST_Y(ST_PointN(ST_GeometryN(geom, 1), n.i)) FROM levee, "
            "(WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 100000) "
            "SELECT i FROM s) n WHERE n.i <= ST_NumPoints(ST_GeometryN(geom, 1)) ORDER BY n.i");
        while (st.step()) {
            m_xy.push_back(st.real(0));
            m_xy.push_back(st.real(1));
        }
        QVERIFY(m_xy.size() >= 6);
        m_cum.push_back(0);
        for (std::size_t i = 2; i < m_xy.size(); i += 2)
            m_cum.push_back(m_cum.back() +
                            std::hypot(m_xy[i] - m_xy[i - 2], m_xy[i + 1] - m_xy[i - 1]));
    }

    void lengthIsTheLeveeOfDomainMd()
    {
        // DOMAIN.md: 46.92 km of levee.
        PL_COMPARE_NEAR(m_corridor->levee().lengthM(), m_cum.back(), 0.001, "m");
        PL_COMPARE_NEAR(m_corridor->levee().lengthM() / 1000, 46.92, 0.05, "km");
    }

    void vertexChainageIsCumulativeLength()
    {
        const auto &levee = m_corridor->levee();
        const std::size_t n = m_cum.size();
        for (std::size_t k : {std::size_t(1), n / 3, n / 2, n - 2}) {
            const auto loc = levee.locate(m_xy[2 * k], m_xy[2 * k + 1]);
            PL_COMPARE_NEAR(loc.chainageM, m_cum[k], 0.1, "m");
            PL_COMPARE_NEAR(loc.offsetM, 0, 0.001, "m");
        }
    }

    void pointAtMatchesInterpolationByHand()
    {
        // K12+300 lies on some edge i: interpolate on it here and compare.
        const double s = *parseChainage("K12+300");
        std::size_t i = 0;
        while (m_cum[i + 1] < s)
            ++i;
        const double t = (s - m_cum[i]) / (m_cum[i + 1] - m_cum[i]);
        const double e = m_xy[2 * i] + t * (m_xy[2 * i + 2] - m_xy[2 * i]);
        const double nn = m_xy[2 * i + 1] + t * (m_xy[2 * i + 3] - m_xy[2 * i + 1]);
        const auto p = m_corridor->levee().pointAt(s);
        PL_COMPARE_NEAR(p.easting, e, 0.1, "m");
        PL_COMPARE_NEAR(p.northing, nn, 0.1, "m");
    }

    void roundTrip_data()
    {
        QTest::addColumn<double>("chainage");
        for (double s : {0.0, 0.1, 1234.5, 12300.0, 23456.7, 40000.0, 46900.0})
            QTest::newRow(formatChainage(s, 1).c_str()) << s;
    }
    void roundTrip()
    {
        QFETCH(double, chainage);
        const auto &levee = m_corridor->levee();
        const auto p = levee.pointAt(chainage);
        const auto loc = levee.locate(p.easting, p.northing);
        PL_COMPARE_NEAR(loc.chainageM, chainage, 0.1, "m");
        const auto back = levee.pointAt(loc.chainageM);
        PL_COMPARE_NEAR(std::hypot(back.easting - p.easting, back.northing - p.northing), 0, 0.1,
                        "m");
    }

    void pointBesideTheLeveeProjectsToItsFoot()
    {
        // 50 m off the middle of an edge, perpendicular: chainage of the foot, offset 50 m.
        const std::size_t i = m_cum.size() / 2;
        const double dx = m_xy[2 * i + 2] - m_xy[2 * i], dy = m_xy[2 * i + 3] - m_xy[2 * i + 1];
        const double len = std::hypot(dx, dy);
        const double fe = m_xy[2 * i] + dx / 2, fn = m_xy[2 * i + 1] + dy / 2;
        const auto loc = m_corridor->levee().locate(fe - dy / len * 50, fn + dx / len * 50);
        PL_COMPARE_NEAR(loc.chainageM, m_cum[i] + len / 2, 0.1, "m");
        PL_COMPARE_NEAR(loc.offsetM, 50, 0.01, "m");
    }

    void segmentsCoverTheLeveeInOrder()
    {
        const auto &segs = m_corridor->segments();
        QCOMPARE(segs.size(), std::size_t(47));
        QCOMPARE(segs.front().id, std::string("YBQ-001"));
        PL_COMPARE_NEAR(segs.front().startM, 0, 0.001, "m");
        PL_COMPARE_NEAR(segs.back().endM, m_corridor->levee().lengthM(), 0.01, "m");
        // The segment at the chainage of a segment's centre point is that segment.
        const auto *s = m_corridor->segment("YBQ-013");
        QVERIFY(s);
        const auto p = m_corridor->levee().pointAt((s->startM + s->endM) / 2);
        const auto loc = m_corridor->levee().locate(p.easting, p.northing);
        QCOMPARE(m_corridor->segmentAt(loc.chainageM)->id, std::string("YBQ-013"));
    }

    void outsideTheLeveeIsAnError()
    {
        PL_VERIFY_THROWS_WITH(Error, m_corridor->levee().pointAt(60000), "chainage 60000.0 m",
                              "outside the levee");
        PL_VERIFY_THROWS_WITH(Error, m_corridor->levee().pointAt(-5), "chainage -5.0 m");
    }

    void disjointLinesAreRefused()
    {
        const Geometry two = Geometry::fromWkt("MULTILINESTRING ((0 0, 100 0), (200 0, 300 0))");
        PL_VERIFY_THROWS_WITH(Error, LeveeLine(two, "堤"), "not one continuous line", "2 pieces",
                              "levee layer 堤");
        // Pieces that meet end to end merge into one line.
        const LeveeLine merged(Geometry::fromWkt("MULTILINESTRING ((0 0, 100 0), (100 0, 100 50))"),
                               "堤");
        PL_COMPARE_NEAR(merged.lengthM(), 150, 1e-9, "m");
        PL_COMPARE_NEAR(merged.locate(100, 20).chainageM, 120, 1e-9, "m");
    }
};

QTEST_GUILESS_MAIN(LeveeLineTest)
#include "leveelinetest.moc"
