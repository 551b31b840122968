// WkbReader: the WKB that GEOS and SpatiaLite write, in both byte orders and with Z, decodes to
// the same flat arrays; malformed input fails with a message, never a crash.
#include <geodata/wkbreader.h>

#include <geodata/error.h>
#include <geodata/geometry.h>

#include <QTest>

using planlines::geodata::FlatGeometry;
using planlines::geodata::Geometry;
using planlines::geodata::WkbReader;

class WkbReaderTest : public QObject
{
    Q_OBJECT

private:
    static FlatGeometry read(const std::vector<unsigned char> &wkb)
    {
        FlatGeometry g;
        WkbReader::read(wkb, g);
        return g;
    }
    static std::vector<unsigned char> fromHex(const char *hex)
    {
        const QByteArray b = QByteArray::fromHex(hex);
        return {b.begin(), b.end()};
    }

private slots:
    void multiPolygonWithHole()
    {
        const auto wkb =
            Geometry::fromWkt("MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0), "
                              "(2 2, 2 4, 4 4, 4 2, 2 2)), ((20 0, 30 0, 30 5, 20 0)))")
                .wkb();
        const auto g = read(wkb);
        QCOMPARE(g.partCount(), 2u);
        QCOMPARE(g.ringCount(), 3u);
        QCOMPARE(g.pointCount(), 14u);
        QCOMPARE(g.parts, (std::vector<std::uint32_t>{0, 2, 3}));
        QCOMPARE(g.rings, (std::vector<std::uint32_t>{0, 5, 10, 14}));
        QCOMPARE(g.xy[2], 10.0);
        QCOMPARE(g.xy[10 * 2], 20.0);
    }

    void boxOfAGeometry()
    {
        // The box PostGIS rows are given: every part's coordinates, whatever came before in the
        // scratch arrays; nothing for an empty geometry.
        FlatGeometry scratch;
        WkbReader::read(Geometry::fromWkt("POINT (-1000 -1000)").wkb(), scratch);
        const auto e = WkbReader::box(
            Geometry::fromWkt("MULTIPOLYGON (((570000.5 4115000.25, 570010 4115000.25, "
                              "570010 4115020, 570000.5 4115000.25)), "
                              "((569990 4115100, 569995 4115100, 569995 4115105, "
                              "569990 4115100)))")
                .wkb(),
            scratch);
        QCOMPARE(e.minX, 569990.0);
        QCOMPARE(e.minY, 4115000.25);
        QCOMPARE(e.maxX, 570010.0);
        QCOMPARE(e.maxY, 4115105.0);
        const auto none = WkbReader::box(Geometry::fromWkt("POLYGON EMPTY").wkb(), scratch);
        QVERIFY(none.minX == 0 && none.minY == 0 && none.maxX == 0 && none.maxY == 0);
    }

    void bigEndianPoint()
    {
        // POINT (570000.5 4115000.25), byte order 0 (XDR).
        const auto g = read(fromHex("000000000141216521000000"
                                    "00414F651C20000000"));
        QCOMPARE(g.pointCount(), 1u);
        QCOMPARE(g.xy[0], 570000.5);
        QCOMPARE(g.xy[1], 4115000.25);
    }

    void isoZCoordinatesAreDropped()
    {
        // LINESTRING Z (1 2 3, 4 5 6), little endian, ISO type 1002.
        const auto g = read(fromHex("01EA03000002000000"
                                    "000000000000F03F"
                                    "0000000000000040"
                                    "0000000000000840"
                                    "0000000000001040"
                                    "0000000000001440"
                                    "0000000000001840"));
        QCOMPARE(g.pointCount(), 2u);
        QCOMPARE(g.xy, (std::vector<double>{1, 2, 4, 5}));
    }

    void collectionsAreFlattenedAndFeaturesAppend()
    {
        FlatGeometry g;
        WkbReader::read(
            Geometry::fromWkt("GEOMETRYCOLLECTION (POINT (1 1), LINESTRING (0 0, 5 5))").wkb(), g);
        QCOMPARE(g.partCount(), 2u);
        WkbReader::read(Geometry::fromWkt("POINT (9 9)").wkb(), g);
        QCOMPARE(g.partCount(), 3u);
        QCOMPARE(g.ringCount(), 3u);
        QCOMPARE(g.rings.back(), 4u);
        g.clear();
        QCOMPARE(g.pointCount(), 0u);
    }

    void malformedInputIsAnError_data()
    {
        QTest::addColumn<QByteArray>("hex");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QByteArray("") << "truncated";
        QTest::newRow("bad byte order") << QByteArray("0701000000") << "byte-order";
        QTest::newRow("unknown type") << QByteArray("0163000000") << "unsupported geometry type 99";
        QTest::newRow("truncated point") << QByteArray("0101000000000000000000F03F") << "truncated";
        QTest::newRow("huge count") << QByteArray("0102000000FFFFFF7F") << "exceeds the data";
    }
    void malformedInputIsAnError()
    {
        QFETCH(QByteArray, hex);
        QFETCH(QString, message);
        FlatGeometry g;
        try {
            WkbReader::read(fromHex(hex.constData()), g);
            QFAIL("malformed WKB was accepted");
        } catch (const planlines::geodata::Error &e) {
            QVERIFY2(QString::fromStdString(e.what()).contains(message), e.what());
        }
    }
};

QTEST_GUILESS_MAIN(WkbReaderTest)
#include "wkbreadertest.moc"
