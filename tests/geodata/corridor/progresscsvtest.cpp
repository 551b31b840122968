// importProgressCsv: a good UTF-8 file and a good GBK file are recorded (chainage ranges expand
// to the segments they overlap); a file with bad rows lists each with its line number and
// reason and leaves the database exactly as it was. Run on both engines (the _pg twin records
// into PostGIS); rows are read back through the project's interface.
#include "../testsupport.h"
#include "common/teststore.h"
#include "corridorfixture.h"

#include <geodata/corridor/progresscsv.h>
#include <geodata/import/textencoding.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace planlines;
using namespace planlines::geodata;
using namespace planlines::geodata::corridor;

class ProgressCsvTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir; // the CSV files
    // The stores live as long as the test (a project's connection outlives its function).
    std::vector<std::unique_ptr<geodata::test::TestStore>> m_stores;

    std::unique_ptr<Project> fresh()
    {
        m_stores.push_back(std::make_unique<geodata::test::TestStore>("progresscsv"));
        return Project::open(testing::CorridorFixture::create(m_stores.back()->location()));
    }
    // The entries recorded with these ids, in id order.
    static std::vector<StoredProgress> entries(Project &p, const std::vector<std::int64_t> &ids)
    {
        std::vector<StoredProgress> out;
        for (auto &e : p.progressEntries())
            if (std::find(ids.begin(), ids.end(), e.id) != ids.end())
                out.push_back(std::move(e));
        return out;
    }
    std::string write(const QString &name, const std::string &bytes)
    {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(bytes.data(), static_cast<qint64>(bytes.size()));
        return f.fileName().toStdString();
    }
    // Every progress entry and audit row, as text: "unchanged" means equal.
    static std::string dump(Project &p)
    {
        std::string out;
        for (const auto &e : p.progressEntries())
            out += std::to_string(e.id) + "|" + e.segmentId + "|" + e.date + "|" + e.status + "|" +
                   std::to_string(e.percent) + "|" +
                   (e.plantedAreaM2 ? std::to_string(*e.plantedAreaM2) : "NULL") + "|" + e.note +
                   "|" + e.photos + "|" + e.recordedAt + "|" + e.recordedBy + "|" +
                   (e.supersedes ? std::to_string(*e.supersedes) : "NULL") + "|" +
                   std::to_string(e.rev) + "\n";
        for (const auto &a : p.auditLog())
            out += std::to_string(a.id) + "|" + a.at + "|" + a.actor + "|" + a.action + "|" +
                   a.target + "|" + a.targetId + "|" + a.detailJson + "\n";
        return out;
    }

private slots:
    void goodUtf8File()
    {
        auto project = fresh();
        const Corridor corridor = Corridor::load(*project);
        const auto path =
            write(QStringLiteral("good.csv"), "段编号,桩号,日期,状态,完成比例,栽植面积,备注\n"
                                              "T-003,,2022-08-01,施工中,85%,30000,\"栽植, 浇水\"\n"
                                              "\n"
                                              ",K2+400-K3+000,2022-10-20,已完工,,,整段完工\n");
        const auto r = importProgressCsv(*project, corridor, path);
        QVERIFY2(r.errors.empty(), r.toText().c_str());
        QVERIFY(r.applied);
        QCOMPARE(r.encoding, std::string("UTF-8"));
        QCOMPARE(r.rows, 2);
        // The range K2+400–K3+000 overlaps T-003 (100 m) and T-004 (500 m).
        QCOMPARE(r.entryIds.size(), std::size_t(3));
        const auto rows = entries(*project, r.entryIds);
        QCOMPARE(rows.size(), std::size_t(3));
        QCOMPARE(rows[0].segmentId + " " + rows[0].date + " " + rows[0].status,
                 std::string("T-003 2022-08-01 under_construction"));
        QCOMPARE(rows[0].percent, 85.0);
        QCOMPARE(rows[0].plantedAreaM2.value_or(-1), 30000.0);
        QCOMPARE(rows[0].note, std::string("栽植, 浇水"));
        QCOMPARE(rows[1].segmentId + " " + rows[1].status, std::string("T-003 completed"));
        QCOMPARE(rows[1].percent, 100.0);
        QCOMPARE(rows[2].segmentId + " " + rows[2].date, std::string("T-004 2022-10-20"));
        int audited = 0;
        for (const auto &a : project->auditLog())
            audited += a.action == "corridor.progress" &&
                       a.detailJson.find("good.csv") != std::string::npos;
        QCOMPARE(audited, 3);
    }

    void goodGbkFile()
    {
        auto project = fresh();
        const Corridor corridor = Corridor::load(*project);
        const auto path =
            write(QStringLiteral("gbk.csv"), import::fromUtf8("segment,date,status,note\r\n"
                                                              "T-004,2022-05-06,施工中,开工\r\n",
                                                              "GBK"));
        const auto r = importProgressCsv(*project, corridor, path);
        QVERIFY2(r.errors.empty(), r.toText().c_str());
        QCOMPARE(r.encoding, std::string("GBK"));
        const auto rows = entries(*project, r.entryIds);
        QCOMPARE(rows.size(), std::size_t(1));
        QCOMPARE(rows[0].status, std::string("under_construction"));
        QCOMPARE(rows[0].note, std::string("开工"));
    }

    void badRowsRefuseTheWholeFile()
    {
        auto project = fresh();
        const Corridor corridor = Corridor::load(*project);
        const std::string before = dump(*project);
        const auto path = write(QStringLiteral("bad.csv"),
                                "segment,chainage,date,status,percent\n" // line 1
                                "T-004,,2022-05-06,施工中,20\n"          // 2: good
                                "T-009,,2022-05-06,施工中,20\n"          // 3
                                "T-004,,2022-13-01,施工中,20\n"          // 4
                                "T-004,,2022-06-01,半完工,20\n"          // 5
                                "T-004,,2022-06-01,施工中,abc\n"         // 6
                                "T-004,,2022-06-01,已完工,90\n"          // 7
                                ",K9+000-K9+500,2022-06-01,施工中,20\n"  // 8
                                ",K1+000-K2,2022-06-01,施工中,20\n"      // 9
                                "T-001,K0+000-K1+000,2022-06-01,养护,\n" // 10
                                "T-003,,2022-06-01,施工中,120\n"         // 11
                                "T-004,,2022-05-06,施工中,20\n");        // 12: repeats 2
        const auto r = importProgressCsv(*project, corridor, path);
        QVERIFY(!r.applied);
        QVERIFY(r.entryIds.empty());
        const std::vector<std::pair<int, std::string>> want = {
            {3, "segment T-009 is not in the corridor layer 淤背区生态廊道"},
            {4, "'2022-13-01' is not a date (write YYYY-MM-DD, e.g. 2023-06-30)"},
            {5, "unknown status '半完工' (规划, 施工中, 已完工, 已验收, 养护)"},
            {6, "percent 'abc' is not a number"},
            {7, "status 已完工 means the works are finished, so percent must be 100, not 90"},
            {8, "chainage range K9+000-K9+500 overlaps no segment"},
            {9, "'K1+000-K2' is not a chainage range (e.g. K1+200-K3+400)"},
            {10, "gives both a segment and a chainage range; give one"},
            {11, "percent 120 is outside 0–100"},
            {12, "repeats line 2 for segment T-004 on 2022-05-06"},
        };
        QCOMPARE(r.errors.size(), want.size());
        for (std::size_t i = 0; i < want.size(); ++i) {
            QCOMPARE(r.errors[i].line, want[i].first);
            QCOMPARE(r.errors[i].reason, want[i].second);
        }
        const std::string text = r.toText();
        QVERIFY2(text.find(path + ": line 3: segment T-009") != std::string::npos, text.c_str());
        QVERIFY2(text.find("10 of 11 rows refused; nothing was recorded") != std::string::npos,
                 text.c_str());
        // Not one row written, not even line 2's.
        QCOMPARE(dump(*project), before);
    }

    void unreadableFiles()
    {
        auto project = fresh();
        const Corridor corridor = Corridor::load(*project);
        PL_VERIFY_THROWS_WITH(
            Error,
            importProgressCsv(*project, corridor,
                              write(QStringLiteral("nodate.csv"), "segment,status\nT-001,规划\n")),
            "nodate.csv", "line 1: no date column (date, 日期)");
        PL_VERIFY_THROWS_WITH(
            Error,
            importProgressCsv(*project, corridor,
                              m_dir.filePath(QStringLiteral("missing.csv")).toStdString()),
            "missing.csv", "cannot open the file");
        PL_VERIFY_THROWS_WITH(
            Error,
            importProgressCsv(*project, corridor,
                              write(QStringLiteral("header.csv"), "segment,date,status\n")),
            "the file has a header but no rows");
    }
};

QTEST_GUILESS_MAIN(ProgressCsvTest)
#include "progresscsvtest.moc"
