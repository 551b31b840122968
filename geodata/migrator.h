// Brings a project database to the current schema by applying the numbered SQL migrations
// kept as text in geodata/sql/ (compiled in as Qt resources).
#pragma once

#include "database.h"

#include <string>
#include <vector>

namespace planlines::geodata {

struct Migration
{
    int version;
    std::string name;
    std::string sql;
};

class Migrator
{
public:
    // All migrations, ascending by version.
    static std::vector<Migration> migrations();
    static int latestVersion();
    // Applies what is missing, each migration in its own transaction. Returns how many ran.
    // Throws if the file is newer than this program.
    static int migrate(Database &db);
    static int currentVersion(Database &db);
};

} // namespace planlines::geodata
