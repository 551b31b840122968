// `planlines sample` killed at any moment (SIGKILL at spread-out delays while it generates and
// while it writes) leaves either no file at --out or a whole project: it opens, passes PRAGMA
// integrity_check and holds every layer with all its rows. And --force keeps the old project
// at --out until the new one replaces it. (It used to write at the target with the journal off:
// 20 kills left files with 0–9 of 14 layers, some "database disk image is malformed".)
#include "clirun.h"

#include <geodata/project.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>

using namespace planlines::geodata;

namespace {

constexpr int kParcels = 1000; // the smallest county: a run of a few seconds

// Layers and their rows, as the registry declares them and as the tables hold them, and the
// result of PRAGMA integrity_check: what a whole project looks like.
struct Whole
{
    int layers = 0;
    QStringList mismatches; // "layer: registry n, table m"
    QString integrity;
};

Whole inspect(const QString &path)
{
    Whole w;
    auto project = Project::open(path.toStdString(), true);
    auto &db = project->db();
    auto check = db.prepare("PRAGMA integrity_check");
    w.integrity = check.step() ? QString::fromStdString(check.text(0)) : QStringLiteral("none");
    auto st = db.prepare("SELECT name, table_name, feature_count FROM layers ORDER BY id");
    while (st.step()) {
        ++w.layers;
        const std::string table = st.text(1);
        const auto declared = std::get<std::int64_t>(st.value(2));
        auto count = db.prepare("SELECT count(*) FROM \"" + table + "\"");
        count.step();
        const auto rows = std::get<std::int64_t>(count.value(0));
        if (rows != declared || rows == 0)
            w.mismatches << QString::fromStdString(st.text(0)) +
                                QStringLiteral(": registry %1, table %2").arg(declared).arg(rows);
    }
    return w;
}

} // namespace

class SampleKillTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_layers = 0;
    qint64 m_runMs = 0;

    QStringList sampleArgs(const QString &out) const
    {
        return {"sample", "--out", out, "--parcels", QString::number(kParcels), "--quiet"};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString out = m_dir.filePath("whole.sqlite");
        QElapsedTimer t;
        t.start();
        const auto r = runPlanlines(sampleArgs(out));
        m_runMs = t.elapsed();
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const Whole w = inspect(out);
        QCOMPARE(w.integrity, QStringLiteral("ok"));
        QCOMPARE(w.mismatches, QStringList());
        m_layers = w.layers;
        QCOMPARE(m_layers, 14);
        // Only the project: no temporary file or journal is left beside it.
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList({"whole.sqlite"}));
    }

    void killedAtAnyMomentLeavesNothingOrAWholeProject()
    {
        // Ten delays spread over the run (a fixed spread, not random: a failure repeats).
        int absent = 0, whole = 0;
        for (int i = 0; i < 10; ++i) {
            const QString dir = m_dir.filePath(QString::number(i));
            QDir().mkpath(dir);
            const QString out = dir + "/county.sqlite";
            const int delay = static_cast<int>(m_runMs * (i + 0.5) / 10.0);
            QProcess p;
            p.start(QStringLiteral(PLANLINES_BIN), sampleArgs(out));
            QVERIFY(p.waitForStarted());
            QThread::msleep(static_cast<unsigned long>(delay));
            ::kill(static_cast<pid_t>(p.processId()), SIGKILL);
            p.waitForFinished();
            if (!QFileInfo::exists(out)) {
                ++absent;
                continue;
            }
            const Whole w = inspect(out);
            QVERIFY2(w.integrity == "ok",
                     qPrintable(QString::number(delay) + " ms: " + w.integrity));
            QCOMPARE(w.layers, m_layers);
            QVERIFY2(w.mismatches.isEmpty(), qPrintable(w.mismatches.join("; ")));
            ++whole;
        }
        qInfo("10 kills: %d left no file, %d a whole project", absent, whole);
        QVERIFY(absent > 0); // the kills did land while it was writing
        // A run to the end removes what a killed run left beside the target.
        QString dir;
        for (int i = 0; i < 10 && dir.isEmpty(); ++i)
            if (!QDir(m_dir.filePath(QString::number(i)))
                     .entryList({"*.partial"}, QDir::Files | QDir::Hidden)
                     .isEmpty())
                dir = m_dir.filePath(QString::number(i));
        QVERIFY(!dir.isEmpty()); // some kill landed while the temporary file was being filled
        QVERIFY2(runPlanlines(sampleArgs(dir + "/county.sqlite") << "--force").exitCode == 0, "");
        QCOMPARE(QDir(dir).entryList(QDir::Files | QDir::Hidden), QStringList({"county.sqlite"}));
    }

    void forceKeepsTheOldProjectUntilTheNewOneIsWhole()
    {
        const QString dir = m_dir.filePath("force");
        QDir().mkpath(dir);
        const QString out = dir + "/county.sqlite";
        QVERIFY(QFile::copy(m_dir.filePath("whole.sqlite"), out));
        const QByteArray before = [&] {
            QFile f(out);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        QProcess p;
        QStringList args = sampleArgs(out);
        args << "--force"
             << "--seed"
             << "7";
        p.start(QStringLiteral(PLANLINES_BIN), args);
        QVERIFY(p.waitForStarted());
        QThread::msleep(static_cast<unsigned long>(m_runMs / 2));
        ::kill(static_cast<pid_t>(p.processId()), SIGKILL);
        p.waitForFinished();
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll() == before); // untouched
        // Run to the end, it is replaced by the new county (seed 7).
        QVERIFY2(runPlanlines(args).exitCode == 0, "");
        auto project = Project::open(out.toStdString(), true);
        QCOMPARE(project->setting("sample_seed").value_or(""), std::string("7"));
    }
};

QTEST_GUILESS_MAIN(SampleKillTest)
#include "samplekilltest.moc"
