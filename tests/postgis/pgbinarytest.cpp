// The binary wire format of geodata/store/postgis/pgbinary.h, against values worked out by hand.
#include "geodata/store/postgis/pgbinary.h"
#include "geodata/error.h"
#include "geodata/testsupport.h"

#include <QTest>

using namespace planlines::geodata;

class PgBinaryTest : public QObject
{
    Q_OBJECT
private slots:
    void integersAreBigEndian()
    {
        QCOMPARE(QByteArray::fromStdString(pgbinary::int64(0x0102030405060708)).toHex(),
                 QByteArray("0102030405060708"));
        QCOMPARE(QByteArray::fromStdString(pgbinary::int32(-1)).toHex(), QByteArray("ffffffff"));
        QCOMPARE(QByteArray::fromStdString(pgbinary::int16(258)).toHex(), QByteArray("0102"));
        const unsigned char b[] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe};
        QCOMPARE(pgbinary::readInt64(b), std::int64_t{-2});
    }
    void doublesAreIeeeBigEndian()
    {
        // 1.5 = sign 0, exponent 0x3ff, mantissa 0x8000000000000.
        QCOMPARE(QByteArray::fromStdString(pgbinary::float64(1.5)).toHex(),
                 QByteArray("3ff8000000000000"));
        const std::string s = pgbinary::float64(-2.25);
        QCOMPARE(pgbinary::readFloat64(
                     std::span(reinterpret_cast<const unsigned char *>(s.data()), s.size())),
                 -2.25);
    }
    void shortValuesAreRefused()
    {
        const unsigned char b[] = {1, 2, 3};
        PL_VERIFY_THROWS_WITH(Error, pgbinary::readInt32(b), "3 bytes where 4 were expected");
    }
    void datesCountDaysFrom2000()
    {
        // 2000-01-01 + 26 years (7 of them leap: 2000, 04, 08, 12, 16, 20, 24) = 9 497 days;
        // January–November 2026 = 334 days; + 6 = 9 837.
        QCOMPARE(pgbinary::parseDate("2026-12-07"), 9837);
        QCOMPARE(pgbinary::dateText(9837), std::string("2026-12-07"));
        QCOMPARE(pgbinary::parseDate("2000-01-01"), 0);
        QCOMPARE(pgbinary::dateText(-1), std::string("1999-12-31"));
        QCOMPARE(pgbinary::parseDate("2024-02-29") - pgbinary::parseDate("2024-02-28"), 1);
        PL_VERIFY_THROWS_WITH(Error, pgbinary::parseDate("2023-02-29"), "not a date", "2023-02-29");
        PL_VERIFY_THROWS_WITH(Error, pgbinary::parseDate("2026-12-07T00:00"), "not a date");
    }
};

QTEST_APPLESS_MAIN(PgBinaryTest)
#include "pgbinarytest.moc"
