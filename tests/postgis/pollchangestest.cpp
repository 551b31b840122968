// Project::pollChanges on both engines: a window's watching project learns what another
// connection changed — a layer written, corridor progress recorded — and nothing when nothing
// changed; on PostGIS a watcher whose connection the server dropped reconnects and reports that
// everything may have changed.
#include "geodata/layerwriter.h"
#include "geodata/project.h"
#include "pgtestsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace planlines::geodata;
using namespace planlines::geodata::test;

namespace {

void writeSquare(Project &p, const std::string &name)
{
    LayerSpec s;
    s.name = name;
    s.role = Role::Site;
    s.table = "site_" + std::to_string(p.layers().size() + 1);
    s.geometryType = "MULTIPOLYGON";
    s.fields = {{"XMMC", FieldType::Text, "项目名称"}};
    s.source = "test";
    LayerWriter w(p, std::move(s));
    const double xy[] = {500000, 4000000, 500010, 4000000, 500010, 4000010, 500000, 4000000};
    const Value v[] = {std::string("高青县某项目")};
    w.add(Geometry::polygon(xy), v);
    w.commit();
}

void recordProgress(Project &p, const std::string &segment)
{
    StoredProgress e;
    e.segmentId = segment;
    e.date = "2026-12-07";
    e.status = "under_construction";
    e.percent = 40;
    e.note = "绿化带种植";
    p.addProgress(e);
}

// Polls until something is reported (NOTIFY arrives a moment after the commit), at most 10 s.
// (Not QTRY_VERIFY: it evaluates its expression again at the end, and a poll reports once.)
StoreChanges next(Project &watcher)
{
    for (int i = 0; i < 200; ++i) {
        if (const StoreChanges c = watcher.pollChanges(); c.any())
            return c;
        QTest::qWait(50);
    }
    return {};
}

bool same(const StoreChanges &a, const StoreChanges &b)
{
    return a.layers == b.layers && a.progress == b.progress && a.reconnected == b.reconnected;
}

} // namespace

class PollChangesTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    // The same story on either engine: location names a new, empty project.
    static void story(const std::string &location)
    {
        auto writer = Project::open(location);
        auto watcher = Project::open(location, true);
        QVERIFY(!watcher->pollChanges().any()); // starts watching
        QVERIFY(!watcher->pollChanges().any());

        writeSquare(*writer, "选址一");
        QVERIFY(same(next(*watcher), {true, false, false}));
        QVERIFY(!watcher->pollChanges().any()); // reported once

        recordProgress(*writer, "K23+000-K23+500");
        QVERIFY(same(next(*watcher), {false, true, false}));
        QVERIFY(!watcher->pollChanges().any());

        // A setting is neither a layer nor progress.
        writer->setSetting("note", "测试");
        QVERIFY(!watcher->pollChanges().any());
    }

private slots:
    void spatialite()
    {
        const std::string path = m_dir.filePath("watch.sqlite").toStdString();
        Project::create(path, "EPSG:4548", "高青县", "370322");
        story(path);
    }

    void postgis()
    {
        std::string uri;
        try {
            uri = freshDatabase("t_pollchanges");
            Project::create(uri, "EPSG:4548", "高青县", "370322");
        } catch (const std::exception &e) {
            QFAIL(e.what());
        }
        story(uri);
    }

    // The server drops the watcher's connection (a restart, a network cut): the poll that finds
    // it says so (ConnectionLost); the next reconnects and reports everything changed.
    void postgisReconnects()
    {
        const std::string uri = withDatabase(clusterUri(), "t_pollchanges");
        auto watcher = Project::open(uri, true);
        QVERIFY(!watcher->pollChanges().any());
        PgConnection killer(clusterUri());
        const auto killed =
            killer.exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
                        "'t_pollchanges' AND query = 'LISTEN planlines'");
        QCOMPARE(killed.rows(), 1);
        bool lost = false;
        for (int i = 0; i < 50 && !lost; ++i) {
            try {
                watcher->pollChanges();
                QTest::qWait(100);
            } catch (const StoreError &e) {
                QCOMPARE(e.kind(), StoreError::Kind::ConnectionLost);
                lost = true;
            }
        }
        QVERIFY(lost);
        QVERIFY(same(watcher->pollChanges(), {true, true, true}));
        // Watching again: a layer written now is seen.
        auto writer = Project::open(uri);
        writeSquare(*writer, "选址二");
        QVERIFY(same(next(*watcher), {true, false, false}));
    }
};

QTEST_GUILESS_MAIN(PollChangesTest)
#include "pollchangestest.moc"
