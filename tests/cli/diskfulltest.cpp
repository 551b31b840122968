// Every command that writes, run where its file cannot be written whole (issue 16): under a
// file-size limit (RLIMIT_FSIZE with SIGXFSZ ignored: works for any user, a write past the limit
// fails with EFBIG as on a full disk) and, as root, into a small tmpfs that is (almost) full.
// Each must exit non-zero with "<file>: cannot write: <cause>" naming the file it could not
// write, leave nothing at its output path and no temporary file beside it, and leave the project
// as it was (same tables, same rows, PRAGMA integrity_check ok).
#include "clirun.h"

#include <sqlite3.h>

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstring>

#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace {

// What a failed command must not change: every table's rows, and the file whole. Read with
// SQLite alone (a hot journal left by the failed run is rolled back here, as any open does).
QString state(const QString &db)
{
    sqlite3 *h = nullptr;
    if (sqlite3_open_v2(db.toUtf8().constData(), &h, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        sqlite3_close(h);
        return QStringLiteral("cannot open ") + db;
    }
    QString s;
    auto rows = [&](const QString &sql) {
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(h, sql.toUtf8().constData(), -1, &st, nullptr) != SQLITE_OK) {
            s += sql + QStringLiteral(": ") + QString::fromUtf8(sqlite3_errmsg(h)) + '\n';
            return QStringList();
        }
        QStringList out;
        while (sqlite3_step(st) == SQLITE_ROW)
            for (int i = 0; i < sqlite3_column_count(st); ++i)
                out << QString::fromUtf8(
                    reinterpret_cast<const char *>(sqlite3_column_text(st, i)));
        sqlite3_finalize(st);
        return out;
    };
    // Virtual tables need SpatiaLite loaded; their rows live in the shadow tables listed here.
    for (const QString &t :
         rows(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT "
                             "LIKE 'CREATE VIRTUAL%' ORDER BY name")))
        s += t + ':' + rows("SELECT count(*) FROM \"" + t + '"').join(',') + '\n';
    s += rows(QStringLiteral("PRAGMA integrity_check")).join(',');
    sqlite3_close(h);
    return s;
}

// Files in dir other than those named: what a failed write might have left behind.
QStringList leftovers(const QString &dir, const QStringList &expected)
{
    QStringList out;
    for (const QString &f :
         QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot))
        if (!expected.contains(f))
            out << f;
    return out;
}

// SQLite's own files beside a project: a WAL and its index, or a journal SQLite needs to roll a
// failed write back (the next open does); they are not ours to remove.
QStringList sidecars(const QString &db)
{
    const QString name = QFileInfo(db).fileName();
    return {name + QStringLiteral("-wal"), name + QStringLiteral("-shm"),
            name + QStringLiteral("-journal")};
}

// Runs planlines; limit > 0: with that file-size limit (and SIGXFSZ ignored, so the write fails
// with EFBIG instead of the signal killing the process).
CliResult run(const QStringList &args, rlim_t limit)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("PLANLINES_DB"));
    p.setProcessEnvironment(env);
    if (limit > 0)
        p.setChildProcessModifier([limit] {
            std::signal(SIGXFSZ, SIG_IGN);
            const rlimit l{limit, limit};
            ::setrlimit(RLIMIT_FSIZE, &l);
        });
    p.start(QStringLiteral(PLANLINES_BIN), args);
    p.waitForFinished(300000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

// A polygon Shapefile of n 20 m squares with a 200-character text field: about n × 0.4 KB of
// project (the squares have no neighbour to merge with).
bool writeShapefile(const QString &shp, int n)
{
    GDALAllRegister();
    GDALDatasetH ds = GDALCreate(GDALGetDriverByName("ESRI Shapefile"), shp.toUtf8().constData(), 0,
                                 0, 0, GDT_Unknown, nullptr);
    if (!ds)
        return false;
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, 4548);
    const char *options[] = {"ENCODING=UTF-8", nullptr};
    OGRLayerH layer =
        GDALDatasetCreateLayer(ds, "big", srs, wkbPolygon, const_cast<char **>(options));
    OSRRelease(srs);
    OGRFieldDefnH note = OGR_Fld_Create("NOTE", OFTString);
    OGR_Fld_SetWidth(note, 200);
    OGR_L_CreateField(layer, note, TRUE);
    OGR_Fld_Destroy(note);
    const std::string text(200, 'x');
    bool ok = true;
    for (int i = 0; i < n && ok; ++i) {
        OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
        OGR_F_SetFieldString(f, 0, text.c_str());
        const double x = 571000 + 40.0 * (i % 200), y = 4115600 + 40.0 * (i / 200);
        OGRGeometryH ring = OGR_G_CreateGeometry(wkbLinearRing);
        for (const auto &[dx, dy] : {std::pair{0, 0}, {0, 20}, {20, 20}, {20, 0}, {0, 0}})
            OGR_G_AddPoint_2D(ring, x + dx, y + dy);
        OGRGeometryH poly = OGR_G_CreateGeometry(wkbPolygon);
        OGR_G_AddGeometryDirectly(poly, ring);
        OGR_F_SetGeometryDirectly(f, poly);
        ok = OGR_L_CreateFeature(layer, f) == OGRERR_NONE;
        OGR_F_Destroy(f);
    }
    GDALClose(ds);
    return ok;
}

// A tmpfs at dir of size bytes, unmounted when this goes.
struct SmallDisk
{
    QString dir;
    bool mounted = false;
    SmallDisk(const QString &d, qint64 size) : dir(d)
    {
        QDir().mkpath(dir);
        const QByteArray options = "size=" + QByteArray::number(size);
        mounted = ::mount("tmpfs", dir.toUtf8().constData(), "tmpfs", 0, options.constData()) == 0;
    }
    ~SmallDisk()
    {
        if (mounted)
            ::umount(dir.toUtf8().constData());
    }
    // Fills it with one file until at most `room` bytes are left.
    bool fill(qint64 room) const
    {
        QFile filler(dir + QStringLiteral("/filler"));
        if (!filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
            return false;
        const QByteArray block(4096, 'f');
        struct statvfs vfs
        {
        };
        while (::statvfs(dir.toUtf8().constData(), &vfs) == 0 &&
               qint64(vfs.f_bavail) * qint64(vfs.f_frsize) > room)
            if (filler.write(block) != block.size())
                break; // full
        return ::statvfs(dir.toUtf8().constData(), &vfs) == 0 &&
               qint64(vfs.f_bavail) * qint64(vfs.f_frsize) <= room;
    }
};

// One writing command: its arguments with OUT standing for the output file, DB for the project
// and SRC for the big source.
struct Command
{
    const char *name;
    QStringList args;
    QString out;                // the output's file name; empty: it writes only the project
    bool writesProject = false; // it records in the project (before writing its output)
    qint64 small = 0;           // an output smaller than the defaults: the size limit and room left
};

const QString kSite = QStringLiteral("高苑新能源汇集站");

QList<Command> commands()
{
    const QString sheetSite = QStringLiteral("site:") + kSite;
    return {
        {"sample", {"sample", "--out", "OUT", "--parcels", "1000", "--quiet"}, "new.sqlite"},
        {"import", {"import", "SRC", "--db", "DB", "--role", "context"}, {}, true},
        {"export pdf", {"export", "--db", "DB", "--extent", sheetSite, "--out", "OUT"}, "s.pdf"},
        {"export png",
         {"export", "--db", "DB", "--extent", sheetSite, "--dpi", "100", "--out", "OUT"},
         "s.png"},
        {"export svg", {"export", "--db", "DB", "--extent", sheetSite, "--out", "OUT"}, "s.svg"},
        {"export batch pdf", {"export", "--db", "DB", "--batch", "sites", "--out", "OUT"}, "b.pdf"},
        {"export batch png",
         {"export", "--db", "DB", "--batch", "townships", "--dpi", "60", "--out", "OUT"},
         "t-%02d.png"},
        {"check report pdf",
         {"check", "--db", "DB", "--site", kSite, "--report", "OUT"},
         "r.pdf",
         true},
        {"check report html",
         {"check", "--db", "DB", "--site", kSite, "--report", "OUT"},
         "r.html",
         true},
        {"check report odt",
         {"check", "--db", "DB", "--site", kSite, "--report", "OUT"},
         "r.odt",
         true},
        {"check csv", {"check", "--db", "DB", "--all-sites", "--csv", "OUT"}, "all.csv", true, 512},
        {"corridor report",
         {"corridor", "report", "--db", "DB", "--date", "2021-06-30", "--out", "OUT"},
         "progress.pdf"},
        {"corridor update",
         {"corridor", "update", "--db", "DB", "--segment", "YBQ-001", "--date", "2022-04-01",
          "--status", "施工中", "--percent", "50", "--note", QString(3000, u'注')},
         {},
         true},
        {"render", {"render", "--db", "DB", "--size", "1600x1200", "--out", "OUT"}, "map.png"},
        {"boundary",
         {"boundary", "--db", "DB", "--site", kSite, "--out", "OUT"},
         "site.txt",
         false,
         64},
    };
}

QStringList substituted(QStringList args, const QString &db, const QString &out, const QString &src)
{
    for (QString &a : args)
        a = a == QLatin1String("DB")    ? db
            : a == QLatin1String("OUT") ? out
            : a == QLatin1String("SRC") ? src
                                        : a;
    return args;
}

} // namespace

class DiskFullTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_src; // a source big enough to fill what is left of a small disk

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // Runs c with its output in outDir and the project at db (a copy of the sample); it must
    // fail naming `failing` (the output, else the project) and `cause`, leave outDir as it was
    // (but for `keep`) and the project unchanged.
    void fails(const Command &c, const QString &db, const QString &outDir, rlim_t limit,
               const QString &cause, const QStringList &keep = {})
    {
        const QString before = state(db);
        const QString out = c.out.isEmpty() ? QString() : outDir + '/' + c.out;
        const CliResult r = run(substituted(c.args, db, out, m_src), limit);
        const QString said = r.err + r.out;
        QVERIFY2(r.exitCode != 0 && r.exitCode != -1,
                 qPrintable(QString::number(r.exitCode) + ' ' + said));
        // Whichever write came first failed: the output, or (under the size limit, where every
        // write of the project's pages fails too) the project the command records in first.
        // A batch of PNGs fails at its first file.
        const QString first = QString(out).replace(QStringLiteral("%02d"), QStringLiteral("01"));
        const QString failing =
            out.isEmpty() || (c.writesProject && !said.contains(out)) ? db : first;
        QVERIFY2(said.contains(failing + QStringLiteral(": cannot write: ") + cause),
                 qPrintable(said));
        QCOMPARE(leftovers(outDir, keep), QStringList());
        const QStringList besideProject =
            QStringList{QFileInfo(db).fileName(),  QFileInfo(m_src).fileName(),
                        QStringLiteral("big.shx"), QStringLiteral("big.dbf"),
                        QStringLiteral("big.prj"), QStringLiteral("big.cpg"),
                        QStringLiteral("filler")} +
            sidecars(db);
        QCOMPARE(leftovers(QFileInfo(db).absolutePath(), besideProject), QStringList());
        // A check whose output failed was done and is recorded (`planlines check --help`: every
        // check is recorded), in check_records and the audit log; nothing else changes.
        const QString after = state(db);
        if (failing == out && c.writesProject) {
            auto noRecords = [](QString s) {
                return s.remove(
                    QRegularExpression(QStringLiteral("^(check_records|audit_log):\\d+\n"),
                                       QRegularExpression::MultilineOption));
            };
            QCOMPARE(noRecords(after), noRecords(before));
        } else {
            QCOMPARE(after, before);
        }
        QVERIFY2(after.endsWith(QStringLiteral("\nok")), qPrintable(after.right(200)));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QDir(m_dir.path()).mkpath(QStringLiteral("src"));
        m_src = path(QStringLiteral("src/big.shp"));
        QVERIFY(writeShapefile(m_src, 4000));
    }

    void underAFileSizeLimit_data()
    {
        QTest::addColumn<int>("index");
        const auto all = commands();
        for (int i = 0; i < all.size(); ++i)
            QTest::newRow(all[i].name) << i;
    }

    // Any user: every file the command writes may not grow past 16 KiB (its output, the
    // project's pages and journal, the temporary files beside them).
    void underAFileSizeLimit()
    {
        QFETCH(int, index);
        const Command c = commands()[index];
        const QString dir = path(QStringLiteral("limit-%1").arg(index));
        QVERIFY(QDir().mkpath(dir + QStringLiteral("/out")));
        const QString db = dir + QStringLiteral("/project.sqlite");
        QVERIFY(QFile::copy(QStringLiteral(PLANLINES_SAMPLE_DB), db));
        fails(c, db, dir + QStringLiteral("/out"), c.small ? c.small : 16384,
              QStringLiteral("File too large"));
    }

    // A batch of PNGs whose first two sheets fit on the disk and the third does not: the two
    // written are removed too (no one takes the first sheets for the whole batch).
    void batchFailingPartWayLeavesNoSheet()
    {
        if (::geteuid() != 0)
            QSKIP("mounting a small filesystem needs root");
        const QStringList args{"export", "--db", PLANLINES_SAMPLE_DB, "--batch", "townships",
                               "--dpi",  "60",   "--quiet",           "--out"};
        const QString whole = path(QStringLiteral("batch-whole"));
        QVERIFY(QDir().mkpath(whole));
        const CliResult r = run(args + QStringList{whole + QStringLiteral("/t-%02d.png")}, 0);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        auto pages = [&](int i) {
            const qint64 size = QFileInfo(whole + QStringLiteral("/t-0%1.png").arg(i)).size();
            return (size + 4095) / 4096 * 4096;
        };
        QVERIFY(pages(3) > 8192);
        SmallDisk disk(path(QStringLiteral("batch-disk")), 8 << 20);
        if (!disk.mounted)
            QSKIP(qPrintable("cannot mount a tmpfs here: " +
                             QString::fromLocal8Bit(std::strerror(errno))));
        QVERIFY(disk.fill(pages(1) + pages(2) + pages(3) / 2));
        const CliResult cut = run(args + QStringList{disk.dir + QStringLiteral("/t-%02d.png")}, 0);
        QCOMPARE(cut.exitCode, 1);
        QVERIFY2(cut.err.contains(
                     disk.dir + QStringLiteral("/t-03.png: cannot write: No space left on device")),
                 qPrintable(cut.err));
        QCOMPARE(leftovers(disk.dir, {QStringLiteral("filler")}), QStringList());
    }

    void onASmallFullDisk_data() { underAFileSizeLimit_data(); }

    // As root: a real tmpfs holding the output (and, for a command that writes only the
    // project, the project), with 64 KiB left.
    void onASmallFullDisk()
    {
        QFETCH(int, index);
        if (::geteuid() != 0)
            QSKIP("mounting a small filesystem needs root; the file-size limit case ran");
        const Command c = commands()[index];
        const QString dir = path(QStringLiteral("full-%1").arg(index));
        QVERIFY(QDir().mkpath(dir));
        const bool projectOnDisk = c.out.isEmpty();
        const qint64 dbSize = QFileInfo(QStringLiteral(PLANLINES_SAMPLE_DB)).size();
        SmallDisk disk(dir + QStringLiteral("/disk"), projectOnDisk ? dbSize + (4 << 20) : 1 << 20);
        if (!disk.mounted)
            QSKIP(qPrintable("cannot mount a tmpfs here: " +
                             QString::fromLocal8Bit(std::strerror(errno))));
        const QString db = (projectOnDisk ? disk.dir : dir) + QStringLiteral("/project.sqlite");
        QVERIFY(QFile::copy(QStringLiteral(PLANLINES_SAMPLE_DB), db));
        QVERIFY(disk.fill(c.small ? 0 : 64 << 10));
        fails(c, db, disk.dir, 0, QStringLiteral("No space left on device"),
              QStringList{QStringLiteral("filler"), QFileInfo(db).fileName()} + sidecars(db));
    }
};

QTEST_GUILESS_MAIN(DiskFullTest)
#include "diskfulltest.moc"
