// Brings a PostgreSQL database to the current PlanLines schema: PostGIS, then the numbered SQL
// migrations kept as text in geodata/sql/postgis/ (compiled in as Qt resources), recorded in
// schema_migrations. Several programs may open the database at once: migrations run under an
// advisory lock, so exactly one applies each.
#pragma once

#include "../../migrator.h" // Migration
#include "pgconnection.h"

#include <vector>

namespace planlines::geodata {

class PgMigrator
{
public:
    // All migrations, ascending by version.
    static std::vector<Migration> migrations();
    static int latestVersion();
    // 0 for a database without the PlanLines schema.
    static int currentVersion(PgConnection &db);
    // Creates PostGIS when missing, then applies what is missing, each migration in its own
    // transaction. Returns how many ran. Throws if the database is newer than this program.
    static int migrate(PgConnection &db);
    // The right-granting script of `db init` (geodata/sql/postgis/roles.sql).
    static std::string rolesScript();
};

} // namespace planlines::geodata
