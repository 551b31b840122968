// PostgreSQL's binary wire format for the types the PostGIS engine sends and reads: network
// byte order integers and IEEE floats, dates as days since 2000-01-01, and the built-in type
// OIDs (fixed in PostgreSQL's catalog; PostGIS's geometry has none and is looked up).
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>

#include <endian.h>

namespace planlines::geodata {

namespace pgoid {
inline constexpr std::uint32_t Bool = 16, Bytea = 17, Name = 19, Int8 = 20, Int2 = 21, Int4 = 23,
                               Text = 25, Oid = 26, Json = 114, Float4 = 700, Float8 = 701,
                               Bpchar = 1042, Varchar = 1043, Date = 1082, Numeric = 1700,
                               Jsonb = 3802;
} // namespace pgoid

namespace pgbinary {

inline std::string int64(std::int64_t v)
{
    const std::uint64_t be = htobe64(static_cast<std::uint64_t>(v));
    return {reinterpret_cast<const char *>(&be), 8};
}
inline std::string int32(std::int32_t v)
{
    const std::uint32_t be = htobe32(static_cast<std::uint32_t>(v));
    return {reinterpret_cast<const char *>(&be), 4};
}
inline std::string int16(std::int16_t v)
{
    const std::uint16_t be = htobe16(static_cast<std::uint16_t>(v));
    return {reinterpret_cast<const char *>(&be), 2};
}
inline std::string float64(double v)
{
    return int64(static_cast<std::int64_t>(std::bit_cast<std::uint64_t>(v)));
}

// Readers check the length: a short value is a protocol error, never a read past the end.
std::int16_t readInt16(std::span<const unsigned char> b);
std::int32_t readInt32(std::span<const unsigned char> b);
std::int64_t readInt64(std::span<const unsigned char> b);
float readFloat32(std::span<const unsigned char> b);
double readFloat64(std::span<const unsigned char> b);

// Days since 2000-01-01 ↔ YYYY-MM-DD (proleptic Gregorian). parseDate throws Error on anything
// but a valid YYYY-MM-DD.
std::string dateText(std::int32_t daysSince2000);
std::int32_t parseDate(std::string_view isoDate);

// The first line of a libpq message, without its trailing newline.
std::string firstLine(const char *message);

} // namespace pgbinary
} // namespace planlines::geodata
