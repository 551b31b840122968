// Tests geodata/import/crsresolver.h: inference from coordinate ranges, and refusals.
#include "../testsupport.h"

#include <geodata/import/crsresolver.h>

using namespace planlines::geodata;
using namespace planlines::geodata::import;

class CrsResolverTest : public QObject
{
    Q_OBJECT
private slots:
    void infers_data()
    {
        QTest::addColumn<double>("minX");
        QTest::addColumn<double>("minY");
        QTest::addColumn<double>("maxX");
        QTest::addColumn<double>("maxY");
        QTest::addColumn<QString>("crs");
        QTest::newRow("degrees") << 117.6 << 37.1 << 118.0 << 37.3 << "EPSG:4490";
        QTest::newRow("3deg zone 39")
            << 39548750.0 << 4104000.0 << 39594870.0 << 4132200.0 << "EPSG:4527";
        QTest::newRow("3deg zone 25")
            << 25400000.0 << 4104000.0 << 25500000.0 << 4132200.0 << "EPSG:4513";
        QTest::newRow("3deg zone 45")
            << 45400000.0 << 4104000.0 << 45500000.0 << 4132200.0 << "EPSG:4533";
        QTest::newRow("6deg zone 20")
            << 20400000.0 << 4104000.0 << 20500000.0 << 4132200.0 << "EPSG:4498";
        QTest::newRow("unprefixed")
            << 548750.0 << 4104000.0 << 594870.0 << 4132200.0 << "EPSG:4548";
    }
    void infers()
    {
        QFETCH(double, minX);
        QFETCH(double, minY);
        QFETCH(double, maxX);
        QFETCH(double, maxY);
        QFETCH(QString, crs);
        const auto d = CrsResolver::infer({minX, minY, maxX, maxY}, "EPSG:4548", "t");
        QCOMPARE(QString::fromStdString(d.crs), crs);
        QCOMPARE(QString::fromStdString(d.how), QStringLiteral("inferred"));
        QVERIFY(d.detail.rfind("CRS inferred from coordinate ranges: ", 0) == 0);
    }
    void refusesUnknownPatterns()
    {
        // Two zones at once, and unprefixed eastings in a non-Gauss-Krüger project.
        PL_VERIFY_THROWS_WITH(
            Error, CrsResolver::infer({39900000, 4.1e6, 40100000, 4.2e6}, "EPSG:4548", "f.shp"),
            "f.shp", "match no known pattern", "--srs");
        PL_VERIFY_THROWS_WITH(
            Error, CrsResolver::infer({548750, 4.1e6, 594870, 4.2e6}, "EPSG:3857", "f.shp"),
            "match no known pattern");
    }
    void overrideRefusesUrl()
    {
        PL_VERIFY_THROWS_WITH(Error, CrsResolver::fromOverride("http://example.com/crs"),
                              "not a URL");
        QCOMPARE(QString::fromStdString(CrsResolver::fromOverride("EPSG:4527").how),
                 QStringLiteral("override"));
    }
};

QTEST_GUILESS_MAIN(CrsResolverTest)
#include "crsresolvertest.moc"
