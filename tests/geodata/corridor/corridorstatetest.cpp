// CorridorState: the status of each segment on a date and the totals by status and township,
// against sums the test computes with SQL straight from the tables (sample county), and against
// the fixture's hand-written numbers. Run on both engines: the _pg twin writes the fixture into
// PostGIS and reads a copy of the sample county published there (samplecopy.h), its sums still
// taken from the sample file's own SQL.
#include "../testsupport.h"
#include "common/teststore.h"
#include "corridorfixture.h"
#include "samplecopy.h"

#include <geodata/area.h>
#include <geodata/corridor/corridorstate.h>

#include <QJsonArray>
#include <QTest>

#include <map>

using namespace planlines;
using namespace planlines::geodata;
using namespace planlines::geodata::corridor;

class CorridorStateTest : public QObject
{
    Q_OBJECT

    testing::SampleCopy m_sample; // the file, or its copy on PostGIS in the _pg run

    // SQL: each segment's last status on or before date, summed by status (and township).
    struct Sum
    {
        int n = 0;
        double lengthM = 0, areaM2 = 0;
    };
    static std::map<std::string, Sum> sqlSums(Project &project, const std::string &date,
                                              bool byTownship)
    {
        const std::string table = project.layers(Role::Corridor).front().table;
        const std::string key = byTownship ? "XZQMC || '/' || " : "";
        auto st = project.db().prepare(
            "SELECT " + key +
            "COALESCE(status, 'none'), COUNT(*), SUM(len), SUM(area) FROM "
            "(SELECT c.XZQMC, c.ZDLC - c.QDLC AS len, ST_Area(c.geom) AS area, "
            "(SELECT p.status FROM corridor_progress p WHERE p.segment_id = c.SEGID AND p.date "
            "<= ? ORDER BY p.date DESC, p.id DESC LIMIT 1) AS status FROM " +
            quoteIdentifier(table) + " c) GROUP BY 1");
        st.bind(1, date);
        std::map<std::string, Sum> out;
        while (st.step())
            out[st.text(0)] = {static_cast<int>(st.int64(1)), st.real(2), st.real(3)};
        return out;
    }

private slots:
    void sampleTotalsMatchSql_data()
    {
        QTest::addColumn<QString>("date");
        for (const char *d : {"2019-12-31", "2020-06-30", "2021-06-30", "2022-06-30", "2023-06-30",
                              "2023-12-31", "2024-06-30"})
            QTest::newRow(d) << QString::fromLatin1(d);
    }
    void sampleTotalsMatchSql()
    {
        QFETCH(QString, date);
        auto project = Project::open(m_sample.location(), true);
        const Corridor corridor = Corridor::load(*project);
        const auto state = CorridorState::on(corridor, date.toStdString());
        // The answers from the sample file's own SQL (on PostGIS: the copy checked against it).
        auto file = Project::open(PLANLINES_SAMPLE_DB, true);
        const auto sums = sqlSums(*file, date.toStdString(), false);
        int segments = 0;
        for (Status s : kAllStatuses) {
            const auto it = sums.find(std::string(statusId(s)));
            const Sum want = it == sums.end() ? Sum{} : it->second;
            const Totals &got = state.byStatus().at(s);
            QCOMPARE(got.segments, want.n);
            PL_COMPARE_NEAR(got.lengthM, want.lengthM, 0.001, "m");
            PL_COMPARE_NEAR(got.areaM2, want.areaM2, 0.01, "m²");
            segments += got.segments;
        }
        QCOMPARE(segments, 47);
        const auto towns = sqlSums(*file, date.toStdString(), true);
        for (const auto &t : state.byTownship())
            for (const auto &[status, totals] : t.byStatus) {
                const auto it = towns.find(t.name + "/" + std::string(statusId(status)));
                QVERIFY2(it != towns.end(), (t.name + " " + std::string(statusId(status))).c_str());
                QCOMPARE(totals.segments, it->second.n);
                PL_COMPARE_NEAR(totals.areaM2, it->second.areaM2, 0.01, "m²");
                PL_COMPARE_NEAR(totals.lengthM, it->second.lengthM, 0.001, "m");
            }
    }

    void sampleFollowsDomainHistory()
    {
        // DOMAIN.md: planned 2020, built in sections, finished end-2023, maintained from 2024.
        auto project = Project::open(m_sample.location(), true);
        const Corridor corridor = Corridor::load(*project);
        QCOMPARE(CorridorState::on(corridor, "2020-01-01").byStatus().at(Status::None).segments,
                 47);
        QCOMPARE(CorridorState::on(corridor, "2020-07-01").byStatus().at(Status::Planned).segments,
                 47);
        const auto mid2022 = CorridorState::on(corridor, "2022-06-30");
        QVERIFY(mid2022.byStatus().at(Status::UnderConstruction).segments > 0);
        QVERIFY(mid2022.byStatus().at(Status::Planned).segments > 0);
        QVERIFY(mid2022.byStatus().at(Status::Accepted).segments > 0);
        const auto end2023 = CorridorState::on(corridor, "2023-12-31");
        QCOMPARE(end2023.byStatus().at(Status::Accepted).segments, 47);
        QCOMPARE(
            CorridorState::on(corridor, "2024-01-01").byStatus().at(Status::Maintenance).segments,
            47);
        // The 绿心公园 lies where 常家镇 meets 芦湖街道 (DOMAIN.md).
        std::vector<std::string> park;
        for (const auto &s : corridor.segments())
            if (s.works.find("绿心公园") != std::string::npos)
                park.push_back(s.townshipName);
        QCOMPARE(park, (std::vector<std::string>{"常家镇", "芦湖街道"}));
        // 423.3 ha in all (DOMAIN.md: 350 ha kept + 73.3 ha added), to 1 %.
        PL_COMPARE_NEAR(m2ToHa(end2023.total().areaM2), 423.3, 4.3, "ha");
    }

    void fixtureByHand()
    {
        const geodata::test::TestStore store{"corridorstate"};
        const std::string path = testing::CorridorFixture::create(store.location());
        auto project = Project::open(path);
        const Corridor corridor = Corridor::load(*project);
        const auto st = CorridorState::on(corridor, "2021-06-30");
        // T-001 completed; T-002 施工中 (30 %); T-003, T-004 planned.
        QCOMPARE(st.statusOf("T-001"), Status::Completed);
        QCOMPARE(st.statusOf("T-002"), Status::UnderConstruction);
        QCOMPARE(st.segments()[1].percent, 30.0);
        QCOMPARE(st.segments()[1].since, std::string("2021-03-01"));
        QCOMPARE(st.byStatus().at(Status::Completed).lengthM, 1000.0);
        PL_COMPARE_NEAR(st.byStatus().at(Status::Completed).areaM2, 80000, 0.01, "m²");
        PL_COMPARE_NEAR(st.byStatus().at(Status::Planned).lengthM, 1000, 0.001, "m");
        PL_COMPARE_NEAR(st.byStatus().at(Status::Planned).areaM2, 95000, 0.01, "m²");
        PL_COMPARE_NEAR(st.total().areaM2, 255000, 0.01, "m²");
        QCOMPARE(st.byTownship().size(), std::size_t(2));
        QCOMPARE(st.byTownship()[0].name, std::string("青城镇"));
        PL_COMPARE_NEAR(st.byTownship()[1].byStatus.at(Status::Planned).areaM2, 95000, 0.01, "m²");

        const QJsonObject json = st.toJson();
        QCOMPARE(json[u"by_status"][u"completed"][u"length_m"].toDouble(), 1000.0);
        QCOMPARE(json[u"by_status"][u"planned"][u"area_m2"].toDouble(), 95000.0);
        PL_COMPARE_NEAR(json[u"by_status"][u"planned"][u"area_mu"].toDouble(), 142.5, 0.005, "亩");
        QCOMPARE(json[u"by_status"][u"planned"][u"label"].toString(), QStringLiteral("规划"));
        QCOMPARE(json[u"by_township"][1][u"name"].toString(), QStringLiteral("木李镇"));
        QCOMPARE(json[u"by_township"][1][u"area_m2"].toDouble(), 95000.0);
        QCOMPARE(json[u"total"][u"area_ha"].toDouble(), 25.5);

        // Before any entry: 未记录.
        QCOMPARE(CorridorState::on(corridor, "2020-01-01").byStatus().at(Status::None).segments, 4);
    }
};

QTEST_GUILESS_MAIN(CorridorStateTest)
#include "corridorstatetest.moc"
