// geodata/store/postgis/pgconnection.h, pgcursor.h and pgcopywriter.h against the throwaway
// cluster: binary parameters and results, streaming, COPY BINARY, transactions, and errors
// mapped to StoreError kinds (a lost connection included).
#include "geodata/store/postgis/pgconnection.h"
#include "geodata/store/postgis/pgcopywriter.h"
#include "geodata/store/postgis/pgcursor.h"
#include "geodata/testsupport.h"
#include "pgtestsupport.h"

#include <QTest>
#include <QThread>

#include <cstring>

using namespace planlines::geodata;
using namespace planlines::geodata::test;

namespace {

void putLe32(Blob &b, std::uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        b.push_back(static_cast<unsigned char>(v >> (8 * i)));
}
void putLeDouble(Blob &b, double d)
{
    std::uint64_t v;
    std::memcpy(&v, &d, 8);
    for (int i = 0; i < 8; ++i)
        b.push_back(static_cast<unsigned char>(v >> (8 * i)));
}
// EWKB of a polygon ring in EPSG:4548, written out by hand (little endian, SRID flag 0x20000000).
Blob ewkbPolygon(std::initializer_list<std::pair<double, double>> ring)
{
    Blob b{1};
    putLe32(b, 0x20000003);
    putLe32(b, 4548);
    putLe32(b, 1);
    putLe32(b, static_cast<std::uint32_t>(ring.size()));
    for (const auto &[e, n] : ring) {
        putLeDouble(b, e);
        putLeDouble(b, n);
    }
    return b;
}

} // namespace

class PgConnectionTest : public QObject
{
    Q_OBJECT
    std::string m_uri;

private slots:
    void initTestCase()
    {
        try {
            m_uri = freshDatabase("t_pgconnection");
        } catch (const std::exception &e) {
            QFAIL(e.what());
        }
    }

    void connectsAsPlanlinesInUtf8()
    {
        PgConnection db(m_uri);
        QVERIFY(db.ok());
        QCOMPARE(std::get<std::string>(*db.scalar("SELECT current_setting('application_name')")),
                 std::string("planlines"));
        QCOMPARE(std::get<std::string>(*db.scalar("SELECT current_setting('client_encoding')")),
                 std::string("UTF8"));
        QCOMPARE(db.user(), std::string("postgres"));
    }

    void displayNamesNeverShowAPassword()
    {
        QCOMPARE(pgDisplayName("postgresql://wang:secret@db.example:5433/gaoqing"),
                 std::string("wang@db.example:5433/gaoqing"));
        QCOMPARE(pgDisplayName("host=db.example user=wang password=secret dbname=gaoqing"),
                 std::string("wang@db.example/gaoqing"));
        QCOMPARE(pgDisplayName("service=county"), std::string("service=county"));
        QVERIFY(pgDisplayName("postgresql://wang:secret@[broken").find("secret") ==
                std::string::npos);
    }

    void anUnreachableServerIsConnectionLostWithoutThePassword()
    {
        const auto t = thrown<StoreError>(
            [] { PgConnection("postgresql://wang:secret@/gaoqing?host=/nonexistent-pl-dir"); });
        QVERIFY2(t.asExpected, t.message.c_str());
        QVERIFY2(t.message.find("secret") == std::string::npos, t.message.c_str());
        QVERIFY2(t.message.find("wang@/nonexistent-pl-dir/gaoqing: cannot connect") !=
                     std::string::npos,
                 t.message.c_str());
        try {
            PgConnection("postgresql://wang:secret@/gaoqing?host=/nonexistent-pl-dir");
        } catch (const StoreError &e) {
            QCOMPARE(e.kind(), StoreError::Kind::ConnectionLost);
        }
    }

    void parametersAndResultsTravelInBinary()
    {
        PgConnection db(m_uri);
        // A 10 m × 20 m rectangle: 200 m².
        const Blob square = ewkbPolygon({{0, 0}, {10, 0}, {10, 20}, {0, 20}, {0, 0}});
        PgParams p;
        p.add(std::int64_t{9'000'000'000})
            .add(0.1)
            .add("高青")
            .bytea(Blob{0, 255, 7})
            .geometry(square);
        p.add(nullptr);
        const PgResult r =
            db.exec("SELECT $1 + 1, $2 * 3, $3 || '县', length($4), ST_Area($5), ST_SRID($5), "
                    "$6::text IS NULL, $5",
                    p);
        QCOMPARE(r.int64(0, 0), std::int64_t{9'000'000'001});
        QCOMPARE(r.real(0, 1), 0.1 * 3); // binary float8: not a digit lost to text
        QCOMPARE(r.text(0, 2), std::string("高青县"));
        QCOMPARE(r.int64(0, 3), std::int64_t{3});
        PL_COMPARE_NEAR(r.real(0, 4), 200.0, 0.01, "m²");
        QCOMPARE(r.int64(0, 5), std::int64_t{4548});
        QCOMPARE(r.value(0, 6), Value(std::int64_t{1}));
        // The geometry comes back as the very EWKB that was sent.
        const auto back = r.bytes(0, 7);
        QCOMPARE(Blob(back.begin(), back.end()), square);
    }

    void typedGettersConvertTheColumnTypes()
    {
        PgConnection db(m_uri);
        const PgResult r = db.exec("SELECT 7::int2, 8::int4, 2.5::float4, true, "
                                   "'2026-12-07'::date, NULL::text, 'x'::varchar, "
                                   "'{\"镇\":1}'::jsonb, 'a'::text AS named");
        QCOMPARE(r.int64(0, 0), std::int64_t{7});
        QCOMPARE(r.int64(0, 1), std::int64_t{8});
        QCOMPARE(r.real(0, 2), 2.5);
        QVERIFY(r.boolean(0, 3));
        QCOMPARE(r.text(0, 4), std::string("2026-12-07"));
        QVERIFY(r.isNull(0, 5));
        QCOMPARE(r.value(0, 5), Value(std::monostate{}));
        QCOMPARE(r.text(0, 6), std::string("x"));
        QCOMPARE(r.text(0, 7), std::string("{\"镇\": 1}"));
        QCOMPARE(r.column("named"), 8);
        PL_VERIFY_THROWS_WITH(Error, r.int64(0, 6), "column varchar",
                              "cannot be read as an integer");
        PL_VERIFY_THROWS_WITH(Error, r.column("missing"), "no column missing");
        // numeric has no simple binary form: the SQL casts it, and forgetting to is an error.
        PL_VERIFY_THROWS_WITH(Error, db.scalar("SELECT sum(v) FROM (VALUES (1::int8)) t(v)"),
                              "cast numeric to float8 or int8");
    }

    void untypedParametersTakeTheTypeOfTheirUse()
    {
        PgConnection db(m_uri);
        PgParams p;
        p.untyped("{2,3,5}").untyped("7");
        const PgResult r = db.exec("SELECT count(*) FILTER (WHERE g = ANY($1::int8[])), "
                                   "count(*) FILTER (WHERE g = $2) FROM generate_series(1, 10) g",
                                   p);
        QCOMPARE(r.int64(0, 0), std::int64_t{3});
        QCOMPARE(r.int64(0, 1), std::int64_t{1});
    }

    void aCursorStreamsInBatches()
    {
        PgConnection db(m_uri);
        PgCursor c(db, "SELECT g, g * 0.5::float8 FROM generate_series(1, $1::int8) g",
                   PgParams::of(25'000), 10'000);
        std::int64_t rows = 0, sum = 0;
        int largestBatch = 0;
        while (c.next()) {
            ++rows;
            sum += c.int64(0);
            largestBatch = std::max(largestBatch, c.batch().rows());
            QCOMPARE(c.real(1), static_cast<double>(c.int64(0)) * 0.5);
        }
        QCOMPARE(rows, std::int64_t{25'000});
        QCOMPARE(sum, std::int64_t{25'000} * 25'001 / 2); // 312 512 500
        QCOMPARE(largestBatch, 10'000);
        QVERIFY(!c.next());
    }

    void cursorsOutsideATransactionEndInAnyOrder()
    {
        PgConnection db(m_uri);
        {
            auto first = std::make_unique<PgCursor>(db, "SELECT g FROM generate_series(1, 5) g",
                                                    PgParams{}, 2);
            PgCursor second(db, "SELECT g FROM generate_series(1, 5) g", PgParams{}, 2);
            QVERIFY(first->next());
            // Writing now would go into the readers' read-only transaction: refused in words.
            PL_VERIFY_THROWS_WITH(Error, PgTransaction tx(db),
                                  "cannot begin while features are being read");
            first.reset(); // the first goes before the second has finished
            std::int64_t sum = 0;
            while (second.next())
                sum += second.int64(0);
            QCOMPARE(sum, std::int64_t{15});
        }
        // Inside an explicit transaction a cursor is part of it.
        PgTransaction tx(db);
        PgCursor inner(db, "SELECT 1");
        QVERIFY(inner.next());
        QCOMPARE(db.transactionDepth(), 1);
    }

    // Each cursor sends its next FETCH ahead; anything else on the connection reads that answer
    // first, so statements, other cursors and COPY may come between a cursor's rows.
    void statementsBetweenACursorsRowsSeeTheirOwnAnswers()
    {
        PgConnection db(m_uri);
        PgTransaction tx(db);
        db.exec("CREATE TEMP TABLE ahead (v int8)");
        PgCursor outer(db, "SELECT g FROM generate_series(1, 1000) g", PgParams{}, 100);
        std::int64_t sum = 0, rows = 0;
        while (outer.next()) {
            sum += outer.int64(0);
            if (++rows % 150 != 0)
                continue;
            // A statement, a whole second cursor and a COPY, each mid-batch of the outer one.
            QCOMPARE(std::get<std::int64_t>(*db.scalar("SELECT $1::int8 * 2", rows)), rows * 2);
            PgCursor inner(db, "SELECT g FROM generate_series(1, 250) g", PgParams{}, 40);
            std::int64_t innerSum = 0;
            while (inner.next())
                innerSum += inner.int64(0);
            QCOMPARE(innerSum, std::int64_t{250 * 251 / 2});
            PgCopyWriter copy(db, "COPY ahead (v) FROM STDIN (FORMAT binary)", 1);
            copy.row().int64(rows);
            QCOMPARE(copy.finish(), std::int64_t{1});
        }
        QCOMPARE(rows, std::int64_t{1000});
        QCOMPARE(sum, std::int64_t{1000 * 1001 / 2});
        QCOMPARE(std::get<std::int64_t>(*db.scalar("SELECT count(*) FROM ahead")), std::int64_t{6});
        // A cursor dropped with its next rows on the way leaves the connection free.
        {
            PgCursor dropped(db, "SELECT g FROM generate_series(1, 500) g", PgParams{}, 100);
            QVERIFY(dropped.next());
        }
        QCOMPARE(std::get<std::int64_t>(*db.scalar("SELECT 7::int8")), std::int64_t{7});
    }

    // A row the server fails on, in rows fetched ahead, is raised where the reader reaches it.
    void anErrorInRowsFetchedAheadIsRaisedWhenReached()
    {
        PgConnection db(m_uri);
        {
            PgCursor c(db, "SELECT 100 / (150 - g) FROM generate_series(1, 300) g", PgParams{},
                       100);
            int rows = 0;
            try {
                while (c.next())
                    ++rows;
                QFAIL("a division by zero was not raised");
            } catch (const StoreError &e) {
                QVERIFY2(QString::fromStdString(e.what()).contains(QStringLiteral("division")),
                         e.what());
            }
            QCOMPARE(rows, 100); // the first batch was read whole before the failing one
        }
        QCOMPARE(std::get<std::int64_t>(*db.scalar("SELECT 8::int8")), std::int64_t{8});
    }

    // The server goes away while a cursor's next rows are on their way: a ConnectionLost, and
    // the connection works again once the cursor is gone.
    void aConnectionLostWhileReadingAheadIsReported()
    {
        PgConnection db(m_uri);
        PgConnection killer(m_uri);
        const auto pid = std::get<std::int64_t>(*db.scalar("SELECT pg_backend_pid()::int8"));
        {
            PgCursor c(db, "SELECT g FROM generate_series(1, 100000) g", PgParams{}, 1000);
            QVERIFY(c.next());
            killer.exec("SELECT pg_terminate_backend($1::int4)", PgParams::of(pid));
            try {
                while (c.next()) {
                }
                QFAIL("reading on a terminated connection ended without an error");
            } catch (const StoreError &e) {
                QCOMPARE(e.kind(), StoreError::Kind::ConnectionLost);
            }
        }
        QCOMPARE(std::get<std::int64_t>(*db.scalar("SELECT 9::int8")), std::int64_t{9});
    }

    void copyBinaryWritesRowsAndAbortsCleanly()
    {
        PgConnection db(m_uri);
        db.exec("CREATE TABLE copied (id int8, name text, area float8, d date, "
                "geom geometry(Polygon, 4548), note text)");
        {
            PgTransaction tx(db);
            PgCopyWriter w(db,
                           "COPY copied (id, name, area, d, geom, note) FROM STDIN "
                           "(FORMAT binary)",
                           6);
            const Blob a = ewkbPolygon({{0, 0}, {10, 0}, {10, 20}, {0, 20}, {0, 0}}); // 200 m²
            const Blob b = ewkbPolygon({{0, 0}, {3, 0}, {0, 4}, {0, 0}});             // 6 m²
            w.row().int64(1).text("芦家村").real(200).date("2026-12-07").bytes(a).null();
            w.row().int64(2).text("黑里寨镇").null().null().bytes(b).text("备注");
            w.row().int64(3).null().real(0).date("2000-01-01").null().null();
            QCOMPARE(w.finish(), std::int64_t{3});
            tx.commit();
        }
        const PgResult r = db.exec("SELECT count(*), sum(ST_Area(geom)), "
                                   "string_agg(name, ',' ORDER BY id), max(d)::text, "
                                   "count(note) FROM copied");
        QCOMPARE(r.int64(0, 0), std::int64_t{3});
        PL_COMPARE_NEAR(r.real(0, 1), 206.0, 0.01, "m²");
        QCOMPARE(r.text(0, 2), std::string("芦家村,黑里寨镇"));
        QCOMPARE(r.text(0, 3), std::string("2026-12-07"));
        QCOMPARE(r.int64(0, 4), std::int64_t{1});

        // Dropped unfinished: its transaction's rollback leaves none of its rows.
        {
            PgTransaction tx(db);
            PgCopyWriter w(db,
                           "COPY copied (id, name, area, d, geom, note) FROM STDIN "
                           "(FORMAT binary)",
                           6);
            w.row().int64(4).text("x").real(1).null().null().null();
        }
        QCOMPARE(std::get<std::int64_t>(*db.scalar("SELECT count(*) FROM copied")),
                 std::int64_t{3});

        // A row of the wrong width is refused before anything is sent.
        {
            PgTransaction tx(db);
            PgCopyWriter w(db, "COPY copied (id, name) FROM STDIN (FORMAT binary)", 2);
            w.row().int64(5);
            PL_VERIFY_THROWS_WITH(Error, w.row(), "a row of 1 fields where the COPY has 2");
        }
        // Geometry the server cannot read fails the COPY with the server's words.
        {
            PgTransaction tx(db);
            PgCopyWriter w(db, "COPY copied (id, geom) FROM STDIN (FORMAT binary)", 2);
            const Blob junk{1, 3, 0, 0};
            w.row().int64(6).bytes(junk);
            PL_VERIFY_THROWS_WITH(StoreError, w.finish(), "(at COPY copied, line 1, column geom)");
        }
        QCOMPARE(std::get<std::int64_t>(*db.scalar("SELECT count(*) FROM copied")),
                 std::int64_t{3});
    }

    void transactionsRollBackUnlessCommitted()
    {
        PgConnection db(m_uri);
        db.exec("CREATE TABLE tx_rows (v int8)");
        {
            PgTransaction tx(db);
            db.exec("INSERT INTO tx_rows VALUES (1)");
        }
        {
            PgTransaction outer(db);
            db.exec("INSERT INTO tx_rows VALUES (2)");
            {
                PgTransaction inner(db);
                db.exec("INSERT INTO tx_rows VALUES (3)");
            } // the savepoint alone rolls back
            outer.commit();
        }
        QCOMPARE(std::get<std::int64_t>(*db.scalar("SELECT sum(v)::int8 FROM tx_rows")),
                 std::int64_t{2});
        QCOMPARE(db.transactionDepth(), 0);
    }

    void errorsCarryAKind()
    {
        PgConnection db(m_uri);
        db.exec("CREATE TABLE uniq (k text PRIMARY KEY)");
        db.exec("INSERT INTO uniq VALUES ('YBQ-001')");
        try {
            db.exec("INSERT INTO uniq VALUES ($1)", PgParams::of("YBQ-001"));
            QFAIL("a duplicate key was accepted");
        } catch (const StoreError &e) {
            QCOMPARE(e.kind(), StoreError::Kind::Conflict);
            QVERIFY2(std::string(e.what()).find("duplicate key") != std::string::npos, e.what());
            QVERIFY2(std::string(e.what()).find("[SQLSTATE 23505]") != std::string::npos, e.what());
        }
        try {
            db.exec("SELEC 1");
            QFAIL("bad SQL was accepted");
        } catch (const StoreError &e) {
            QCOMPARE(e.kind(), StoreError::Kind::Other);
        }
        // Waiting for a lock past lock_timeout is Busy: a retry would succeed.
        PgConnection other(m_uri);
        PgTransaction holding(other);
        other.exec("LOCK TABLE uniq IN ACCESS EXCLUSIVE MODE");
        db.exec("SET lock_timeout = '100ms'");
        try {
            db.exec("SELECT count(*) FROM uniq");
            QFAIL("the lock was not waited for");
        } catch (const StoreError &e) {
            QCOMPARE(e.kind(), StoreError::Kind::Busy);
        }
    }

    void aLostConnectionIsReportedAndReconnects()
    {
        PgConnection db(m_uri);
        PgConnection killer(m_uri);
        const auto pid = std::get<std::int64_t>(*db.scalar("SELECT pg_backend_pid()::int8"));
        {
            PgTransaction tx(db);
            db.exec("CREATE TABLE lost_rows (v int8)");
            killer.exec("SELECT pg_terminate_backend($1::int4)", PgParams::of(pid));
            try {
                db.exec("INSERT INTO lost_rows VALUES (1)");
                QFAIL("a write on a terminated connection succeeded");
            } catch (const StoreError &e) {
                QCOMPARE(e.kind(), StoreError::Kind::ConnectionLost);
            }
            QVERIFY(!db.ok());
            // Until the transaction is over, every statement says what happened to it.
            PL_VERIFY_THROWS_WITH(StoreError, db.exec("SELECT 1"),
                                  "lost during an unfinished transaction",
                                  "nothing of it was "
                                  "stored");
        } // the transaction's rollback on a dead connection does not crash
        // The next statement after it connects again.
        QCOMPARE(std::get<std::int64_t>(*db.scalar("SELECT 1::int8")), std::int64_t{1});
        QVERIFY(db.ok());
        QCOMPARE(db.scalar("SELECT to_regclass('lost_rows')::text"),
                 std::optional<Value>(Value(std::monostate{})));
    }
};

QTEST_APPLESS_MAIN(PgConnectionTest)
#include "pgconnectiontest.moc"
