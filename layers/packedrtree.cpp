#include "packedrtree.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace planlines::layers {

namespace {

// Position of (x, y) on a Hilbert curve over a 2^16 × 2^16 grid (after Flatbush / "Fast Hilbert
// curve generation, sorting and range queries" by Rawrunprotected).
std::uint32_t hilbert(std::uint32_t x, std::uint32_t y)
{
    std::uint32_t a = x ^ y;
    std::uint32_t b = 0xFFFF ^ a;
    std::uint32_t c = 0xFFFF ^ (x | y);
    std::uint32_t d = x & (y ^ 0xFFFF);

    std::uint32_t A = a | (b >> 1);
    std::uint32_t B = (a >> 1) ^ a;
    std::uint32_t C = ((c >> 1) ^ (b & (d >> 1))) ^ c;
    std::uint32_t D = ((a & (c >> 1)) ^ (d >> 1)) ^ d;

    a = A;
    b = B;
    c = C;
    d = D;
    A = ((a & (a >> 2)) ^ (b & (b >> 2)));
    B = ((a & (b >> 2)) ^ (b & ((a ^ b) >> 2)));
    C ^= ((a & (c >> 2)) ^ (b & (d >> 2)));
    D ^= ((b & (c >> 2)) ^ ((a ^ b) & (d >> 2)));

    a = A;
    b = B;
    c = C;
    d = D;
    A = ((a & (a >> 4)) ^ (b & (b >> 4)));
    B = ((a & (b >> 4)) ^ (b & ((a ^ b) >> 4)));
    C ^= ((a & (c >> 4)) ^ (b & (d >> 4)));
    D ^= ((b & (c >> 4)) ^ ((a ^ b) & (d >> 4)));

    a = A;
    b = B;
    c = C;
    d = D;
    C ^= ((a & (c >> 8)) ^ (b & (d >> 8)));
    D ^= ((b & (c >> 8)) ^ ((a ^ b) & (d >> 8)));

    a = C ^ (C >> 1);
    b = D ^ (D >> 1);

    std::uint32_t i0 = x ^ y;
    std::uint32_t i1 = b | (0xFFFF ^ (i0 | a));

    i0 = (i0 | (i0 << 8)) & 0x00FF00FF;
    i0 = (i0 | (i0 << 4)) & 0x0F0F0F0F;
    i0 = (i0 | (i0 << 2)) & 0x33333333;
    i0 = (i0 | (i0 << 1)) & 0x55555555;

    i1 = (i1 | (i1 << 8)) & 0x00FF00FF;
    i1 = (i1 | (i1 << 4)) & 0x0F0F0F0F;
    i1 = (i1 | (i1 << 2)) & 0x33333333;
    i1 = (i1 | (i1 << 1)) & 0x55555555;

    return (i1 << 1) | i0;
}

} // namespace

PackedRTree::PackedRTree(std::span<const Box> items, std::uint32_t nodeSize)
    : m_nodeSize(std::max<std::uint32_t>(2, nodeSize)), m_numItems(items.size())
{
    if (items.empty())
        return;

    std::size_t n = m_numItems;
    std::size_t numNodes = n;
    m_levelEnds.push_back(n);
    do {
        n = (n + m_nodeSize - 1) / m_nodeSize;
        numNodes += n;
        m_levelEnds.push_back(numNodes);
    } while (n != 1);

    Box total{items[0].minX, items[0].minY, items[0].maxX, items[0].maxY};
    for (const Box &b : items) {
        total.minX = std::min(total.minX, b.minX);
        total.minY = std::min(total.minY, b.minY);
        total.maxX = std::max(total.maxX, b.maxX);
        total.maxY = std::max(total.maxY, b.maxY);
    }
    const double w = std::max(1e-9, static_cast<double>(total.maxX) - total.minX);
    const double h = std::max(1e-9, static_cast<double>(total.maxY) - total.minY);
    std::vector<std::uint32_t> keys(m_numItems);
    for (std::size_t i = 0; i < m_numItems; ++i) {
        const double cx = (static_cast<double>(items[i].minX) + items[i].maxX) / 2;
        const double cy = (static_cast<double>(items[i].minY) + items[i].maxY) / 2;
        keys[i] = hilbert(static_cast<std::uint32_t>(std::floor(65535 * (cx - total.minX) / w)),
                          static_cast<std::uint32_t>(std::floor(65535 * (cy - total.minY) / h)));
    }
    std::vector<std::uint32_t> order(m_numItems);
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(),
              [&](std::uint32_t a, std::uint32_t b) { return keys[a] < keys[b]; });

    m_boxes.resize(numNodes);
    m_indices.resize(numNodes);
    for (std::size_t i = 0; i < m_numItems; ++i) {
        m_boxes[i] = items[order[i]];
        m_indices[i] = order[i];
    }
    std::size_t pos = 0;
    std::size_t next = m_numItems;
    for (std::size_t level = 0; level + 1 < m_levelEnds.size(); ++level) {
        const std::size_t end = m_levelEnds[level];
        while (pos < end) {
            const std::size_t first = pos;
            Box box = m_boxes[pos];
            for (std::uint32_t k = 0; k < m_nodeSize && pos < end; ++k, ++pos) {
                const Box &b = m_boxes[pos];
                box.minX = std::min(box.minX, b.minX);
                box.minY = std::min(box.minY, b.minY);
                box.maxX = std::max(box.maxX, b.maxX);
                box.maxY = std::max(box.maxY, b.maxY);
            }
            m_boxes[next] = box;
            m_indices[next] = static_cast<std::uint32_t>(first);
            ++next;
        }
    }
}

void PackedRTree::query(const Box &area, std::vector<std::uint32_t> &out) const
{
    if (m_numItems == 0)
        return;
    struct Pending
    {
        std::size_t node;
        std::size_t level;
    };
    std::vector<Pending> stack;
    stack.push_back({m_boxes.size() - 1, m_levelEnds.size() - 1});
    while (!stack.empty()) {
        const Pending p = stack.back();
        stack.pop_back();
        const std::size_t end = std::min(p.node + m_nodeSize, m_levelEnds[p.level]);
        for (std::size_t pos = p.node; pos < end; ++pos) {
            if (!area.intersects(m_boxes[pos]))
                continue;
            if (p.level == 0)
                out.push_back(m_indices[pos]);
            else
                stack.push_back({m_indices[pos], p.level - 1});
        }
    }
}

} // namespace planlines::layers
