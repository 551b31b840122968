// Hostile files given to `planlines import` and `planlines check` (issue 16): each is made
// here, and each must fail within seconds with a message naming the file and the cause,
// leaving the project as it was (same layers, PRAGMA integrity_check ok). And a full disk
// under the check's --report / --csv leaves no cut-short file and exits 1 naming the cause.
#include "clirun.h"

#include <geodata/error.h>
#include <geodata/project.h>
#include <geodata/savefile.h>

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <sqlite3.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace planlines::geodata;

namespace {

constexpr int kFeatures = 20;
// Every hostile run must end well within this (a FIFO used to block forever).
constexpr qint64 kBoundMs = 30000;

// A polygon Shapefile in EPSG:4548 of kFeatures 50 m squares, fields NAME (text) and CODE.
// names: the NAME of each feature (cycled).
bool writeShapefile(const QString &shp, const std::vector<std::string> &names,
                    const char *encoding = "UTF-8")
{
    GDALAllRegister();
    GDALDriverH drv = GDALGetDriverByName("ESRI Shapefile");
    GDALDatasetH ds = GDALCreate(drv, shp.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr);
    if (!ds)
        return false;
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, 4548);
    const std::string enc = std::string("ENCODING=") + encoding;
    const char *options[] = {enc.c_str(), nullptr};
    OGRLayerH layer = GDALDatasetCreateLayer(ds, QFileInfo(shp).baseName().toUtf8().constData(),
                                             srs, wkbPolygon, const_cast<char **>(options));
    OSRRelease(srs);
    OGRFieldDefnH name = OGR_Fld_Create("NAME", OFTString);
    OGR_Fld_SetWidth(name, 40);
    OGR_L_CreateField(layer, name, TRUE);
    OGR_Fld_Destroy(name);
    OGRFieldDefnH code = OGR_Fld_Create("CODE", OFTInteger);
    OGR_L_CreateField(layer, code, TRUE);
    OGR_Fld_Destroy(code);
    bool ok = true;
    for (int i = 0; i < kFeatures; ++i) {
        OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
        OGR_F_SetFieldString(f, 0, names[i % names.size()].c_str());
        OGR_F_SetFieldInteger(f, 1, 1000 + i);
        const double x = 571000 + 100.0 * i, y = 4115600;
        const std::string wkt = "POLYGON((" + std::to_string(x) + " " + std::to_string(y) + "," +
                                std::to_string(x) + " " + std::to_string(y + 50) + "," +
                                std::to_string(x + 50) + " " + std::to_string(y + 50) + "," +
                                std::to_string(x + 50) + " " + std::to_string(y) + "," +
                                std::to_string(x) + " " + std::to_string(y) + "))";
        OGRGeometryH g = nullptr;
        char *text = const_cast<char *>(wkt.c_str());
        OGR_G_CreateFromWkt(&text, nullptr, &g);
        OGR_F_SetGeometryDirectly(f, g);
        ok = ok && OGR_L_CreateFeature(layer, f) == OGRERR_NONE;
        OGR_F_Destroy(f);
    }
    GDALClose(ds);
    return ok;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// Copies the Shapefile stem.{shp,shx,dbf,prj,cpg} of from to the stem of to.
void copyShapefile(const QString &from, const QString &to)
{
    const QString a = from.chopped(4), b = to.chopped(4);
    for (const char *ext : {".shp", ".shx", ".dbf", ".prj", ".cpg"})
        if (QFile::exists(a + ext)) {
            QFile::remove(b + ext);
            QFile::copy(a + ext, b + ext);
        }
}

std::uint16_t le16(const QByteArray &b, int at)
{
    return std::uint16_t(std::uint8_t(b[at]) | (std::uint8_t(b[at + 1]) << 8));
}

// A DXF of closed LWPOLYLINE squares, as a drawing program would write the ENTITIES section.
QByteArray dxf(int squares)
{
    QByteArray out = "0\nSECTION\n2\nENTITIES\n";
    for (int i = 0; i < squares; ++i) {
        const double x = 571000 + 100.0 * i, y = 4115600;
        out += "0\nLWPOLYLINE\n8\n0\n90\n4\n70\n1\n";
        for (const auto &[px, py] : {std::pair{x, y}, std::pair{x + 50, y},
                                     std::pair{x + 50, y + 50}, std::pair{x, y + 50}})
            out += "10\n" + QByteArray::number(px, 'f', 3) + "\n20\n" +
                   QByteArray::number(py, 'f', 3) + "\n";
    }
    out += "0\nENDSEC\n0\nEOF\n";
    return out;
}

bool sqlite(const QString &path, const char *sql)
{
    sqlite3 *db = nullptr;
    bool ok = sqlite3_open(path.toUtf8().constData(), &db) == SQLITE_OK;
    char *error = nullptr;
    ok = ok && sqlite3_exec(db, sql, nullptr, nullptr, &error) == SQLITE_OK;
    if (error)
        qWarning("%s", error);
    sqlite3_free(error);
    sqlite3_close(db);
    return ok;
}

// A GDAL-written SQLite database with one polygon layer (SPATIALITE=YES: SpatiaLite's own
// virtual tables and R*Tree index come with it).
bool writeSpatialite(const QString &path)
{
    GDALAllRegister();
    const char *dsco[] = {"SPATIALITE=YES", nullptr};
    GDALDatasetH ds = GDALCreate(GDALGetDriverByName("SQLite"), path.toUtf8().constData(), 0, 0, 0,
                                 GDT_Unknown, const_cast<char **>(dsco));
    if (!ds)
        return false;
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, 4548);
    OGRLayerH layer = GDALDatasetCreateLayer(ds, "parcels", srs, wkbPolygon, nullptr);
    OSRRelease(srs);
    OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
    char wkt[] = "POLYGON((571000 4115600,571000 4115650,571050 4115650,571050 4115600,"
                 "571000 4115600))";
    char *text = wkt;
    OGRGeometryH g = nullptr;
    OGR_G_CreateFromWkt(&text, nullptr, &g);
    OGR_F_SetGeometryDirectly(f, g);
    const bool ok = OGR_L_CreateFeature(layer, f) == OGRERR_NONE;
    OGR_F_Destroy(f);
    GDALClose(ds);
    return ok;
}

// What an import may change, and whether the file is whole.
QString state(const QString &db)
{
    auto project = Project::open(db.toStdString(), true);
    QString s;
    auto rows = [&](const std::string &sql) {
        auto st = project->db().prepare(sql);
        while (st.step()) {
            for (int i = 0; i < st.columnCount(); ++i)
                s += QString::fromStdString(st.text(i)) + '|';
            s += '\n';
        }
    };
    rows("SELECT count(*) FROM layers");
    rows("SELECT id, name, role, table_name, version, feature_count, checksum FROM layers "
         "ORDER BY id");
    rows("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    rows("PRAGMA integrity_check");
    return s;
}

struct Timed
{
    CliResult result;
    qint64 ms = 0;
};

Timed timed(const QStringList &args)
{
    QElapsedTimer t;
    t.start();
    Timed out{runPlanlines(args, static_cast<int>(kBoundMs) * 2), 0};
    out.ms = t.elapsed();
    return out;
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

} // namespace

class HostileTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db, m_before;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // `planlines import FILE` fails within the bound, says `expected` about the file, and
    // leaves the project as it was.
    void refused(const QString &file, const QString &expected)
    {
        const Timed r = timed({"import", file, "--db", m_db, "--role", "context"});
        QVERIFY2(r.ms < kBoundMs, qPrintable(QString::number(r.ms) + " ms"));
        QVERIFY2(r.result.exitCode == 1,
                 qPrintable(QString::number(r.result.exitCode) + r.result.err + r.result.out));
        const QString said = r.result.err + r.result.out;
        QVERIFY2(said.contains(expected), qPrintable(said));
        QVERIFY2(said.contains(QFileInfo(file).fileName()), qPrintable(said));
        QCOMPARE(state(m_db), m_before);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = path("county.sqlite");
        // The project, with one layer imported from a whole Shapefile: the same file with its
        // parts damaged is what the tests below refuse.
        QVERIFY(writeShapefile(path("good.shp"), {"工业用地", "村庄", "水田"}));
        const auto r =
            runPlanlines({"import", path("good.shp"), "--db", m_db, "--role", "context", "--json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        const auto l = QJsonDocument::fromJson(r.out.toUtf8())["files"][0]["layers"][0];
        QCOMPARE(l["read"].toInt(), kFeatures);
        QCOMPARE(l["written"].toInt(), kFeatures);
        QCOMPARE(l["warnings"].toArray().size(), 0);
        m_before = state(m_db);
        QVERIFY2(m_before.contains("ok|"), qPrintable(m_before));
    }

    // --- 1. files that make the import read other files -------------------------------------

    void sqliteVirtualTableIsRefused()
    {
        // A VirtualText table over /etc/passwd, written into the schema as an attacker would
        // (no SpatiaLite needed to write it; GDAL loads SpatiaLite, which would read it).
        const QString file = path("passwd.sqlite");
        QVERIFY(sqlite(file, "CREATE TABLE t(id INTEGER PRIMARY KEY);"
                             "PRAGMA writable_schema = ON;"
                             "INSERT INTO sqlite_master VALUES('table', 'passwd', 'passwd', 0, "
                             "'CREATE VIRTUAL TABLE passwd USING VirtualText(''/etc/passwd'', "
                             "''UTF-8'', 0, POINT, NONE, '','')');"));
        refused(file, QStringLiteral("the database declares the virtual table passwd (module "
                                     "VirtualText), which can read other files; only R*Tree and "
                                     "SpatiaLite index virtual tables are accepted"));

        // Comments, quotes and a .db name change nothing.
        const QString db = path("shapes.db");
        QVERIFY(sqlite(db, "CREATE TABLE t(id INTEGER PRIMARY KEY);"
                           "PRAGMA writable_schema = ON;"
                           "INSERT INTO sqlite_master VALUES('table', 'elsewhere', 'elsewhere', "
                           "0, 'create /* x */ virtual  table \"elsewhere\" using "
                           "\"VirtualShape\"(''/tmp/other'', ''UTF-8'', 4548)');"));
        refused(db, QStringLiteral("virtual table elsewhere (module VirtualShape)"));

        // The check's site reader goes through the same guard.
        const Timed c = timed({"check", file, "--db", m_db});
        QVERIFY(c.ms < kBoundMs);
        QVERIFY2(c.result.exitCode != 0 && c.result.err.contains("module VirtualText"),
                 qPrintable(c.result.err + c.result.out));
        QCOMPARE(state(m_db), m_before);
    }

    void spatialiteDatabaseStillImports()
    {
        // SpatiaLite's own virtual tables (SpatialIndex, KNN, ElementaryGeometries) and the
        // R*Tree index of a normal database are accepted.
        QDir(m_dir.path()).mkpath("spatialite");
        const QString file = path("spatialite/parcels.sqlite");
        QVERIFY(writeSpatialite(file));
        const QString db = path("spatialite/project.sqlite");
        const auto r = runPlanlines({"import", file, "--db", db, "--role", "context", "--json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        QCOMPARE(
            QJsonDocument::fromJson(r.out.toUtf8())["files"][0]["layers"][0]["written"].toInt(), 1);
    }

    void seamlessTabPastTheFirstBlockIsRefused()
    {
        const QString file = path("seamless.tab");
        QByteArray tab = "!table\n!version 300\n!charset Neutral\n";
        tab += QByteArray(70000, '\n');
        tab += "\"\\IsSeamless\" = \"TRUE\"\nDefinition Table\n  Type NATIVE Charset "
               "\"Neutral\"\n  Fields 1\n    Table Char (100) ;\n";
        QVERIFY(writeAll(file, tab));
        refused(file, QStringLiteral("MapInfo seamless or view tables refer to other files and "
                                     "are not imported"));
        const QString big = path("big.tab");
        QVERIFY(writeAll(big, "!table\n" + QByteArray(2 << 20, ' ')));
        refused(big, QStringLiteral("is over 1 MiB, which no MapInfo .tab header is"));
    }

    // --- 2. damaged files that used to import in part, silently -------------------------------

    void truncatedDbfIsRefused()
    {
        const QString shp = path("truncdbf.shp");
        copyShapefile(path("good.shp"), shp);
        const QByteArray dbf = readAll(path("truncdbf.dbf"));
        const int header = le16(dbf, 8), record = le16(dbf, 10);
        QVERIFY(writeAll(path("truncdbf.dbf"), dbf.left(header + 2 * record)));
        refused(shp, QStringLiteral("the .dbf is truncated: its header declares 20 records, the "
                                    "file holds 2"));
    }

    void dbfHeaderLengthDamageIsRefused()
    {
        const QString shp = path("dbfheader.shp");
        copyShapefile(path("good.shp"), shp);
        QByteArray dbf = readAll(path("dbfheader.dbf"));
        // Two fields: 32 + 2 × 32 + 1 = 97 bytes. Say 65: GDAL then sees one field.
        QCOMPARE(le16(dbf, 8), std::uint16_t(97));
        dbf[8] = char(65);
        QVERIFY(writeAll(path("dbfheader.dbf"), dbf));
        refused(shp, QStringLiteral("the .dbf header is damaged: it describes 2 fields, but its "
                                    "header length (65 bytes) lets 1 of them be read"));
    }

    void shxPointingAtOneRecordIsRefused()
    {
        const QString shp = path("oneshape.shp");
        copyShapefile(path("good.shp"), shp);
        QByteArray shx = readAll(path("oneshape.shx"));
        QCOMPARE(shx.size(), 100 + 8 * kFeatures);
        for (int i = 1; i < kFeatures; ++i)
            for (int b = 0; b < 8; ++b)
                shx[100 + 8 * i + b] = shx[100 + b];
        QVERIFY(writeAll(path("oneshape.shx"), shx));
        refused(shp, QStringLiteral("the .shx points shapes 0 and 1 at the same .shp record "
                                    "(offset 100)"));
    }

    void corruptShapeRecordIsRefused()
    {
        // Shape 2 claims 100000 parts in a 136-byte record: GDAL says so (CE_Failure) and
        // hands the feature on without its geometry, which used to import the other 19.
        const QString shp = path("corrupt.shp");
        copyShapefile(path("good.shp"), shp);
        const QByteArray shx = readAll(path("corrupt.shx"));
        const int record =
            2 * ((std::uint8_t(shx[100 + 16]) << 24) | (std::uint8_t(shx[100 + 17]) << 16) |
                 (std::uint8_t(shx[100 + 18]) << 8) | std::uint8_t(shx[100 + 19]));
        QByteArray bytes = readAll(shp);
        // Record header (8 bytes), then shape type, box (4 doubles), nParts little-endian.
        const int nParts = record + 8 + 4 + 32;
        QCOMPARE(bytes.mid(nParts, 4), QByteArray("\x01\0\0\0", 4));
        bytes.replace(nParts, 4, QByteArray("\xa0\x86\x01\0", 4)); // 100000
        QVERIFY(writeAll(shp, bytes));
        refused(shp, QStringLiteral("corrupt.shp, layer corrupt: the layer cannot be read whole: "
                                    "GDAL reported 1 read error (first: Corrupted .shp file : "
                                    "shape 2, nPoints=5, nParts=100000"));

        // The check reads sites through its own loop: the damaged layer is not checked in part.
        const Timed c = timed({"check", shp, "--db", m_db});
        QVERIFY(c.ms < kBoundMs);
        QVERIFY2(c.result.exitCode == 1 &&
                     c.result.err.contains(QStringLiteral(
                         "layer corrupt: the layer cannot be read whole: GDAL reported 1 read "
                         "error (first: Corrupted .shp file : shape 2")) &&
                     c.result.err.contains(QStringLiteral("none of its sites is checked")),
                 qPrintable(c.result.err + c.result.out));
        QVERIFY2(c.result.err.contains(QStringLiteral("no site could be read: ")),
                 qPrintable(c.result.err));
        QCOMPARE(c.result.out, QString()); // no site of the damaged layer was checked
        QCOMPARE(state(m_db), m_before);
    }

    void truncatedDxfIsRefused()
    {
        // The whole drawing imports its five squares; cut inside the second, it is refused.
        QDir(m_dir.path()).mkpath("dxf");
        const QString whole = path("dxf/squares.dxf");
        QVERIFY(writeAll(whole, dxf(5)));
        const QString db = path("dxf/project.sqlite");
        const auto r = runPlanlines(
            {"import", whole, "--db", db, "--role", "context", "--json", "--srs", "EPSG:4548"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        QCOMPARE(
            QJsonDocument::fromJson(r.out.toUtf8())["files"][0]["layers"][0]["written"].toInt(), 5);
        const QByteArray full = dxf(5);
        const QString cut = path("cut.dxf");
        QVERIFY(writeAll(
            cut, full.left(full.indexOf("LWPOLYLINE", full.indexOf("LWPOLYLINE") + 1) + 40)));
        refused(cut, QStringLiteral("the drawing is truncated: it does not end with the DXF "
                                    "end-of-file marker"));
    }

    void cpgContradictedByTheTextIsReadAsUtf8AndWarned()
    {
        QDir(m_dir.path()).mkpath("cpg");
        const QString shp = path("cpg/landuse.shp");
        QVERIFY(writeShapefile(shp, {"工业用地", "村庄", "水田"}));
        QVERIFY(writeAll(path("cpg/landuse.cpg"), "GBK"));
        const QString db = path("cpg/project.sqlite");
        const auto r = runPlanlines({"import", shp, "--db", db, "--role", "context", "--json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        const auto l = QJsonDocument::fromJson(r.out.toUtf8())["files"][0]["layers"][0];
        QCOMPARE(l["encoding"]["name"].toString(), QStringLiteral("UTF-8"));
        const auto warnings = l["warnings"].toArray();
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings[0]["reason"].toString().startsWith(QStringLiteral(
                     "encoding: the .cpg says GBK (GBK), but the attribute text is valid UTF-8 "
                     "holding Chinese characters")),
                 qPrintable(warnings[0]["reason"].toString()));
        auto project = Project::open(db.toStdString(), true);
        auto st = project->db().prepare("SELECT NAME FROM " +
                                        quoteIdentifier(project->layer("landuse")->table) +
                                        " ORDER BY CODE LIMIT 3");
        QStringList names;
        while (st.step())
            names << QString::fromStdString(st.text(0));
        QCOMPARE(names, QStringList({"工业用地", "村庄", "水田"}));
    }

    // --- 4. what is not a regular file --------------------------------------------------------

    void fifoIsRefusedAtOnce()
    {
        const QString fifo = path("pipe.shp");
        QCOMPARE(::mkfifo(fifo.toUtf8().constData(), 0600), 0);
        QVERIFY(writeAll(path("pipe.dbf"), "x"));
        refused(fifo, QStringLiteral("the path is a FIFO (named pipe), not a regular file"));
        const Timed c = timed({"check", fifo, "--db", m_db});
        QVERIFY2(c.ms < kBoundMs, qPrintable(QString::number(c.ms)));
        QVERIFY2(c.result.exitCode != 0 && c.result.err.contains("FIFO (named pipe)"),
                 qPrintable(c.result.err));

        // A sidecar that is a FIFO blocks as surely (the .cpg is read for the encoding).
        QDir(m_dir.path()).mkpath("side");
        const QString shp = path("side/parcels.shp");
        copyShapefile(path("good.shp"), shp);
        QFile::remove(path("side/parcels.cpg"));
        QCOMPARE(::mkfifo(path("side/parcels.cpg").toUtf8().constData(), 0600), 0);
        refused(shp, QStringLiteral("the file parcels.cpg beside it is a FIFO (named pipe)"));

        // And a FIFO among a File Geodatabase's entries.
        QDir(m_dir.path()).mkpath("fifo.gdb");
        QVERIFY(writeAll(path("fifo.gdb/gdb"), "x"));
        QCOMPARE(::mkfifo(path("fifo.gdb/a00000001.gdbtable").toUtf8().constData(), 0600), 0);
        refused(path("fifo.gdb"),
                QStringLiteral("its entry a00000001.gdbtable is a FIFO (named pipe)"));
    }

    // --- 3. a full disk -----------------------------------------------------------------------

    void saveFileOnAFileSizeLimitLeavesTheOldFile()
    {
        // RLIMIT_FSIZE works for any user: a write past it fails with EFBIG, as on a full disk.
        QDir(m_dir.path()).mkpath("limit");
        const QString target = path("limit/report.csv");
        QVERIFY(writeAll(target, "old"));
        int pipeFd[2];
        QCOMPARE(::pipe(pipeFd), 0);
        const pid_t child = ::fork();
        if (child == 0) {
            ::close(pipeFd[0]);
            std::signal(SIGXFSZ, SIG_IGN);
            const rlimit limit{4096, 4096};
            ::setrlimit(RLIMIT_FSIZE, &limit);
            std::string message = "no error";
            try {
                saveFile(target.toStdString(), std::string(100000, 'x'));
            } catch (const Error &e) {
                message = e.what();
            }
            (void)!::write(pipeFd[1], message.data(), message.size());
            ::_exit(0);
        }
        ::close(pipeFd[1]);
        char buffer[512] = {};
        const ssize_t n = ::read(pipeFd[0], buffer, sizeof buffer - 1);
        ::close(pipeFd[0]);
        int status = 0;
        ::waitpid(child, &status, 0);
        QVERIFY(n > 0);
        QCOMPARE(QString::fromUtf8(buffer), target + ": cannot write: File too large");
        QCOMPARE(readAll(target), QByteArray("old"));
        QCOMPARE(leftovers(path("limit"), {"report.csv"}), QStringList());
    }

    void checkReportOnAFullDiskFailsAndLeavesNothing()
    {
        // The command itself on a really full filesystem: a tiny tmpfs, filled. Mounting needs
        // root (CI runs as root).
        if (::geteuid() != 0)
            QSKIP("mounting a small full filesystem needs root; saveFile's own test covers "
                  "the failure path with RLIMIT_FSIZE");
        const QString db = path("check.sqlite");
        QVERIFY(QFile::copy(QStringLiteral(PLANLINES_SAMPLE_DB), db));
        const QString mnt = path("full");
        QDir().mkpath(mnt);
        if (::mount("tmpfs", mnt.toUtf8().constData(), "tmpfs", 0, "size=64k") != 0)
            QSKIP(qPrintable("cannot mount a tmpfs here: " +
                             QString::fromLocal8Bit(std::strerror(errno))));
        struct Unmount
        {
            QString dir;
            ~Unmount() { ::umount(dir.toUtf8().constData()); }
        } unmount{mnt};
        {
            QFile filler(mnt + "/filler");
            QVERIFY(filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
            const QByteArray block(4096, 'f');
            while (filler.write(block) == block.size()) {
            }
        }
        const QString site = QStringLiteral("高苑新能源汇集站");
        for (const QString &out :
             {mnt + "/report.pdf", mnt + "/report.html", mnt + "/report.odt"}) {
            const Timed r = timed({"check", "--db", db, "--site", site, "--report", out});
            QCOMPARE(r.result.exitCode, 1);
            QVERIFY2(r.result.err.contains(out + ": cannot write: No space left on device"),
                     qPrintable(r.result.err));
        }
        const Timed csv = timed({"check", "--db", db, "--all-sites", "--csv", mnt + "/all.csv"});
        QCOMPARE(csv.result.exitCode, 1);
        QVERIFY2(csv.result.err.contains(mnt + "/all.csv: cannot write: No space left on device"),
                 qPrintable(csv.result.err));
        QCOMPARE(leftovers(mnt, {"filler"}), QStringList());
    }

    void checkOutputToAFullDeviceFails()
    {
        const QString db = path("stdout.sqlite");
        QVERIFY(QFile::copy(QStringLiteral(PLANLINES_SAMPLE_DB), db));
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("PLANLINES_DB"));
        p.setProcessEnvironment(env);
        p.setStandardOutputFile(QStringLiteral("/dev/full"));
        p.start(QStringLiteral(PLANLINES_BIN),
                {"check", "--db", db, "--site", QStringLiteral("高苑新能源汇集站"), "--json"});
        QVERIFY(p.waitForFinished(int(kBoundMs)));
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(QString::fromUtf8(p.readAllStandardError())
                     .contains("cannot write the result to standard output"),
                 "");
    }
};

QTEST_GUILESS_MAIN(HostileTest)
#include "hostiletest.moc"
