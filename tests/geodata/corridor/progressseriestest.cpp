// progressSeries and townshipStatus: the chart data, by hand on the fixture, and the sample
// county reaching its whole length by the end of 2023 (DOMAIN.md) with the plan ahead of it.
// Run on both engines: the _pg twin writes the fixture into PostGIS and reads a copy of the sample
// county published there (samplecopy.h), checked against the sample file's own SQL.
#include "../testsupport.h"
#include "common/teststore.h"
#include "corridorfixture.h"
#include "samplecopy.h"

#include <geodata/corridor/progressseries.h>

#include <QTest>

using namespace planlines;
using namespace planlines::geodata;
using namespace planlines::geodata::corridor;

class ProgressSeriesTest : public QObject
{
    Q_OBJECT

    testing::SampleCopy m_sample; // the file, or its copy on PostGIS in the _pg run

private slots:
    void fixtureSeriesByHand()
    {
        const geodata::test::TestStore store{"series"};
        auto project = Project::open(testing::CorridorFixture::create(store.location()));
        const Corridor corridor = Corridor::load(*project);
        const ProgressSeries s = progressSeries(corridor);
        // Finished: 0 from 2020-06-30; T-001 on 2021-05-01; T-002 on 2021-09-01 (its
        // acceptance on 2021-12-01 changes nothing); T-003's start changes nothing.
        QCOMPARE(s.actual.size(), std::size_t(3));
        QCOMPARE(s.actual[0].date, std::string("2020-06-30"));
        QCOMPARE(s.actual[0].lengthM, 0.0);
        QCOMPARE(s.actual[1].date, std::string("2021-05-01"));
        QCOMPARE(s.actual[1].lengthM, 1000.0);
        PL_COMPARE_NEAR(s.actual[1].areaM2, 80000, 0.01, "m²");
        QCOMPARE(s.actual[2].date, std::string("2021-09-01"));
        QCOMPARE(s.actual[2].lengthM, 2000.0);
        PL_COMPARE_NEAR(s.actual[2].areaM2, 160000, 0.01, "m²");
        // Plan: T-001, T-002 by 2021-06-30; T-003, T-004 by 2022-06-30.
        QCOMPARE(s.planned.size(), std::size_t(2));
        QCOMPARE(s.planned[0].date, std::string("2021-06-30"));
        QCOMPARE(s.planned[0].lengthM, 2000.0);
        QCOMPARE(s.planned[1].date, std::string("2022-06-30"));
        QCOMPARE(s.planned[1].lengthM, 3000.0);
        PL_COMPARE_NEAR(s.planned[1].areaM2, 255000, 0.01, "m²");
        QCOMPARE(s.totalLengthM, 3000.0);
        // Step values between points.
        QCOMPARE(ProgressSeries::valueOn(s.actual, "2021-08-31").lengthM, 1000.0);
        QCOMPARE(ProgressSeries::valueOn(s.planned, "2021-06-29").lengthM, 0.0);
        QCOMPARE(ProgressSeries::valueOn(s.planned, "2030-01-01").lengthM, 3000.0);

        // Status by township on 2021-06-30: 青城镇 1000 m completed + 1000 m 施工中; 木李镇
        // 1000 m planned.
        const auto t = townshipStatus(CorridorState::on(corridor, "2021-06-30"));
        QCOMPARE(t.townships, (std::vector<std::string>{"青城镇", "木李镇"}));
        auto col = [](Status st) {
            return static_cast<std::size_t>(
                std::find(kAllStatuses.begin(), kAllStatuses.end(), st) - kAllStatuses.begin());
        };
        QCOMPARE(t.lengthM[0][col(Status::Completed)], 1000.0);
        QCOMPARE(t.lengthM[0][col(Status::UnderConstruction)], 1000.0);
        QCOMPARE(t.lengthM[0][col(Status::Planned)], 0.0);
        QCOMPARE(t.lengthM[1][col(Status::Planned)], 1000.0);
        PL_COMPARE_NEAR(t.areaM2[1][col(Status::Planned)], 95000, 0.01, "m²");
    }

    void sampleReachesItsLengthByEnd2023()
    {
        auto project = Project::open(m_sample.location(), true);
        const Corridor corridor = Corridor::load(*project);
        const ProgressSeries s = progressSeries(corridor);
        QVERIFY(!s.actual.empty() && !s.planned.empty());
        // Monotonic, ends at the whole corridor, the last segment finished in December 2023.
        for (std::size_t i = 1; i < s.actual.size(); ++i)
            QVERIFY(s.actual[i].lengthM >= s.actual[i - 1].lengthM);
        PL_COMPARE_NEAR(s.actual.back().lengthM, s.totalLengthM, 0.001, "m");
        PL_COMPARE_NEAR(s.actual.back().areaM2, s.totalAreaM2, 0.01, "m²");
        QVERIFY2(s.actual.back().date >= "2023-12-01" && s.actual.back().date <= "2023-12-31",
                 s.actual.back().date.c_str());
        PL_COMPARE_NEAR(s.planned.back().lengthM, s.totalLengthM, 0.001, "m");
        // Against a sum by SQL of the segments finished by 2022-06-30.
        // (The file's own SQL; on PostGIS the copy is checked against it.)
        auto file = Project::open(PLANLINES_SAMPLE_DB, true);
        const double sqlLen = std::get<double>(*file->db().scalar(
            "SELECT SUM(ZDLC - QDLC) FROM corridor c WHERE (SELECT status FROM corridor_progress "
            "p WHERE p.segment_id = c.SEGID AND p.date <= '2022-06-30' ORDER BY date DESC, id "
            "DESC LIMIT 1) IN ('completed', 'accepted', 'maintenance')"));
        PL_COMPARE_NEAR(ProgressSeries::valueOn(s.actual, "2022-06-30").lengthM, sqlLen, 0.001,
                        "m");
    }
};

QTEST_GUILESS_MAIN(ProgressSeriesTest)
#include "progressseriestest.moc"
