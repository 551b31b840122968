// Areas as staff read them: square metres, 亩 (mu) and 公顷 (hectares) side by side.
#pragma once

namespace planlines::geodata {

inline constexpr double kM2PerMu = 2000.0 / 3.0; // 1 亩 = 666.67 m²
inline constexpr double kM2PerHa = 10000.0;      // 1 公顷 = 15 亩

constexpr double m2ToMu(double areaM2)
{
    return areaM2 / kM2PerMu;
}
constexpr double m2ToHa(double areaM2)
{
    return areaM2 / kM2PerHa;
}
constexpr double muToM2(double areaMu)
{
    return areaMu * kM2PerMu;
}
constexpr double haToM2(double areaHa)
{
    return areaHa * kM2PerHa;
}

// A planar area in the working CRS, with its usual readings.
struct Area
{
    double areaM2 = 0;
    constexpr double toMu() const { return m2ToMu(areaM2); }
    constexpr double toHa() const { return m2ToHa(areaM2); }
};

} // namespace planlines::geodata
