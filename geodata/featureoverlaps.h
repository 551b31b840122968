// Which features of a polygon layer overlap each other. Land-use parcels (地类图斑) and
// permanent basic farmland patches tile the land, so a site check adds their pieces rather than
// unioning them; a layer where some do overlap (a parcel digitised twice, one drawn inside
// another) would count that area twice. The pairs are found once, when the layer is written,
// and kept in the project (`layer_overlaps`); the check unions only the pieces of those
// features, and the import report names them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace planlines::geodata {

class Database;
class FeatureSource;

struct FeatureOverlap
{
    std::int64_t fid = 0, otherFid = 0; // fid < otherFid
    double areaM2 = 0;                  // of the two features' intersection
};

// The pairs of features of a layer whose interiors share more than kOverlapMinM2, read
// through its FeatureSource (either engine, inside the writer's transaction). Candidate pairs by
// box (a grid), then an exact test on the plain rings (boundaries crossing, or a piece of one
// boundary inside the other, or a ring lying wholly on the other's boundary), then the area of the
// intersection by GEOS. Adjacent parcels that share an edge or a vertex are not overlaps.
// Geometries GEOS cannot read are skipped.
std::vector<FeatureOverlap> findFeatureOverlaps(FeatureSource &layer);
inline constexpr double kOverlapMinM2 = 1e-3;

// Whether a layer of this role is checked for overlapping features when it is written.
bool tilingRole(const std::string &roleId);

// Stores the pairs of `table` (replacing any), in the caller's transaction.
void storeFeatureOverlaps(Database &db, const std::string &table,
                          const std::vector<FeatureOverlap> &pairs);
// The stored pairs of `table`, or nullopt when the table was never checked (a layer written
// before the project knew of overlaps).
std::optional<std::vector<FeatureOverlap>> storedFeatureOverlaps(Database &db,
                                                                 const std::string &table);
// A table renamed (a previous version archived): its pairs follow it.
void renameFeatureOverlaps(Database &db, const std::string &from, const std::string &to);

// fid → the fids it overlaps, both ways.
class OverlapIndex
{
public:
    OverlapIndex() = default;
    explicit OverlapIndex(const std::vector<FeatureOverlap> &pairs);
    bool empty() const { return m_partners.empty(); }
    bool has(std::int64_t fid) const { return !m_partners.empty() && m_partners.count(fid) != 0; }
    const std::vector<std::int64_t> *partners(std::int64_t fid) const;
    std::size_t pairCount() const { return m_pairs; }

private:
    std::unordered_map<std::int64_t, std::vector<std::int64_t>> m_partners;
    std::size_t m_pairs = 0;
};

} // namespace planlines::geodata
