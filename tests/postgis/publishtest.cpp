// geodata/store/transfer.h — publish a project file onto the server and snapshot it back —
// against the throwaway cluster: the small county (smallcounty.h) goes file → PostGIS → file and
// is compared table by table (settings, registry, every kept version, every feature's area to
// 0.01 m² and attributes, overlapping pairs, check records, progress, audit rows); a second
// publish is refused unless replacing; a failure midway leaves the server as it was.
#include "geodata/store/transfer.h"
#include "geodata/testsupport.h"
#include "pgtestsupport.h"
#include "smallcounty.h"

#include <QTemporaryDir>
#include <QTest>

#include <filesystem>

using namespace planlines::geodata;
using namespace planlines::geodata::test;

namespace {

QString show(const Value &v)
{
    return std::visit(
        [](const auto &x) -> QString {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, std::monostate>)
                return QStringLiteral("NULL");
            else if constexpr (std::is_same_v<T, std::string>)
                return QStringLiteral("'%1'").arg(QString::fromStdString(x));
            else if constexpr (std::is_same_v<T, Blob>)
                return QStringLiteral("blob of %1 bytes").arg(x.size());
            else
                return QString::number(x, 'g', 17);
        },
        v);
}

struct Feature
{
    std::int64_t fid;
    double area, length;
    std::vector<Value> values;
};

std::vector<Feature> featuresOf(Project &p, const LayerInfo &version)
{
    auto source = p.features(version);
    FeatureRequest all;
    all.attributes = source->columns();
    std::vector<Feature> out;
    for (auto c = source->query(all); c->next();) {
        Feature f{c->fid(), 0, 0, {}};
        const Geometry g = c->geometry();
        f.area = g.area();
        f.length = g.length();
        for (std::size_t i = 0; i < all.attributes.size(); ++i)
            f.values.push_back(c->value(static_cast<int>(i)));
        out.push_back(std::move(f));
    }
    return out;
}

// a and b hold the same project. sameTables: table names too (two files; the server names a
// version's table its own way).
void compareProjects(Project &a, Project &b, bool sameTables)
{
    auto settingsB = b.settings();
    std::erase_if(settingsB, [](const auto &kv) {
        return kv.first == kSnapshotOfSetting || kv.first == kSnapshotTakenAtSetting;
    });
    QCOMPARE(settingsB, a.settings());

    const auto layersA = a.layers(), layersB = b.layers();
    QCOMPARE(layersB.size(), layersA.size());
    for (std::size_t i = 0; i < layersA.size(); ++i) {
        const LayerInfo &la = layersA[i], &lb = layersB[i];
        QCOMPARE(lb.id, la.id);
        QCOMPARE(lb.name, la.name);
        QCOMPARE(lb.role, la.role);
        QCOMPARE(lb.geometryType, la.geometryType);
        QCOMPARE(lb.source, la.source);
        QCOMPARE(lb.importedAt, la.importedAt);
        QCOMPARE(lb.version, la.version);
        QCOMPARE(lb.featureCount, la.featureCount);
        QCOMPARE(lb.crs, la.crs);
        QCOMPARE(lb.checksum, la.checksum);
        QCOMPARE(lb.synthetic, la.synthetic);
        QCOMPARE(lb.description, la.description);
        QCOMPARE(lb.sortOrder, la.sortOrder);
        if (sameTables)
            QCOMPARE(lb.table, la.table);
        const auto fa = a.fields(la.id), fb = b.fields(lb.id);
        QCOMPARE(fb.size(), fa.size());
        for (std::size_t k = 0; k < fa.size(); ++k) {
            QCOMPARE(fb[k].name, fa[k].name);
            QCOMPARE(fb[k].type, fa[k].type);
            QCOMPARE(fb[k].alias, fa[k].alias);
        }
        const auto va = a.layerVersions(la), vb = b.layerVersions(lb);
        QCOMPARE(vb.size(), va.size());
        for (std::size_t k = 0; k < va.size(); ++k) {
            const std::string ctx = la.name + " v" + std::to_string(va[k].version);
            QCOMPARE(vb[k].version, va[k].version);
            QCOMPARE(vb[k].source, va[k].source);
            QCOMPARE(vb[k].importedAt, va[k].importedAt);
            QCOMPARE(vb[k].featureCount, va[k].featureCount);
            QCOMPARE(vb[k].checksum, va[k].checksum);
            QCOMPARE(vb[k].versionNote, va[k].versionNote);
            if (sameTables)
                QCOMPARE(vb[k].table, va[k].table);
            const auto oa = a.featureOverlaps(va[k]), ob = b.featureOverlaps(vb[k]);
            QCOMPARE(ob.has_value(), oa.has_value());
            if (oa) {
                QCOMPARE(ob->size(), oa->size());
                for (std::size_t j = 0; j < oa->size(); ++j) {
                    QCOMPARE((*ob)[j].fid, (*oa)[j].fid);
                    QCOMPARE((*ob)[j].otherFid, (*oa)[j].otherFid);
                    PL_COMPARE_NEAR((*ob)[j].areaM2, (*oa)[j].areaM2, 0.01, "m²");
                }
            }
            const auto featA = featuresOf(a, va[k]), featB = featuresOf(b, vb[k]);
            QVERIFY2(featB.size() == featA.size(), ctx.c_str());
            for (std::size_t j = 0; j < featA.size(); ++j) {
                QCOMPARE(featB[j].fid, featA[j].fid);
                PL_COMPARE_NEAR(featB[j].area, featA[j].area, 0.01, "m²");
                PL_COMPARE_NEAR(featB[j].length, featA[j].length, 0.01, "m");
                QCOMPARE(featB[j].values.size(), featA[j].values.size());
                for (std::size_t n = 0; n < featA[j].values.size(); ++n)
                    QVERIFY2(
                        featB[j].values[n] == featA[j].values[n],
                        qPrintable(QStringLiteral("%1 fid %2 column %3: %4, expected %5")
                                       .arg(qs(ctx))
                                       .arg(featA[j].fid)
                                       .arg(n)
                                       .arg(show(featB[j].values[n]), show(featA[j].values[n]))));
            }
        }
    }

    CheckRecordQuery everything;
    everything.limit = 1000;
    const auto ra = a.checkRecords(everything), rb = b.checkRecords(everything);
    QCOMPARE(rb.size(), ra.size());
    for (std::size_t i = 0; i < ra.size(); ++i) {
        QCOMPARE(rb[i].id, ra[i].id);
        QCOMPARE(rb[i].createdAt, ra[i].createdAt);
        QCOMPARE(rb[i].createdBy, ra[i].createdBy);
        QCOMPARE(rb[i].siteName, ra[i].siteName);
        QVERIFY(rb[i].siteWkb == ra[i].siteWkb);
        QCOMPARE(rb[i].inputsJson, ra[i].inputsJson);
        QCOMPARE(rb[i].layerVersionsJson, ra[i].layerVersionsJson);
        QCOMPARE(rb[i].rulesVersion, ra[i].rulesVersion);
        QCOMPARE(rb[i].verdict, ra[i].verdict);
        QCOMPARE(rb[i].rulesChecksum, ra[i].rulesChecksum);
        QCOMPARE(rb[i].batchId, ra[i].batchId);
        QVERIFY(rb[i].resultZstd == ra[i].resultZstd);
        QCOMPARE(rb[i].legacyResultJson, ra[i].legacyResultJson);
    }
    const auto pa = a.progressEntries(), pb = b.progressEntries();
    QCOMPARE(pb.size(), pa.size());
    for (std::size_t i = 0; i < pa.size(); ++i) {
        QCOMPARE(pb[i].id, pa[i].id);
        QCOMPARE(pb[i].segmentId, pa[i].segmentId);
        QCOMPARE(pb[i].date, pa[i].date);
        QCOMPARE(pb[i].status, pa[i].status);
        QCOMPARE(pb[i].percent, pa[i].percent);
        QCOMPARE(pb[i].plantedAreaM2, pa[i].plantedAreaM2);
        QCOMPARE(pb[i].note, pa[i].note);
        QCOMPARE(pb[i].photos, pa[i].photos);
        QCOMPARE(pb[i].recordedAt, pa[i].recordedAt);
        QCOMPARE(pb[i].recordedBy, pa[i].recordedBy);
        QCOMPARE(pb[i].supersedes, pa[i].supersedes);
    }
    const auto aa = a.auditLog(), ab = b.auditLog();
    QCOMPARE(ab.size(), aa.size());
    for (std::size_t i = 0; i < aa.size(); ++i) {
        QCOMPARE(ab[i].id, aa[i].id);
        QCOMPARE(ab[i].at, aa[i].at);
        QCOMPARE(ab[i].actor, aa[i].actor);
        QCOMPARE(ab[i].action, aa[i].action);
        QCOMPARE(ab[i].target, aa[i].target);
        QCOMPARE(ab[i].targetId, aa[i].targetId);
        QCOMPARE(ab[i].detailJson, aa[i].detailJson);
    }
}

double totalArea(Project &p, const LayerInfo &version)
{
    double sum = 0;
    for (const auto &f : featuresOf(p, version))
        sum += f.area;
    return sum;
}

} // namespace

class PublishTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::string m_file, m_uri;
    std::string path(const char *name) const { return (m_dir.path() + "/" + name).toStdString(); }

private slots:
    void initTestCase()
    {
        try {
            m_uri = freshDatabase("t_publish");
            m_file = path("高青县-small.sqlite");
            makeSmallCounty(m_file);
        } catch (const std::exception &e) {
            QFAIL(e.what());
        }
    }

    // The answers the copies are held to, by hand: 6 × 5 000 m² + 600 m² in v1 and v3, plus a
    // 5 000 m² parcel in v2 that overlaps two others by 2 500 m² each.
    void theSmallCountyIsAsBuilt()
    {
        auto p = Project::open(m_file, true);
        const auto landuse = p->layerNamed("地类图斑");
        QVERIFY(landuse);
        const auto versions = p->layerVersions(*landuse);
        QCOMPARE(versions.size(), std::size_t{3});
        PL_COMPARE_NEAR(totalArea(*p, versions[0]), 30600.0, 0.01, "m²");
        PL_COMPARE_NEAR(totalArea(*p, versions[1]), 35600.0, 0.01, "m²");
        PL_COMPARE_NEAR(totalArea(*p, versions[2]), 30600.0, 0.01, "m²");
        const auto pairs = p->featureOverlaps(versions[1]);
        QVERIFY(pairs);
        QCOMPARE(pairs->size(), std::size_t{2});
        QCOMPARE((*pairs)[0].fid, std::int64_t{1});
        QCOMPARE((*pairs)[0].otherFid, std::int64_t{8});
        PL_COMPARE_NEAR((*pairs)[0].areaM2, 2500.0, 0.01, "m²");
        QCOMPARE(p->progressEntries().size(), std::size_t{3});
        QCOMPARE(p->progressInForce().size(), std::size_t{2});
    }

    void publishCopiesEverythingInOneGo()
    {
        const auto r = transferProject(m_file, m_uri, false,
                                       {{kSnapshotOfSetting, kSnapshotTakenAtSetting}, {}, {}});
        QVERIFY(!r.replaced);
        QCOMPARE(r.copied.describe(),
                 std::string("高青县 (370322): 2 layers (4 versions, 24 features), 2 check "
                             "records, 3 progress entries, 7 audit rows"));
        auto file = Project::open(m_file, true);
        auto server = Project::open(m_uri);
        QCOMPARE(server->engine(), Engine::PostGIS);
        compareProjects(*file, *server, false);
        if (QTest::currentTestFailed())
            return;
        // Hand answers on the server itself.
        const auto versions = server->layerVersions(*server->layerNamed("地类图斑"));
        QCOMPARE(versions.back().table, std::string("landuse_v3"));
        PL_COMPARE_NEAR(totalArea(*server, versions[1]), 35600.0, 0.01, "m²");
        QCOMPARE(server->progressInForce().at(0).note, std::string("更正：栽植 135 株"));
    }

    // The ids continue after the copied ones, and the published layer is replaced as any.
    void theServerProjectGoesOnFromThere()
    {
        auto server = Project::open(m_uri);
        auto tx = server->transaction();
        StoredProgress e;
        e.segmentId = "YB-02";
        e.date = "2026-12-01";
        e.status = "under_construction";
        e.percent = 10;
        QCOMPARE(server->addProgress(e), std::int64_t{4});
        server->audit("corridor.update", "corridor_progress", "YB-02");
        QCOMPARE(server->auditLog().back().id, std::int64_t{8});
        // Not committed: the next tests compare against the file.
    }

    void snapshotRoundTripIsExact()
    {
        const std::string snap = path("快照.sqlite");
        const auto r = transferProject(m_uri, snap, false,
                                       {{},
                                        {{kSnapshotOfSetting, "postgres@/x/t_publish"},
                                         {kSnapshotTakenAtSetting, "2026-12-07T06:00:00Z"}},
                                        {}});
        QVERIFY(!r.replaced);
        QVERIFY(std::filesystem::exists(snap));
        QVERIFY(!std::filesystem::exists(snap + ".partial"));
        auto file = Project::open(m_file, true);
        auto copy = Project::open(snap, true);
        QCOMPARE(copy->engine(), Engine::SpatiaLite);
        compareProjects(*file, *copy, true);
        QCOMPARE(copy->setting(kSnapshotOfSetting),
                 std::optional<std::string>("postgres@/x/t_publish"));
        // A snapshot published back leaves its mark behind (tested through the CLI too).
    }

    void aSecondPublishIsRefusedUnlessReplacing()
    {
        PL_VERIFY_THROWS_WITH(Error, transferProject(m_file, m_uri, false),
                              "the database already holds a project (高青县 (370322): 2 layers "
                              "(4 versions, 24 features), 2 check records, 3 progress entries, "
                              "7 audit rows); --replace replaces it");
        const auto r = transferProject(m_file, m_uri, true);
        QVERIFY(r.replaced);
        QCOMPARE(r.replaced->layers, 2);
        auto file = Project::open(m_file, true);
        auto server = Project::open(m_uri);
        compareProjects(*file, *server, false);
    }

    // A layer whose integer field holds text in the file (SQLite keeps anything) fails on the
    // server at its third feature, after a whole first layer was written: the server keeps the
    // project it had, table for table.
    void aFailureMidwayLeavesTheServerAsItWas()
    {
        const std::string bad = path("坏数据.sqlite");
        {
            auto p = Project::create(bad, "EPSG:4548", "邹平市", "371626");
            writeLanduse(*p, 1);
            LayerSpec s = landuseSpec();
            s.name = "永久基本农田";
            s.role = Role::BasicFarmland;
            s.table = "farmland";
            LayerWriter w(*p, s);
            for (int i = 0; i < 4; ++i) {
                const Value values[] = {std::string("0101"), std::string("水田"), 5000.0,
                                        i == 2 ? Value(std::string("第三块"))
                                               : Value(std::int64_t{i}),
                                        std::monostate{}};
                w.add(rectangle(600000 + 100.0 * i, 4000000, 100, 50), values);
            }
            w.commit();
        }
        PgConnection db(m_uri);
        const auto tablesBefore =
            db.exec("SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE "
                    "schemaname = 'public'")
                .text(0, 0);
        auto server = Project::open(m_uri);
        const auto before = projectContents(*server);
        PL_VERIFY_THROWS_WITH(Error, transferProject(bad, m_uri, true),
                              "layer 永久基本农田 version 1, feature fid 3: field BSM: '第三块' "
                              "cannot be stored as INTEGER");
        const auto after = projectContents(*server);
        QCOMPARE(after.describe(), before.describe());
        QCOMPARE(db.exec("SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables "
                         "WHERE schemaname = 'public'")
                     .text(0, 0),
                 tablesBefore);
        auto file = Project::open(m_file, true);
        compareProjects(*file, *server, false);

        // Into a database that was no project: it is none afterwards either.
        const std::string empty = freshDatabase("t_publish_empty");
        PL_VERIFY_THROWS_WITH(Error, transferProject(bad, empty, false), "feature fid 3");
        PgConnection e(empty);
        QVERIFY(!e.scalar("SELECT 1 WHERE to_regclass('layers') IS NOT NULL"));
        QVERIFY(!e.scalar("SELECT 1 WHERE to_regclass('farmland') IS NOT NULL"));
    }

    void aSnapshotNeverOverwritesUnasked()
    {
        const std::string snap = path("快照.sqlite");
        PL_VERIFY_THROWS_WITH(Error, transferProject(m_uri, snap, false),
                              "file already exists; --replace overwrites it");
        const auto r = transferProject(m_uri, snap, true);
        QVERIFY(r.replaced);
        QCOMPARE(r.replaced->describe(), r.copied.describe());
    }
};

QTEST_GUILESS_MAIN(PublishTest)
#include "publishtest.moc"
