#include "landuseclassifier.h"
#include "samplerandom.h"

#include <array>
#include <cmath>

namespace planlines::geodata::sample {

namespace {

struct Code
{
    std::string_view dlbm, dlmc;
};
constexpr std::array<Code, 34> kCodes = {{
    {"0101", "水田"},
    {"0102", "水浇地"},
    {"0103", "旱地"},
    {"0201", "果园"},
    {"0204", "其他园地"},
    {"0301", "乔木林地"},
    {"0305", "灌木林地"},
    {"0307", "其他林地"},
    {"0404", "其他草地"},
    {"1001", "铁路用地"},
    {"1003", "公路用地"},
    {"1006", "农村道路"},
    {"1101", "河流水面"},
    {"1103", "水库水面"},
    {"1104", "坑塘水面"},
    {"1104A", "养殖坑塘"},
    {"1106", "内陆滩涂"},
    {"1107", "沟渠"},
    {"1109", "水工建筑用地"},
    {"1202", "设施农用地"},
    {"1203", "田坎"},
    {"1204", "盐碱地"},
    {"201", "城市"},
    {"202", "建制镇"},
    {"203", "村庄"},
    {"204", "盐田及采矿用地"},
    {"205", "特殊用地"},
    {"201A", "城市独立工业用地"},
    {"202A", "建制镇独立工业用地"},
    {"203A", "村庄独立工业用地"},
    {"0303", "红树林地"},
    {"0304", "森林沼泽"},
    {"0306", "灌丛沼泽"},
    {"1105", "沿海滩涂"},
}};

// Picks from (code, weight) pairs with u in [0, 1).
std::string pick(std::initializer_list<std::pair<const char *, double>> table, double u)
{
    double total = 0;
    for (const auto &e : table)
        total += e.second;
    double acc = 0;
    for (const auto &e : table) {
        acc += e.second / total;
        if (u < acc)
            return e.first;
    }
    return (table.end() - 1)->first;
}

double unit(std::uint64_t h)
{
    return static_cast<double>(h >> 11) * (1.0 / 9007199254740992.0);
}

} // namespace

std::string_view landuseName(std::string_view dlbm)
{
    for (const auto &c : kCodes)
        if (c.dlbm == dlbm)
            return c.dlmc;
    return {};
}

bool isCultivated(std::string_view dlbm)
{
    return dlbm == "0101" || dlbm == "0102" || dlbm == "0103";
}

struct LanduseClassifier::Impl
{
    const LanduseContext &c;
    std::unique_ptr<PreparedGeometry> floodplain, chemical, industrial;
    std::vector<std::unique_ptr<PreparedGeometry>> urban;
    explicit Impl(const LanduseContext &ctx) : c(ctx) {}
};

LanduseClassifier::LanduseClassifier(const LanduseContext &context)
    : d(std::make_unique<Impl>(context))
{
    if (!context.floodplain.isEmpty())
        d->floodplain = std::make_unique<PreparedGeometry>(context.floodplain);
    if (!context.chemicalPark.isEmpty())
        d->chemical = std::make_unique<PreparedGeometry>(context.chemicalPark);
    if (!context.industrialPark.isEmpty())
        d->industrial = std::make_unique<PreparedGeometry>(context.industrialPark);
    for (const auto &z : context.urban)
        d->urban.push_back(std::make_unique<PreparedGeometry>(z.geometry));
}

LanduseClassifier::~LanduseClassifier() = default;

LanduseDecision LanduseClassifier::classify(double x, double y, double areaM2,
                                            std::uint64_t cellHash) const
{
    const Geometry p = Geometry::point(x, y);
    const std::uint64_t s = d->c.seed;
    const double u = unit(cellHash);
    const double u2 = unit(mix64(cellHash));
    // Urban blocks of about 250 m are merged into one parcel each.
    auto block = [&](const char *prefix, double size) {
        return std::string(prefix) + std::to_string(static_cast<long>(std::floor(x / size))) + "," +
               std::to_string(static_cast<long>(std::floor(y / size)));
    };

    if (d->floodplain && d->floodplain->contains(p)) {
        const double n = patchNoise(s ^ 11, x, y, 900);
        if (n < 0.42)
            return {"1106", ""};
        if (n < 0.62)
            return {u < 0.85 ? "0103" : "0404", ""};
        if (n < 0.75)
            return {"0307", ""};
        return {u < 0.5 ? "0301" : "1106", ""};
    }
    if (d->chemical && d->chemical->contains(p))
        return {u < 0.9 ? "202A" : "1003", block("C", 220)};
    if (d->industrial && d->industrial->contains(p))
        return {u < 0.9 ? "201A" : "1003", block("I", 220)};
    for (size_t i = 0; i < d->urban.size(); ++i) {
        if (!d->urban[i]->contains(p))
            continue;
        const auto &z = d->c.urban[i];
        const char *built = z.isSeat ? "201" : "202";
        if (z.zone == "城镇集中建设区") {
            if (u < 0.08)
                return {"0102", ""};
            return {built, block(z.isSeat ? "S" : "T", 240)};
        }
        if (z.zone == "城镇弹性发展区")
            return {pick({{"0102", 55}, {"0103", 10}, {"203", 20}, {built, 15}}, u), ""};
        return {pick({{"0301", 45}, {"0404", 25}, {"1104", 15}, {"205", 15}}, u), ""};
    }

    // Open country. Distance to the levee shapes the river belt: woods, orchards, fish ponds.
    const double toLevee = d->c.levee.isEmpty() ? 1e9 : d->c.levee.distance(p);
    const double belt = std::exp(-toLevee / 1800.0); // 1 at the levee, fades inland
    const double wood = patchNoise(s ^ 21, x, y, 1400);
    const double orchard = patchNoise(s ^ 22, x, y, 1800);
    const double pond = patchNoise(s ^ 23, x, y, 1200);
    const double salt = patchNoise(s ^ 24, x, y, 2500);
    const double dry = patchNoise(s ^ 25, x, y, 3000);
    const double paddy = patchNoise(s ^ 26, x, y, 2200);

    if (pond + 0.25 * belt > 0.86)
        return {u < 0.7 ? "1104A" : "1104", ""};
    if (wood + 0.35 * belt > 0.88)
        return {u < 0.75 ? "0301" : "0307", ""};
    if (orchard > 0.83)
        return {u < 0.8 ? "0201" : "0204", ""};
    if (salt > 0.84 && y > 4118000)
        return {u < 0.6 ? "1204" : "0404", ""};
    // Scattered small things in the fields.
    if (u2 < 0.012)
        return {"1202", ""};
    if (u2 < 0.026 && areaM2 < 20000)
        return {"1104", ""};
    if (u2 < 0.036)
        return {"1006", ""};
    if (u2 < 0.044)
        return {"1107", ""};
    if (u2 < 0.050)
        return {"0404", ""};
    if (paddy + 0.3 * belt > 0.9)
        return {"0101", ""};
    if (dry > 0.68)
        return {u < 0.7 ? "0103" : "0102", ""};
    return {u < 0.94 ? "0102" : "0103", ""};
}

} // namespace planlines::geodata::sample
