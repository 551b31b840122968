#include "migrator.h"
#include "project.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>

namespace planlines::geodata {

std::vector<Migration> Migrator::migrations()
{
    std::vector<Migration> out;
    const QDir dir(QStringLiteral(":/planlines/sql"));
    static const QRegularExpression re(QStringLiteral("^(\\d{3})_(\\w+)\\.sql$"));
    for (const QString &file : dir.entryList(QDir::Files, QDir::Name)) {
        const auto m = re.match(file);
        if (!m.hasMatch())
            continue;
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            throw Error("cannot read built-in migration", file.toStdString());
        out.push_back(
            {m.captured(1).toInt(), m.captured(2).toStdString(), f.readAll().toStdString()});
    }
    std::sort(out.begin(), out.end(),
              [](const Migration &a, const Migration &b) { return a.version < b.version; });
    return out;
}

int Migrator::latestVersion()
{
    const auto all = migrations();
    return all.empty() ? 0 : all.back().version;
}

int Migrator::currentVersion(Database &db)
{
    auto v = db.scalar("PRAGMA user_version");
    return v ? static_cast<int>(std::get<std::int64_t>(*v)) : 0;
}

int Migrator::migrate(Database &db)
{
    const int current = currentVersion(db);
    const auto all = migrations();
    const int latest = all.empty() ? 0 : all.back().version;
    if (current > latest)
        throw Error("the project was written by a newer PlanLines (schema " +
                        std::to_string(current) + ", this program knows " + std::to_string(latest) +
                        ")",
                    db.path());
    int applied = 0;
    for (const auto &m : all) {
        if (m.version <= current)
            continue;
        Transaction tx(db);
        db.exec(m.sql);
        db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)")
            .bindAll(m.version, m.name, Project::nowIso())
            .run();
        db.exec("PRAGMA user_version = " + std::to_string(m.version));
        tx.commit();
        ++applied;
    }
    return applied;
}

} // namespace planlines::geodata
