// Tests geodata/migrator.h: the numbered SQL migrations and how they are applied.
#include "testsupport.h"

#include "geodata/migrator.h"

#include <QTemporaryDir>
#include <QTest>

using namespace planlines::geodata;
using planlines::geodata::test::qs;

namespace {
std::int64_t intOf(Database &db, const std::string &sql)
{
    return std::get<std::int64_t>(*db.scalar(sql));
}
} // namespace

class MigratorTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_files = 0;
    // A version-0 database as SpatiaLite leaves it: spatial metadata, nothing of ours.
    std::unique_ptr<Database> spatialDb()
    {
        auto db = std::make_unique<Database>(
            m_dir.filePath(QStringLiteral("db%1.sqlite").arg(++m_files)).toStdString(),
            Database::Mode::Create);
        db->exec("SELECT InitSpatialMetadata(1)");
        return db;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void migrationsAreNumberedFromOneWithoutGaps()
    {
        const auto all = Migrator::migrations();
        QVERIFY(!all.empty());
        for (size_t i = 0; i < all.size(); ++i)
            QCOMPARE(all[i].version, int(i) + 1);
        QCOMPARE(qs(all.front().name), QStringLiteral("initial"));
        QVERIFY(all.front().sql.find("CREATE TABLE layers") != std::string::npos);
        QCOMPARE(Migrator::latestVersion(), all.back().version);
    }

    void migratesAVersionZeroSpatialDatabase()
    {
        auto db = spatialDb();
        QCOMPARE(Migrator::currentVersion(*db), 0);
        const int latest = Migrator::latestVersion();
        QCOMPARE(Migrator::migrate(*db), latest);
        QCOMPARE(Migrator::currentVersion(*db), latest);
        QCOMPARE(intOf(*db, "SELECT count(*) FROM schema_migrations"), latest);
        QCOMPARE(intOf(*db, "SELECT max(version) FROM schema_migrations"), latest);
        for (const char *table :
             {"project_settings", "roles", "layers", "layer_fields", "layer_versions",
              "corridor_progress", "check_records", "audit_log"})
            QVERIFY2(db->tableExists(table), table);
        QCOMPARE(intOf(*db, "SELECT count(*) FROM roles"), 9);
        // Spatial metadata is untouched.
        QVERIFY(db->tableExists("spatial_ref_sys"));
        QVERIFY(db->tableExists("geometry_columns"));
        // Nothing left to do the second time.
        QCOMPARE(Migrator::migrate(*db), 0);
        QCOMPARE(intOf(*db, "SELECT count(*) FROM schema_migrations"), latest);
    }

    void refusesADatabaseFromANewerProgram()
    {
        auto db = spatialDb();
        Migrator::migrate(*db);
        const int newer = Migrator::latestVersion() + 1;
        db->exec("PRAGMA user_version = " + std::to_string(newer));
        PL_VERIFY_THROWS_WITH(Error, Migrator::migrate(*db), "newer",
                              "schema " + std::to_string(newer), db->path());
        QCOMPARE(Migrator::currentVersion(*db), newer);
    }

    // Each migration is one transaction: one that fails half way leaves nothing behind.
    void failedMigrationLeavesTheDatabaseAsItWas()
    {
        auto db = spatialDb();
        db->exec("CREATE TABLE roles (x INTEGER)"); // makes 001 fail after its first tables
        const auto t = test::thrown<StoreError>([&] { Migrator::migrate(*db); });
        QVERIFY2(t.asExpected, t.message.c_str());
        QVERIFY2(t.message.find("roles") != std::string::npos, t.message.c_str());
        QCOMPARE(Migrator::currentVersion(*db), 0);
        QVERIFY(!db->tableExists("project_settings"));
        QVERIFY(!db->tableExists("schema_migrations"));
        QVERIFY(db->tableExists("roles"));
    }
};

QTEST_GUILESS_MAIN(MigratorTest)
#include "migratortest.moc"
