// Tests geodata/area.h: 亩 and 公顷 as staff read them.
#include "testsupport.h"

#include "geodata/area.h"

#include <QTest>

using namespace planlines::geodata;

class AreaTest : public QObject
{
    Q_OBJECT
private slots:
    void oneMuIs666Point6667SquareMetres()
    {
        PL_COMPARE_NEAR(muToM2(1.0), 666.6667, 0.00005, "m²");
        PL_COMPARE_NEAR(kM2PerMu, 2000.0 / 3.0, 0.0, "m²");
        PL_COMPARE_NEAR(m2ToMu(666.6667), 1.0, 1e-7, "亩");
    }

    void oneHectareIsExactlyFifteenMu()
    {
        static_assert(m2ToMu(kM2PerHa) == 15.0, "1 公顷 must be exactly 15 亩");
        QCOMPARE(m2ToMu(haToM2(1.0)), 15.0);
        QCOMPARE(m2ToHa(muToM2(15.0)), 1.0);
        QCOMPARE(haToM2(1.0), 10000.0);
    }

    void oneSquareKilometreIs1500Mu()
    {
        static_assert(m2ToMu(1.0e6) == 1500.0, "1 km² must be exactly 1500 亩");
        QCOMPARE(m2ToHa(1.0e6), 100.0);
    }

    void areaReadsInAllThreeUnits()
    {
        constexpr Area a{20000.0};
        static_assert(a.toHa() == 2.0);
        QCOMPARE(a.toMu(), 30.0);
        PL_COMPARE_NEAR(Area{1234.56}.toMu(), 1.85184, 0.000005, "亩");
        PL_COMPARE_NEAR(Area{1234.56}.toHa(), 0.123456, 1e-12, "公顷");
    }

    void conversionsRoundTrip()
    {
        for (double m2 : {0.0, 0.01, 1.0, 666.6667, 12345.678, 3.2e9}) {
            PL_COMPARE_NEAR(muToM2(m2ToMu(m2)), m2, m2 * 1e-15 + 1e-12, "m²");
            PL_COMPARE_NEAR(haToM2(m2ToHa(m2)), m2, m2 * 1e-15 + 1e-12, "m²");
        }
    }
};

QTEST_APPLESS_MAIN(AreaTest)
#include "areatest.moc"
