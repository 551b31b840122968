// planlines corridor on the small corridor project: status --json against SQL sums, update by
// chainage with audit rows, usage and data errors, import-progress refusing a bad file whole,
// locate both ways, and the PDF report (its text read back with pdftotext).
#include "clirun.h"
#include "geodata/corridor/corridorfixture.h"

#include <geodata/project.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace planlines;
using testing::CorridorFixture;

class CorridorCliTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;

    QString fresh()
    {
        const QString path = m_dir.filePath(QStringLiteral("c%1.sqlite").arg(++m_n));
        CorridorFixture::create(path.toStdString());
        return path;
    }
    static std::int64_t count(const QString &db, const std::string &sql)
    {
        auto p = geodata::Project::open(db.toStdString(), true);
        return std::get<std::int64_t>(*p->db().scalar(sql));
    }
    static QString why(const CliResult &r) { return r.out + r.err; }

private slots:
    void statusJsonMatchesSql()
    {
        const QString db = fresh();
        const auto r = runPlanlines({QStringLiteral("corridor"), QStringLiteral("status"),
                                     QStringLiteral("--date"), QStringLiteral("2021-06-30"),
                                     QStringLiteral("--json"), QStringLiteral("--db"), db});
        QVERIFY2(r.exitCode == 0, qPrintable(why(r)));
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o[u"date"].toString(), QStringLiteral("2021-06-30"));
        auto project = geodata::Project::open(db.toStdString(), true);
        auto st = project->db().prepare(
            "SELECT XZQMC, status, SUM(ZDLC - QDLC), SUM(ST_Area(geom)) FROM (SELECT c.*, "
            "(SELECT status FROM corridor_progress p WHERE p.segment_id = c.SEGID AND p.date <= "
            "'2021-06-30' ORDER BY date DESC, id DESC LIMIT 1) AS status FROM corridor c) "
            "GROUP BY XZQMC, status");
        std::map<QString, std::pair<double, double>> byStatus;
        int rows = 0;
        while (st.step()) {
            const QString town = QString::fromStdString(st.text(0));
            const QString status = QString::fromStdString(st.text(1));
            byStatus[status].first += st.real(2);
            byStatus[status].second += st.real(3);
            QJsonObject t;
            for (const auto &v : o[u"by_township"].toArray())
                if (v[u"name"].toString() == town)
                    t = v.toObject();
            QCOMPARE(t[u"by_status"][status][u"length_m"].toDouble(), st.real(2));
            QCOMPARE(t[u"by_status"][status][u"area_m2"].toDouble(), st.real(3));
            ++rows;
        }
        QCOMPARE(rows, 3); // 青城镇 completed and 施工中, 木李镇 planned
        for (const auto &[status, sums] : byStatus) {
            QCOMPARE(o[u"by_status"][status][u"length_m"].toDouble(), sums.first);
            QCOMPARE(o[u"by_status"][status][u"area_m2"].toDouble(), sums.second);
        }
        QCOMPARE(o[u"by_status"][u"accepted"][u"length_m"].toDouble(), 0.0);
        QCOMPARE(o[u"total"][u"area_m2"].toDouble(), 255000.0);

        // The table for people says the same in Chinese.
        const auto text = runPlanlines({QStringLiteral("corridor"), QStringLiteral("status"),
                                        QStringLiteral("--date"), QStringLiteral("2021-06-30"),
                                        QStringLiteral("--db"), db});
        QVERIFY2(text.out.contains(QStringLiteral("施工中")) &&
                     text.out.contains(QStringLiteral("木李镇")),
                 qPrintable(text.out));
    }

    void updateByChainageWithAudit()
    {
        const QString db = fresh();
        const auto before = count(db, "SELECT COUNT(*) FROM corridor_progress");
        const auto r = runPlanlines(
            {QStringLiteral("corridor"), QStringLiteral("update"), QStringLiteral("--chainage"),
             QStringLiteral("K2+000-K3+000"), QStringLiteral("--date"),
             QStringLiteral("2022-09-01"), QStringLiteral("--status"), QStringLiteral("已完工"),
             QStringLiteral("--note"), QStringLiteral("验收前自查"), QStringLiteral("--db"), db});
        QVERIFY2(r.exitCode == 0, qPrintable(why(r)));
        QVERIFY2(r.out.contains(QStringLiteral("T-003 2022-09-01: 已完工 100%")) &&
                     r.out.contains(QStringLiteral("T-004 2022-09-01: 已完工 100%")),
                 qPrintable(r.out));
        QCOMPARE(count(db, "SELECT COUNT(*) FROM corridor_progress"), before + 2);
        QCOMPARE(count(db, "SELECT COUNT(*) FROM corridor_progress WHERE date = '2022-09-01' AND "
                           "status = 'completed' AND note = '验收前自查'"),
                 std::int64_t(2));
        QCOMPARE(count(db, "SELECT COUNT(*) FROM audit_log a JOIN corridor_progress p ON "
                           "a.target_id = CAST(p.id AS TEXT) WHERE a.action = "
                           "'corridor.progress' AND p.date = '2022-09-01' AND a.detail_json "
                           "LIKE '%planlines corridor update%'"),
                 std::int64_t(2));
        // On that date the whole corridor but T-003/T-004's neighbours … is finished.
        const auto s = runPlanlines({QStringLiteral("corridor"), QStringLiteral("status"),
                                     QStringLiteral("--date"), QStringLiteral("2022-09-01"),
                                     QStringLiteral("--json"), QStringLiteral("--db"), db});
        const QJsonObject o = QJsonDocument::fromJson(s.out.toUtf8()).object();
        QCOMPARE(o[u"by_status"][u"completed"][u"length_m"].toDouble(), 2000.0);
        QCOMPARE(o[u"by_status"][u"accepted"][u"length_m"].toDouble(), 1000.0);
    }

    // --corrects: a new entry that supersedes the wrong one; both rows stay; the status counts
    // the correction.
    void updateCorrects()
    {
        const QString db = fresh();
        const QStringList base{QStringLiteral("corridor"),  QStringLiteral("update"),
                               QStringLiteral("--segment"), QStringLiteral("T-003"),
                               QStringLiteral("--date"),    QStringLiteral("2022-04-01"),
                               QStringLiteral("--status"),  QStringLiteral("施工中"),
                               QStringLiteral("--db"),      db};
        auto r =
            runPlanlines(base + QStringList{QStringLiteral("--percent"), QStringLiteral("90")});
        QVERIFY2(r.exitCode == 0, qPrintable(why(r)));
        const auto wrong =
            count(db, "SELECT id FROM corridor_progress WHERE segment_id = 'T-003' AND date = "
                      "'2022-04-01'");
        r = runPlanlines(base + QStringList{QStringLiteral("--percent"), QStringLiteral("60"),
                                            QStringLiteral("--corrects"), QString::number(wrong)});
        QVERIFY2(r.exitCode == 0, qPrintable(why(r)));
        QVERIFY2(r.out.contains(QStringLiteral("T-003 2022-04-01: 施工中 60% (entry %1, corrects "
                                               "entry %2)")
                                    .arg(wrong + 1)
                                    .arg(wrong)),
                 qPrintable(r.out));
        QCOMPARE(count(db, "SELECT COUNT(*) FROM corridor_progress WHERE segment_id = 'T-003' "
                           "AND date = '2022-04-01'"),
                 std::int64_t(2));
        const auto s = runPlanlines({QStringLiteral("corridor"), QStringLiteral("status"),
                                     QStringLiteral("--date"), QStringLiteral("2022-04-01"),
                                     QStringLiteral("--segments"), QStringLiteral("--db"), db});
        QVERIFY2(s.out.contains(QStringLiteral("  T-003 K2+000–K2+500 木李镇 施工中 60%\n")),
                 qPrintable(s.out));
        // Corrected already: refused, nothing written.
        r = runPlanlines(base + QStringList{QStringLiteral("--corrects"), QString::number(wrong)});
        QCOMPARE(r.exitCode, 1);
        // Named: who corrected it and when, and the entry in force now.
        const QString refused = r.err.trimmed();
        QVERIFY2(refused.startsWith(
                     QStringLiteral("planlines corridor update: entry %1 was already corrected by ")
                         .arg(wrong)),
                 qPrintable(refused));
        QVERIFY2(
            refused.endsWith(QStringLiteral(": entry %1 (施工中 60% on 2022-04-01) is in force; "
                                            "correct that one if it is wrong")
                                 .arg(wrong + 1)),
            qPrintable(refused));
        QCOMPARE(count(db, "SELECT COUNT(*) FROM corridor_progress WHERE segment_id = 'T-003' "
                           "AND date = '2022-04-01'"),
                 std::int64_t(2));
    }

    void updateErrors()
    {
        const QString db = fresh();
        const auto before = count(db, "SELECT COUNT(*) FROM corridor_progress");
        auto r = runPlanlines(
            {QStringLiteral("corridor"), QStringLiteral("update"), QStringLiteral("--segment"),
             QStringLiteral("T-001"), QStringLiteral("--date"), QStringLiteral("2022-01-01"),
             QStringLiteral("--status"), QStringLiteral("完成啦"), QStringLiteral("--db"), db});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err.trimmed(), QStringLiteral("planlines corridor update: unknown status "
                                                 "'完成啦' (规划, 施工中, 已完工, 已验收, 养护)"));
        r = runPlanlines(
            {QStringLiteral("corridor"), QStringLiteral("update"), QStringLiteral("--segment"),
             QStringLiteral("T-999"), QStringLiteral("--date"), QStringLiteral("2022-01-01"),
             QStringLiteral("--status"), QStringLiteral("施工中"), QStringLiteral("--db"), db});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err.trimmed(),
                 QStringLiteral("planlines corridor update: segment "
                                "T-999 is not in the corridor layer 淤背区生态廊道"));
        QCOMPARE(count(db, "SELECT COUNT(*) FROM corridor_progress"), before);
    }

    void importRefusesBadFileWhole()
    {
        const QString db = fresh();
        const auto before = count(db, "SELECT COUNT(*) FROM corridor_progress");
        const auto auditBefore = count(db, "SELECT COUNT(*) FROM audit_log");
        const QString csv = m_dir.filePath(QStringLiteral("bad.csv"));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("segment,date,status,percent\n"
                "T-004,2022-05-06,施工中,20\n"
                "T-004,2022-06-31,施工中,40\n");
        f.close();
        auto r = runPlanlines({QStringLiteral("corridor"), QStringLiteral("import-progress"), csv,
                               QStringLiteral("--db"), db});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(csv + QStringLiteral(": line 3: '2022-06-31' is not a date")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("1 of 2 rows refused; nothing was recorded")),
                 qPrintable(r.err));
        QCOMPARE(count(db, "SELECT COUNT(*) FROM corridor_progress"), before);
        QCOMPARE(count(db, "SELECT COUNT(*) FROM audit_log"), auditBefore);

        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("segment,date,status,percent\nT-004,2022-05-06,施工中,20\n");
        f.close();
        r = runPlanlines({QStringLiteral("corridor"), QStringLiteral("import-progress"), csv,
                          QStringLiteral("--db"), db});
        QVERIFY2(r.exitCode == 0, qPrintable(why(r)));
        QVERIFY2(r.out.contains(QStringLiteral("1 rows (UTF-8) recorded as 1 progress entries")),
                 qPrintable(r.out));
        QCOMPARE(count(db, "SELECT COUNT(*) FROM corridor_progress"), before + 1);
        QCOMPARE(count(db, "SELECT COUNT(*) FROM audit_log"), auditBefore + 1);
    }

    void locateBothWays()
    {
        const QString db = fresh();
        auto r = runPlanlines({QStringLiteral("corridor"), QStringLiteral("locate"),
                               QStringLiteral("--chainage"), QStringLiteral("K2+250"),
                               QStringLiteral("--json"), QStringLiteral("--db"), db});
        QVERIFY2(r.exitCode == 0, qPrintable(why(r)));
        QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o[u"easting"].toDouble(), 572000.0);
        QCOMPARE(o[u"northing"].toDouble(), 4115250.0);
        QCOMPARE(o[u"segment"].toString(), QStringLiteral("T-003"));
        r = runPlanlines({QStringLiteral("corridor"), QStringLiteral("locate"),
                          QStringLiteral("--point"), QStringLiteral("571500.25,4114950"),
                          QStringLiteral("--json"), QStringLiteral("--db"), db});
        QVERIFY2(r.exitCode == 0, qPrintable(why(r)));
        o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o[u"chainage"].toString(), QStringLiteral("K1+500.3"));
        QCOMPARE(o[u"chainage_m"].toDouble(), 1500.25);
        QCOMPARE(o[u"offset_m"].toDouble(), 50.0);
        QCOMPARE(o[u"segment"].toString(), QStringLiteral("T-002"));
        r = runPlanlines({QStringLiteral("corridor"), QStringLiteral("locate"),
                          QStringLiteral("--chainage"), QStringLiteral("K5+000"),
                          QStringLiteral("--db"), db});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("chainage 5000.0 m is outside the levee, which is "
                                               "3000.00 m long (K0+000 to K3+000.0)")),
                 qPrintable(r.err));
    }

    // The sample county's levee, whose length is no round number: the last segment ends at
    // it, so the very end of the levee, and a few cm past it (a length printed to 0.1 m), have
    // a segment; 1 m past it is an error that says the length. Expected values from SpatiaLite.
    void locateAtTheDownstreamEndOfTheSampleLevee()
    {
        auto project = geodata::Project::open(PLANLINES_SAMPLE_DB, true);
        auto st = project->db().prepare(
            "SELECT GLength(geom), X(EndPoint(GeometryN(geom, 1))), "
            "Y(EndPoint(GeometryN(geom, 1))), NumGeometries(geom) FROM levee");
        QVERIFY(st.step());
        const double length = st.real(0), endE = st.real(1), endN = st.real(2);
        QCOMPARE(st.int64(3), std::int64_t{1});
        auto seg =
            project->db().prepare("SELECT SEGID, ZDLC FROM corridor ORDER BY ZDLC DESC LIMIT 1");
        QVERIFY(seg.step());
        const QString last = QString::fromStdString(seg.text(0));
        QVERIFY2(std::abs(seg.real(1) - length) <= 1e-6,
                 qPrintable(QStringLiteral("%1 ends at %2 m, the levee at %3 m")
                                .arg(last)
                                .arg(seg.real(1), 0, 'f', 4)
                                .arg(length, 0, 'f', 4)));
        const auto chainage = [](double m) {
            const int km = static_cast<int>(m / 1000);
            return QString::asprintf("K%d+%010.6f", km, m - km * 1000.0);
        };
        for (const double past : {0.0, 0.04}) {
            const auto r = runPlanlines({QStringLiteral("corridor"), QStringLiteral("locate"),
                                         QStringLiteral("--chainage"), chainage(length + past),
                                         QStringLiteral("--json"), QStringLiteral("--db"),
                                         QStringLiteral(PLANLINES_SAMPLE_DB)});
            QVERIFY2(r.exitCode == 0, qPrintable(why(r)));
            const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
            QCOMPARE(o[u"segment"].toString(), last);
            QVERIFY(std::abs(o[u"chainage_m"].toDouble() - length) <= 0.0005);
            QVERIFY(std::abs(o[u"easting"].toDouble() - endE) <= 0.0005);
            QVERIFY(std::abs(o[u"northing"].toDouble() - endN) <= 0.0005);
        }
        const auto r = runPlanlines({QStringLiteral("corridor"), QStringLiteral("locate"),
                                     QStringLiteral("--chainage"), chainage(length + 1),
                                     QStringLiteral("--db"), QStringLiteral(PLANLINES_SAMPLE_DB)});
        QCOMPARE(r.exitCode, 1);
        const int km = static_cast<int>(length / 1000);
        const QString expected =
            QStringLiteral("chainage %1 m is outside the levee, which is %2 m long (K0+000 to "
                           "K%3+%4)")
                .arg(length + 1, 0, 'f', 1)
                .arg(length, 0, 'f', 2)
                .arg(km)
                .arg(QString::asprintf("%05.1f", length - km * 1000.0));
        QVERIFY2(r.err.contains(expected), qPrintable(r.err + "\nexpected: " + expected));
    }

    void reportPdf()
    {
        const QString db = fresh();
        const QString out = m_dir.filePath(QStringLiteral("sheet/进度表.pdf"));
        QDir().mkpath(m_dir.filePath(QStringLiteral("sheet")));
        const auto r = runPlanlines({QStringLiteral("corridor"), QStringLiteral("report"),
                                     QStringLiteral("--date"), QStringLiteral("2021-06-30"),
                                     QStringLiteral("--out"), out, QStringLiteral("--db"), db});
        QVERIFY2(r.exitCode == 0, qPrintable(why(r)));
        QFile pdf(out);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
        // Only the PDF: the temporary file was renamed, not left behind.
        QCOMPARE(QDir(m_dir.filePath(QStringLiteral("sheet"))).entryList(QDir::Files).size(), 1);
        QProcess p;
        p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), out, QStringLiteral("-")});
        QVERIFY(p.waitForFinished(60000));
        // Exactly as drawn (Qt's own map would give ⽣ for 生).
        const QString text = QString::fromUtf8(p.readAllStandardOutput());
        for (const QString &want :
             {QStringLiteral("淤背区生态廊道建设进度表"), QStringLiteral("截至 2021-06-30"),
              QStringLiteral("已完工"), QStringLiteral("施工中"), QStringLiteral("木李镇"),
              QStringLiteral("255000.00"), QStringLiteral("累计完工")})
            QVERIFY2(text.contains(want), qPrintable(want + QStringLiteral(" not in:\n") + text));
        // A report into a directory that does not exist fails and names the file.
        const auto bad = runPlanlines(
            {QStringLiteral("corridor"), QStringLiteral("report"), QStringLiteral("--out"),
             m_dir.filePath(QStringLiteral("no/such/dir/x.pdf")), QStringLiteral("--db"), db});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains(QStringLiteral("x.pdf")), qPrintable(bad.err));
    }

    void help()
    {
        const auto r = runPlanlines({QStringLiteral("corridor"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const char *sub : {"status", "update", "import-progress", "locate", "report"})
            QVERIFY2(r.out.contains(QLatin1String(sub)), sub);
        const auto top = runPlanlines({QStringLiteral("--help")});
        QVERIFY(top.out.contains(QStringLiteral("corridor")));
    }
};

QTEST_GUILESS_MAIN(CorridorCliTest)
#include "corridortest.moc"
