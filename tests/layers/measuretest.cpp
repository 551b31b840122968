// The measuring tools' arithmetic: an L-shaped field of known area in Gauss-Krüger
// coordinates (to 0.01 m² and in 亩 and 公顷), a path's length.
#include <layers/measure.h>

#include <geodata/area.h>

#include <QTest>

#include <vector>

using namespace planlines::layers;

class MeasureTest : public QObject
{
    Q_OBJECT

private slots:
    void lShapeArea()
    {
        // An L of 300 m × 100 m plus 100 m × 200 m standing on its left end:
        // 30 000 + 20 000 = 50 000 m² = 75 亩 = 5 公顷, at real GK coordinates.
        const double e = 571234.567, n = 4115678.901;
        std::vector<WorldPoint> l = {
            {e, n},      {e + 300, n}, {e + 300, n + 100}, {e + 100, n + 100}, {e + 100, n + 300},
            {e, n + 300}};
        const double area = polygonAreaM2(l);
        QVERIFY2(std::abs(area - 50000) < 0.01, qPrintable(QString::number(area, 'f', 4)));
        QVERIFY(std::abs(planlines::geodata::m2ToMu(area) - 75) < 1e-6);
        QVERIFY(std::abs(planlines::geodata::m2ToHa(area) - 5) < 1e-9);
        // The winding does not matter; a repeated closing point neither.
        std::vector<WorldPoint> reversed(l.rbegin(), l.rend());
        QVERIFY(std::abs(polygonAreaM2(reversed) - 50000) < 0.01);
        l.push_back(l.front());
        QVERIFY(std::abs(polygonAreaM2(l) - 50000) < 0.01);
        QVERIFY(std::abs(polygonPerimeterM(l) - 1200) < 1e-6);
    }

    void pathLength()
    {
        const std::vector<WorldPoint> path = {
            {570000, 4115000}, {570300, 4115400}, {570300, 4116400}};
        QVERIFY(std::abs(polylineLengthM(path) - 1500) < 1e-9); // 500 + 1000
        QCOMPARE(polylineLengthM(std::span(path).first(1)), 0.0);
    }

    void degenerateInput()
    {
        const std::vector<WorldPoint> two = {{0, 0}, {10, 0}};
        QCOMPARE(polygonAreaM2(two), 0.0);
        QCOMPARE(polygonAreaM2({}), 0.0);
    }
};

QTEST_APPLESS_MAIN(MeasureTest)
#include "measuretest.moc"
