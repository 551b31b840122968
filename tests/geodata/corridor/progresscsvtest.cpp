// importProgressCsv: a good UTF-8 file and a good GBK file are recorded (chainage ranges expand
// to the segments they overlap); a file with bad rows lists each with its line number and
// reason and leaves the database exactly as it was.
#include "../testsupport.h"
#include "corridorfixture.h"

#include <geodata/corridor/progresscsv.h>
#include <geodata/import/textencoding.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace planlines;
using namespace planlines::geodata;
using namespace planlines::geodata::corridor;

class ProgressCsvTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;

    std::unique_ptr<Project> fresh()
    {
        const QString path = m_dir.filePath(QStringLiteral("p%1.sqlite").arg(++m_n));
        return Project::open(testing::CorridorFixture::create(path.toStdString()));
    }
    std::string write(const QString &name, const std::string &bytes)
    {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(bytes.data(), static_cast<qint64>(bytes.size()));
        return f.fileName().toStdString();
    }
    // Every row of corridor_progress and audit_log, as text: "unchanged" means equal.
    static std::string dump(Project &p)
    {
        std::string out;
        for (const char *sql : {"SELECT * FROM corridor_progress ORDER BY id",
                                "SELECT * FROM audit_log ORDER BY id"}) {
            auto st = p.db().prepare(sql);
            while (st.step()) {
                for (int c = 0; c < st.columnCount(); ++c)
                    out += (st.isNull(c) ? std::string("NULL") : st.text(c)) + "|";
                out += "\n";
            }
        }
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
        auto st = project->db().prepare(
            "SELECT segment_id, date, status, percent, planted_area_m2, note FROM "
            "corridor_progress WHERE id >= ? ORDER BY id");
        st.bind(1, r.entryIds.front());
        QVERIFY(st.step());
        QCOMPARE(st.text(0) + " " + st.text(1) + " " + st.text(2),
                 std::string("T-003 2022-08-01 under_construction"));
        QCOMPARE(st.real(3), 85.0);
        QCOMPARE(st.real(4), 30000.0);
        QCOMPARE(st.text(5), std::string("栽植, 浇水"));
        QVERIFY(st.step());
        QCOMPARE(st.text(0) + " " + st.text(2), std::string("T-003 completed"));
        QCOMPARE(st.real(3), 100.0);
        QVERIFY(st.step());
        QCOMPARE(st.text(0) + " " + st.text(1), std::string("T-004 2022-10-20"));
        QVERIFY(!st.step());
        QCOMPARE(std::get<std::int64_t>(*project->db().scalar(
                     "SELECT COUNT(*) FROM audit_log WHERE action = 'corridor.progress' AND "
                     "detail_json LIKE '%good.csv%'")),
                 std::int64_t(3));
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
        auto st = project->db().prepare("SELECT status, note FROM corridor_progress WHERE id = ?");
        st.bind(1, r.entryIds.at(0));
        QVERIFY(st.step());
        QCOMPARE(st.text(0), std::string("under_construction"));
        QCOMPARE(st.text(1), std::string("开工"));
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
