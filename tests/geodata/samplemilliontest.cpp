// The sample county at a million parcels (the largest size the docs promise) is still a true
// coverage: no two parcels overlap, and their areas add up to the county's. Slow (a few
// minutes on two cores): a CTest entry of its own, labelled `slow`.
#include "sampleoverlap.h"
#include "testsupport.h"

#include <geodata/project.h>
#include <geodata/sample/samplegenerator.h>

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace planlines::geodata;

class SampleMillionTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void aMillionParcelsDoNotOverlap()
    {
        QVERIFY(m_dir.isValid());
        SampleOptions o;
        o.targetParcels = 1000000;
        o.outPath = m_dir.filePath("million.sqlite").toStdString();
        QElapsedTimer timer;
        timer.start();
        const auto report = SampleGenerator::generate(o);
        qInfo("generated %lld parcels in %.1f s", static_cast<long long>(report.parcels),
              timer.elapsed() / 1000.0);
        QVERIFY2(report.parcels >= 970000 && report.parcels <= 1030000,
                 qPrintable(QString::number(report.parcels)));

        timer.restart();
        const auto overlaps = test::overlappingParcels(o.outPath);
        qInfo("overlap check in %.1f s", timer.elapsed() / 1000.0);
        QVERIFY2(overlaps.empty(), qPrintable(test::describe(overlaps)));

        auto project = Project::open(o.outPath, true);
        auto st = project->db().prepare(
            "SELECT (SELECT ST_Area(geom) FROM county), (SELECT sum(ST_Area(geom)) FROM landuse)");
        QVERIFY(st.step());
        const double county = st.real(0), sum = st.real(1);
        QVERIFY2(sum <= county + 0.01, qPrintable(QStringLiteral("parcels %1 m², county %2 m²")
                                                      .arg(sum, 0, 'f', 4)
                                                      .arg(county, 0, 'f', 4)));
        PL_COMPARE_NEAR(sum, county, test::dustAllowanceM2(static_cast<double>(report.parcels)),
                        "m²");
    }
};

QTEST_GUILESS_MAIN(SampleMillionTest)
#include "samplemilliontest.moc"
