// `planlines check` batches: progress lines on stderr with --progress (none into a pipe without
// it), and Ctrl+C (SIGINT) in the middle of a batch: exit 130, the sites checked by then are
// recorded with their audit rows and nothing else, the project stays intact.
#include "clirun.h"

#include <geodata/project.h>

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <random>

#include <signal.h>

using namespace planlines::geodata;

class CheckProgressTest : public QObject
{
    Q_OBJECT
    QTemporaryDir dir;
    QString db;

    // n squares of 40–120 m on the sample county's land use, as GeoJSON in EPSG:4548.
    QString sites(int n)
    {
        auto p = Project::open(db.toStdString(), true);
        auto st = p->db().prepare("SELECT min(xmin), min(ymin), max(xmax), max(ymax) FROM "
                                  "idx_landuse_geom");
        if (!st.step())
            return {};
        const double x0 = st.real(0), y0 = st.real(1), x1 = st.real(2), y1 = st.real(3);
        std::mt19937_64 rng(static_cast<unsigned>(n));
        std::uniform_real_distribution<double> ux(x0 + 0.3 * (x1 - x0), x0 + 0.7 * (x1 - x0)),
            uy(y0 + 0.3 * (y1 - y0), y0 + 0.7 * (y1 - y0)), us(40, 120);
        QString json = QStringLiteral(
            R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":)"
            R"("urn:ogc:def:crs:EPSG::4548"}},"features":[)");
        for (int i = 0; i < n; ++i) {
            const double x = ux(rng), y = uy(rng), s = us(rng);
            json += QStringLiteral(
                        R"(%1{"type":"Feature","properties":{"XMMC":"批量选址 %2","HYDM":"C3490",)"
                        R"("GHYT":"工业用地"},"geometry":{"type":"Polygon","coordinates":)"
                        R"([[[%3,%4],[%5,%4],[%5,%6],[%3,%6],[%3,%4]]]}})")
                        .arg(i ? QStringLiteral(",") : QString())
                        .arg(i + 1)
                        .arg(x, 0, 'f', 3)
                        .arg(y, 0, 'f', 3)
                        .arg(x + s, 0, 'f', 3)
                        .arg(y + s, 0, 'f', 3);
        }
        json += QStringLiteral("]}");
        const QString path = dir.filePath(QStringLiteral("sites_%1.geojson").arg(n));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(json.toUtf8()) < 0)
            return {};
        return path;
    }

    static std::int64_t count(const QString &db, const std::string &sql)
    {
        auto p = Project::open(db.toStdString(), true);
        return std::get<std::int64_t>(*p->db().scalar(sql));
    }

private slots:
    void initTestCase()
    {
        db = dir.filePath(QStringLiteral("gaoqing.sqlite"));
        QVERIFY(QFile::copy(QStringLiteral(PLANLINES_SAMPLE_DB), db));
    }

    void progressLines()
    {
        const QString file = sites(300);
        QVERIFY(!file.isEmpty());
        const auto r = runPlanlines({"check", file, "--db", db, "--progress", "--threads", "2"});
        QVERIFY2(r.exitCode == 0 || r.exitCode == 3 || r.exitCode == 4, qPrintable(r.err));
        static const QRegularExpression line(QStringLiteral("^检查 (\\d+)/300 \\((\\d+)%\\)$"));
        int last = 0, lines = 0;
        for (const QString &l : r.err.split('\n', Qt::SkipEmptyParts)) {
            const auto m = line.match(l);
            QVERIFY2(m.hasMatch(), qPrintable(l));
            const int done = m.captured(1).toInt();
            QVERIFY(done > last); // counts only go up
            QCOMPARE(m.captured(2).toInt(), done * 100 / 300);
            last = done;
            ++lines;
        }
        QCOMPARE(last, 300); // the last line says all of them
        QVERIFY(lines >= 2); // the first site, then the end
        QVERIFY(r.out.contains(QStringLiteral("共 300 个选址")));

        // Into a pipe without --progress: no progress lines.
        const auto quiet = runPlanlines({"check", file, "--db", db});
        QVERIFY(!quiet.err.contains(QStringLiteral("检查 ")));
        const auto help = runPlanlines({"check", "--help"});
        QVERIFY(help.out.contains(QStringLiteral("--progress")));
        QVERIFY(help.out.contains(QStringLiteral("130")));
    }

    void ctrlCRecordsTheSitesChecked()
    {
        const QString file = sites(6000);
        QVERIFY(!file.isEmpty());
        const auto before = count(db, "SELECT count(*) FROM check_records");
        const auto lastId = count(db, "SELECT coalesce(max(id), 0) FROM check_records");
        const auto auditBefore =
            count(db, "SELECT count(*) FROM audit_log WHERE action = 'check.run'");
        QProcess p;
        p.start(QStringLiteral(PLANLINES_BIN), {"check", file, "--db", db, "--progress"});
        QVERIFY(p.waitForStarted());
        p.setReadChannel(QProcess::StandardError); // what waitForReadyRead waits for
        QByteArray err;
        while (!err.contains("检查 ") && p.waitForReadyRead(60000))
            err += p.readAllStandardError();
        QVERIFY2(err.contains("检查 "), err.constData());
        QCOMPARE(::kill(static_cast<pid_t>(p.processId()), SIGINT), 0);
        QVERIFY(p.waitForFinished(120000));
        err += p.readAllStandardError();
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 130);
        static const QRegularExpression said(
            QStringLiteral("cancelled: (\\d+) of 6000 sites checked and recorded, (\\d+) not "
                           "checked"));
        const auto m = said.match(QString::fromUtf8(err));
        QVERIFY2(m.hasMatch(), err.constData());
        const int checked = m.captured(1).toInt();
        QVERIFY(checked >= 1 && checked < 6000);
        QCOMPARE(checked + m.captured(2).toInt(), 6000);
        // Exactly the sites checked are recorded, each with its audit row, in one batch.
        QCOMPARE(count(db, "SELECT count(*) FROM check_records"), before + checked);
        QCOMPARE(count(db, "SELECT count(*) FROM audit_log WHERE action = 'check.run'"),
                 auditBefore + checked);
        QCOMPARE(count(db, "SELECT count(DISTINCT batch_id) FROM check_records WHERE id > " +
                               std::to_string(lastId)),
                 std::int64_t(1));
        auto project = Project::open(db.toStdString(), true);
        QCOMPARE(std::get<std::string>(*project->db().scalar("PRAGMA integrity_check")),
                 std::string("ok"));
    }
};

QTEST_GUILESS_MAIN(CheckProgressTest)
#include "checkprogresstest.moc"
