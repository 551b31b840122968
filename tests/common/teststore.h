// One suite, two engines (issue 17): a fresh store location for a test. By default a SpatiaLite
// file in a temporary folder; with PLANLINES_TEST_STORE=postgis a new database in the throwaway
// cluster that `make test` starts (tests/pgcluster/pgcluster.sh, CTest fixture pgcluster,
// copied from its PostGIS template), given as a postgresql:// URI and dropped afterwards. The
// suites registered twice (planlines_add_pg_twin in tests/CMakeLists.txt) run as <name> and
// <name>_pg. Never skipped: under PLANLINES_TEST_STORE=postgis a missing cluster is an error.
#pragma once

#include "postgis/pgtestsupport.h"

#include <geodata/store/postgis/pgconnection.h>

#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <string>
#include <unistd.h>

namespace planlines::geodata::test {

// Whether the suite runs on PostGIS ($PLANLINES_TEST_STORE=postgis); any other value but
// spatialite or empty is an error, not a quiet fallback.
inline bool testOnPostgis()
{
    const char *v = std::getenv("PLANLINES_TEST_STORE");
    const std::string s = v ? v : "";
    if (s.empty() || s == "spatialite")
        return false;
    if (s == "postgis")
        return true;
    throw std::runtime_error("PLANLINES_TEST_STORE=" + s + ": expected spatialite or postgis");
}

class TestStore
{
public:
    // label: a short ASCII word naming the suite's fixture (file and database names).
    // onPostgis: the engine, when a test wants one of its own (else PLANLINES_TEST_STORE's).
    explicit TestStore(const std::string &label, std::optional<bool> onPostgis = {})
    {
        if (!onPostgis.value_or(testOnPostgis())) {
            m_location = m_dir.filePath(QString::fromStdString(label + ".sqlite")).toStdString();
            return;
        }
        static std::atomic<int> serial{0};
        m_database =
            "t_" + label + "_" + std::to_string(::getpid()) + "_" + std::to_string(serial++);
        m_location = freshDatabase(m_database);
    }
    ~TestStore()
    {
        if (m_database.empty())
            return;
        try {
            PgConnection admin(clusterUri());
            admin.exec("DROP DATABASE IF EXISTS " + quoteIdentifier(m_database) + " WITH (FORCE)");
        } catch (const std::exception &e) {
            qWarning("could not drop the test database %s: %s", m_database.c_str(), e.what());
        }
    }
    TestStore(const TestStore &) = delete;
    TestStore &operator=(const TestStore &) = delete;

    // A file path or a postgresql:// URI: what --db and Project::open/create take.
    const std::string &location() const { return m_location; }
    bool postgis() const { return !m_database.empty(); }
    // What a message names the store by: the file's path, or on PostGIS the database's name
    // (messages there give user@host:port/database, never the URI).
    std::string named() const { return postgis() ? "/" + m_database : m_location; }
    // A folder for the test's other files (sites, exports), on either engine.
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
    std::string m_location;
    std::string m_database;
};

} // namespace planlines::geodata::test

// For a test function that reads the SpatiaLite file itself (its SQL, its pages): said, not
// silent, in the PostGIS run's output.
#define PL_SPATIALITE_ONLY(why)                                                                    \
    do {                                                                                           \
        if (::planlines::geodata::test::testOnPostgis())                                           \
            QSKIP("SpatiaLite engine only: " why);                                                 \
    } while (false)
