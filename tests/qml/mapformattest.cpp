// MapFormat: scales and areas as staff read them.
#include <qml/mapformat.h>

#include <QTest>

using planlines::qml::MapFormat;

class MapFormatTest : public QObject
{
    Q_OBJECT

private slots:
    void scale_data()
    {
        QTest::addColumn<double>("denominator");
        QTest::addColumn<QString>("text");
        QTest::newRow("county") << 236512.4 << "1:237 000";
        QTest::newRow("exact") << 10000.0 << "1:10 000";
        QTest::newRow("large") << 503.7 << "1:504";
        QTest::newRow("none") << 0.0 << "—";
    }
    void scale()
    {
        QFETCH(double, denominator);
        QFETCH(QString, text);
        QCOMPARE(MapFormat::scale(denominator), text);
    }

    void areaInThreeUnits()
    {
        // 1 公顷 = 15 亩.
        QCOMPARE(MapFormat::area(10000), QStringLiteral("10000.00 m² · 15.00 亩 · 1.00 公顷"));
    }

    void grouped()
    {
        QCOMPARE(MapFormat::grouped(80000), QStringLiteral("80 000"));
        QCOMPARE(MapFormat::grouped(1234567), QStringLiteral("1 234 567"));
        QCOMPARE(MapFormat::grouped(12), QStringLiteral("12"));
        QCOMPARE(MapFormat::grouped(-4500), QStringLiteral("-4 500"));
    }
};

QTEST_GUILESS_MAIN(MapFormatTest)
#include "mapformattest.moc"
