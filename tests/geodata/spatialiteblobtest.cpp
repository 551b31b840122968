// Tests geodata/spatialiteblob.h: the BLOBs we write are what SpatiaLite itself reads back, and
// the BLOBs SpatiaLite writes (any dimensions, multi geometries, collections) read back exactly.
#include "testsupport.h"

#include "geodata/database.h"
#include "geodata/geometry.h"
#include "geodata/spatialiteblob.h"

#include <QTest>

#include <cmath>
#include <cstring>

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
// readSpatialiteBlob's arrays as text: "class|kind:(x y,…)(…);kind:…" (rings in parentheses).
std::string flatText(std::uint32_t base, const FlatGeometry &g)
{
    std::string s = std::to_string(base) + "|";
    for (std::size_t p = 0; p < g.partCount(); ++p) {
        s += (p ? ";" : "") + std::to_string(g.partKinds[p]) + ":";
        for (auto r = g.parts[p]; r < g.parts[p + 1]; ++r) {
            s += "(";
            for (auto i = g.rings[r]; i < g.rings[r + 1]; ++i)
                s += (i > g.rings[r] ? "," : "") +
                     QString::number(g.xy[2 * i], 'g', 12).toStdString() + " " +
                     QString::number(g.xy[2 * i + 1], 'g', 12).toStdString();
            s += ")";
        }
    }
    return s;
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

    void readsWhatSpatialiteWrites_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("expected");
        QTest::newRow("point") << "GeomFromText('POINT(500000.5 4100000.25)', 4548)"
                               << "1|1:(500000.5 4100000.25)";
        QTest::newRow("polygon with hole")
            << "GeomFromText('POLYGON((0 0,10 0,10 10,0 10,0 0),(2 2,2 4,4 4,4 2,2 2))', 4548)"
            << "3|3:(0 0,10 0,10 10,0 10,0 0)(2 2,2 4,4 4,4 2,2 2)";
        QTest::newRow("XYZ line") << "GeomFromText('LINESTRING Z(1 2 3, 4 5 6)', 4548)"
                                  << "2|2:(1 2,4 5)";
        QTest::newRow("XYM multipolygon")
            << "GeomFromText('MULTIPOLYGON M(((0 0 9,1 0 9,1 1 9,0 0 9)),((5 5 1,6 5 1,6 6 1,5 5 "
               "1)))', 4548)"
            << "6|3:(0 0,1 0,1 1,0 0);3:(5 5,6 5,6 6,5 5)";
        QTest::newRow("XYZM multipoint") << "GeomFromText('MULTIPOINT ZM(1 2 3 4, 5 6 7 8)', 4548)"
                                         << "4|1:(1 2);1:(5 6)";
        QTest::newRow("collection")
            << "GeomFromText('GEOMETRYCOLLECTION(POINT(1 1),LINESTRING(0 0,2 2))', 4548)"
            << "7|1:(1 1);2:(0 0,2 2)";
        // Compressed geometries are SpatiaLite's to decode (the map asks it for AsBinary).
        QTest::newRow("compressed")
            << "CompressGeometry(GeomFromText('LINESTRING(0 0,10 0,10 5)', 4548))"
            << "0|";
    }
    void readsWhatSpatialiteWrites()
    {
        QFETCH(QString, sql);
        QFETCH(QString, expected);
        Database db(":memory:", Database::Mode::Create);
        const auto blob = db.scalar("SELECT " + sql.toStdString());
        QVERIFY(blob && std::holds_alternative<Blob>(*blob));
        FlatGeometry g;
        g.xy = {1, 2}; // replaced, not appended to
        const std::uint32_t base = readSpatialiteBlob(std::get<Blob>(*blob), g);
        QCOMPARE(QString::fromStdString(flatText(base, g)), expected);
        if (base != 0) {
            const auto env = spatialiteBlobEnvelope(std::get<Blob>(*blob));
            QVERIFY(env);
            auto st = db.prepare("SELECT MbrMinX(?1), MbrMaxY(?1)");
            st.bind(1, std::get<Blob>(*blob));
            QVERIFY(st.step());
            QCOMPARE(env->minX, st.real(0));
            QCOMPARE(env->maxY, st.real(1));
        }
    }

    void damagedBlobsAreRefusedWithTheReason()
    {
        const Blob wkb = Geometry::fromWkt("POLYGON ((0 0, 4 0, 4 4, 0 0))").wkb();
        const Blob good = spatialiteBlobFromWkb(wkb, 4548);
        FlatGeometry g;
        Blob cut(good.begin(), good.end() - 17); // inside the last point
        cut.push_back(0xFE);
        PL_VERIFY_THROWS_WITH(Error, readSpatialiteBlob(cut, g),
                              "malformed SpatiaLite geometry: point count 4 exceeds the data");
        Blob nan = good;
        const double bad = std::nan("");
        std::memcpy(nan.data() + 43 + 8, &bad, 8); // the first point's x
        PL_VERIFY_THROWS_WITH(Error, readSpatialiteBlob(nan, g), "non-finite coordinate");
        Blob noEnd = good;
        noEnd.back() = 0;
        PL_VERIFY_THROWS_WITH(Error, readSpatialiteBlob(noEnd, g), "bad header or end marker");
        QVERIFY(!spatialiteBlobEnvelope(noEnd));
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
