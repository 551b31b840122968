// A GEOS STRtree over parcel boxes that worker threads query at once: GEOS builds the tree on
// its first query, so the constructor makes that query on the building thread; after it, queries
// only read the tree.
#pragma once

#include "../geometry.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace planlines::geodata::landuse {

class BoxTree
{
public:
    // items[k] is reported as k.
    explicit BoxTree(const std::vector<Envelope> &boxes);
    ~BoxTree();
    BoxTree(const BoxTree &) = delete;
    BoxTree &operator=(const BoxTree &) = delete;
    // Calls visit(k) for every box intersecting box (touching counts).
    void query(const Envelope &box, const std::function<void(std::size_t)> &visit) const;
    std::size_t size() const { return m_size; }

private:
    GEOSSTRtree *m_tree = nullptr;
    std::size_t m_size = 0;
};

// Whether two boxes share area (not only an edge): parcels whose boxes only touch cannot
// overlap, and their intersection (a line) would be thrown away.
inline bool boxesOverlap(const Envelope &a, const Envelope &b)
{
    return a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY;
}

} // namespace planlines::geodata::landuse
