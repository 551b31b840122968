// Tests geodata/project.h: creating, opening and refusing projects. Run on both engines (the
// _pg twin creates its projects in the throwaway cluster); what only a file can show (its
// pragmas, a file that is not a project) is SpatiaLite's alone.
#include "common/teststore.h"
#include "testsupport.h"

#include "geodata/migrator.h"
#include "geodata/project.h"
#include "geodata/store/postgis/pgmigrator.h"

#include <QDateTime>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <filesystem>

using namespace planlines::geodata;
using planlines::geodata::test::qs;
using planlines::geodata::test::TestStore;

class ProjectTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::string path(const QString &name) const { return m_dir.filePath(name).toStdString(); }
    std::unique_ptr<Project> newProject(const QString &name)
    {
        return Project::create(path(name), "EPSG:4548", "高青县", "370322");
    }
    static bool exists(const std::string &p) { return std::filesystem::exists(p); }
    // Each engine numbers its own migrations.
    static int latestSchema(const TestStore &store)
    {
        return store.postgis() ? PgMigrator::latestVersion() : Migrator::latestVersion();
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void createdProjectIsAtTheLatestSchema()
    {
        const TestStore store{"new"};
        auto p = Project::create(store.location(), "EPSG:4548", "高青县", "370322");
        QVERIFY(p->engine() == (store.postgis() ? Engine::PostGIS : Engine::SpatiaLite));
        QCOMPARE(p->schemaVersion(), latestSchema(store));
        QVERIFY(p->schemaVersion() >= 1);
        QVERIFY(p->layers().empty());
    }

    void createdFileIsInWalModeWithForeignKeys()
    {
        PL_SPATIALITE_ONLY("the file's pragmas");
        auto p = newProject("new.sqlite");
        QCOMPARE(qs(std::get<std::string>(*p->db().scalar("PRAGMA journal_mode"))),
                 QStringLiteral("wal"));
        QCOMPARE(std::get<std::int64_t>(*p->db().scalar("PRAGMA foreign_keys")), 1);
    }

    void createdProjectHoldsItsSettings()
    {
        const TestStore store{"settings"};
        auto p = Project::create(store.location(), "EPSG:4548", "高青县", "370322");
        QCOMPARE(qs(p->setting("working_crs").value_or("")), QStringLiteral("EPSG:4548"));
        QCOMPARE(qs(p->workingCrs()), QStringLiteral("EPSG:4548"));
        QCOMPARE(p->workingSrid(), 4548);
        QCOMPARE(qs(p->countyName()), QStringLiteral("高青县"));
        QCOMPARE(qs(p->setting("county_code").value_or("")), QStringLiteral("370322"));
        const QString created = qs(p->setting("created_at").value_or(""));
        QVERIFY2(QDateTime::fromString(created, Qt::ISODate).isValid(), qPrintable(created));
        QVERIFY(!p->setting("no_such_key").has_value());
        // The creation is audited.
        const auto audit = p->auditLog();
        QCOMPARE(audit.size(), std::size_t(1));
        QCOMPARE(qs(audit[0].action), QStringLiteral("project.create"));
        QCOMPARE(qs(audit[0].target), QStringLiteral("project"));
        QCOMPARE(qs(audit[0].targetId), QStringLiteral("370322"));
        QCOMPARE(qs(audit[0].detailJson), QStringLiteral("{\"working_crs\":\"EPSG:4548\"}"));
    }

    void settingsSurviveReopening()
    {
        const TestStore store{"reopen"};
        const std::string file = store.location();
        {
            auto p = Project::create(file, "EPSG:4527", "高青县", "370322");
            p->setSetting("county_name", "高青县（测试）");
            p->setSetting("note", "田镇街道");
        }
        auto p = Project::open(file);
        QCOMPARE(qs(p->workingCrs()), QStringLiteral("EPSG:4527"));
        QCOMPARE(p->workingSrid(), 4527);
        QCOMPARE(qs(p->countyName()), QStringLiteral("高青县（测试）"));
        QCOMPARE(qs(p->setting("note").value_or("")), QStringLiteral("田镇街道"));
        QCOMPARE(qs(p->path()), qs(file));
    }

    void createRefusesAnExistingFile()
    {
        PL_SPATIALITE_ONLY("a file of staff notes (PostGIS: createRefusesAnExistingProject)");
        const std::string file = path("existing.sqlite");
        {
            QFile f(qs(file));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("staff notes, not a project");
        }
        PL_VERIFY_THROWS_WITH(Error, newProject("existing.sqlite"), "already exists", file);
        QFile f(qs(file));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("staff notes, not a project"));
    }

    // A second create where a project is: refused naming the location, the first one intact.
    void createRefusesAnExistingProject()
    {
        const TestStore store{"twice"};
        Project::create(store.location(), "EPSG:4548", "高青县", "370322");
        PL_VERIFY_THROWS_WITH(Error,
                              Project::create(store.location(), "EPSG:4527", "邹平市", "371626"),
                              "already", store.named());
        auto p = Project::open(store.location());
        QCOMPARE(qs(p->workingCrs()), QStringLiteral("EPSG:4548"));
        QCOMPARE(qs(p->countyName()), QStringLiteral("高青县"));
        QCOMPARE(p->auditLog().size(), std::size_t(1));
    }

    void createRefusesANonEpsgCrs_data()
    {
        QTest::addColumn<QString>("crs");
        QTest::newRow("PROJ string") << "+proj=tmerc +lon_0=117 +x_0=500000 +ellps=GRS80";
        QTest::newRow("bare number") << "4548";
        QTest::newRow("lower case") << "epsg:4548";
        QTest::newRow("empty") << "";
    }
    void createRefusesANonEpsgCrs()
    {
        QFETCH(QString, crs);
        const TestStore store{"crs"};
        const std::string location = store.location();
        PL_VERIFY_THROWS_WITH(Error,
                              Project::create(location, crs.toStdString(), "高青县", "370322"),
                              "EPSG", crs.toStdString(), store.named());
        if (!store.postgis())
            QVERIFY2(!exists(location), "a refused project left a file behind");
        // Nothing half-made: the next attempt, with a right CRS, makes the project.
        QCOMPARE(Project::create(location, "EPSG:4548", "高青县", "370322")->workingSrid(), 4548);
    }

    // "EPSG:" followed by something that is not a known code: a clear Error, and no file left
    // behind that would make the next attempt fail with "already exists".
    void createRefusesAnUnknownEpsgCodeLeavingNoFile_data()
    {
        QTest::addColumn<QString>("crs");
        QTest::newRow("unknown code") << "EPSG:999999";
        QTest::newRow("not a number") << "EPSG:abc";
        QTest::newRow("nothing after the colon") << "EPSG:";
    }
    void createRefusesAnUnknownEpsgCodeLeavingNoFile()
    {
        QFETCH(QString, crs);
        const TestStore store{"unknowncrs"};
        const std::string location = store.location();
        PL_VERIFY_THROWS_WITH(Error,
                              Project::create(location, crs.toStdString(), "高青县", "370322"),
                              crs.toStdString(), store.named());
        if (!store.postgis()) {
            QVERIFY2(!exists(location), "a refused project left a file behind");
            QVERIFY(!exists(location + "-wal"));
        }
        QCOMPARE(Project::create(location, "EPSG:4548", "高青县", "370322")->workingSrid(), 4548);
    }

    void openRefusesAMissingFile()
    {
        PL_SPATIALITE_ONLY("a missing file (PostGIS: openRefusesAMissingDatabase)");
        const std::string file = path("missing.sqlite");
        PL_VERIFY_THROWS_WITH(Error, Project::open(file), file);
        QVERIFY(!exists(file));
    }

    // A server database that is not there: refused naming it, and not made by the attempt.
    void openRefusesAMissingDatabase()
    {
        if (!planlines::geodata::test::testOnPostgis())
            QSKIP("PostGIS engine only: a missing file is the case above");
        const TestStore store{"there"};
        const std::string there = store.named().substr(1), missing = there + "_missing";
        std::string location = store.location();
        location.replace(location.find("/" + there), there.size() + 1, "/" + missing);
        PL_VERIFY_THROWS_WITH(Error, Project::open(location), "/" + missing, "does not exist");
        PL_VERIFY_THROWS_WITH(Error, Project::open(location, true), "/" + missing);
        QVERIFY(!PgConnection(planlines::geodata::test::clusterUri())
                     .scalar("SELECT 1 FROM pg_database WHERE datname = $1", missing));
    }

    // A file staff picked by mistake: the message must say which file and that it is not a project.
    void openRefusesAFileThatIsNotAProject_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("text file")
            << "notes.txt" << QByteArray("高青县 田镇街道 地块清单\n1,2,3\n").repeated(50);
        QTest::newRow("empty file") << "empty.sqlite" << QByteArray();
    }
    void openRefusesAFileThatIsNotAProject()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        const std::string file = path(name);
        {
            QFile f(qs(file));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(content);
        }
        PL_VERIFY_THROWS_WITH(Error, Project::open(file), file, "not a PlanLines project");
        PL_VERIFY_THROWS_WITH(Error, Project::open(file, true), file);
        QFile f(qs(file));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), content);
    }

    // A database that exists but holds no project: refused naming it, and left as it was.
    void openRefusesAnEmptyDatabase()
    {
        if (!planlines::geodata::test::testOnPostgis())
            QSKIP("PostGIS engine only: files are refused by the cases above and below");
        const TestStore store{"empty"};
        PL_VERIFY_THROWS_WITH(Error, Project::open(store.location()), store.named(),
                              "not a PlanLines project");
        PL_VERIFY_THROWS_WITH(Error, Project::open(store.location(), true), store.named(),
                              "not a PlanLines project");
        // Nothing was made by the attempts: a create then succeeds.
        QCOMPARE(Project::create(store.location(), "EPSG:4548", "高青县", "370322")->workingSrid(),
                 4548);
    }

    void openRefusesASqliteDatabaseThatIsNotAProject()
    {
        PL_SPATIALITE_ONLY("a SQLite file of another program");
        const std::string file = path("other.sqlite");
        {
            Database db(file, Database::Mode::Create);
            db.exec("SELECT InitSpatialMetadata(1); CREATE TABLE parcels (id INTEGER)");
        }
        PL_VERIFY_THROWS_WITH(Error, Project::open(file), file, "not a PlanLines project");
        Database db(file, Database::Mode::ReadOnly);
        QVERIFY(!db.tableExists("layers"));
        QCOMPARE(std::get<std::int64_t>(*db.scalar("PRAGMA user_version")), 0);
    }

    // Marked newer each engine's way: the file's user_version, the server's schema_migrations.
    void openRefusesAProjectFromANewerProgram()
    {
        const TestStore store{"newer"};
        Project::create(store.location(), "EPSG:4548", "高青县", "370322");
        const int newer = latestSchema(store) + 1;
        const auto version = [&]() -> std::int64_t {
            if (store.postgis())
                return std::get<std::int64_t>(*PgConnection(store.location())
                                                   .scalar("SELECT max(version)::int8 FROM "
                                                           "schema_migrations"));
            Database db(store.location(), Database::Mode::ReadOnly);
            return std::get<std::int64_t>(*db.scalar("PRAGMA user_version"));
        };
        if (store.postgis()) {
            PgConnection(store.location())
                .exec("INSERT INTO schema_migrations (version, name) VALUES ($1, 'from a newer "
                      "PlanLines')",
                      PgParams::of(newer));
        } else {
            Database db(store.location(), Database::Mode::ReadWrite);
            db.exec("PRAGMA user_version = " + std::to_string(newer));
        }
        PL_VERIFY_THROWS_WITH(Error, Project::open(store.location()), store.named(),
                              "newer PlanLines");
        PL_VERIFY_THROWS_WITH(Error, Project::open(store.location(), true), store.named(),
                              "newer PlanLines");
        QCOMPARE(version(), std::int64_t(newer)); // not migrated back, not touched
    }

    void readOnlyOpenCannotWrite()
    {
        const TestStore store{"readonly"};
        Project::create(store.location(), "EPSG:4548", "高青县", "370322");
        auto p = Project::open(store.location(), true);
        QCOMPARE(qs(p->countyName()), QStringLiteral("高青县"));
        // The engine's own refusal: SQLite's read-only code, or PostgreSQL's read-only
        // transaction (the session is SET default_transaction_read_only).
        const auto refusedAsReadOnly = [&](const StoreError &e) {
            if (store.postgis())
                QVERIFY2(std::string(e.what()).find("read-only transaction") != std::string::npos,
                         e.what());
            else
                QCOMPARE(e.sqliteCode() & 0xff, SQLITE_READONLY);
        };
        try {
            p->setSetting("county_name", "改名");
            QFAIL("wrote through a read-only project");
        } catch (const StoreError &e) {
            refusedAsReadOnly(e);
        }
        try {
            p->audit("test.write", "project", "");
            QFAIL("audited through a read-only project");
        } catch (const StoreError &e) {
            refusedAsReadOnly(e);
        }
        auto again = Project::open(store.location(), true);
        QCOMPARE(qs(again->countyName()), QStringLiteral("高青县"));
        QCOMPARE(again->auditLog().size(), std::size_t(1));
    }

    void auditWritesOneRowWithActorAndTime()
    {
        const TestStore store{"audit"};
        auto p = Project::create(store.location(), "EPSG:4548", "高青县", "370322");
        qputenv("PLANLINES_USER", "zhangsan");
        p->audit("corridor.update", "corridor", "S-07", "{\"percent\":40}");
        qunsetenv("PLANLINES_USER");
        const auto audit = p->auditLog();
        QCOMPARE(audit.size(), std::size_t(2)); // project.create, then this one
        const AuditRow &row = audit[1];
        QCOMPARE(qs(row.action), QStringLiteral("corridor.update"));
        QVERIFY2(QDateTime::fromString(qs(row.at), Qt::ISODate).isValid(), row.at.c_str());
        QCOMPARE(qs(row.target), QStringLiteral("corridor"));
        QCOMPARE(qs(row.targetId), QStringLiteral("S-07"));
        QCOMPARE(qs(row.detailJson), QStringLiteral("{\"percent\":40}"));
        // On a server the actor is the PostgreSQL role (issue 17: audit rows name the role that
        // wrote them), on a file the person the program runs for.
        if (!store.postgis())
            QCOMPARE(qs(row.actor), QStringLiteral("zhangsan"));
        else
            QCOMPARE(row.actor,
                     std::get<std::string>(
                         *PgConnection(store.location()).scalar("SELECT current_user::text")));
    }

    // Without login variables (a service, a container) the actor is the process's account.
    void actorWithoutLoginVariablesIsTheAccount()
    {
        QProcess id;
        id.start(QStringLiteral("id"), {QStringLiteral("-un")});
        QVERIFY(id.waitForFinished(10000));
        const QString account = QString::fromLocal8Bit(id.readAllStandardOutput()).trimmed();
        QVERIFY(!account.isEmpty());
        QMap<QByteArray, QByteArray> saved;
        for (const char *var : {"PLANLINES_USER", "USER", "LOGNAME", "USERNAME"}) {
            saved[var] = qgetenv(var);
            qunsetenv(var);
        }
        const std::string actor = Project::actor();
        for (auto it = saved.cbegin(); it != saved.cend(); ++it)
            if (!it.value().isEmpty())
                qputenv(it.key().constData(), it.value());
        QCOMPARE(qs(actor), account);
    }
};

QTEST_GUILESS_MAIN(ProjectTest)
#include "projecttest.moc"
