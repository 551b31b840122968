// What the sample county tests assert of its land-use parcels (地类图斑) as a coverage: no two
// parcels overlap, found by SpatiaLite itself (not by the generator's code), every pair whose
// boxes meet in the layer's R*Tree looked at.
#pragma once

#include <geodata/project.h>

#include <QString>
#include <QStringList>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace planlines::geodata::test {

struct ParcelOverlap
{
    std::int64_t fidA = 0, fidB = 0;
    std::string dlbmA, dlbmB;
    double areaM2 = 0;
};

// Pairs of parcels of `table` (landuse: the current year; landuse_v1: the first) whose
// interiors share more than 0.01 m². ST_Relate '2********' (the interiors meet in an area) skips
// the many pairs that only share an edge before the costlier ST_Intersection; the pairs are
// split by fid over `threads` read-only connections.
inline std::vector<ParcelOverlap> overlappingParcels(const std::string &path, int threads = 2,
                                                     const std::string &table = "landuse")
{
    const std::string tbl = quoteIdentifier(table);
    const std::string idx = quoteIdentifier("idx_" + table + "_geom");
    const std::string sql =
        "SELECT x.fid, x.DLBM, y.fid, y.DLBM, ST_Area(ST_Intersection(x.geom, y.geom)) FROM " +
        idx + " r JOIN " + idx +
        " s ON s.xmin <= r.xmax AND s.xmax >= r.xmin AND s.ymin <= r.ymax AND s.ymax >= r.ymin "
        "JOIN " +
        tbl + " x ON x.fid = r.pkid JOIN " + tbl +
        " y ON y.fid = s.pkid WHERE r.pkid < s.pkid AND r.pkid % ?1 = ?2 "
        "AND ST_Relate(x.geom, y.geom, '2********') = 1 "
        "AND ST_Area(ST_Intersection(x.geom, y.geom)) > 0.01 ORDER BY x.fid, y.fid";
    std::vector<std::vector<ParcelOverlap>> found(static_cast<size_t>(threads));
    std::vector<std::string> errors(static_cast<size_t>(threads));
    std::vector<std::thread> pool;
    for (int k = 0; k < threads; ++k)
        pool.emplace_back([&, k] {
            try {
                auto project = Project::open(path, true);
                auto st = project->db().prepare(sql);
                st.bind(1, threads).bind(2, k);
                while (st.step())
                    found[static_cast<size_t>(k)].push_back(
                        {st.int64(0), st.int64(2), st.text(1), st.text(3), st.real(4)});
            } catch (const std::exception &e) {
                errors[static_cast<size_t>(k)] = e.what();
            }
        });
    for (auto &t : pool)
        t.join();
    std::vector<ParcelOverlap> out;
    for (size_t k = 0; k < found.size(); ++k) {
        if (!errors[k].empty())
            throw std::runtime_error(errors[k]);
        out.insert(out.end(), found[k].begin(), found[k].end());
    }
    return out;
}

// The parcels' areas add up to the county's but for the dust (pieces under 0.01 m² where cut
// lines meet) the generator drops: 0.03 m² at 80 000 parcels, 0.6 m² at a million. Allowed: a
// millionth of a square metre per parcel. Never more than the county (that would be overlap).
inline double dustAllowanceM2(double parcels)
{
    return 1e-6 * parcels;
}

// "fid 949888 (0101) × fid 889827 (1109): 804.54 m²; …" for a failure message.
inline QString describe(const std::vector<ParcelOverlap> &overlaps)
{
    QStringList parts;
    for (const auto &o : overlaps)
        parts << QStringLiteral("fid %1 (%2) × fid %3 (%4): %5 m²")
                     .arg(o.fidA)
                     .arg(QString::fromStdString(o.dlbmA))
                     .arg(o.fidB)
                     .arg(QString::fromStdString(o.dlbmB))
                     .arg(o.areaM2, 0, 'f', 2);
    return QStringLiteral("%1 overlapping pairs: %2")
        .arg(overlaps.size())
        .arg(parts.mid(0, 20).join(QStringLiteral("; ")));
}

} // namespace planlines::geodata::test
