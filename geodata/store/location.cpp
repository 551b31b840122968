#include "location.h"

#include <regex>

namespace planlines::geodata {

ProjectLocation ProjectLocation::parse(const std::string &location)
{
    ProjectLocation l;
    l.target = location;
    if (location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0) {
        l.engine = Engine::PostGIS;
        return l;
    }
    // A libpq keyword/value string: `service=gaoqing`, `host=db dbname=gaoqing user=…`. A file
    // path never starts with one of these keywords followed by '=' (a file named so can be
    // given as ./service=x).
    static const std::regex keywords(
        R"(^\s*(service|host|hostaddr|dbname|user|port|sslmode|options)\s*=)");
    if (std::regex_search(location, keywords))
        l.engine = Engine::PostGIS;
    return l;
}

std::string ProjectLocation::display() const
{
    if (engine == Engine::SpatiaLite)
        return target;
    static const std::regex uriSecret(R"(^(postgres(?:ql)?://[^:@/]*):[^@/]*@)");
    static const std::regex keywordSecret(R"((^|\s)password\s*=\s*('([^'\\]|\\.)*'|\S*))");
    std::string out = std::regex_replace(target, uriSecret, "$1@");
    out = std::regex_replace(out, keywordSecret, "");
    // A URI's query may carry password=…
    static const std::regex querySecret(R"(([?&])password=[^&]*&?)");
    return std::regex_replace(out, querySecret, "$1");
}

} // namespace planlines::geodata
