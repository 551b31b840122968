// Tests geodata/project.h: creating, opening and refusing project files.
#include "testsupport.h"

#include "geodata/migrator.h"
#include "geodata/project.h"

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

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void createdProjectIsAtTheLatestSchema()
    {
        auto p = newProject("new.sqlite");
        QCOMPARE(p->schemaVersion(), Migrator::latestVersion());
        QVERIFY(p->schemaVersion() >= 1);
        QCOMPARE(qs(std::get<std::string>(*p->db().scalar("PRAGMA journal_mode"))),
                 QStringLiteral("wal"));
        QCOMPARE(std::get<std::int64_t>(*p->db().scalar("PRAGMA foreign_keys")), 1);
        QVERIFY(p->layers().empty());
    }

    void createdProjectHoldsItsSettings()
    {
        auto p = newProject("settings.sqlite");
        QCOMPARE(qs(p->setting("working_crs").value_or("")), QStringLiteral("EPSG:4548"));
        QCOMPARE(qs(p->workingCrs()), QStringLiteral("EPSG:4548"));
        QCOMPARE(p->workingSrid(), 4548);
        QCOMPARE(qs(p->countyName()), QStringLiteral("高青县"));
        QCOMPARE(qs(p->setting("county_code").value_or("")), QStringLiteral("370322"));
        const QString created = qs(p->setting("created_at").value_or(""));
        QVERIFY2(QDateTime::fromString(created, Qt::ISODate).isValid(), qPrintable(created));
        QVERIFY(!p->setting("no_such_key").has_value());
        // The creation is audited.
        auto st = p->db().prepare("SELECT action, target, target_id, detail_json FROM audit_log");
        QVERIFY(st.step());
        QCOMPARE(qs(st.text(0)), QStringLiteral("project.create"));
        QCOMPARE(qs(st.text(2)), QStringLiteral("370322"));
        QVERIFY(st.text(3).find("EPSG:4548") != std::string::npos);
        QVERIFY(!st.step());
    }

    void settingsSurviveReopening()
    {
        const std::string file = path("reopen.sqlite");
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
        static int n = 0;
        const std::string file = path(QStringLiteral("crs%1.sqlite").arg(++n));
        PL_VERIFY_THROWS_WITH(Error, Project::create(file, crs.toStdString(), "高青县", "370322"),
                              "EPSG", crs.toStdString(), file);
        QVERIFY2(!exists(file), "a refused project left a file behind");
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
        const std::string file = path("unknown_" + crs.mid(5) + ".sqlite");
        PL_VERIFY_THROWS_WITH(Error, Project::create(file, crs.toStdString(), "高青县", "370322"),
                              crs.toStdString(), file);
        QVERIFY2(!exists(file), "a refused project left a file behind");
        QVERIFY(!exists(file + "-wal"));
    }

    void openRefusesAMissingFile()
    {
        const std::string file = path("missing.sqlite");
        PL_VERIFY_THROWS_WITH(Error, Project::open(file), file);
        QVERIFY(!exists(file));
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

    void openRefusesASqliteDatabaseThatIsNotAProject()
    {
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

    void openRefusesAProjectFromANewerProgram()
    {
        const std::string file = path("newer.sqlite");
        newProject("newer.sqlite");
        const int newer = Migrator::latestVersion() + 1;
        {
            Database db(file, Database::Mode::ReadWrite);
            db.exec("PRAGMA user_version = " + std::to_string(newer));
        }
        PL_VERIFY_THROWS_WITH(Error, Project::open(file), file, "newer PlanLines");
        PL_VERIFY_THROWS_WITH(Error, Project::open(file, true), file, "newer PlanLines");
        Database db(file, Database::Mode::ReadOnly);
        QCOMPARE(std::get<std::int64_t>(*db.scalar("PRAGMA user_version")), newer);
    }

    void readOnlyOpenCannotWrite()
    {
        const std::string file = path("readonly.sqlite");
        newProject("readonly.sqlite");
        auto p = Project::open(file, true);
        QCOMPARE(qs(p->countyName()), QStringLiteral("高青县"));
        try {
            p->setSetting("county_name", "改名");
            QFAIL("wrote through a read-only project");
        } catch (const StoreError &e) {
            QCOMPARE(e.sqliteCode() & 0xff, SQLITE_READONLY);
        }
        try {
            p->audit("test.write", "project", "");
            QFAIL("audited through a read-only project");
        } catch (const StoreError &e) {
            QCOMPARE(e.sqliteCode() & 0xff, SQLITE_READONLY);
        }
        QCOMPARE(qs(Project::open(file, true)->countyName()), QStringLiteral("高青县"));
    }

    void auditWritesOneRowWithActorAndTime()
    {
        auto p = newProject("audit.sqlite");
        qputenv("PLANLINES_USER", "zhangsan");
        p->audit("corridor.update", "corridor", "S-07", "{\"percent\":40}");
        qunsetenv("PLANLINES_USER");
        auto st = p->db().prepare("SELECT at, actor, target, target_id, detail_json FROM audit_log "
                                  "WHERE action = 'corridor.update'");
        QVERIFY(st.step());
        QVERIFY(QDateTime::fromString(qs(st.text(0)), Qt::ISODate).isValid());
        QCOMPARE(qs(st.text(1)), QStringLiteral("zhangsan"));
        QCOMPARE(qs(st.text(2)), QStringLiteral("corridor"));
        QCOMPARE(qs(st.text(3)), QStringLiteral("S-07"));
        QCOMPARE(qs(st.text(4)), QStringLiteral("{\"percent\":40}"));
        QVERIFY(!st.step());
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
