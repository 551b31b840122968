// Deterministic randomness for the sample county: a seeded generator and smooth 2-D value
// noise, so the same seed always gives the same county on every machine.
#pragma once

#include <cmath>
#include <cstdint>

namespace planlines::geodata::sample {

inline std::uint64_t mix64(std::uint64_t z)
{
    z += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// splitmix64: small, fast, and identical everywhere (no std:: distributions, whose output
// differs between standard libraries).
class Rng
{
public:
    explicit Rng(std::uint64_t seed) : m_state(mix64(seed)) {}
    std::uint64_t next() { return mix64(m_state += 0x9e3779b97f4a7c15ULL); }
    // Uniform in [0, 1).
    double uniform() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }
    double range(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    int below(int n) { return static_cast<int>(uniform() * n); }

private:
    std::uint64_t m_state;
};

// Hash of integer lattice coordinates to [0, 1).
inline double latticeValue(std::uint64_t seed, std::int64_t i, std::int64_t j)
{
    const std::uint64_t h =
        mix64(seed ^ mix64(static_cast<std::uint64_t>(i) * 0x632be59bd9b4e019ULL ^
                           static_cast<std::uint64_t>(j)));
    return static_cast<double>(h >> 11) * (1.0 / 9007199254740992.0);
}

// Smooth value noise in [0, 1) with features of about `scale` metres.
inline double valueNoise(std::uint64_t seed, double x, double y, double scale)
{
    const double fx = x / scale, fy = y / scale;
    const double ix = std::floor(fx), iy = std::floor(fy);
    auto fade = [](double t) { return t * t * (3 - 2 * t); };
    const double tx = fade(fx - ix), ty = fade(fy - iy);
    const auto i = static_cast<std::int64_t>(ix), j = static_cast<std::int64_t>(iy);
    const double a = latticeValue(seed, i, j), b = latticeValue(seed, i + 1, j);
    const double c = latticeValue(seed, i, j + 1), d = latticeValue(seed, i + 1, j + 1);
    return (a + (b - a) * tx) + ((c + (d - c) * tx) - (a + (b - a) * tx)) * ty;
}

// Two octaves: broad patches with ragged edges.
inline double patchNoise(std::uint64_t seed, double x, double y, double scale)
{
    return 0.7 * valueNoise(seed, x, y, scale) +
           0.3 * valueNoise(seed ^ 0x5bd1e995, x, y, scale / 3);
}

} // namespace planlines::geodata::sample
