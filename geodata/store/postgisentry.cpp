// Where Project::open/create reach the PostGIS engine. Until the engine (store/postgis/) is
// built in, a server location is refused with a clear message instead of being taken for a
// file name.
#include "spatialiteproject.h"

namespace planlines::geodata {

std::unique_ptr<Project> openPostgisProject(const std::string &location, bool)
{
    throw Error("PostgreSQL/PostGIS projects are not supported by this build of PlanLines",
                ProjectLocation::parse(location).display());
}

std::unique_ptr<Project> createPostgisProject(const std::string &location, const std::string &,
                                              const std::string &, const std::string &)
{
    return openPostgisProject(location, false);
}

} // namespace planlines::geodata
