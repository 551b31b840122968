// Tests geodata/database.h: quoting, bound values, transactions, errors, SpatiaLite.
#include "testsupport.h"

#include "geodata/database.h"

#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <limits>

using namespace planlines::geodata;
using planlines::geodata::test::qs;

namespace {
std::int64_t count(Database &db, const std::string &table)
{
    return std::get<std::int64_t>(*db.scalar("SELECT count(*) FROM " + quoteIdentifier(table)));
}
} // namespace

class DatabaseTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::string path(const char *name) const { return m_dir.filePath(name).toStdString(); }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // --- quoteIdentifier ----------------------------------------------------------------------

    void quoteIdentifierWrapsAndDoublesQuotes()
    {
        QCOMPARE(qs(quoteIdentifier("landuse")), QStringLiteral("\"landuse\""));
        QCOMPARE(qs(quoteIdentifier("a\"b")), QStringLiteral("\"a\"\"b\""));
        QCOMPARE(qs(quoteIdentifier("\"\"")), QStringLiteral("\"\"\"\"\"\""));
        QCOMPARE(qs(quoteIdentifier("")), QStringLiteral("\"\""));
        QCOMPARE(qs(quoteIdentifier("地类图斑")), QStringLiteral("\"地类图斑\""));
    }

    void quoteIdentifierRejectsNul()
    {
        using namespace std::string_view_literals;
        PL_VERIFY_THROWS_WITH(Error, quoteIdentifier("dltb\0x"sv), "NUL", "dltb");
    }

    void hostileTableNameIsCreatedAndReadBackThroughQuoting()
    {
        Database db(":memory:", Database::Mode::Create);
        db.exec("CREATE TABLE x (v INTEGER); INSERT INTO x VALUES (42)");
        const std::string name = "a\"b; DROP TABLE x";
        db.exec("CREATE TABLE " + quoteIdentifier(name) + " (" + quoteIdentifier("co\"l") +
                " TEXT)");
        db.prepare("INSERT INTO " + quoteIdentifier(name) + " VALUES (?)").bind(1, "ok").run();

        QVERIFY(db.tableExists(name));
        QVERIFY(db.tableExists("x"));
        QCOMPARE(count(db, "x"), 1);
        auto st =
            db.prepare("SELECT " + quoteIdentifier("co\"l") + " FROM " + quoteIdentifier(name));
        QVERIFY(st.step());
        QCOMPARE(qs(st.text(0)), QStringLiteral("ok"));
        QVERIFY(!st.step());
        // sqlite_master holds the name exactly as given, quotes and all.
        QCOMPARE(std::get<std::int64_t>(*db.scalar(
                     "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", name)),
                 1);
    }

    // --- bound values -------------------------------------------------------------------------

    void chineseTextRoundTripsByteExact()
    {
        Database db(":memory:", Database::Mode::Create);
        db.exec("CREATE TABLE t (name TEXT)");
        const std::string name = "高青县 田镇街道";
        db.prepare("INSERT INTO t VALUES (?)").bind(1, name).run();
        auto st = db.prepare("SELECT name, length(name), length(CAST(name AS BLOB)), hex(name), "
                             "name = ? FROM t");
        st.bind(1, name);
        QVERIFY(st.step());
        QCOMPARE(QByteArray::fromStdString(st.text(0)), QByteArray::fromStdString(name));
        QCOMPARE(st.int64(1), 8);  // characters: 3 + space + 4
        QCOMPARE(st.int64(2), 22); // UTF-8 bytes: 7 × 3 + 1
        QCOMPARE(QByteArray::fromStdString(st.text(3)),
                 QByteArray::fromStdString(name).toHex().toUpper());
        QCOMPARE(st.int64(4), 1);
        QVERIFY(std::holds_alternative<std::string>(st.value(0)));
    }

    void numbersRoundTrip()
    {
        Database db(":memory:", Database::Mode::Create);
        auto st = db.prepare("SELECT ?, ?, ?, ?");
        st.bindAll(std::numeric_limits<std::int64_t>::max(),
                   std::numeric_limits<std::int64_t>::min(), 4118970.365938, 7);
        QVERIFY(st.step());
        QCOMPARE(st.int64(0), std::numeric_limits<std::int64_t>::max());
        QCOMPARE(st.int64(1), std::numeric_limits<std::int64_t>::min());
        QCOMPARE(st.real(2), 4118970.365938); // stored as an IEEE double: bit-exact
        QCOMPARE(std::get<std::int64_t>(st.value(3)), 7);
        QVERIFY(std::holds_alternative<double>(st.value(2)));
    }

    void blobsRoundTripWithEveryByteValue()
    {
        Database db(":memory:", Database::Mode::Create);
        db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, b BLOB)");
        Blob all(256);
        for (int i = 0; i < 256; ++i)
            all[static_cast<size_t>(i)] = static_cast<unsigned char>(255 - i); // ends in 0x00
        db.prepare("INSERT INTO t (id, b) VALUES (1, ?)").bind(1, all).run();
        db.prepare("INSERT INTO t (id, b) VALUES (2, ?)").bind(1, Value(all)).run();

        auto st = db.prepare("SELECT b, length(b), typeof(b) FROM t ORDER BY id");
        for (int row = 1; row <= 2; ++row) {
            QVERIFY(st.step());
            const auto got = st.blob(0);
            QCOMPARE(got.size(), size_t{256});
            QVERIFY(std::equal(got.begin(), got.end(), all.begin()));
            QCOMPARE(st.int64(1), 256);
            QCOMPARE(qs(st.text(2)), QStringLiteral("blob"));
            QVERIFY(std::get<Blob>(st.value(0)) == all);
        }
    }

    // A zero-length blob or text is a value, not a NULL (a NOT NULL column must accept it).
    void emptyValuesAreNotNull()
    {
        Database db(":memory:", Database::Mode::Create);
        auto st = db.prepare("SELECT typeof(?), length(?), typeof(?), typeof(?)");
        st.bind(1, Blob{}).bind(2, Blob{}).bind(3, std::string_view{}).bind(4, Value(Blob{}));
        QVERIFY(st.step());
        QCOMPARE(qs(st.text(0)), QStringLiteral("blob"));
        QCOMPARE(st.int64(1), 0);
        QCOMPARE(qs(st.text(2)), QStringLiteral("text"));
        QCOMPARE(qs(st.text(3)), QStringLiteral("blob"));
    }

    void nullsAreNulls()
    {
        Database db(":memory:", Database::Mode::Create);
        db.exec("CREATE TABLE t (a TEXT, b INTEGER)");
        db.prepare("INSERT INTO t VALUES (?, ?)").bind(1, nullptr).bind(2, Value{}).run();
        auto st = db.prepare("SELECT a, b, a IS NULL AND b IS NULL FROM t");
        QVERIFY(st.step());
        QVERIFY(st.isNull(0));
        QVERIFY(st.isNull(1));
        QVERIFY(std::holds_alternative<std::monostate>(st.value(0)));
        QCOMPARE(st.int64(2), 1);
        // An empty string is not NULL.
        auto st2 = db.prepare("SELECT ? IS NULL");
        st2.bind(1, std::string());
        QVERIFY(st2.step());
        QCOMPARE(st2.int64(0), 0);
    }

    void scalarReturnsNulloptWithoutRow()
    {
        Database db(":memory:", Database::Mode::Create);
        db.exec("CREATE TABLE t (v INTEGER)");
        QVERIFY(!db.scalar("SELECT v FROM t").has_value());
        QCOMPARE(std::get<std::int64_t>(*db.scalar("SELECT ? + ?", 40, 2)), 42);
    }

    void statementIsReusableAfterRun()
    {
        Database db(":memory:", Database::Mode::Create);
        db.exec("CREATE TABLE t (v INTEGER)");
        auto ins = db.prepare("INSERT INTO t VALUES (?)");
        for (int i = 1; i <= 3; ++i)
            ins.bind(1, i).run();
        QCOMPARE(std::get<std::int64_t>(*db.scalar("SELECT sum(v) FROM t")), 6);
        QCOMPARE(db.lastInsertRowId(), 3);
        QCOMPARE(db.changes(), 1);
    }

    // --- transactions -------------------------------------------------------------------------

    void transactionRollsBackOnScopeExit()
    {
        Database db(":memory:", Database::Mode::Create);
        db.exec("CREATE TABLE t (v INTEGER)");
        {
            Transaction tx(db);
            db.exec("INSERT INTO t VALUES (1)");
            QCOMPARE(count(db, "t"), 1);
        }
        QCOMPARE(count(db, "t"), 0);
        QVERIFY(sqlite3_get_autocommit(db.handle()) != 0);
    }

    void transactionRollsBackOnException()
    {
        Database db(":memory:", Database::Mode::Create);
        db.exec("CREATE TABLE t (v INTEGER)");
        try {
            Transaction tx(db);
            db.exec("INSERT INTO t VALUES (1)");
            throw std::runtime_error("import failed half way");
        } catch (const std::runtime_error &) {
        }
        QCOMPARE(count(db, "t"), 0);
        QVERIFY(sqlite3_get_autocommit(db.handle()) != 0);
    }

    void committedTransactionIsVisibleToAnotherConnection()
    {
        const std::string file = path("commit.sqlite");
        Database db(file, Database::Mode::Create);
        db.exec("CREATE TABLE t (v INTEGER)");
        {
            Transaction tx(db);
            db.exec("INSERT INTO t VALUES (7)");
            tx.commit();
        }
        Database other(file, Database::Mode::ReadOnly);
        QCOMPARE(std::get<std::int64_t>(*other.scalar("SELECT sum(v) FROM t")), 7);
    }

    void innerRollbackKeepsOuterWork()
    {
        Database db(":memory:", Database::Mode::Create);
        db.exec("CREATE TABLE t (v INTEGER)");
        {
            Transaction outer(db);
            db.exec("INSERT INTO t VALUES (1)");
            {
                Transaction inner(db);
                db.exec("INSERT INTO t VALUES (2)");
            } // rolled back
            QVERIFY2(sqlite3_get_autocommit(db.handle()) == 0, "outer transaction ended early");
            {
                Transaction inner(db);
                db.exec("INSERT INTO t VALUES (4)");
                inner.commit();
            }
            outer.commit();
        }
        QCOMPARE(std::get<std::int64_t>(*db.scalar("SELECT sum(v) FROM t")), 5);
    }

    void outerRollbackUndoesCommittedInnerWork()
    {
        Database db(":memory:", Database::Mode::Create);
        db.exec("CREATE TABLE t (v INTEGER)");
        {
            Transaction outer(db);
            Transaction inner(db);
            db.exec("INSERT INTO t VALUES (1)");
            inner.commit();
        }
        QCOMPARE(count(db, "t"), 0);
    }

    // --- errors -------------------------------------------------------------------------------

    void storeErrorCarriesCodeAndSql()
    {
        Database db(":memory:", Database::Mode::Create);
        db.exec("CREATE TABLE parcels (id INTEGER PRIMARY KEY)");
        db.exec("INSERT INTO parcels VALUES (1)");
        try {
            db.prepare("INSERT INTO parcels (id) VALUES (?)").bind(1, 1).run();
            QFAIL("duplicate key accepted");
        } catch (const StoreError &e) {
            QCOMPARE(e.sqliteCode(), SQLITE_CONSTRAINT_PRIMARYKEY);
            const std::string m = e.what();
            QVERIFY2(m.find("INSERT INTO parcels (id) VALUES (?)") != std::string::npos, e.what());
            QVERIFY2(m.find("UNIQUE constraint failed: parcels.id") != std::string::npos, e.what());
        }
        try {
            db.prepare("SELEKT * FROM parcels");
            QFAIL("syntax error accepted");
        } catch (const StoreError &e) {
            QCOMPARE(e.sqliteCode(), SQLITE_ERROR);
            QVERIFY2(std::string(e.what()).find("SELEKT * FROM parcels") != std::string::npos,
                     e.what());
        }
        try {
            db.exec("DROP TABLE no_such_table");
            QFAIL("dropping a missing table succeeded");
        } catch (const StoreError &e) {
            QCOMPARE(e.sqliteCode(), SQLITE_ERROR);
            QVERIFY2(std::string(e.what()).find("DROP TABLE no_such_table") != std::string::npos,
                     e.what());
            QVERIFY2(e.cause().find("no such table") != std::string::npos, e.what());
        }
    }

    void openingAMissingFileNamesIt()
    {
        const std::string missing = path("nowhere/missing.sqlite");
        try {
            Database db(missing, Database::Mode::ReadWrite);
            QFAIL("opened a missing file");
        } catch (const StoreError &e) {
            QCOMPARE(e.sqliteCode(), SQLITE_CANTOPEN);
            QVERIFY2(std::string(e.what()).find(missing) != std::string::npos, e.what());
        }
    }

    void readOnlyConnectionCannotWrite()
    {
        const std::string file = path("ro.sqlite");
        {
            Database db(file, Database::Mode::Create);
            db.exec("CREATE TABLE t (v INTEGER)");
        }
        Database ro(file, Database::Mode::ReadOnly);
        try {
            ro.exec("INSERT INTO t VALUES (1)");
            QFAIL("wrote through a read-only connection");
        } catch (const StoreError &e) {
            QCOMPARE(e.sqliteCode() & 0xff, SQLITE_READONLY);
        }
        QCOMPARE(count(ro, "t"), 0);
    }

    // --- SpatiaLite ---------------------------------------------------------------------------

    void spatialiteFunctionsAreAvailable()
    {
        Database db(":memory:", Database::Mode::Create);
        const auto version = std::get<std::string>(*db.scalar("SELECT spatialite_version()"));
        QVERIFY2(version.rfind("5.", 0) == 0, version.c_str());
        const double area = std::get<double>(
            *db.scalar("SELECT ST_Area(GeomFromText('POLYGON((566500 4118900, 566600 4118900, "
                       "566600 4119000, 566500 4119000, 566500 4118900))', 4548))"));
        PL_COMPARE_NEAR(area, 10000.00, 0.005, "m²");
        QVERIFY(std::holds_alternative<std::string>(*db.scalar("SELECT geos_version()")));
    }

    void spatialMetadataKnowsTheWorkingCrs()
    {
        Database db(":memory:", Database::Mode::Create);
        db.exec("SELECT InitSpatialMetadata(1)");
        const auto name = std::get<std::string>(
            *db.scalar("SELECT ref_sys_name FROM spatial_ref_sys WHERE srid = ?", 4548));
        QVERIFY2(name.find("CM 117E") != std::string::npos, name.c_str());
    }
};

QTEST_GUILESS_MAIN(DatabaseTest)
#include "databasetest.moc"
