// The attribute table (layers/attributetable.h) on both engines: the same hand-made layer
// written to a SpatiaLite file and to a PostGIS database shows the same rows in the same order
// for every sort, text filter and extent, with the areas in m² and 亩 worked out by hand.
#include "geodata/layerwriter.h"
#include "geodata/project.h"
#include "geodata/testsupport.h"
#include "pgtestsupport.h"

#include <layers/attributetable.h>

#include <QTemporaryDir>
#include <QTest>

using namespace planlines;
using namespace planlines::geodata;
using namespace planlines::geodata::test;
using layers::AttributeQuery;
using layers::AttributeTable;

namespace {

// Six 100 m × 50 m cells (5 000 m² = 7.50 亩) in two rows from (500000, 4000000), a triangle of
// legs 30 m and 40 m (600 m² = 0.90 亩) and a square with a 10 m × 10 m hole (2 500 − 100 =
// 2 400 m² = 3.60 亩).
void writeLayer(Project &p)
{
    LayerSpec s;
    s.name = "地类图斑";
    s.role = Role::Landuse;
    s.table = "landuse";
    s.geometryType = "MULTIPOLYGON";
    s.fields = {{"DLBM", FieldType::Text, "地类编码"},
                {"DLMC", FieldType::Text, "地类名称"},
                {"ZLDWMC", FieldType::Text, "坐落单位名称"},
                {"BSM", FieldType::Integer, "标识码"}};
    s.source = "hand-made";
    LayerWriter w(p, std::move(s));
    const char *names[] = {"水田", "旱地", "果园", "水浇地", "旱地", "乔木林地"};
    const char *places[] = {"房家洼村", "常家镇", "房家洼村", "黑里寨镇", "Tianzhen", "tianzhen"};
    for (int i = 0; i < 6; ++i) {
        const double e = 500000 + 100.0 * (i % 3), n = 4000000 + 50.0 * (i / 3);
        const double xy[] = {e, n, e + 100, n, e + 100, n + 50, e, n + 50, e, n};
        const Value v[] = {std::string(i == 2 ? "0201" : "0103"), std::string(names[i]),
                           std::string(places[i]), std::int64_t{100 - i}};
        w.add(Geometry::polygon(xy), v);
    }
    const double tri[] = {500000, 4000200, 500030, 4000200, 500000, 4000240, 500000, 4000200};
    const Value t[] = {std::string("0201"), std::string("果园"), std::monostate{},
                       std::int64_t{50}};
    w.add(Geometry::polygon(tri), t);
    const Value h[] = {std::string("0301"), std::string("乔木林地"), std::string("常家镇"),
                       std::int64_t{7}};
    w.add(Geometry::fromWkt("POLYGON((501000 4000000, 501050 4000000, 501050 4000050, "
                            "501000 4000050, 501000 4000000), (501010 4000010, 501010 4000020, "
                            "501020 4000020, 501020 4000010, 501010 4000010))"),
          h);
    w.commit();
}

std::vector<std::vector<QString>> rows(AttributeTable &t)
{
    std::vector<std::vector<QString>> out;
    for (std::size_t r = 0; r < t.rowCount(); ++r) {
        auto row = t.row(r);
        row.insert(row.begin(), QString::number(t.fid(r)));
        out.push_back(std::move(row));
    }
    return out;
}

} // namespace

class AttributeTableEnginesTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_lite, m_pg;

private slots:
    void initTestCase()
    {
        try {
            m_lite = Project::create(m_dir.filePath("t.sqlite").toStdString(), "EPSG:4548",
                                     "高青县", "370322");
            m_pg =
                Project::create(freshDatabase("t_attributetable"), "EPSG:4548", "高青县", "370322");
            writeLayer(*m_lite);
            writeLayer(*m_pg);
        } catch (const std::exception &e) {
            QFAIL(e.what());
        }
    }

    void sameRowsOnBothEngines_data()
    {
        QTest::addColumn<int>("sort");
        QTest::addColumn<bool>("descending");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("textColumn");
        QTest::addColumn<bool>("extent");
        QTest::addColumn<QList<qint64>>("fids");
        // Columns: 0 DLBM, 1 DLMC, 2 ZLDWMC, 3 BSM.
        QTest::newRow("fid order")
            << -1 << false << "" << -1 << false << QList<qint64>{1, 2, 3, 4, 5, 6, 7, 8};
        QTest::newRow("fid descending")
            << -1 << true << "" << -1 << false << QList<qint64>{8, 7, 6, 5, 4, 3, 2, 1};
        QTest::newRow("by BSM") << 3 << false << "" << -1 << false
                                << QList<qint64>{8, 7, 6, 5, 4, 3, 2, 1};
        QTest::newRow("by DLBM, then fid")
            << 0 << false << "" << -1 << false << QList<qint64>{1, 2, 4, 5, 6, 3, 7, 8};
        QTest::newRow("by DLBM descending")
            << 0 << true << "" << -1 << false << QList<qint64>{8, 7, 3, 6, 5, 4, 2, 1};
        QTest::newRow("房家洼 anywhere")
            << -1 << false << "房家洼" << -1 << false << QList<qint64>{1, 3};
        QTest::newRow("林地 in 地类名称")
            << -1 << false << "林地" << 1 << false << QList<qint64>{6, 8};
        QTest::newRow("02 in 地类编码") << -1 << false << "02" << 0 << false << QList<qint64>{3, 7};
        QTest::newRow("ASCII case ignored")
            << -1 << false << "TIANZHEN" << -1 << false << QList<qint64>{5, 6};
        QTest::newRow("a number as text")
            << -1 << false << "9" << 3 << false << QList<qint64>{2, 3, 4, 5, 6};
        QTest::newRow("wildcards match themselves")
            << -1 << false << "%" << -1 << false << QList<qint64>{};
        // Text sorts by code point on both engines (乔 U+4E54 < 旱 U+65F1 < 水 U+6C34), whatever
        // the server's collation.
        QTest::newRow("extent, sorted by DLMC")
            << 1 << false << "" << -1 << true << QList<qint64>{6, 5, 4};
    }

    void sameRowsOnBothEngines()
    {
        QFETCH(int, sort);
        QFETCH(bool, descending);
        QFETCH(QString, text);
        QFETCH(int, textColumn);
        QFETCH(bool, extent);
        QFETCH(QList<qint64>, fids);
        AttributeQuery q;
        q.sortColumn = sort;
        q.descending = descending;
        q.text = text;
        q.textColumn = textColumn;
        if (extent) // the upper row's three cells, not the triangle above them
            q.extent = Envelope{500010, 4000060, 500290, 4000090};
        std::vector<std::vector<QString>> answers[2];
        int i = 0;
        for (Project *p : {m_lite.get(), m_pg.get()}) {
            AttributeTable t(*p, *p->layerNamed("地类图斑"));
            t.setQuery(q);
            QList<qint64> shown;
            for (std::size_t r = 0; r < t.rowCount(); ++r)
                shown.push_back(t.fid(r));
            QCOMPARE(shown, fids);
            answers[i++] = rows(t);
        }
        QCOMPARE(answers[1], answers[0]);
    }

    void areasInSquareMetresAndMu()
    {
        for (Project *p : {m_lite.get(), m_pg.get()}) {
            AttributeTable t(*p, *p->layerNamed("地类图斑"));
            QCOMPARE(t.columns().size(), std::size_t{6});
            QCOMPARE(t.columns()[1].label, QStringLiteral("地类名称"));
            QCOMPARE(t.columns()[4].label, QStringLiteral("面积（平方米）"));
            QCOMPARE(t.row(0)[4], QStringLiteral("5000.00"));
            QCOMPARE(t.row(0)[5], QStringLiteral("7.50"));
            QCOMPARE(t.row(6)[4], QStringLiteral("600.00"));
            QCOMPARE(t.row(6)[5], QStringLiteral("0.90"));
            QCOMPARE(t.row(6)[2], QString());
            QCOMPARE(t.row(7)[4], QStringLiteral("2400.00"));
            QCOMPARE(t.row(7)[5], QStringLiteral("3.60"));
            QCOMPARE(t.row(7)[0], QStringLiteral("0301"));
            const Envelope e = t.envelopeOf({3, 7});
            PL_COMPARE_NEAR(e.minX, 500000.0, 1e-6, "m");
            PL_COMPARE_NEAR(e.maxX, 500300.0, 1e-6, "m");
            PL_COMPARE_NEAR(e.maxY, 4000240.0, 1e-6, "m");
        }
    }

    // A query on another thread is stopped by Project::interrupt (the window's newer filter).
    void interruptIsSafeWhenNothingRuns()
    {
        m_pg->interrupt();
        m_lite->interrupt();
        AttributeTable t(*m_pg, *m_pg->layerNamed("地类图斑"));
        QCOMPARE(t.rowCount(), std::size_t{8});
    }
};

QTEST_GUILESS_MAIN(AttributeTableEnginesTest)
#include "attributetabletest.moc"
