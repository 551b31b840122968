#include "rtreebulkload.h"

#include "database.h"
#include "error.h"

#include <algorithm>
#include <cmath>
#include <cstring>

// GCC 12 sees a possible null `this` in std::sort's inlined comparisons of Item, wherever
// pack() is inlined (a false positive).
#pragma GCC diagnostic ignored "-Wnull-dereference"

namespace planlines::geodata {
namespace {

constexpr std::size_t kCellBytes = 8 + 4 * 4; // id + minX maxX minY maxY as float

struct Box
{
    float minX, maxX, minY, maxY;
};

// SQLite's rtreeValueDown/Up: the nearest float not inside / not outside the double.
float down(double d)
{
    auto f = static_cast<float>(d);
    if (static_cast<double>(f) > d)
        f = std::nextafter(f, -INFINITY);
    return f;
}
float up(double d)
{
    auto f = static_cast<float>(d);
    if (static_cast<double>(f) < d)
        f = std::nextafter(f, INFINITY);
    return f;
}

struct Item
{
    std::int64_t id; // rowid at the leaf level, child node number above
    Box box;
    double cx() const { return (double(box.minX) + box.maxX) / 2; }
    double cy() const { return (double(box.minY) + box.maxY) / 2; }
};

void put16(unsigned char *p, unsigned v)
{
    p[0] = static_cast<unsigned char>(v >> 8);
    p[1] = static_cast<unsigned char>(v);
}
void put64(unsigned char *p, std::uint64_t v)
{
    for (int i = 7; i >= 0; --i, v >>= 8)
        p[i] = static_cast<unsigned char>(v);
}
void putFloat(unsigned char *p, float f)
{
    std::uint32_t v = 0;
    std::memcpy(&v, &f, 4);
    for (int i = 3; i >= 0; --i, v >>= 8)
        p[i] = static_cast<unsigned char>(v);
}

// Sort-Tile-Recursive: groups of at most `capacity` items, neighbours together.
std::vector<std::vector<Item>> pack(std::vector<Item> items, std::size_t capacity)
{
    const std::size_t nodes = (items.size() + capacity - 1) / capacity;
    const auto slices = static_cast<std::size_t>(std::ceil(std::sqrt(double(nodes))));
    const std::size_t perSlice = slices * capacity;
    std::sort(items.begin(), items.end(),
              [](const Item &a, const Item &b) { return a.cx() < b.cx(); });
    std::vector<std::vector<Item>> groups;
    groups.reserve(nodes);
    for (std::size_t s = 0; s < items.size(); s += perSlice) {
        const auto end =
            items.begin() + static_cast<std::ptrdiff_t>(std::min(items.size(), s + perSlice));
        const auto begin = items.begin() + static_cast<std::ptrdiff_t>(s);
        std::sort(begin, end, [](const Item &a, const Item &b) { return a.cy() < b.cy(); });
        for (auto it = begin; it < end;) {
            const auto next =
                it + std::min<std::ptrdiff_t>(static_cast<std::ptrdiff_t>(capacity), end - it);
            groups.emplace_back(it, next);
            it = next;
        }
    }
    return groups;
}

Box boxOf(const std::vector<Item> &items)
{
    Box b = items.front().box;
    for (const Item &i : items) {
        b.minX = std::min(b.minX, i.box.minX);
        b.maxX = std::max(b.maxX, i.box.maxX);
        b.minY = std::min(b.minY, i.box.minY);
        b.maxY = std::max(b.maxY, i.box.maxY);
    }
    return b;
}

std::vector<unsigned char> nodeBlob(const std::vector<Item> &cells, std::size_t nodeSize,
                                    unsigned depth)
{
    std::vector<unsigned char> blob(nodeSize, 0);
    put16(blob.data(), depth); // read only from the root
    put16(blob.data() + 2, static_cast<unsigned>(cells.size()));
    unsigned char *p = blob.data() + 4;
    for (const Item &c : cells) {
        put64(p, static_cast<std::uint64_t>(c.id));
        putFloat(p + 8, c.box.minX);
        putFloat(p + 12, c.box.maxX);
        putFloat(p + 16, c.box.minY);
        putFloat(p + 20, c.box.maxY);
        p += kCellBytes;
    }
    return blob;
}

} // namespace

void bulkLoadRTree(Database &db, const std::string &rtree, std::vector<RTreeEntry> entries)
{
    const std::string node = quoteIdentifier(rtree + "_node");
    const std::string ctx = "spatial index " + rtree;
    const auto size = db.scalar("SELECT length(data) FROM " + node + " WHERE nodeno = 1");
    const auto count = db.scalar("SELECT count(*) FROM " + quoteIdentifier(rtree + "_rowid"));
    if (!size || !std::holds_alternative<std::int64_t>(*size))
        throw Error("not an R*Tree (no root node)", ctx);
    if (!count || std::get<std::int64_t>(*count) != 0)
        throw Error("the R*Tree is not empty", ctx);
    const auto nodeSize = static_cast<std::size_t>(std::get<std::int64_t>(*size));
    const std::size_t capacity = (nodeSize - 4) / kCellBytes;
    if (nodeSize < 4 + 2 * kCellBytes)
        throw Error("unexpected R*Tree node size " + std::to_string(nodeSize), ctx);
    if (entries.empty())
        return;

    std::vector<Item> level;
    level.reserve(entries.size());
    for (const RTreeEntry &e : entries)
        level.push_back({e.id, {down(e.minX), up(e.maxX), down(e.minY), up(e.maxY)}});
    entries = {};

    auto insertNode = db.prepare("INSERT INTO " + node + " (nodeno, data) VALUES (?, ?)");
    auto insertRowid = db.prepare("INSERT INTO " + quoteIdentifier(rtree + "_rowid") +
                                  " (rowid, nodeno) "
                                  "VALUES (?, ?)");
    auto insertParent = db.prepare("INSERT INTO " + quoteIdentifier(rtree + "_parent") +
                                   " (nodeno, parentnode) "
                                   "VALUES (?, ?)");
    // Children wait for their parent's number; node 1 is reserved for the root.
    std::int64_t nextNode = 2;
    std::vector<std::int64_t> pendingChildren; // node numbers of the level being grouped
    for (unsigned depth = 0;; ++depth) {
        if (level.size() <= capacity) {
            for (const Item &child : level)
                if (depth > 0)
                    insertParent.bindAll(child.id, std::int64_t(1)).run();
            if (depth == 0)
                for (const Item &leaf : level)
                    insertRowid.bindAll(leaf.id, std::int64_t(1)).run();
            db.prepare("UPDATE " + node + " SET data = ? WHERE nodeno = 1")
                .bind(1, nodeBlob(level, nodeSize, depth))
                .run();
            return;
        }
        std::vector<Item> parents;
        for (const auto &group : pack(std::move(level), capacity)) {
            const std::int64_t number = nextNode++;
            insertNode.bindAll(number, nodeBlob(group, nodeSize, 0)).run();
            for (const Item &c : group) {
                if (depth == 0)
                    insertRowid.bindAll(c.id, number).run();
                else
                    insertParent.bindAll(c.id, number).run();
            }
            parents.push_back({number, boxOf(group)});
        }
        level = std::move(parents);
    }
}

} // namespace planlines::geodata
