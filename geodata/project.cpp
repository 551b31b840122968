#include "project.h"

#include "store/location.h"
#include "store/spatialiteproject.h"

#include <QDateTime>

#include <cstdlib>

#ifdef __unix__
#include <pwd.h>
#include <unistd.h>
#endif

namespace planlines::geodata {

std::string_view fieldTypeSql(FieldType t)
{
    switch (t) {
    case FieldType::Text:
        return "TEXT";
    case FieldType::Integer:
        return "INTEGER";
    case FieldType::Real:
        return "REAL";
    case FieldType::Date:
        return "DATE";
    }
    return "TEXT";
}

Project::~Project() = default;

std::string Project::actor()
{
    for (const char *var : {"PLANLINES_USER", "USER", "LOGNAME", "USERNAME"})
        if (const char *v = std::getenv(var); v && *v)
            return v;
    // No login variables (a service, a container): the account the process runs as, looked
    // up once (a batch writes an audit row per site).
    static const std::string account = [] {
#ifdef __unix__
        passwd entry{}, *found = nullptr;
        char buffer[1024];
        if (getpwuid_r(geteuid(), &entry, buffer, sizeof buffer, &found) == 0 && found &&
            found->pw_name && *found->pw_name)
            return std::string(found->pw_name);
#endif
        return std::string("unknown");
    }();
    return account;
}

std::string Project::nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
}

std::unique_ptr<Project> Project::create(const std::string &location, const std::string &workingCrs,
                                         const std::string &countyName,
                                         const std::string &countyCode)
{
    const auto where = ProjectLocation::parse(location);
    if (where.engine == Engine::PostGIS)
        return createPostgisProject(location, workingCrs, countyName, countyCode);
    return SpatialiteProject::create(location, workingCrs, countyName, countyCode);
}

std::unique_ptr<Project> Project::open(const std::string &location, bool readOnly)
{
    const auto where = ProjectLocation::parse(location);
    if (where.engine == Engine::PostGIS)
        return openPostgisProject(location, readOnly);
    return SpatialiteProject::open(location, readOnly);
}

Project::CopyTarget Project::openCopyTarget(const std::string &location,
                                            const std::string &workingCrs)
{
    if (ProjectLocation::parse(location).engine == Engine::PostGIS)
        return openPostgisCopyTarget(location);
    CopyTarget target;
    target.project = SpatialiteProject::create(location, workingCrs, "", "");
    target.transaction = target.project->transaction();
    return target;
}

std::string Project::displayName() const
{
    return ProjectLocation::parse(path()).display();
}

std::string Project::workingCrs()
{
    return setting("working_crs").value_or("EPSG:4548");
}

int Project::workingSrid()
{
    if (!m_srid)
        m_srid = std::stoi(workingCrs().substr(5));
    return *m_srid;
}

std::string Project::countyName()
{
    return setting("county_name").value_or("");
}

std::vector<LayerInfo> Project::layers(Role role)
{
    std::vector<LayerInfo> out;
    for (auto &l : layers())
        if (l.role == role)
            out.push_back(std::move(l));
    return out;
}

std::optional<LayerInfo> Project::layer(const std::string &name)
{
    // Names and table names are each unique, but one layer's name may be another's table.
    std::optional<LayerInfo> byTable;
    for (auto &l : layers()) {
        if (l.name == name)
            return std::move(l);
        if (!byTable && l.table == name)
            byTable = std::move(l);
    }
    return byTable;
}

std::optional<LayerInfo> Project::layerNamed(const std::string &name)
{
    for (auto &l : layers())
        if (l.name == name)
            return std::move(l);
    return std::nullopt;
}

Database &Project::db(std::string_view what)
{
    if (Database *db = sqliteConnection())
        return *db;
    throw Error(std::string(what.empty() ? "this operation" : what) +
                    " is not available yet on a PostgreSQL/PostGIS project",
                displayName());
}

} // namespace planlines::geodata
