#include "samplecorridor.h"
#include "samplerandom.h"
#include "sampleterrain.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace planlines::geodata::sample {

namespace {

constexpr double kSegmentM = 1000;
constexpr double kTotalAreaHa = 423.3; // 350 ha of forest kept + 73.3 ha added or upgraded
constexpr double kNewPlantingHa = 73.3;
constexpr double kInvestmentWan = 8700; // 0.87 亿元

// Points of the line between chainages s0 and s1, each with the unit normal to the left.
struct Station
{
    double x, y, nx, ny;
};

std::vector<Station> stations(const std::vector<double> &xy, double s0, double s1)
{
    const size_t n = xy.size() / 2;
    std::vector<double> cum(n, 0);
    for (size_t i = 1; i < n; ++i)
        cum[i] = cum[i - 1] + std::hypot(xy[2 * i] - xy[2 * i - 2], xy[2 * i + 1] - xy[2 * i - 1]);
    auto edgeNormal = [&](size_t i) { // edge i → i+1
        const double dx = xy[2 * i + 2] - xy[2 * i], dy = xy[2 * i + 3] - xy[2 * i + 1];
        const double l = std::hypot(dx, dy);
        return std::pair{-dy / l, dx / l};
    };
    auto at = [&](double s) {
        size_t i = 0;
        while (i + 2 < n && cum[i + 1] < s)
            ++i;
        const double t = (s - cum[i]) / (cum[i + 1] - cum[i]);
        auto [nx, ny] = edgeNormal(i);
        return Station{xy[2 * i] + t * (xy[2 * i + 2] - xy[2 * i]),
                       xy[2 * i + 1] + t * (xy[2 * i + 3] - xy[2 * i + 1]), nx, ny};
    };
    std::vector<Station> out{at(s0)};
    for (size_t i = 1; i + 1 < n; ++i) {
        if (cum[i] <= s0 || cum[i] >= s1)
            continue;
        auto [ax, ay] = edgeNormal(i - 1);
        auto [bx, by] = edgeNormal(i);
        double nx = ax + bx, ny = ay + by;
        const double l = std::hypot(nx, ny);
        // Mitre length so the strip keeps its width around bends.
        const double cosHalf = l / 2;
        nx /= l * std::max(cosHalf, 0.5);
        ny /= l * std::max(cosHalf, 0.5);
        out.push_back({xy[2 * i], xy[2 * i + 1], nx, ny});
    }
    out.push_back(at(s1));
    return out;
}

} // namespace

std::string statusLabel(const std::string &status)
{
    if (status == "planned")
        return "规划";
    if (status == "under_construction")
        return "施工中";
    if (status == "completed")
        return "已完工";
    if (status == "accepted")
        return "已验收";
    if (status == "maintenance")
        return "养护";
    return status;
}

std::vector<CorridorSegment> CorridorBuilder::build(const Geometry &levee, const Geometry &river,
                                                    double leveeHalfWidthM, std::uint64_t seed)
{
    const auto xy = coordinates(levee.get());
    const double length = levee.length();
    const double side = landwardSide(levee, river);
    const int count = static_cast<int>(std::ceil(length / kSegmentM - 1e-9));

    // Widths vary between 80 and 100 m around the mean that gives the corridor's 423.3 ha.
    const double meanWidth = kTotalAreaHa * 10000 / length;
    std::vector<double> widths(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i)
        widths[static_cast<size_t>(i)] = std::clamp(
            meanWidth + 9.0 * (2 * valueNoise(seed ^ 0xC0, i * 1000.0, 0, 4000) - 1), 80.0, 100.0);

    // Sections built one after another, as the corridor was, 2020 to 2023.
    struct Phase
    {
        double fromM;
        const char *start, *mid, *end, *accepted, *planStart, *planEnd;
    };
    const Phase phases[] = {
        {0, "2020-10-15", "2021-03-20", "2021-06-30", "2021-09-15", "2020-10-01", "2021-06-30"},
        {12000, "2021-03-10", "2021-08-10", "2021-12-20", "2022-03-25", "2021-03-01", "2021-12-31"},
        {25000, "2022-03-05", "2022-07-15", "2022-11-25", "2023-03-20", "2022-03-01", "2022-11-30"},
        {37000, "2023-03-01", "2023-07-20", "2023-12-15", "2023-12-28", "2023-03-01", "2023-12-31"},
    };

    // The strip between chainages s0 and s1, from the levee toe to `width` beyond it.
    auto strip = [&](double s0, double s1, double width) {
        const auto st = stations(xy, s0, s1);
        std::vector<double> ring;
        for (const auto &s : st) {
            ring.push_back(s.x + side * leveeHalfWidthM * s.nx);
            ring.push_back(s.y + side * leveeHalfWidthM * s.ny);
        }
        for (auto it = st.rbegin(); it != st.rend(); ++it) {
            ring.push_back(it->x + side * (leveeHalfWidthM + width) * it->nx);
            ring.push_back(it->y + side * (leveeHalfWidthM + width) * it->ny);
        }
        Geometry g = Geometry::polygon(ring);
        return g.isValid() ? std::move(g) : g.makeValid().toMultiPolygon();
    };
    // Bends make a strip on one side of a curve larger or smaller than length × width: measure
    // once and correct the widths so the whole corridor is 423.3 ha.
    {
        double area = 0;
        for (int i = 0; i < count; ++i)
            area += strip(i * kSegmentM, std::min(length, (i + 1) * kSegmentM),
                          widths[static_cast<size_t>(i)])
                        .area();
        for (auto &w : widths)
            w = std::clamp(w * kTotalAreaHa * 10000 / area, 80.0, 100.0);
    }

    std::vector<CorridorSegment> out;
    double totalArea = 0;
    for (int i = 0; i < count; ++i) {
        CorridorSegment seg;
        char id[16];
        std::snprintf(id, sizeof id, "YBQ-%03d", i + 1);
        seg.id = id;
        seg.startM = i * kSegmentM;
        seg.endM = std::min(length, (i + 1) * kSegmentM);
        seg.widthM = widths[static_cast<size_t>(i)];
        seg.geometry = strip(seg.startM, seg.endM, seg.widthM);
        totalArea += seg.geometry.area();

        const Phase *ph = &phases[0];
        for (const auto &p : phases)
            if (seg.startM >= p.fromM)
                ph = &p;
        Rng rng(mix64(seed ^ static_cast<std::uint64_t>(i + 1)));
        const double u = rng.uniform();
        seg.works = u < 0.55 ? "林分提升" : u < 0.85 ? "新造林" : "林分提升、巡堤道路";
        seg.unit = seg.works == "新造林" ? "县自然资源局" : "县自然资源局、高青黄河河务局";
        seg.planStart = ph->planStart;
        seg.planEnd = ph->planEnd;
        seg.history = {
            {"2020-06-30", "planned", 0, 0, "纳入黄河淤背区百里生态廊道规划"},
            {ph->start, "under_construction", 10, 0, "开工"},
            {ph->mid, "under_construction", 60, 0, "苗木栽植过半"},
            {ph->end, "completed", 100, 0, "完工"},
            {ph->accepted, "accepted", 100, 0, "通过验收"},
            {"2024-01-01", "maintenance", 100, 0, "转入养护管理"},
        };
        out.push_back(std::move(seg));
    }
    // Investment and new planting shared by area; planted area recorded at completion.
    for (auto &seg : out) {
        const double share = seg.geometry.area() / totalArea;
        seg.investmentWan = std::round(kInvestmentWan * share * 100) / 100;
        seg.newPlantingM2 = kNewPlantingHa * 10000 * share;
        for (auto &h : seg.history)
            if (h.status != "planned" && h.status != "under_construction")
                h.plantedAreaM2 = seg.newPlantingM2;
    }
    return out;
}

} // namespace planlines::geodata::sample
