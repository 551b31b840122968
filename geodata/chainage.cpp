#include "geodata/chainage.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace planlines::geodata {
namespace {

// Full-width digits, 'Ｋ', '＋', '．' and ideographic space become their ASCII forms.
std::string normalised(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == 0xEF && i + 2 < text.size()) {
            const auto b1 = static_cast<unsigned char>(text[i + 1]);
            const auto b2 = static_cast<unsigned char>(text[i + 2]);
            // U+FF01..U+FF5E: EF BC 81..BF, EF BD 80..9E
            unsigned cp = 0;
            if (b1 == 0xBC && b2 >= 0x80 && b2 <= 0xBF)
                cp = 0xFF00 + (b2 - 0x80);
            else if (b1 == 0xBD && b2 >= 0x80 && b2 <= 0x9E)
                cp = 0xFF40 + (b2 - 0x80);
            if (cp >= 0xFF01 && cp <= 0xFF5E) {
                out.push_back(static_cast<char>(cp - 0xFF01 + 0x21));
                i += 3;
                continue;
            }
        }
        if (c == 0xE3 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
            static_cast<unsigned char>(text[i + 2]) == 0x80) { // U+3000
            out.push_back(' ');
            i += 3;
            continue;
        }
        out.push_back(static_cast<char>(c));
        ++i;
    }
    return out;
}

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

bool allDigits(std::string_view s)
{
    if (s.empty())
        return false;
    for (char c : s)
        if (c < '0' || c > '9')
            return false;
    return true;
}

std::optional<double> parseAscii(std::string_view s)
{
    s = trimmed(s);
    if (!s.empty() && (s.front() == 'K' || s.front() == 'k'))
        s.remove_prefix(1);
    const auto plus = s.find('+');
    if (plus == std::string_view::npos)
        return std::nullopt;
    const std::string_view km = trimmed(s.substr(0, plus));
    std::string_view rest = trimmed(s.substr(plus + 1));
    std::string_view metres = rest;
    std::string_view fraction;
    if (const auto dot = rest.find('.'); dot != std::string_view::npos) {
        metres = rest.substr(0, dot);
        fraction = rest.substr(dot + 1);
        if (!allDigits(fraction))
            return std::nullopt;
    }
    if (!allDigits(km) || !allDigits(metres) || km.size() > 6 || metres.size() > 3)
        return std::nullopt;
    const double m = std::strtod(std::string(rest).c_str(), nullptr);
    if (m >= 1000.0)
        return std::nullopt;
    return std::strtod(std::string(km).c_str(), nullptr) * 1000.0 + m;
}

} // namespace

std::string formatChainage(double metres, int decimals)
{
    if (!(metres > 0))
        metres = 0;
    decimals = decimals < 0 ? 0 : (decimals > 3 ? 3 : decimals);
    const double scale = std::pow(10.0, decimals);
    const auto units = static_cast<long long>(std::llround(metres * scale));
    const long long whole = units / static_cast<long long>(scale);
    const long long frac = units % static_cast<long long>(scale);
    char buf[48];
    if (decimals == 0)
        std::snprintf(buf, sizeof buf, "K%lld+%03lld", whole / 1000, whole % 1000);
    else
        std::snprintf(buf, sizeof buf, "K%lld+%03lld.%0*lld", whole / 1000, whole % 1000, decimals,
                      frac);
    return buf;
}

std::optional<double> parseChainage(std::string_view text)
{
    return parseAscii(normalised(text));
}

std::optional<std::pair<double, double>> parseChainageRange(std::string_view text)
{
    const std::string in = normalised(text);
    // Separators other than '-' become '-', so one split handles them all.
    static constexpr std::string_view kSeparators[] = {"～", "~", "—", "–", "至", "到"};
    std::string s;
    s.reserve(in.size());
    for (size_t i = 0; i < in.size();) {
        const std::string_view rest = std::string_view(in).substr(i);
        size_t skip = 0;
        for (std::string_view sep : kSeparators)
            if (rest.starts_with(sep))
                skip = sep.size();
        s.push_back(skip ? '-' : in[i]);
        i += skip ? skip : 1;
    }
    const auto dash = s.find('-');
    if (dash == std::string::npos || s.find('-', dash + 1) != std::string::npos)
        return std::nullopt;
    const auto from = parseAscii(std::string_view(s).substr(0, dash));
    const auto to = parseAscii(std::string_view(s).substr(dash + 1));
    if (!from || !to)
        return std::nullopt;
    return std::make_pair(std::min(*from, *to), std::max(*from, *to));
}

} // namespace planlines::geodata
