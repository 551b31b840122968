#include "pgmigrator.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>

namespace planlines::geodata {

namespace {
constexpr const char *kDir = ":/planlines/sql-postgis";
// pg_advisory_xact_lock's key for "a PlanLines migration is running in this database".
constexpr const char *kLock = "SELECT pg_advisory_xact_lock(hashtext('planlines.migrate'))";

std::string readResource(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw Error("cannot read built-in SQL", path.toStdString());
    return f.readAll().toStdString();
}
} // namespace

std::vector<Migration> PgMigrator::migrations()
{
    std::vector<Migration> out;
    const QDir dir(QString::fromLatin1(kDir));
    static const QRegularExpression re(QStringLiteral("^(\\d{3})_(\\w+)\\.sql$"));
    for (const QString &file : dir.entryList(QDir::Files, QDir::Name)) {
        const auto m = re.match(file);
        if (m.hasMatch())
            out.push_back({m.captured(1).toInt(), m.captured(2).toStdString(),
                           readResource(dir.filePath(file))});
    }
    std::sort(out.begin(), out.end(),
              [](const Migration &a, const Migration &b) { return a.version < b.version; });
    return out;
}

int PgMigrator::latestVersion()
{
    const auto all = migrations();
    return all.empty() ? 0 : all.back().version;
}

int PgMigrator::currentVersion(PgConnection &db)
{
    if (!db.scalar("SELECT 1 WHERE to_regclass('schema_migrations') IS NOT NULL"))
        return 0;
    const auto v = db.scalar("SELECT coalesce(max(version), 0)::int8 FROM schema_migrations");
    return v ? static_cast<int>(std::get<std::int64_t>(*v)) : 0;
}

int PgMigrator::migrate(PgConnection &db)
{
    if (!db.scalar("SELECT 1 FROM pg_extension WHERE extname = 'postgis'")) {
        try {
            PgTransaction tx(db);
            db.exec(kLock);
            db.exec("CREATE EXTENSION IF NOT EXISTS postgis");
            tx.commit();
        } catch (const StoreError &e) {
            throw StoreError("PostGIS is not installed in this database and cannot be created "
                             "by this role (a superuser runs CREATE EXTENSION postgis): " +
                                 e.cause(),
                             db.displayName(), 0, e.kind());
        }
    }
    const auto all = migrations();
    const int latest = all.empty() ? 0 : all.back().version;
    int applied = 0;
    for (const auto &m : all) {
        PgTransaction tx(db);
        db.exec(kLock);
        // Read under the lock: another program may have applied it while we waited.
        const int current = currentVersion(db);
        if (current > latest)
            throw Error("the database was written by a newer PlanLines (schema " +
                            std::to_string(current) + ", this program knows " +
                            std::to_string(latest) + ")",
                        db.displayName());
        if (m.version <= current)
            continue;
        db.execScript(m.sql);
        db.exec("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)",
                PgParams::of(m.version, m.name));
        tx.commit();
        ++applied;
    }
    return applied;
}

std::string PgMigrator::rolesScript()
{
    return readResource(QString::fromLatin1(kDir) + QStringLiteral("/roles.sql"));
}

} // namespace planlines::geodata
