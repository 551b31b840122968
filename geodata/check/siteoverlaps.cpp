// Overlapping features of one layer under a site: a role's area counts their common part once.
#include "sitescan.h"

#include <algorithm>
#include <cstdio>
#include <numeric>

namespace planlines::geodata::check {

namespace {

std::string m2Text(double m2)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", m2);
    return buf;
}

std::string featureText(std::int64_t fid, const std::string &code)
{
    return std::to_string(fid) + (code.empty() ? std::string() : " (" + code + ")");
}

// Below this an overlap under the site is the rounding of a shared edge, not area.
constexpr double kNoteMinM2 = 0.005;

} // namespace

std::vector<double> countedTwice(const std::vector<OverlapItem> &items,
                                 const std::map<std::string, const OverlapIndex *> &indexes,
                                 const std::function<void(PieceRef &)> &materialize,
                                 std::vector<std::string> &notes)
{
    std::vector<double> twice(items.size(), 0.0);
    std::vector<std::size_t> order(items.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return std::tie(*items[a].layer, items[a].fid) < std::tie(*items[b].layer, items[b].fid);
    });
    for (std::size_t oi = 0; oi < order.size(); ++oi) {
        const OverlapItem &item = items[order[oi]];
        auto idx = indexes.find(*item.layer);
        const std::vector<std::int64_t> *partners =
            idx == indexes.end() || !idx->second ? nullptr : idx->second->partners(item.fid);
        if (!partners)
            continue;
        std::vector<const OverlapItem *> earlier;
        for (std::size_t oj = 0; oj < oi; ++oj) {
            const OverlapItem &e = items[order[oj]];
            if (*e.layer == *item.layer &&
                std::find(partners->begin(), partners->end(), e.fid) != partners->end())
                earlier.push_back(&e);
        }
        if (earlier.empty())
            continue;
        materialize(*item.piece);
        const Geometry &mine = item.piece->geometry;
        std::vector<Geometry> theirs;
        for (const OverlapItem *e : earlier) {
            materialize(*e->piece);
            const double common = mine.intersection(e->piece->geometry).area();
            if (common > kNoteMinM2)
                notes.push_back("layer " + *item.layer + ": features " +
                                featureText(e->fid, e->code) + " and " +
                                featureText(item.fid, item.code) + " overlap by " + m2Text(common) +
                                " m² under the site; the overlap is counted once (for feature " +
                                std::to_string(e->fid) + ")");
            theirs.push_back(e->piece->geometry.clone());
        }
        const double own = mine.area();
        const double left = mine.difference(unaryUnion(std::move(theirs))).area();
        twice[order[oi]] = std::max(0.0, own - left);
    }
    return twice;
}

void noteOverlappingPieces(const std::string &role, std::vector<PieceRef> &pieces,
                           const std::vector<FeatureHit> &features,
                           const std::function<void(PieceRef &)> &materialize,
                           std::vector<std::string> &notes)
{
    if (pieces.size() != features.size())
        return;
    // A few pairs by name, the rest counted: a second layer over the first overlaps at every
    // feature, and a report page of such lines helps nobody.
    constexpr std::size_t kMaxPairsNoted = 5;
    std::size_t found = 0;
    for (auto &p : pieces)
        materialize(p);
    for (std::size_t i = 0; i < pieces.size(); ++i)
        for (std::size_t j = i + 1; j < pieces.size(); ++j) {
            if (!pieces[i].geometry.envelope().intersects(pieces[j].geometry.envelope()))
                continue;
            const double common = pieces[i].geometry.intersection(pieces[j].geometry).area();
            if (common <= kNoteMinM2)
                continue;
            if (found++ >= kMaxPairsNoted)
                continue;
            const FeatureHit &a = features[i], &b = features[j];
            const std::string what =
                a.layer == b.layer
                    ? "layer " + a.layer + ": features " + featureText(a.fid, a.code) + " and " +
                          featureText(b.fid, b.code)
                    : "layer " + a.layer + " feature " + featureText(a.fid, a.code) +
                          " and layer " + b.layer + " feature " + featureText(b.fid, b.code);
            notes.push_back(what + " overlap by " + m2Text(common) + " m² under the site; the " +
                            role + " overlap counts it once");
        }
    if (found > kMaxPairsNoted)
        notes.push_back("layer " + features.front().layer +
                        " and others: " + std::to_string(found - kMaxPairsNoted) +
                        " more pairs of features overlap by more than 0.005 m² under the site; "
                        "the " +
                        role + " overlap counts them once");
}

} // namespace planlines::geodata::check
