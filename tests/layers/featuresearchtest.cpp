// The search box's lookups and the identify panel's details on a small project: site, township
// and parcel codes; a chainage interpolated on an L-shaped levee (to 1 mm) with its corridor
// segment; typed coordinates transformed to the working CRS (to 1 mm); attributes under their
// Chinese names with areas; clear messages when nothing is found.
#include "hitproject.h"

#include <layers/featuredetails.h>
#include <layers/featuresearch.h>

#include <geodata/coordinatetransform.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace planlines;
using testing::HitProject;

class FeatureSearchTest : public QObject
{
    Q_OBJECT

private:
    static constexpr double E = HitProject::E;
    static constexpr double N = HitProject::N;
    QTemporaryDir m_dir;
    std::unique_ptr<geodata::Project> m_project;

    static void compareMm(double actual, double expected)
    {
        QVERIFY2(std::abs(actual - expected) < 0.001,
                 qPrintable(QStringLiteral("%1, expected %2 (tolerance 1 mm)")
                                .arg(actual, 0, 'f', 4)
                                .arg(expected, 0, 'f', 4)));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        HitProject::create(m_dir.filePath("s.sqlite").toStdString());
        m_project = geodata::Project::open(m_dir.filePath("s.sqlite").toStdString(), true);
    }

    void findsSitesByPartOfTheName()
    {
        const auto out = layers::search(*m_project, QStringLiteral("光伏"));
        QCOMPARE(out.results.size(), 1u);
        QCOMPARE(out.results[0].title, QStringLiteral("通威农光互补光伏项目"));
        QCOMPARE(out.results[0].detail, QStringLiteral("项目选址 · 项目名称"));
        QCOMPARE(out.results[0].table, std::string("site"));
        QCOMPARE(out.results[0].fid, 1);
        compareMm(out.results[0].envelope.minX, E + 200);
    }

    void findsTownshipsAndParcelCodes()
    {
        auto out = layers::search(*m_project, QStringLiteral("田镇"));
        QCOMPARE(out.results.size(), 1u);
        QCOMPARE(out.results[0].title, QStringLiteral("田镇街道"));
        out = layers::search(*m_project, QStringLiteral("370322001000000002"));
        QCOMPARE(out.results.size(), 1u);
        QCOMPARE(out.results[0].table, std::string("landuse"));
        QCOMPARE(out.results[0].fid, 2);
        compareMm(out.results[0].envelope.maxX, E + 150);
        out = layers::search(*m_project, QStringLiteral("0001")); // TBBH, whole codes only
        QCOMPARE(out.results.size(), 1u);
        QCOMPARE(out.results[0].detail, QStringLiteral("地类图斑 · 图斑编号"));
        out = layers::search(*m_project, QStringLiteral("000"));
        QVERIFY(out.results.empty());
        QCOMPARE(out.message, QStringLiteral("未找到“000”"));
    }

    void codeColumnsAreIndexedOnce()
    {
        // A copy, so the shared project keeps scanning (and the read-only case is the copy's).
        const QString path = m_dir.filePath("indexed.sqlite");
        QVERIFY(QFile::copy(m_dir.filePath("s.sqlite"), path));
        const std::string file = path.toStdString();
        const auto plan = [&] {
            auto p = geodata::Project::open(file, true);
            auto st = p->db().prepare(
                "EXPLAIN QUERY PLAN SELECT rowid FROM landuse WHERE BSM = '370322001000000002'");
            std::string detail;
            while (st.step())
                detail += st.text(3);
            return detail;
        };
        QVERIFY2(plan().find("INDEX") == std::string::npos, plan().c_str());
        QVERIFY(layers::indexSearchCodes(file));
        QVERIFY2(plan().find("INDEX search_landuse_BSM") != std::string::npos,
                 plan().c_str());
        QVERIFY(layers::indexSearchCodes(file)); // again: nothing to do, no error
        auto p = geodata::Project::open(file, true);
        const auto out = layers::search(*p, QStringLiteral("370322001000000002"));
        QCOMPARE(out.results.size(), 1u);
        QCOMPARE(out.results[0].fid, 2);
        // Names are not indexed (they match any part).
        QCOMPARE(std::get<std::int64_t>(*p->db().scalar(
                     "SELECT count(*) FROM sqlite_master WHERE name = 'search_site_XMMC'")),
                 std::int64_t(0));
        // A file that cannot be opened for writing: false, nothing made, no throw.
        QVERIFY(!layers::indexSearchCodes(m_dir.filePath("no/such/dir.sqlite").toStdString()));
    }

    void chainageOnTheLevee()
    {
        // K1+300: 1 000 m east along the first leg, then 300 m north.
        auto out = layers::search(*m_project, QStringLiteral("K1+300"));
        QCOMPARE(out.results.size(), 1u);
        const auto &r = out.results[0];
        QVERIFY(r.point);
        compareMm(r.point->easting, E + 1000);
        compareMm(r.point->northing, N + 300);
        QCOMPARE(r.title, QStringLiteral("K1+300"));
        QCOMPARE(r.table, std::string("corridor")); // the segment YB02 (1 000–2 000 m)
        QCOMPARE(r.fid, 2);
        out = layers::search(*m_project, QStringLiteral("K0+250.5"));
        compareMm(out.results[0].point->easting, E + 250.5);
        compareMm(out.results[0].point->northing, N);
        QCOMPARE(out.results[0].fid, 1);
    }

    void chainageBeyondTheEnd()
    {
        const auto out = layers::search(*m_project, QStringLiteral("K3+000"));
        QVERIFY(out.results.empty());
        QCOMPARE(out.message, QStringLiteral("黄河大堤 K3+000: 超出线的终点（K2+000）"));
    }

    void prefixedAndUnprefixedCoordinates()
    {
        for (const QString &input : {QStringLiteral("4115600.25, 39571000.5"),
                                     QStringLiteral("X=4115600.25 Y=571000.5")}) {
            const auto out = layers::search(*m_project, input);
            QCOMPARE(out.results.size(), 1u);
            compareMm(out.results[0].point->easting, 571000.5);
            compareMm(out.results[0].point->northing, 4115600.25);
        }
    }

    void lonLatInDecimalAndDms()
    {
        double expected[2] = {117 + 33.0 / 60 + 12.0 / 3600, 37 + 12.0 / 60 + 30.0 / 3600};
        geodata::CoordinateTransform("EPSG:4490", "EPSG:4548").transform(expected);
        for (const QString &input : {QStringLiteral("117°33′12″E 37°12′30″N"),
                                     QStringLiteral("37.208333333333, 117.553333333333")}) {
            const auto out = layers::search(*m_project, input);
            QCOMPARE(out.results.size(), 1u);
            compareMm(out.results[0].point->easting, expected[0]);
            compareMm(out.results[0].point->northing, expected[1]);
        }
        // The place is in Gaoqing: within the county's eastings and northings.
        QVERIFY(expected[0] > 548000 && expected[0] < 595000);
        QVERIFY(expected[1] > 4104000 && expected[1] < 4133000);
    }

    void detailsWithChineseNamesAndArea()
    {
        const auto info = m_project->layer("landuse");
        const auto d = layers::readFeatureDetails(*m_project, *info, 1);
        QCOMPARE(d.attributes.size(), 4u);
        QCOMPARE(d.attributes[0].alias, QStringLiteral("标识码"));
        QCOMPARE(d.attributes[0].value, QStringLiteral("370322001000000001"));
        // DLBM has no alias in the registry: the standard code's alias.
        QCOMPARE(d.attributes[2].field, QStringLiteral("DLBM"));
        QCOMPARE(d.attributes[2].alias, QStringLiteral("地类编码"));
        QCOMPARE(d.attributes[2].value, QStringLiteral("0101"));
        QCOMPARE(d.attributes[3].value, QStringLiteral("9600"));
        QVERIFY(d.areaM2);
        QVERIFY(std::abs(*d.areaM2 - 9600) < 0.01); // 100 × 100 less the 20 × 20 hole
        QVERIFY(!d.lengthM);
        const auto levee = layers::readFeatureDetails(*m_project, *m_project->layer("levee"), 1);
        QVERIFY(levee.lengthM);
        QVERIFY(std::abs(*levee.lengthM - 2000) < 0.001);
        QVERIFY_THROWS_EXCEPTION(geodata::Error, layers::readFeatureDetails(*m_project, *info, 42));
    }
};

QTEST_GUILESS_MAIN(FeatureSearchTest)
#include "featuresearchtest.moc"
