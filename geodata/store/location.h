// Where a project lives, from what --db or 打开项目 names: a SpatiaLite file path, a
// postgresql:// (or postgres://) URI, or a libpq connection string such as `service=NAME`
// (pg_service.conf) or `host=… dbname=…`. Parsed once; everything above geodata passes the
// string through unchanged and never branches on the engine.
#pragma once

#include <string>

namespace planlines::geodata {

enum class Engine
{
    SpatiaLite,
    PostGIS
};

struct ProjectLocation
{
    Engine engine = Engine::SpatiaLite;
    std::string target; // the file path, or the libpq connection string/URI as given

    static ProjectLocation parse(const std::string &location);
    // For titles, messages and audit details: the target without any password (a URI's
    // user:secret@ becomes user@, a password=… keyword is dropped).
    std::string display() const;
};

// True when location names a server database rather than a file.
inline bool isServerLocation(const std::string &location)
{
    return ProjectLocation::parse(location).engine == Engine::PostGIS;
}

} // namespace planlines::geodata
