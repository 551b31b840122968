// Where Project::open/create reach the PostGIS engine (store/postgis/postgisproject.h).
#include "postgis/postgisproject.h"
#include "spatialiteproject.h"

namespace planlines::geodata {

std::unique_ptr<Project> openPostgisProject(const std::string &location, bool readOnly)
{
    return PostgisProject::open(location, readOnly);
}

std::unique_ptr<Project> createPostgisProject(const std::string &location,
                                              const std::string &workingCrs,
                                              const std::string &countyName,
                                              const std::string &countyCode)
{
    return PostgisProject::create(location, workingCrs, countyName, countyCode);
}

Project::CopyTarget openPostgisCopyTarget(const std::string &location)
{
    return PostgisProject::openCopyTarget(location);
}

} // namespace planlines::geodata
