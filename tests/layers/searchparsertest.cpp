// The search box's parser: each kind of input (chainage, X/Y with and without zone prefix and in
// either order, decimal and 度分秒 longitude/latitude, text), full-width forms, and inputs that
// must stay text.
#include <layers/searchparser.h>

#include <QTest>

using planlines::layers::gaussKrugerCrsForZone;
using planlines::layers::parseSearch;
using planlines::layers::SearchQuery;
using Kind = SearchQuery::Kind;

class SearchParserTest : public QObject
{
    Q_OBJECT

private slots:
    void chainage()
    {
        auto q = parseSearch(QStringLiteral("K12+300"));
        QCOMPARE(q.kind, Kind::Chainage);
        QCOMPARE(q.chainageM, 12300.0);
        q = parseSearch(QStringLiteral("  ｋ３＋０５０.５ "));
        QCOMPARE(q.kind, Kind::Chainage);
        QCOMPARE(q.chainageM, 3050.5);
    }

    void projected_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<double>("northing");
        QTest::addColumn<double>("easting");
        QTest::addColumn<int>("zone"); // 0: none
        QTest::newRow("X, Y prefixed")
            << "4115600.123, 39571000.456" << 4115600.123 << 571000.456 << 39;
        QTest::newRow("X Y unprefixed") << "4115600 571000" << 4115600.0 << 571000.0 << 0;
        QTest::newRow("labelled") << "X=4115600.5 Y=39571000.25" << 4115600.5 << 571000.25 << 39;
        QTest::newRow("Y first") << "571000,4115600" << 4115600.0 << 571000.0 << 0;
        QTest::newRow("full-width")
            << "４１１５６００，３９５７１０００" << 4115600.0 << 571000.0 << 39;
        QTest::newRow("6-degree zone 20") << "4115600; 20571000" << 4115600.0 << 571000.0 << 20;
        QTest::newRow("Chinese colon") << "X：4115600 Y：571000" << 4115600.0 << 571000.0 << 0;
    }
    void projected()
    {
        QFETCH(QString, input);
        QFETCH(double, northing);
        QFETCH(double, easting);
        QFETCH(int, zone);
        const auto q = parseSearch(input);
        QCOMPARE(q.kind, Kind::Projected);
        QVERIFY(std::abs(q.northing - northing) < 1e-6);
        QVERIFY(std::abs(q.easting - easting) < 1e-6);
        QCOMPARE(q.zone.value_or(0), zone);
    }

    void lonLat_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<double>("lon");
        QTest::addColumn<double>("lat");
        const double lon = 117 + 33.0 / 60 + 12.0 / 3600; // 117°33′12″
        const double lat = 37 + 12.0 / 60 + 30.0 / 3600;  // 37°12′30″
        QTest::newRow("decimal lon, lat") << "117.55, 37.2" << 117.55 << 37.2;
        QTest::newRow("decimal lat, lon") << "37.2 117.55" << 117.55 << 37.2;
        QTest::newRow("decimal with letters") << "37.2N, 117.55E" << 117.55 << 37.2;
        QTest::newRow("DMS symbols") << "117°33′12″E, 37°12′30″N" << lon << lat;
        QTest::newRow("DMS ASCII quotes") << "37°12'30\"N 117°33'12\"E" << lon << lat;
        QTest::newRow("DMS prefixed letters") << "N37°12'30\" E117°33'12\"" << lon << lat;
        QTest::newRow("度分秒") << "117度33分12秒，37度12分30秒" << lon << lat;
        QTest::newRow("东经北纬") << "北纬37度12分30秒 东经117度33分12秒" << lon << lat;
        QTest::newRow("degrees and minutes")
            << "117°33.2′ 37°12.5′" << 117 + 33.2 / 60 << 37 + 12.5 / 60;
        QTest::newRow("southern, western") << "33.9S, 18.4W" << -18.4 << -33.9;
    }
    void lonLat()
    {
        QFETCH(QString, input);
        QFETCH(double, lon);
        QFETCH(double, lat);
        const auto q = parseSearch(input);
        QCOMPARE(q.kind, Kind::LonLat);
        QVERIFY2(
            std::abs(q.longitude - lon) < 1e-9 && std::abs(q.latitude - lat) < 1e-9,
            qPrintable(
                QStringLiteral("%1, %2").arg(q.longitude, 0, 'f', 9).arg(q.latitude, 0, 'f', 9)));
    }

    void text_data()
    {
        QTest::addColumn<QString>("input");
        QTest::newRow("site name") << "光伏";
        QTest::newRow("township") << "田镇街道";
        QTest::newRow("BSM") << "370322001000000001";
        QTest::newRow("TBBH") << "0001";
        QTest::newRow("two small numbers not degrees") << "0001 0002 0003";
        QTest::newRow("minutes out of range") << "117°75′ 37°12′";
        QTest::newRow("unknown zone") << "4115600, 99571000";
    }
    void text()
    {
        QFETCH(QString, input);
        const auto q = parseSearch(input);
        QCOMPARE(q.kind, Kind::Text);
        QCOMPARE(q.text, input.trimmed());
    }

    void empty() { QCOMPARE(parseSearch(QStringLiteral("   ")).kind, Kind::Empty); }

    void zoneCrs()
    {
        QCOMPARE(gaussKrugerCrsForZone(39), QStringLiteral("EPSG:4527"));
        QCOMPARE(gaussKrugerCrsForZone(25), QStringLiteral("EPSG:4513"));
        QCOMPARE(gaussKrugerCrsForZone(45), QStringLiteral("EPSG:4533"));
        QCOMPARE(gaussKrugerCrsForZone(20), QStringLiteral("EPSG:4498"));
        QCOMPARE(gaussKrugerCrsForZone(24), QString());
    }
};

QTEST_APPLESS_MAIN(SearchParserTest)
#include "searchparsertest.moc"
