// Helpers of the PostGIS tests: the throwaway cluster that `make test` starts
// (tests/pgcluster/pgcluster.sh, the CTest fixture `pgcluster`), a fresh database per test
// program copied from its PostGIS template, and login roles for the group roles.
#pragma once

#include "geodata/store/postgis/pgconnection.h"

#include <QFile>
#include <QTest>

#include <cstdlib>
#include <stdexcept>
#include <string>

namespace planlines::geodata::test {

// The cluster's URI (superuser postgres, database planlines_test): $PLANLINES_TEST_PG, else
// the PLANLINES_TEST_PG= line of the file $PLANLINES_TEST_PG_FILE (written by the fixture).
// Throws with the cause when neither is there: these tests are never skipped.
inline std::string clusterUri()
{
    if (const char *uri = std::getenv("PLANLINES_TEST_PG"); uri && *uri)
        return uri;
    const char *file = std::getenv("PLANLINES_TEST_PG_FILE");
    if (!file || !*file)
        throw std::runtime_error("neither PLANLINES_TEST_PG nor PLANLINES_TEST_PG_FILE is set: "
                                 "run through ctest (fixture pgcluster) or eval \"$(tests/"
                                 "pgcluster/pgcluster.sh start DIR)\"");
    QFile f(QString::fromLocal8Bit(file));
    if (!f.open(QIODevice::ReadOnly))
        throw std::runtime_error(std::string("cannot read ") + file +
                                 ": did the pgcluster_start test fail?");
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("PLANLINES_TEST_PG="))
            return line.mid(18).toStdString();
    throw std::runtime_error(std::string(file) + " has no PLANLINES_TEST_PG= line");
}

// uri with another database name.
inline std::string withDatabase(const std::string &uri, const std::string &db)
{
    const auto slash = uri.find(":///");
    const auto query = uri.find('?');
    if (slash == std::string::npos || query == std::string::npos)
        throw std::runtime_error("unexpected test cluster URI: " + uri);
    return uri.substr(0, slash + 4) + db + uri.substr(query);
}

// uri connecting as another role (trust authentication on the socket: no password).
inline std::string withUser(const std::string &uri, const std::string &user)
{
    const auto at = uri.find("user=");
    if (at == std::string::npos)
        return uri + "&user=" + user;
    const auto end = uri.find('&', at);
    return uri.substr(0, at) + "user=" + user + (end == std::string::npos ? "" : uri.substr(end));
}

// A new empty database with PostGIS (dropped first if a previous run left it); returns its URI.
inline std::string freshDatabase(const std::string &name)
{
    const std::string cluster = clusterUri();
    PgConnection admin(cluster);
    admin.exec("DROP DATABASE IF EXISTS " + quoteIdentifier(name) + " WITH (FORCE)");
    admin.exec("CREATE DATABASE " + quoteIdentifier(name) + " TEMPLATE planlines_template");
    return withDatabase(cluster, name);
}

// A login role that is a member of group (created if absent; cluster-wide).
inline void ensureLogin(PgConnection &superuser, const std::string &login, const std::string &group)
{
    superuser.exec("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + login +
                   "') THEN CREATE ROLE " + quoteIdentifier(login) + " LOGIN; END IF; END $$");
    superuser.exec("GRANT " + quoteIdentifier(group) + " TO " + quoteIdentifier(login));
}

} // namespace planlines::geodata::test
