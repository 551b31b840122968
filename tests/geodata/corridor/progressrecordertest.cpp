// recordProgress: each entry and its audit row in one transaction, defaults for percent,
// refusals with their reasons, nothing written when any input is refused. Run on both engines
// (the _pg twin records into PostGIS); rows are read back through the project's interface.
#include "../testsupport.h"
#include "common/teststore.h"
#include "corridorfixture.h"

#include <geodata/corridor/progressrecorder.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace planlines;
using namespace planlines::geodata;
using namespace planlines::geodata::corridor;

class ProgressRecorderTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir; // photos
    // The stores live as long as the test (a project's connection outlives its function).
    std::vector<std::unique_ptr<geodata::test::TestStore>> m_stores;

    std::unique_ptr<Project> fresh()
    {
        m_stores.push_back(std::make_unique<geodata::test::TestStore>("recorder"));
        return Project::open(testing::CorridorFixture::create(m_stores.back()->location()));
    }
    static std::int64_t progressCount(Project &p)
    {
        return std::int64_t(p.progressEntries().size());
    }
    static std::vector<AuditRow> auditOf(Project &p, const std::string &action = {})
    {
        std::vector<AuditRow> rows;
        for (auto &row : p.auditLog())
            if (action.empty() || row.action == action)
                rows.push_back(std::move(row));
        return rows;
    }
    static std::optional<StoredProgress> entry(Project &p, std::int64_t id)
    {
        for (auto &e : p.progressEntries())
            if (e.id == id)
                return e;
        return std::nullopt;
    }
    static std::optional<AuditRow> auditOfEntry(Project &p, std::int64_t id)
    {
        for (auto &row : auditOf(p, "corridor.progress"))
            if (row.targetId == std::to_string(id))
                return row;
        return std::nullopt;
    }
    // Who the engine writes as: the person (SpatiaLite) or the connection's role (PostGIS).
    std::string writer(Project &p) const
    {
        if (!m_stores.back()->postgis())
            return Project::actor();
        return std::get<std::string>(
            *geodata::PgConnection(p.path()).scalar("SELECT current_user::text"));
    }

private slots:
    void recordsWithAuditRows()
    {
        auto project = fresh();
        const Corridor corridor = Corridor::load(*project);
        const auto before = progressCount(*project);
        const auto auditBefore = auditOf(*project, "corridor.progress").size();
        ProgressInput a;
        a.segmentId = "T-003";
        a.date = "2022/7/15";
        a.status = *statusFromText("施工中");
        a.percent = 80;
        a.plantedAreaM2 = 12000;
        a.note = "苗木栽植";
        ProgressInput b;
        b.segmentId = "T-004";
        b.date = "2022年9月1日";
        b.status = Status::Completed; // percent defaults to 100
        const auto ids = recordProgress(*project, corridor, {a, b}, "test");
        QCOMPARE(ids.size(), std::size_t(2));
        QCOMPARE(progressCount(*project), before + 2);

        const auto first = entry(*project, ids[0]);
        QVERIFY(first);
        QCOMPARE(first->segmentId, std::string("T-003"));
        QCOMPARE(first->date, std::string("2022-07-15"));
        QCOMPARE(first->status, std::string("under_construction"));
        QCOMPARE(first->percent, 80.0);
        QCOMPARE(first->plantedAreaM2.value_or(-1), 12000.0);
        QCOMPARE(first->note, std::string("苗木栽植"));
        const auto second = entry(*project, ids[1]);
        QVERIFY(second);
        QCOMPARE(second->date, std::string("2022-09-01"));
        QCOMPARE(second->percent, 100.0);

        // One audit row per entry, naming it, with what was recorded.
        QCOMPARE(auditOf(*project, "corridor.progress").size(), auditBefore + 2);
        const auto audit = auditOfEntry(*project, ids[0]);
        QVERIFY(audit);
        QCOMPARE(audit->target, std::string("corridor_progress"));
        const QJsonObject d =
            QJsonDocument::fromJson(QByteArray::fromStdString(audit->detailJson)).object();
        QCOMPARE(d[u"segment"].toString(), QStringLiteral("T-003"));
        QCOMPARE(d[u"status"].toString(), QStringLiteral("under_construction"));
        QCOMPARE(d[u"percent"].toDouble(), 80.0);
        QCOMPARE(d[u"source"].toString(), QStringLiteral("test"));
        QCOMPARE(audit->actor, writer(*project));
        QCOMPARE(first->recordedBy, writer(*project));
    }

    void percentDefaults()
    {
        auto project = fresh();
        const Corridor corridor = Corridor::load(*project);
        ProgressInput in;
        in.segmentId = "T-003";
        in.date = "2022-04-01";
        in.status = Status::UnderConstruction; // the last percent: 50 (2022-03-01)
        QVERIFY(!validateProgress(corridor, in));
        QCOMPARE(*in.percent, 50.0);
        in = {};
        in.segmentId = "T-004";
        in.date = "2022-04-01";
        in.status = Status::UnderConstruction; // was planned: 0
        QVERIFY(!validateProgress(corridor, in));
        QCOMPARE(*in.percent, 0.0);
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("segment");
        QTest::addColumn<QString>("date");
        QTest::addColumn<int>("status");
        QTest::addColumn<double>("percent");
        QTest::addColumn<QString>("reason");
        const int done = static_cast<int>(Status::Completed);
        const int busy = static_cast<int>(Status::UnderConstruction);
        QTest::newRow("unknown segment")
            << "T-999"
            << "2022-01-01" << busy << 10.0
            << "segment T-999 is not in the corridor layer 淤背区生态廊道";
        QTest::newRow("bad date") << "T-001"
                                  << "2022-02-30" << busy << 10.0 << "'2022-02-30' is not a date";
        QTest::newRow("percent") << "T-001"
                                 << "2022-01-01" << busy << 120.0 << "percent 120 is outside 0–100";
        QTest::newRow("finished") << "T-001"
                                  << "2022-01-01" << done << 80.0
                                  << "status 已完工 means the works are finished, so percent "
                                     "must be 100, not 80";
        QTest::newRow("repeat") << "T-001"
                                << "2021-05-01" << done << 100.0
                                << "segment T-001 already has this entry on 2021-05-01";
    }
    void refusals()
    {
        QFETCH(QString, segment);
        QFETCH(QString, date);
        QFETCH(int, status);
        QFETCH(double, percent);
        QFETCH(QString, reason);
        auto project = fresh();
        const Corridor corridor = Corridor::load(*project);
        const auto before = progressCount(*project);
        const auto auditBefore = auditOf(*project).size();
        ProgressInput good;
        good.segmentId = "T-004";
        good.date = "2022-05-01";
        good.status = Status::UnderConstruction;
        ProgressInput bad;
        bad.segmentId = segment.toStdString();
        bad.date = date.toStdString();
        bad.status = static_cast<Status>(status);
        bad.percent = percent;
        PL_VERIFY_THROWS_WITH(Error, recordProgress(*project, corridor, {good, bad}, "test"),
                              reason.toStdString());
        // The good input before the bad one was not written either.
        QCOMPARE(progressCount(*project), before);
        QCOMPARE(auditOf(*project).size(), auditBefore);
    }

    void missingPhotoIsRefused()
    {
        auto project = fresh();
        const Corridor corridor = Corridor::load(*project);
        ProgressInput in;
        in.segmentId = "T-004";
        in.date = "2022-05-01";
        in.status = Status::UnderConstruction;
        in.photos = {m_dir.filePath(QStringLiteral("none.jpg")).toStdString()};
        const auto reason = validateProgress(corridor, in);
        QVERIFY(reason);
        QVERIFY2(reason->find("photo file") != std::string::npos &&
                     reason->find("does not exist") != std::string::npos,
                 reason->c_str());
    }

    // A correction is a new audited entry that supersedes the wrong one: both rows stay, the
    // corridor counts only the correction, and an entry is corrected once.
    void correctionSupersedes()
    {
        auto project = fresh();
        Corridor corridor = Corridor::load(*project);
        ProgressInput wrong;
        wrong.segmentId = "T-003";
        wrong.date = "2022-04-01";
        wrong.status = Status::UnderConstruction;
        wrong.percent = 90; // meant 60
        const std::int64_t wrongId = recordProgress(*project, corridor, {wrong}, "test")[0];
        corridor = Corridor::load(*project);
        QCOMPARE(corridor.entryOn("T-003", "2022-04-01")->percent, 90.0);

        ProgressInput fix = wrong;
        fix.percent = 60;
        fix.supersedes = wrongId;
        const std::int64_t fixId = recordProgress(*project, corridor, {fix}, "test")[0];
        corridor = Corridor::load(*project);
        const ProgressEntry *now = corridor.entryOn("T-003", "2022-04-01");
        QCOMPARE(now->id, fixId);
        QCOMPARE(now->percent, 60.0);
        QCOMPARE(now->supersedes.value_or(0), wrongId);
        for (const auto &e : corridor.entries())
            QVERIFY(e.id != wrongId);
        // Nothing deleted: both rows, and two audit rows, the second naming what it corrects.
        int rows = 0;
        for (const auto &e : project->progressEntries())
            rows += e.segmentId == "T-003" && e.date == "2022-04-01";
        QCOMPARE(rows, 2);
        const auto audit = auditOfEntry(*project, fixId);
        QVERIFY(audit);
        QCOMPARE(QJsonDocument::fromJson(QByteArray::fromStdString(audit->detailJson))
                     .object()
                     .value(QStringLiteral("supersedes"))
                     .toInteger(),
                 wrongId);

        // The superseded entry cannot be corrected again, nor an entry of another segment.
        ProgressInput again = fix;
        again.percent = 70;
        again.supersedes = wrongId;
        // The refusal names who corrected it, when, and the entry in force now.
        const QString refused =
            QString::fromStdString(validateProgress(corridor, again).value_or(""));
        QVERIFY2(
            refused.startsWith(QStringLiteral("entry %1 was already corrected by ").arg(wrongId)),
            qPrintable(refused));
        QVERIFY2(refused.endsWith(QStringLiteral(": entry %1 (施工中 60% on 2022-04-01) is in "
                                                 "force; correct that one if it is wrong")
                                      .arg(fixId)),
                 qPrintable(refused));
        ProgressInput other = fix;
        other.segmentId = "T-004";
        other.supersedes = fixId;
        QCOMPARE(validateProgress(corridor, other).value_or(""),
                 "entry " + std::to_string(fixId) + " is of segment T-003, not T-004");
    }

    void recordingReadsItsSegmentsOnly()
    {
        // recordLatestProgress reads the history of the segments it records, not every entry:
        // the same entries and revisions as the whole read, for those segments.
        auto project = fresh();
        ProgressInput a;
        a.segmentId = "T-003";
        a.date = "2022-04-01";
        a.status = Status::UnderConstruction;
        a.percent = 30;
        ProgressInput b = a;
        b.date = "2022-05-01";
        b.percent = 50;
        ProgressInput c = a;
        c.segmentId = "T-004";
        QCOMPARE(recordLatestProgress(*project, {a, b, c}, "test").ids.size(), std::size_t(3));
        const std::vector<std::string> one{"T-003"};
        const Corridor all = Corridor::load(*project), part = Corridor::load(*project, &one);
        QCOMPARE(part.segments().size(), all.segments().size());
        QVERIFY(all.history("T-003").size() >= 2);
        QCOMPARE(part.history("T-003").size(), all.history("T-003").size());
        QVERIFY(!all.history("T-004").empty());
        QVERIFY(part.history("T-004").empty());
        QCOMPARE(part.segmentRev("T-003"), all.segmentRev("T-003"));
        const auto rows = project->progressInForce(one);
        QCOMPARE(rows.size(), all.history("T-003").size());
        for (const auto &r : rows)
            QCOMPARE(r.segmentId, std::string("T-003"));
        const std::vector<std::string> none;
        QVERIFY(Corridor::load(*project, &none).entries().empty());

        // A correction naming another segment's entry is refused as before (the whole history
        // is read to say so); one of its own segment is recorded.
        const std::int64_t t4 = project->progressInForce(std::vector<std::string>{"T-004"})[0].id;
        ProgressInput other = b;
        other.date = "2022-06-01";
        other.percent = 70;
        other.supersedes = t4;
        try {
            recordLatestProgress(*project, {other}, "test");
            QFAIL("a correction of another segment's entry was recorded");
        } catch (const Error &e) {
            const std::string why = e.what();
            QVERIFY2(why.find("entry " + std::to_string(t4) + " is of segment T-004, not T-003") !=
                         std::string::npos,
                     why.c_str());
        }
        ProgressInput fix = b;
        fix.percent = 55;
        fix.supersedes = part.entryOn("T-003", "2022-05-01")->id;
        const auto fixed = recordLatestProgress(*project, {fix}, "test");
        QCOMPARE(fixed.ids.size(), std::size_t(1));
        QCOMPARE(Corridor::load(*project).entryOn("T-003", "2022-05-01")->percent, 55.0);
    }
};

QTEST_GUILESS_MAIN(ProgressRecorderTest)
#include "progressrecordertest.moc"
