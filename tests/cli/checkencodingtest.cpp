// `planlines check FILE` reads a site's text as `planlines import` does: a GBK Shapefile
// without .cpg (language byte 0 or 0x4D), a GB18030 Shapefile with characters GBK lacks and a
// GBK CSV give the same verdict, name, industry, use and area as the same site in UTF-8
// GeoJSON; text the declared encoding cannot read, in a file or in the project's site layer,
// is an error naming where, never a pass.
#include "clirun.h"

#include "geodata/import/importfixtures.h"

#include <geodata/project.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <iconv.h>

using namespace planlines::geodata;

namespace {

// The site: inside the sample's 县直幼儿园 area (a site that passes as a kindergarten), in
// EPSG:4548, 60 m × 50 m = 3000 m². The name and note hold 燃煤锅炉, which fails the rule
// coal_boiler.dispersed only when the text is read as Chinese.
const char *const kWkt = "POLYGON((571850 4116620,571910 4116620,571910 4116670,"
                         "571850 4116670,571850 4116620))";
const QString kName = QStringLiteral("县直幼儿园燃煤锅炉房");
const QString kRareName = QStringLiteral("县直幼儿园燃煤锅炉房㙟𬌗䶮"); // not in GBK
const QString kIndustry = QStringLiteral("D4430");
const QString kUse = QStringLiteral("公用设施用地");
const QString kNote = QStringLiteral("新建燃煤锅炉一台");
constexpr double kAreaM2 = 3000.0;

// UTF-8 → encoding through glibc's iconv, not the code under test.
QByteArray encode(const QString &text, const char *encoding)
{
    QByteArray in = text.toUtf8();
    iconv_t cd = iconv_open(encoding, "UTF-8");
    if (cd == reinterpret_cast<iconv_t>(-1))
        qFatal("iconv cannot encode %s", encoding);
    QByteArray out(in.size() * 4 + 8, '\0');
    char *inPtr = in.data(), *outPtr = out.data();
    size_t inLeft = static_cast<size_t>(in.size()), outLeft = static_cast<size_t>(out.size());
    if (iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) == static_cast<size_t>(-1))
        qFatal("iconv cannot encode %s in %s", qPrintable(text), encoding);
    iconv_close(cd);
    out.truncate(out.size() - static_cast<qsizetype>(outLeft));
    return out;
}

} // namespace

class CheckEncodingTest : public QObject
{
    Q_OBJECT
    QTemporaryDir dir;
    QString db;
    QJsonObject reference; // the site as UTF-8 GeoJSON

    static QJsonObject parse(const CliResult &r)
    {
        QJsonParseError e{};
        const auto doc = QJsonDocument::fromJson(r.out.toUtf8(), &e);
        if (e.error != QJsonParseError::NoError)
            qWarning() << "not JSON:" << r.out.left(300) << r.err;
        return doc.object();
    }

    QString writeBytes(const QString &name, const QByteArray &bytes)
    {
        const QString path = dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    // A Shapefile in EPSG:4548 whose .dbf GDAL writes in `encoding`; then without .cpg and
    // with this language-driver byte, or with a .cpg saying `cpg`.
    QString writeShapefile(const QString &stem, const QString &name, const char *encoding,
                           char ldid, const QByteArray &cpg = {})
    {
        test::FixtureLayer l;
        l.layerName = stem.toStdString();
        l.epsg = 4548;
        l.fields = {
            {"XMMC", OFTString}, {"HYDM", OFTString}, {"GHYT", OFTString}, {"BZ", OFTString}};
        l.layerOptions = {std::string("ENCODING=") + encoding};
        l.features = {{kWkt,
                       {name.toStdString(), kIndustry.toStdString(), kUse.toStdString(),
                        kNote.toStdString()}}};
        const QString path = dir.filePath(stem + ".shp");
        std::string error;
        if (!test::writeFixture(path.toStdString(), l, &error))
            qFatal("fixture: %s", error.c_str());
        QFile::remove(dir.filePath(stem + ".cpg"));
        if (!cpg.isEmpty())
            writeBytes(stem + ".cpg", cpg);
        QFile dbf(dir.filePath(stem + ".dbf"));
        if (!dbf.open(QIODevice::ReadWrite) || !dbf.seek(29) || dbf.write(&ldid, 1) != 1)
            qFatal("fixture: cannot set the LDID");
        return path;
    }

    // The file checked gives what the GeoJSON gave, with this name.
    void compareWithReference(const QString &path, const QString &name,
                              const QStringList &extra = {})
    {
        const auto r = runPlanlines(QStringList{"check", path, "--db", db, "--json"} + extra);
        QVERIFY2(r.exitCode == 4, qPrintable(QString::number(r.exitCode) + r.err));
        const QJsonObject o = parse(r);
        QCOMPARE(o.value("verdict").toString(), reference.value("verdict").toString());
        QVERIFY(o.value("record_id").toInteger() > 0);
        const QJsonObject site = o.value("site").toObject();
        QCOMPARE(site.value("name").toString(), name);
        QCOMPARE(site.value("industry").toString(), kIndustry);
        QCOMPARE(site.value("use").toString(), kUse);
        QVERIFY2(std::abs(site.value("area_m2").toDouble() - kAreaM2) <= 0.01,
                 qPrintable(QString::number(site.value("area_m2").toDouble(), 'f', 3)));
        QCOMPARE(site.value("area_m2").toDouble(),
                 reference.value("site").toObject().value("area_m2").toDouble());
        QCOMPARE(ruleStatus(o, "coal_boiler.dispersed"), QStringLiteral("fail"));
        // The record holds the name as text.
        auto p = Project::open(db.toStdString(), true);
        const auto stored = p->db().scalar("SELECT site_name FROM check_records WHERE id = " +
                                           std::to_string(o.value("record_id").toInteger()));
        QVERIFY(stored && std::holds_alternative<std::string>(*stored));
        QCOMPARE(QString::fromStdString(std::get<std::string>(*stored)), name);
    }

    static QString ruleStatus(const QJsonObject &o, const char *id)
    {
        for (const auto &v : o.value("rules").toArray())
            if (v.toObject().value("id").toString() == QLatin1String(id))
                return v.toObject().value("status").toString();
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        db = dir.filePath(QStringLiteral("gaoqing.sqlite")); // check writes records
        QVERIFY(QFile::copy(QStringLiteral(PLANLINES_SAMPLE_DB), db));
        const QString geojson = writeBytes(
            QStringLiteral("site.geojson"),
            QString::fromUtf8(
                R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4548"}},
"features":[{"type":"Feature","properties":{"XMMC":"%1","HYDM":"%2","GHYT":"%3","BZ":"%4"},
"geometry":{"type":"Polygon","coordinates":[[[571850,4116620],[571910,4116620],[571910,4116670],[571850,4116670],[571850,4116620]]]}}]})")
                .arg(kName, kIndustry, kUse, kNote)
                .toUtf8());
        const auto r = runPlanlines({"check", geojson, "--db", db, "--json"});
        QVERIFY2(r.exitCode == 4, qPrintable(QString::number(r.exitCode) + r.err));
        reference = parse(r);
        QCOMPARE(reference.value("verdict").toString(), QStringLiteral("fail"));
        QCOMPARE(reference.value("site").toObject().value("name").toString(), kName);
        QVERIFY(std::abs(reference.value("site").toObject().value("area_m2").toDouble() -
                         kAreaM2) <= 0.01);
        QCOMPARE(ruleStatus(reference, "coal_boiler.dispersed"), QStringLiteral("fail"));
    }

    void gbkShapefileLanguageByteZero()
    {
        compareWithReference(writeShapefile("gbk0", kName, "CP936", 0), kName);
    }

    void gbkShapefileLanguageByte936()
    {
        compareWithReference(writeShapefile("gbk4d", kName, "CP936", 0x4D), kName);
    }

    void gb18030ShapefileWithCharactersGbkLacks()
    {
        compareWithReference(writeShapefile("gb18030", kRareName, "GB18030", 0), kRareName);
    }

    void gbkCsvWithWkt()
    {
        const QByteArray bytes = "WKT,XMMC,HYDM,GHYT,BZ\r\n\"" + QByteArray(kWkt) + "\"," +
                                 encode(kName, "GBK") + "," + kIndustry.toUtf8() + "," +
                                 encode(kUse, "GBK") + "," + encode(kNote, "GBK") + "\r\n";
        compareWithReference(writeBytes(QStringLiteral("gbk.csv"), bytes), kName,
                             {"--srs", "EPSG:4548"});
    }

    // A .cpg saying UTF-8 over GBK bytes: the bytes win (not UTF-8, well-formed GBK), so the
    // site reads as the GeoJSON does. Forced to follow the .cpg (--encoding UTF-8), the text
    // cannot be read: not a pass with unreadable text but exit 1 naming the file, the feature
    // and the field.
    void textTheDeclaredEncodingCannotRead()
    {
        const QString path = writeShapefile("wrongcpg", kName, "CP936", 0, "UTF-8");
        compareWithReference(path, kName);
        for (const QStringList &extra :
             {QStringList{"--encoding", "UTF-8"}, QStringList{"--encoding", "UTF-8", "--json"}}) {
            const auto r = runPlanlines(QStringList{"check", path, "--db", db} + extra);
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(path + ", layer wrongcpg, feature 0: field XMMC: invalid "
                                           "UTF-8 byte sequence at byte offset 0"),
                     qPrintable(r.err));
            QVERIFY2(r.err.contains(QStringLiteral("given by the user (UTF-8)")),
                     qPrintable(r.err));
            QVERIFY2(!r.out.contains(QLatin1String("record_id")), qPrintable(r.out));
        }
    }

    // A project's site layer holding bytes that are not UTF-8 (edited by another tool): that
    // site is not checked, and the message names the layer, feature and field.
    void projectSiteThatIsNotUtf8()
    {
        const QString copy = dir.filePath(QStringLiteral("edited.sqlite"));
        QVERIFY(QFile::copy(QStringLiteral(PLANLINES_SAMPLE_DB), copy));
        std::int64_t fid = 0, records = 0;
        {
            auto p = Project::open(copy.toStdString());
            records = std::get<std::int64_t>(*p->db().scalar("SELECT count(*) FROM check_records"));
            fid = std::get<std::int64_t>(
                *p->db().scalar("SELECT ROWID FROM site WHERE XMMC = '县直幼儿园新建工程'"));
            // 锅炉 in GBK (not UTF-8: 0xB9 cannot begin a sequence), stored as text.
            p->db().exec("UPDATE site SET XMMC = CAST(X'B9F8C2AF' AS TEXT) WHERE ROWID = " +
                         std::to_string(fid));
        }
        const auto r =
            runPlanlines({"check", "--db", copy, "--site", QString::number(fid), "--json"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral(", feature %1: field XMMC: invalid UTF-8 byte "
                                               "sequence at byte offset 0")
                                    .arg(fid)),
                 qPrintable(r.err));
        auto p = Project::open(copy.toStdString(), true);
        QCOMPARE(std::get<std::int64_t>(*p->db().scalar("SELECT count(*) FROM check_records")),
                 records);
    }
};

QTEST_GUILESS_MAIN(CheckEncodingTest)
#include "checkencodingtest.moc"
