// PackedRTree: a query returns exactly the items a brute-force scan finds, for random boxes of
// mixed sizes, tiny trees and an empty one.
#include <layers/packedrtree.h>

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using planlines::layers::PackedRTree;

class PackedRTreeTest : public QObject
{
    Q_OBJECT

private:
    static std::vector<std::uint32_t> bruteForce(const std::vector<PackedRTree::Box> &items,
                                                 const PackedRTree::Box &q)
    {
        std::vector<std::uint32_t> out;
        for (std::uint32_t i = 0; i < items.size(); ++i)
            if (items[i].intersects(q))
                out.push_back(i);
        return out;
    }

private slots:
    void matchesBruteForce_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("nodeSize");
        QTest::newRow("one") << 1 << 16;
        QTest::newRow("one node") << 16 << 16;
        QTest::newRow("two levels") << 17 << 16;
        QTest::newRow("county") << 20000 << 16;
        QTest::newRow("small nodes") << 5000 << 4;
    }
    void matchesBruteForce()
    {
        QFETCH(int, count);
        QFETCH(int, nodeSize);
        QRandomGenerator rng(370322);
        std::vector<PackedRTree::Box> items;
        for (int i = 0; i < count; ++i) {
            const float x = static_cast<float>(rng.bounded(45000.0));
            const float y = static_cast<float>(rng.bounded(26000.0));
            // Mostly parcels of tens of metres, a few township-sized boxes.
            const float size =
                static_cast<float>(i % 500 == 0 ? rng.bounded(10000.0) : rng.bounded(200.0));
            items.push_back({x, y, x + size, y + size * 0.7f});
        }
        const PackedRTree tree(items, static_cast<std::uint32_t>(nodeSize));
        QCOMPARE(tree.size(), items.size());
        for (int q = 0; q < 50; ++q) {
            const float x = static_cast<float>(rng.bounded(45000.0));
            const float y = static_cast<float>(rng.bounded(26000.0));
            const float w = static_cast<float>(rng.bounded(5000.0));
            const PackedRTree::Box box{x, y, x + w, y + w / 2};
            std::vector<std::uint32_t> found;
            tree.query(box, found);
            std::sort(found.begin(), found.end());
            QCOMPARE(found, bruteForce(items, box));
        }
        // The whole area returns everything once.
        std::vector<std::uint32_t> all;
        tree.query({-1, -1, 1e6f, 1e6f}, all);
        QCOMPARE(all.size(), items.size());
    }

    void touchingEdgesCount()
    {
        const std::vector<PackedRTree::Box> items{{0, 0, 10, 10}, {20, 0, 30, 10}};
        const PackedRTree tree(items);
        std::vector<std::uint32_t> found;
        tree.query({10, 10, 20, 20}, found); // touches both corners
        std::sort(found.begin(), found.end());
        QCOMPARE(found, (std::vector<std::uint32_t>{0, 1}));
        found.clear();
        tree.query({11, 0, 19, 10}, found); // the gap between them
        QVERIFY(found.empty());
    }

    void emptyTreeFindsNothing()
    {
        const PackedRTree tree;
        std::vector<std::uint32_t> found;
        tree.query({0, 0, 1, 1}, found);
        QVERIFY(found.empty());
        QCOMPARE(tree.size(), 0u);
    }
};

QTEST_GUILESS_MAIN(PackedRTreeTest)
#include "packedrtreetest.moc"
