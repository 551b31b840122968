// `planlines db init`: makes a PostgreSQL database a PlanLines project, or brings one up to
// date: PostGIS, the schema (PgMigrator), the project's settings (working CRS, county) and the
// three group roles with their rights (roles.sql). Idempotent: running it again changes
// nothing but what is missing; it refuses to change a project's CRS or county.
#pragma once

#include <string>

namespace planlines::geodata {

struct PgInitOptions
{
    std::string workingCrs = "EPSG:4548";
    std::string countyName;
    std::string countyCode;
};

struct PgInitReport
{
    std::string database; // display name, without a password
    int migrationsApplied = 0;
    int schemaVersion = 0;
    bool projectCreated = false; // settings written now (false: the project existed)
    std::string workingCrs;
    std::string countyName;
    std::string countyCode;
};

// Throws StoreError (connection, rights) or Error (a CRS PostGIS does not know, settings that
// differ from an existing project's).
PgInitReport initPgDatabase(const std::string &conninfo, const PgInitOptions &options);

class PgConnection;
// Project::create on a server: the schema and the settings, without the group roles (db init
// adds them). Refuses a database that is a project already, as create refuses an existing file.
void createPgProject(PgConnection &db, const PgInitOptions &options);

} // namespace planlines::geodata
