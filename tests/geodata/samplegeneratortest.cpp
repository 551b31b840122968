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
