#include "pgbinary.h"

#include "../../error.h"

#include <chrono>
#include <cstdio>

namespace planlines::geodata::pgbinary {

namespace {
void need(std::span<const unsigned char> b, std::size_t n)
{
    if (b.size() != n)
        throw Error("a binary value of " + std::to_string(b.size()) + " bytes where " +
                        std::to_string(n) + " were expected",
                    "PostgreSQL");
}
template <typename T> T load(std::span<const unsigned char> b)
{
    need(b, sizeof(T));
    T v;
    std::memcpy(&v, b.data(), sizeof(T));
    return v;
}
constexpr std::chrono::sys_days kEpoch2000{std::chrono::year{2000} / 1 / 1};
} // namespace

std::int16_t readInt16(std::span<const unsigned char> b)
{
    return static_cast<std::int16_t>(be16toh(load<std::uint16_t>(b)));
}

std::int32_t readInt32(std::span<const unsigned char> b)
{
    return static_cast<std::int32_t>(be32toh(load<std::uint32_t>(b)));
}

std::int64_t readInt64(std::span<const unsigned char> b)
{
    return static_cast<std::int64_t>(be64toh(load<std::uint64_t>(b)));
}

float readFloat32(std::span<const unsigned char> b)
{
    return std::bit_cast<float>(be32toh(load<std::uint32_t>(b)));
}

double readFloat64(std::span<const unsigned char> b)
{
    return std::bit_cast<double>(be64toh(load<std::uint64_t>(b)));
}

std::string dateText(std::int32_t daysSince2000)
{
    const std::chrono::year_month_day d{kEpoch2000 + std::chrono::days{daysSince2000}};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return buf;
}

std::int32_t parseDate(std::string_view iso)
{
    int y = 0;
    unsigned m = 0, d = 0;
    char tail = 0;
    const std::string s(iso);
    if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3)
        throw Error("not a date (YYYY-MM-DD): '" + s + "'");
    const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m},
                                          std::chrono::day{d}};
    if (!ymd.ok())
        throw Error("not a date (YYYY-MM-DD): '" + s + "'");
    return static_cast<std::int32_t>((std::chrono::sys_days{ymd} - kEpoch2000).count());
}

std::string firstLine(const char *message)
{
    std::string s = message ? message : "";
    if (const auto eol = s.find('\n'); eol != std::string::npos)
        s.resize(eol);
    return s;
}

} // namespace planlines::geodata::pgbinary
