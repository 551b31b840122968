// A static, packed Hilbert R-tree (the Flatbush layout): items sorted along a Hilbert curve and
// grouped bottom-up into nodes of a fixed size, all in two flat arrays. Built once per layer
// in O(n log n); a viewport query visits only the nodes that touch it.
#pragma once

#include "hugepages.h"

#include <cstdint>
#include <span>
#include <vector>

namespace planlines::layers {

class PackedRTree
{
public:
    struct Box
    {
        float minX = 0, minY = 0, maxX = 0, maxY = 0;
        bool intersects(const Box &o) const
        {
            return minX <= o.maxX && o.minX <= maxX && minY <= o.maxY && o.minY <= maxY;
        }
    };

    PackedRTree() = default;
    explicit PackedRTree(std::span<const Box> items, std::uint32_t nodeSize = 16);

    std::size_t size() const { return m_numItems; }
    // Appends the index (into the items given to the constructor) of every item whose box
    // intersects area, in no particular order.
    void query(const Box &area, std::vector<std::uint32_t> &out) const;

private:
    std::uint32_t m_nodeSize = 16;
    std::size_t m_numItems = 0;
    HugeVector<Box> m_boxes;              // items first (Hilbert order), then each level up
    HugeVector<std::uint32_t> m_indices;  // item index for leaves, first child for nodes
    std::vector<std::size_t> m_levelEnds; // one past the last node of each level
};

} // namespace planlines::layers
