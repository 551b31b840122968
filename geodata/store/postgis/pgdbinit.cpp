#include "pgdbinit.h"
#include "pgconnection.h"
#include "pgmigrator.h"

#include <charconv>

namespace planlines::geodata {

namespace {

int sridOf(const std::string &crs, const std::string &context)
{
    int srid = 0;
    const std::string_view code = std::string_view(crs).substr(crs.rfind("EPSG:", 0) == 0 ? 5 : 0);
    const auto [end, ec] = std::from_chars(code.data(), code.data() + code.size(), srid);
    if (crs.rfind("EPSG:", 0) != 0 || code.empty() || ec != std::errc() ||
        end != code.data() + code.size() || srid <= 0)
        throw Error("working CRS must be an EPSG code such as EPSG:4548, not '" + crs + "'",
                    context);
    return srid;
}

std::optional<std::string> setting(PgConnection &db, const char *key)
{
    const auto v = db.scalar("SELECT value FROM project_settings WHERE key = $1", key);
    return v ? std::optional(std::get<std::string>(*v)) : std::nullopt;
}

// An existing project keeps its settings; asking for other ones is an error, not a change.
void checkSame(PgConnection &db, const char *key, const std::string &wanted, const char *option)
{
    const auto have = setting(db, key);
    if (have && !wanted.empty() && *have != wanted)
        throw Error(std::string("the database is already a project with ") + key + " '" + *have +
                        "'; " + option + " '" + wanted + "' would change it (db init never does)",
                    db.displayName());
}

// Init changes the tables' rights and policies, which only their owner (or a superuser) may: a
// clear refusal up front rather than the first statement's.
void checkRunner(PgConnection &db)
{
    const PgResult r =
        db.exec("SELECT current_user::text, rolsuper, (SELECT pg_get_userbyid(relowner)::text "
                "FROM pg_class WHERE oid = to_regclass('layers')) FROM pg_roles "
                "WHERE rolname = current_user");
    if (r.rows() != 1 || r.boolean(0, 1) || r.isNull(0, 2) || r.text(0, 2) == r.text(0, 0))
        return;
    throw StoreError("db init runs as the owner of the PlanLines tables (" + r.text(0, 2) +
                         ") or a superuser, not as " + r.text(0, 0),
                     db.displayName(), 0, StoreError::Kind::PermissionDenied);
}

constexpr const char *kInitLock = "SELECT pg_advisory_xact_lock(hashtext('planlines.init'))";

void writeSettings(PgConnection &db, const PgInitOptions &options, int srid)
{
    if (!db.scalar("SELECT 1 FROM spatial_ref_sys WHERE srid = $1", srid))
        throw Error("working CRS " + options.workingCrs + " is unknown to PostGIS",
                    db.displayName());
    for (const auto &[key, value] :
         {std::pair<const char *, std::string>{"working_crs", options.workingCrs},
          {"county_name", options.countyName},
          {"county_code", options.countyCode}})
        db.exec("INSERT INTO project_settings (key, value) VALUES ($1, $2)",
                PgParams::of(key, value));
    db.exec("INSERT INTO project_settings (key, value) VALUES ('created_at', planlines_now())");
    // The detail as the SpatiaLite engine writes it (the CRS is EPSG:N: nothing to escape).
    db.exec("INSERT INTO audit_log (action, target, target_id, detail_json) VALUES "
            "('project.create', 'project', $1, $2)",
            PgParams::of(options.countyCode, "{\"working_crs\":\"" + options.workingCrs + "\"}"));
}

} // namespace

void createPgProject(PgConnection &db, const PgInitOptions &options)
{
    const int srid = sridOf(options.workingCrs, db.displayName());
    PgTransaction tx(db); // all or nothing, as in initPgDatabase
    db.exec(kInitLock);
    PgMigrator::migrate(db);
    if (const auto crs = setting(db, "working_crs"))
        throw Error("the database is already a PlanLines project (working CRS " + *crs +
                        "); open it instead",
                    db.displayName());
    writeSettings(db, options, srid);
    tx.commit();
}

PgInitReport initPgDatabase(const std::string &conninfo, const PgInitOptions &options)
{
    PgConnection db(conninfo);
    PgInitReport report;
    report.database = db.displayName();
    const int srid = sridOf(options.workingCrs, db.displayName());
    checkRunner(db);
    // All or nothing: the migrations' transactions become savepoints of this one, so a refused
    // CRS or right leaves the database as it was.
    PgTransaction tx(db);
    // One init at a time per database (the settings' check-then-write below).
    db.exec(kInitLock);
    report.migrationsApplied = PgMigrator::migrate(db);
    report.schemaVersion = PgMigrator::currentVersion(db);
    if (setting(db, "working_crs")) {
        checkSame(db, "working_crs", options.workingCrs, "--crs");
        checkSame(db, "county_name", options.countyName, "--county");
        checkSame(db, "county_code", options.countyCode, "--code");
    } else {
        writeSettings(db, options, srid);
        report.projectCreated = true;
    }
    db.execScript(PgMigrator::rolesScript());
    tx.commit();
    report.workingCrs = setting(db, "working_crs").value_or("");
    report.countyName = setting(db, "county_name").value_or("");
    report.countyCode = setting(db, "county_code").value_or("");
    return report;
}

} // namespace planlines::geodata
