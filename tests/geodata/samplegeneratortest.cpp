// SampleGenerator: deterministic for a seed, different for another, and never leaves a
// half-written file behind.
#include "sampleoverlap.h"
#include "testsupport.h"

#include <geodata/project.h>
#include <geodata/sample/samplegenerator.h>

#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace planlines::geodata;
using planlines::geodata::test::qs;
using planlines::geodata::test::thrown;

namespace {
std::map<std::string, std::string> checksums(const std::string &path)
{
    auto p = Project::open(path, true);
    std::map<std::string, std::string> out;
    for (const auto &l : p->layers())
        out[l.table] = l.checksum;
    return out;
}
} // namespace

class SampleGeneratorTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void sameSeedSameCounty()
    {
        SampleOptions o;
        o.targetParcels = 10000;
        o.outPath = m_dir.filePath("a.sqlite").toStdString();
        const auto a = SampleGenerator::generate(o);
        o.outPath = m_dir.filePath("b.sqlite").toStdString();
        const auto b = SampleGenerator::generate(o);
        QCOMPARE(a.parcels, b.parcels);
        QVERIFY2(a.parcels >= 9000 && a.parcels <= 11000, qPrintable(QString::number(a.parcels)));
        const auto ca = checksums(m_dir.filePath("a.sqlite").toStdString());
        QCOMPARE(ca, checksums(m_dir.filePath("b.sqlite").toStdString()));
        QCOMPARE(ca.size(), size_t{14});
        // A coverage at this size too: no two parcels overlap.
        const auto overlaps = test::overlappingParcels(m_dir.filePath("a.sqlite").toStdString());
        QVERIFY2(overlaps.empty(), qPrintable(test::describe(overlaps)));

        o.seed = 7;
        o.outPath = m_dir.filePath("c.sqlite").toStdString();
        SampleGenerator::generate(o);
        const auto cc = checksums(o.outPath);
        QVERIFY(cc.at("landuse") != ca.at("landuse"));
        QCOMPARE(cc.at("township"), ca.at("township")); // hand-drawn: independent of the seed
    }

    void oneYearIsTheFirstYearAlone()
    {
        // --one-year: 地类图斑 holds 2023 alone, the very 2023 a two-year sample keeps as v1.
        SampleOptions o;
        o.targetParcels = 2000;
        o.outPath = m_dir.filePath("two.sqlite").toStdString();
        const auto two = SampleGenerator::generate(o);
        o.secondYear = false;
        o.outPath = m_dir.filePath("one.sqlite").toStdString();
        const auto one = SampleGenerator::generate(o);
        QCOMPARE(one.parcels, two.parcels);
        QCOMPARE(one.secondYearParcels, std::int64_t{0});
        QVERIFY(two.secondYearParcels > 0);
        auto p1 = Project::open(m_dir.filePath("one.sqlite").toStdString(), true);
        auto p2 = Project::open(m_dir.filePath("two.sqlite").toStdString(), true);
        const auto l1 = *p1->layer("地类图斑");
        const auto l2 = *p2->layer("地类图斑");
        QCOMPARE(l1.version, 1);
        QCOMPARE(l2.version, 2);
        const auto kept = p2->layerVersions(l2);
        QCOMPARE(kept.size(), 2u);
        QCOMPARE(kept[0].checksum, l1.checksum);
        QCOMPARE(kept[0].featureCount, one.parcels);
        QCOMPARE(kept[1].featureCount, two.secondYearParcels);
        QVERIFY(kept[1].checksum != l1.checksum);
        // The layers drawn from 2023 are the same either way.
        QCOMPARE(p2->layer("永久基本农田")->checksum, p1->layer("永久基本农田")->checksum);
    }

    void refusesAnExistingFile()
    {
        SampleOptions o;
        o.targetParcels = 1000;
        o.outPath = m_dir.filePath("a.sqlite").toStdString();
        QFile f(m_dir.filePath("exists.sqlite"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("keep me");
        f.close();
        o.outPath = f.fileName().toStdString();
        const auto t = thrown<Error>([&] { SampleGenerator::generate(o); });
        QVERIFY2(t.asExpected, t.message.c_str());
        QVERIFY2(t.message.find("exists.sqlite") != std::string::npos, t.message.c_str());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("keep me"));
    }

    void leavesNothingWhenItCannotWrite()
    {
        // A folder that does not exist: SQLite cannot create the file (also as root).
        SampleOptions o;
        o.targetParcels = 1000;
        o.outPath = m_dir.filePath("missing/x.sqlite").toStdString();
        const auto t = thrown<Error>([&] { SampleGenerator::generate(o); });
        QVERIFY2(t.asExpected, t.message.c_str());
        QVERIFY2(t.message.find("missing/x.sqlite") != std::string::npos, t.message.c_str());
        QVERIFY(!QFile::exists(m_dir.filePath("missing/x.sqlite")));
    }
};

QTEST_GUILESS_MAIN(SampleGeneratorTest)
#include "samplegeneratortest.moc"
