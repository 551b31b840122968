// The text filter's pattern on both engines (spatialitefidquery.cpp, postgis/postgisfidquery.cpp).
#pragma once

#include <string>

namespace planlines::geodata {

// A LIKE (SpatiaLite) or ILIKE (PostGIS) pattern that finds text anywhere in a value: its
// wildcards % and _ and the escape \ match themselves (the statements say ESCAPE '\').
inline std::string containsPattern(const std::string &text)
{
    std::string escaped;
    for (const char c : text) {
        if (c == '%' || c == '_' || c == '\\')
            escaped += '\\';
        escaped += c;
    }
    return "%" + escaped + "%";
}

} // namespace planlines::geodata
