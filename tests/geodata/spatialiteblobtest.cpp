// Tests geodata/spatialiteblob.h: the BLOBs we write are what SpatiaLite itself reads back.
#include "testsupport.h"

#include "geodata/database.h"
#include "geodata/geometry.h"
#include "geodata/spatialiteblob.h"

#include <QTest>

using namespace planlines::geodata;

namespace {
std::string roundTrip(Database &db, const std::string &wkt, int srid = 4548)
{
    const Geometry g = Geometry::fromWkt(wkt);
    const Blob blob = spatialiteBlobFromWkb(g.wkb(), srid);
    auto st = db.prepare("SELECT AsText(?1), ST_Srid(?1), IsValid(?1)");
    st.bind(1, blob);
    if (!st.step())
        return "no row";
    if (st.value(0).index() == 0)
        return "SpatiaLite did not read the BLOB";
    return st.text(0) + " srid " + std::to_string(std::get<std::int64_t>(st.value(1)));
}
} // namespace

class SpatialiteBlobTest : public QObject
{
    Q_OBJECT
private slots:
    void spatialiteReadsWhatWeWrite_data()
    {
        QTest::addColumn<QString>("wkt");
        QTest::addColumn<QString>("expected");
        QTest::newRow("point") << "POINT (500000.5 4100000.25)"
                               << "POINT(500000.5 4100000.25)";
        QTest::newRow("line") << "LINESTRING (0 0, 10 0, 10 5)"
                              << "LINESTRING(0 0, 10 0, 10 5)";
        QTest::newRow("polygon with hole")
            << "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))"
            << "POLYGON((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))";
        QTest::newRow("multipolygon")
            << "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))"
            << "MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))";
        QTest::newRow("multilinestring") << "MULTILINESTRING ((0 0, 1 1), (2 2, 3 3, 4 2))"
                                         << "MULTILINESTRING((0 0, 1 1), (2 2, 3 3, 4 2))";
        QTest::newRow("multipoint") << "MULTIPOINT ((1 2), (3 4))"
                                    << "MULTIPOINT(1 2, 3 4)";
    }
    void spatialiteReadsWhatWeWrite()
    {
        QFETCH(QString, wkt);
        QFETCH(QString, expected);
        Database db(":memory:", Database::Mode::Create);
        QCOMPARE(QString::fromStdString(roundTrip(db, wkt.toStdString())), expected + " srid 4548");
    }

    void mbrIsTheEnvelope()
    {
        Database db(":memory:", Database::Mode::Create);
        const Geometry g = Geometry::fromWkt("POLYGON ((3 -1, 7 2, 5 9, 3 -1))");
        Envelope box;
        const Blob blob = spatialiteBlobFromWkb(g.wkb(), 4490, &box);
        QCOMPARE(box.minX, 3.0);
        QCOMPARE(box.minY, -1.0);
        QCOMPARE(box.maxX, 7.0);
        QCOMPARE(box.maxY, 9.0);
        auto st = db.prepare("SELECT MbrMinX(?1), MbrMinY(?1), MbrMaxX(?1), MbrMaxY(?1)");
        st.bind(1, blob);
        QVERIFY(st.step());
        QCOMPARE(std::get<double>(st.value(0)), 3.0);
        QCOMPARE(std::get<double>(st.value(1)), -1.0);
        QCOMPARE(std::get<double>(st.value(2)), 7.0);
        QCOMPARE(std::get<double>(st.value(3)), 9.0);
    }

    void malformedInputIsRefused()
    {
        const Blob wkb = Geometry::fromWkt("POLYGON ((0 0, 1 0, 1 1, 0 0))").wkb();
        const Blob truncated(wkb.begin(), wkb.end() - 8);
        PL_VERIFY_THROWS_WITH(Error, spatialiteBlobFromWkb(truncated, 4548),
                              "malformed WKB: truncated");
        Blob bigEndian = wkb;
        bigEndian[0] = 0;
        PL_VERIFY_THROWS_WITH(Error, spatialiteBlobFromWkb(bigEndian, 4548),
                              "malformed WKB: big-endian");
        Blob trailing = wkb;
        trailing.push_back(0);
        PL_VERIFY_THROWS_WITH(Error, spatialiteBlobFromWkb(trailing, 4548),
                              "1 bytes after the geometry");
        const Blob collection =
            Geometry::fromWkt("GEOMETRYCOLLECTION (POINT (1 1), LINESTRING (0 0, 1 1))").wkb();
        PL_VERIFY_THROWS_WITH(Error, spatialiteBlobFromWkb(collection, 4548),
                              "unsupported geometry class 7");
    }
};

QTEST_GUILESS_MAIN(SpatialiteBlobTest)
#include "spatialiteblobtest.moc"
