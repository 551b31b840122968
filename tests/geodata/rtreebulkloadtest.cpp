// Tests geodata/rtreebulkload.h: a packed tree that SQLite's own checker accepts, that answers
// window queries exactly as a scan does, and that SQLite keeps maintaining afterwards.
#include "testsupport.h"

#include "geodata/database.h"
#include "geodata/rtreebulkload.h"

#include <QTest>

#include <random>

using namespace planlines::geodata;

namespace {
std::vector<RTreeEntry> randomBoxes(int n, unsigned seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> x(500000.0, 560000.0), y(4080000.0, 4140000.0),
        size(0.5, 300.0);
    std::vector<RTreeEntry> out;
    for (int i = 1; i <= n; ++i) {
        const double x0 = x(rng), y0 = y(rng);
        out.push_back({i * 3, x0, y0, x0 + size(rng), y0 + size(rng)});
    }
    return out;
}

void createTree(Database &db)
{
    db.exec("CREATE VIRTUAL TABLE idx USING rtree(pkid, xmin, xmax, ymin, ymax)");
}

std::int64_t count(Database &db, const std::string &sql)
{
    return std::get<std::int64_t>(*db.scalar(sql));
}
} // namespace

class RTreeBulkLoadTest : public QObject
{
    Q_OBJECT
private slots:
    void packedTreePassesSqlitesCheck_data()
    {
        QTest::addColumn<int>("n");
        QTest::newRow("one") << 1;
        QTest::newRow("one full root") << 51;
        QTest::newRow("two levels") << 52;
        QTest::newRow("three levels") << 20000;
    }
    void packedTreePassesSqlitesCheck()
    {
        QFETCH(int, n);
        Database db(":memory:", Database::Mode::Create);
        createTree(db);
        bulkLoadRTree(db, "idx", randomBoxes(n, 7));
        QCOMPARE(std::get<std::string>(*db.scalar("SELECT rtreecheck('idx')")), std::string("ok"));
        QCOMPARE(count(db, "SELECT count(*) FROM idx"), std::int64_t(n));
    }

    void windowQueriesMatchAScan()
    {
        Database db(":memory:", Database::Mode::Create);
        createTree(db);
        db.exec("CREATE TABLE boxes (id INTEGER PRIMARY KEY, xmin, xmax, ymin, ymax)");
        const auto boxes = randomBoxes(20000, 11);
        auto insert = db.prepare("INSERT INTO boxes VALUES (?, ?, ?, ?, ?)");
        for (const auto &b : boxes)
            insert.bindAll(b.id, b.minX, b.maxX, b.minY, b.maxY).run();
        bulkLoadRTree(db, "idx", boxes);
        std::mt19937_64 rng(3);
        std::uniform_real_distribution<double> x(500000.0, 560000.0), y(4080000.0, 4140000.0);
        for (int q = 0; q < 50; ++q) {
            const double x0 = x(rng), y0 = y(rng), x1 = x0 + 2000, y1 = y0 + 1500;
            const std::string window = std::to_string(x0) + ", " + std::to_string(x1) + ", " +
                                       std::to_string(y0) + ", " + std::to_string(y1);
            // Boxes are stored rounded outwards to float: a scan with the same rule.
            const std::int64_t viaIndex =
                count(db, "SELECT count(*) FROM idx WHERE xmax >= " + std::to_string(x0) +
                              " AND xmin <= " + std::to_string(x1) + " AND ymax >= " +
                              std::to_string(y0) + " AND ymin <= " + std::to_string(y1));
            const std::int64_t viaScan =
                count(db, "SELECT count(*) FROM idx_rowid r JOIN boxes b ON b.id = r.rowid WHERE "
                          "b.xmax >= " +
                              std::to_string(x0) + " AND b.xmin <= " + std::to_string(x1) +
                              " AND b.ymax >= " + std::to_string(y0) +
                              " AND b.ymin <= " + std::to_string(y1));
            QVERIFY2(viaIndex == viaScan, qPrintable(QString::fromStdString(window)));
        }
    }

    void sqliteMaintainsTheTreeAfterwards()
    {
        Database db(":memory:", Database::Mode::Create);
        createTree(db);
        bulkLoadRTree(db, "idx", randomBoxes(5000, 5));
        db.exec("INSERT INTO idx VALUES (1, 1, 2, 3, 4)");
        db.exec("DELETE FROM idx WHERE pkid % 2 = 0");
        db.exec("UPDATE idx SET xmax = xmax + 10 WHERE pkid % 5 = 0");
        QCOMPARE(std::get<std::string>(*db.scalar("SELECT rtreecheck('idx')")), std::string("ok"));
        QCOMPARE(count(db, "SELECT count(*) FROM idx WHERE xmin <= 1.5 AND xmax >= 1.5"),
                 std::int64_t(1));
    }

    void refusesATreeThatIsNotEmpty()
    {
        Database db(":memory:", Database::Mode::Create);
        createTree(db);
        db.exec("INSERT INTO idx VALUES (1, 1, 2, 3, 4)");
        PL_VERIFY_THROWS_WITH(Error, bulkLoadRTree(db, "idx", randomBoxes(3, 1)),
                              "spatial index idx", "not empty");
    }
};

QTEST_GUILESS_MAIN(RTreeBulkLoadTest)
#include "rtreebulkloadtest.moc"
