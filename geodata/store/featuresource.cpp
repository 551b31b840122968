#include "featuresource.h"

#include <algorithm>
#include <cctype>

namespace planlines::geodata {

std::string FeatureSource::columnNamed(const std::string &name)
{
    auto upper = [](std::string s) {
        std::transform(s.begin(), s.end(), s.begin(),
                       [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        return s;
    };
    const std::string wanted = upper(name);
    for (const auto &c : columns())
        if (upper(c) == wanted)
            return c;
    return {};
}

} // namespace planlines::geodata
