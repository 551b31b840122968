// For the suites that run on both engines (issue 17): looking into a project's store beside its
// interface, with the engine's own SQL on the project's own connection (so a test sees what the
// project sees, its open transaction included). Used where the interface cannot show a thing
// (an orphaned field row, an index, a transaction left open); everything else goes through
// Project and FeatureSource.
#pragma once

#include <geodata/project.h>
#include <geodata/store/postgis/postgisproject.h>

#include <postgresql/libpq-fe.h>
#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <vector>

namespace planlines::geodata::test {

inline PgConnection &pgConnectionOf(Project &p)
{
    return dynamic_cast<PostgisProject &>(p).connection();
}

// A count by SQL both engines understand; `?` marks the one optional text argument (written
// $1 for PostgreSQL).
inline std::int64_t storeCount(Project &p, std::string sql, const std::string &arg = {})
{
    if (p.engine() == Engine::SpatiaLite) {
        const auto v = arg.empty() ? p.db().scalar(sql) : p.db().scalar(sql, arg);
        return std::get<std::int64_t>(*v);
    }
    if (const auto q = sql.find('?'); q != std::string::npos)
        sql.replace(q, 1, "$1::text");
    sql = "SELECT (" + sql + ")::bigint";
    PgConnection &c = pgConnectionOf(p);
    const auto v = arg.empty() ? c.scalar(sql) : c.scalar(sql, arg);
    return std::get<std::int64_t>(*v);
}

// The first column of every row, as text (NULL as "NULL"): one query for each engine.
inline std::vector<std::string> storeTexts(Project &p, const std::string &sqliteSql,
                                           const std::string &pgSql)
{
    std::vector<std::string> out;
    if (p.engine() == Engine::SpatiaLite) {
        for (auto st = p.db().prepare(sqliteSql); st.step();)
            out.push_back(st.isNull(0) ? "NULL" : st.text(0));
        return out;
    }
    const PgResult r = pgConnectionOf(p).exec(pgSql);
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(r.isNull(i, 0) ? "NULL" : r.text(i, 0));
    return out;
}

// Every table, view and index of the store, by name: a refused import adds none.
inline std::vector<std::string> storeObjects(Project &p)
{
    return storeTexts(p, "SELECT type || ' ' || name FROM sqlite_master ORDER BY name",
                      "SELECT 'table ' || tablename FROM pg_tables WHERE schemaname = 'public' "
                      "UNION ALL SELECT 'index ' || indexname FROM pg_indexes "
                      "WHERE schemaname = 'public' ORDER BY 1");
}

// Whether a transaction is open on the project's connection (one left open would hide its
// writes from every other window and hold its locks).
inline bool transactionOpen(Project &p)
{
    if (p.engine() == Engine::SpatiaLite)
        return sqlite3_get_autocommit(p.db().handle()) == 0;
    return PQtransactionStatus(pgConnectionOf(p).handle()) != PQTRANS_IDLE;
}

} // namespace planlines::geodata::test
