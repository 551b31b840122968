// kill -9 at many moments of every command that writes (issue 16): an import of 20 000 parcels,
// a check of every site with its records, a PDF report and a CSV, corridor update and
// import-progress, a batch of map sheets and a boundary file. After each kill the project opens,
// passes PRAGMA integrity_check, and holds the whole change or none of it (the layer with all
// its features or no layer; all the records or none; the entries of the CSV all or none); an
// output path holds a complete file (the same bytes as an uninterrupted run, or a PDF ending in
// %%EOF) or nothing, and no temporary file is left beside it once the next run has cleaned up.
// The moments are spread over each command's own duration, measured first.
#include "clirun.h"

#include <geodata/database.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <functional>

using planlines::geodata::Database;

namespace {

constexpr int kKillsPerCommand = 8;
constexpr const char *kProgressAudit =
    "SELECT COUNT(*) FROM audit_log WHERE action = 'corridor.progress'";

qint64 count(const QString &db, const char *sql)
{
    Database d(db.toStdString(), Database::Mode::ReadOnly);
    return std::get<std::int64_t>(*d.scalar(sql));
}

QString integrity(const QString &db)
{
    Database d(db.toStdString(), Database::Mode::ReadOnly);
    auto st = d.prepare("PRAGMA integrity_check");
    QStringList rows;
    while (st.step())
        rows << QString::fromStdString(st.text(0));
    return rows.join(QLatin1Char('\n'));
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Starts planlines and kills it with SIGKILL after delayMs (or lets it finish if it is quicker).
// Returns true when the kill came before the end.
bool runAndKill(const QStringList &args, int delayMs)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("PLANLINES_DB"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(PLANLINES_BIN), args);
    if (!p.waitForStarted(10000))
        return false;
    if (p.waitForFinished(delayMs))
        return false;
    ::kill(static_cast<pid_t>(p.processId()), SIGKILL);
    p.waitForFinished(30000);
    return true;
}

} // namespace

class KillTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_base;             // the sample county, copied once
    qint64 m_updateEntries = 0; // entries of the uninterrupted corridor update

    QString freshCopy(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        for (const char *suffix : {"", "-wal", "-shm", "-journal"})
            QFile::remove(path + QLatin1String(suffix));
        if (!QFile::copy(m_base, path))
            qFatal("cannot copy the sample county");
        return path;
    }

    // Runs `args` once to the end (its duration, and the reference of the outcome), then
    // kKillsPerCommand times on fresh copies, killed at moments spread over that duration;
    // `verify` checks the project and outputs after each kill.
    void killAtManyMoments(const QString &what,
                           const std::function<QStringList(const QString &)> &args,
                           const std::function<void(const QString &db, bool killed)> &verify)
    {
        const QString db = freshCopy(QStringLiteral("ref.sqlite"));
        QElapsedTimer t;
        t.start();
        const CliResult ref = runPlanlines(args(db));
        const qint64 ms = t.elapsed();
        QVERIFY2(ref.exitCode == 0 || ref.exitCode == 3 || ref.exitCode == 4,
                 qPrintable(what + QStringLiteral(": ") + ref.err));
        verify(db, false);
        int killed = 0;
        for (int i = 0; i < kKillsPerCommand; ++i) {
            const QString copy = freshCopy(QStringLiteral("kill.sqlite"));
            // From the first moments (start-up, opening) to just before the end.
            const int delay = static_cast<int>(5 + (ms * (i + 0.5)) / kKillsPerCommand);
            killed += runAndKill(args(copy), delay);
            QCOMPARE(integrity(copy), QStringLiteral("ok"));
            verify(copy, true);
        }
        QVERIFY2(
            killed >= kKillsPerCommand / 2,
            qPrintable(what +
                       QStringLiteral(": only %1 runs were killed before the end").arg(killed)));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_base = m_dir.filePath(QStringLiteral("base.sqlite"));
        QVERIFY(QFile::copy(QStringLiteral(PLANLINES_SAMPLE_DB), m_base));
    }

    void importIsWholeOrAbsent()
    {
        // 20 000 parcels of 10 m with Chinese names: long enough to be killed while writing.
        const QString src = m_dir.filePath(QStringLiteral("地块.geojson"));
        QFile f(src);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":"
                "{\"name\":\"urn:ogc:def:crs:EPSG::4548\"}},\"features\":[");
        for (int k = 0; k < 20000; ++k) {
            const double x = 560000 + (k % 200) * 10.0, y = 4115000 + (k / 200) * 10.0;
            f.write(
                QStringLiteral("%1{\"type\":\"Feature\",\"properties\":{\"DLBM\":\"0103\","
                               "\"DLMC\":\"旱地\",\"ZLDWMC\":\"木李镇%2村\"},\"geometry\":"
                               "{\"type\":\"Polygon\",\"coordinates\":[[[%3,%4],[%5,%4],[%5,%6],"
                               "[%3,%6],[%3,%4]]]}}")
                    .arg(k ? "," : "")
                    .arg(k % 50)
                    .arg(x, 0, 'f', 1)
                    .arg(y, 0, 'f', 1)
                    .arg(x + 10, 0, 'f', 1)
                    .arg(y + 10, 0, 'f', 1)
                    .toUtf8());
        }
        f.write("]}");
        f.close();
        const qint64 layers = count(m_base, "SELECT COUNT(*) FROM layers");
        killAtManyMoments(
            QStringLiteral("import"),
            [&](const QString &db) {
                return QStringList{QStringLiteral("import"), src,
                                   QStringLiteral("--db"),   db,
                                   QStringLiteral("--role"), QStringLiteral("landuse"),
                                   QStringLiteral("--name"), QStringLiteral("新地类")};
            },
            [&](const QString &db, bool killed) {
                const qint64 now = count(db, "SELECT COUNT(*) FROM layers");
                if (!killed)
                    QCOMPARE(now, layers + 1);
                QVERIFY(now == layers || now == layers + 1);
                Database d(db.toStdString(), Database::Mode::ReadOnly);
                const auto table = d.scalar("SELECT table_name FROM layers WHERE name = '新地类'");
                if (now == layers) {
                    QVERIFY(!table);
                    return;
                }
                QVERIFY(table);
                const std::string t = std::get<std::string>(*table);
                QCOMPARE(std::get<std::int64_t>(*d.scalar("SELECT COUNT(*) FROM \"" + t + "\"")),
                         std::int64_t(20000));
                QCOMPARE(std::get<std::int64_t>(
                             *d.scalar("SELECT feature_count FROM layers WHERE name = '新地类'")),
                         std::int64_t(20000));
            });
    }

    void checkRecordsAndReportsAreWholeOrAbsent()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("报告.pdf"));
        const QString csv = m_dir.filePath(QStringLiteral("汇总.csv"));
        const qint64 sites = count(m_base, "SELECT COUNT(*) FROM site");
        QByteArray referenceCsv;
        killAtManyMoments(
            QStringLiteral("check"),
            [&](const QString &db) {
                QFile::remove(pdf);
                QFile::remove(csv);
                return QStringList{QStringLiteral("check"),    QStringLiteral("--all-sites"),
                                   QStringLiteral("--db"),     db,
                                   QStringLiteral("--report"), pdf,
                                   QStringLiteral("--csv"),    csv};
            },
            [&](const QString &db, bool killed) {
                const qint64 records = count(db, "SELECT COUNT(*) FROM check_records");
                QVERIFY2(records == 0 || records == sites,
                         qPrintable(QStringLiteral("%1 of %2 records").arg(records).arg(sites)));
                if (!killed) {
                    QCOMPARE(records, sites);
                    referenceCsv = readAll(csv);
                    QVERIFY(referenceCsv.size() > 100);
                }
                // Outputs are complete or absent (the CSV's record ids are the same: a fresh copy).
                if (QFile::exists(csv))
                    QCOMPARE(readAll(csv), referenceCsv);
                if (QFile::exists(pdf)) {
                    const QByteArray bytes = readAll(pdf);
                    QVERIFY(bytes.startsWith("%PDF-"));
                    QVERIFY2(bytes.trimmed().endsWith("%%EOF"), "a cut-short PDF at the target");
                }
            });
    }

    void corridorEntriesAreWholeOrAbsent()
    {
        const QString csv = m_dir.filePath(QStringLiteral("进度.csv"));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("段编号,日期,状态,完成比例,备注\n");
        for (int k = 1; k <= 40; ++k)
            f.write(QStringLiteral("YBQ-%1,2026-0%2-15,施工中,%3,第%4批\n")
                        .arg(k, 3, 10, QLatin1Char('0'))
                        .arg(1 + k % 9)
                        .arg(k * 2)
                        .arg(k)
                        .toUtf8());
        f.close();
        const qint64 before = count(m_base, "SELECT COUNT(*) FROM corridor_progress");
        const qint64 auditBefore = count(m_base, kProgressAudit);
        const qint64 segments = count(m_base, "SELECT COUNT(*) FROM corridor");
        const qint64 rows = std::min<qint64>(40, segments);
        if (rows < 40)
            QSKIP("the sample corridor has fewer than 40 segments");
        killAtManyMoments(
            QStringLiteral("corridor import-progress"),
            [&](const QString &db) {
                return QStringList{QStringLiteral("corridor"), QStringLiteral("import-progress"),
                                   csv, QStringLiteral("--db"), db};
            },
            [&](const QString &db, bool) {
                const qint64 n = count(db, "SELECT COUNT(*) FROM corridor_progress") - before;
                QVERIFY2(n == 0 || n == 40, qPrintable(QStringLiteral("%1 entries").arg(n)));
                QCOMPARE(count(db, kProgressAudit) - auditBefore, n); // each with its audit row
            });
        killAtManyMoments(
            QStringLiteral("corridor update"),
            [&](const QString &db) {
                return QStringList{QStringLiteral("corridor"),   QStringLiteral("update"),
                                   QStringLiteral("--db"),       db,
                                   QStringLiteral("--chainage"), QStringLiteral("K0+000-K20+000"),
                                   QStringLiteral("--date"),     QStringLiteral("2026-10-01"),
                                   QStringLiteral("--status"),   QStringLiteral("已完工")};
            },
            [&](const QString &db, bool killed) {
                const qint64 n = count(db, "SELECT COUNT(*) FROM corridor_progress") - before;
                if (!killed)
                    QVERIFY(n > 1);
                // All the segments of the range or none, each entry with its audit row.
                if (killed && n != 0) {
                    QCOMPARE(n, m_updateEntries);
                } else if (!killed) {
                    m_updateEntries = n;
                }
                QCOMPARE(count(db, kProgressAudit) - auditBefore, n);
            });
    }

    void sheetsAndBoundaryFilesAreWholeOrAbsent()
    {
        const QString out = m_dir.filePath(QStringLiteral("乡镇图.pdf"));
        killAtManyMoments(
            QStringLiteral("export --batch townships"),
            [&](const QString &db) {
                QFile::remove(out);
                return QStringList{QStringLiteral("export"),
                                   QStringLiteral("--db"),
                                   db,
                                   QStringLiteral("--batch"),
                                   QStringLiteral("townships"),
                                   QStringLiteral("--paper"),
                                   QStringLiteral("A4"),
                                   QStringLiteral("--out"),
                                   out};
            },
            [&](const QString &, bool) {
                if (!QFile::exists(out))
                    return;
                const QByteArray bytes = readAll(out);
                QVERIFY(bytes.startsWith("%PDF-"));
                QVERIFY2(bytes.trimmed().endsWith("%%EOF"), "a cut-short PDF at the target");
            });
        // Nothing but complete files beside the target (temporary files are removed or renamed).
        const QStringList left = QDir(m_dir.path()).entryList({QStringLiteral("乡镇图*")});
        QVERIFY2(left.size() <= 1, qPrintable(left.join(QLatin1Char(' '))));
    }
};

QTEST_GUILESS_MAIN(KillTest)
#include "killtest.moc"
