// `planlines check` on a copy of the sample county: the JSON a script reads, the exit codes,
// records listed and reopened, a site file in another CRS, the CSV table, the PDF and HTML
// report (reporttest.cpp reads the review report figure by figure), and the messages for bad
// input.
#include "clirun.h"

#include <geodata/area.h>
#include <geodata/check/checkrecords.h>
#include <geodata/database.h>
#include <geodata/project.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace planlines::geodata;
using planlines::geodata::check::CheckRecords;

class CheckCliTest : public QObject
{
    Q_OBJECT
    QTemporaryDir dir;
    QString db;

    static QJsonObject parse(const CliResult &r)
    {
        QJsonParseError e{};
        const auto doc = QJsonDocument::fromJson(r.out.toUtf8(), &e);
        if (e.error != QJsonParseError::NoError)
            qWarning() << "not JSON:" << r.out.left(300) << r.err;
        return doc.object();
    }

    // A file of the test's folder with this text; its path.
    QString writeFile(const QString &name, const char *text)
    {
        const QString path = dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(text) < 0)
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

private slots:
    void initTestCase()
    {
        db = dir.filePath(QStringLiteral("gaoqing.sqlite"));
        QVERIFY(QFile::copy(QStringLiteral(PLANLINES_SAMPLE_DB), db));
    }

    void oneSiteJson()
    {
        const auto r = runPlanlines(
            {"check", "--db", db, "--site", QStringLiteral("通威农光互补光伏发电项目"), "--json"});
        QCOMPARE(r.exitCode, 4); // fail
        const QJsonObject o = parse(r);
        QCOMPARE(o.value("verdict").toString(), QStringLiteral("fail"));
        QVERIFY(o.value("record_id").toInteger() > 0);
        QCOMPARE(o.value("rules_version").toString(), QStringLiteral("2024.1-sample"));
        QCOMPARE(o.value("layer_versions")
                     .toObject()
                     .value("landuse")
                     .toArray()
                     .at(0)
                     .toObject()
                     .value("layer")
                     .toString(),
                 QStringLiteral("地类图斑"));
        const QJsonObject site = o.value("site").toObject();
        QCOMPARE(site.value("name").toString(), QStringLiteral("通威农光互补光伏发电项目"));
        QCOMPARE(site.value("industry").toString(), QStringLiteral("D4416"));
        const double m2 = site.value("area_m2").toDouble();
        QVERIFY(m2 > 0);
        QVERIFY(std::abs(site.value("area_mu").toDouble() - m2ToMu(m2)) < 1e-4);
        QVERIFY(std::abs(site.value("area_ha").toDouble() - m2ToHa(m2)) < 1e-4);
        // The site's area equals SpatiaLite's figure for the stored feature.
        auto p = Project::open(db.toStdString(), true);
        const double sql = std::get<double>(*p->db().scalar(
            "SELECT ST_Area(geom) FROM site WHERE XMMC = '通威农光互补光伏发电项目'"));
        QVERIFY2(std::abs(m2 - sql) <= 0.01, qPrintable(QString::number(m2 - sql)));
        bool farmland = false;
        QSet<qint64> farmlandFids;
        for (const auto &v : o.value("overlaps").toArray()) {
            const QJsonObject ov = v.toObject();
            for (const char *k : {"role", "area_m2", "area_mu", "area_ha", "share", "features"})
                QVERIFY2(ov.contains(k), k);
            if (ov.value("role").toString() == QLatin1String("basic_farmland")) {
                farmland = ov.value("area_m2").toDouble() > 0;
                const QJsonObject f = ov.value("features").toArray().at(0).toObject();
                for (const char *k : {"code", "name", "area_m2"})
                    QVERIFY2(f.contains(k), k);
                for (const auto &fv : ov.value("features").toArray())
                    farmlandFids.insert(fv.toObject().value("fid").toInteger());
            }
        }
        QVERIFY(farmland);
        for (const auto &v : o.value("landuse").toArray())
            for (const char *k : {"dlbm", "dlmc", "area_m2", "area_mu"})
                QVERIFY2(v.toObject().contains(k), k);
        QVERIFY(!o.value("control_units").toArray().isEmpty());
        bool ruleFound = false;
        for (const auto &v : o.value("rules").toArray()) {
            const QJsonObject rule = v.toObject();
            for (const char *k : {"id", "status", "text", "value"})
                QVERIFY2(rule.contains(k), k);
            if (rule.value("id").toString() == QLatin1String("basic_farmland.occupy")) {
                ruleFound = true;
                QCOMPARE(rule.value("status").toString(), QStringLiteral("fail"));
                QVERIFY(rule.value("text").toString().startsWith(
                    QStringLiteral("选址占用永久基本农田")));
                // The features that caused it, named (their areas are in the overlaps).
                QSet<qint64> ruleFids;
                for (const auto &fv : rule.value("features").toArray()) {
                    const QJsonObject f = fv.toObject();
                    QCOMPARE(f.keys(), (QStringList{"code", "fid", "layer", "name"}));
                    QCOMPARE(f.value("layer").toString(), QStringLiteral("永久基本农田"));
                    ruleFids.insert(f.value("fid").toInteger());
                }
                QCOMPARE(ruleFids, farmlandFids);
            }
        }
        QVERIFY(ruleFound);
    }

    void exitCodesAndOverrides()
    {
        // A clean site passes with 0; the same site as a chemical plant fails with 4.
        QCOMPARE(runPlanlines({"check", "--db", db, "--site", QStringLiteral("县直幼儿园新建工程")})
                     .exitCode,
                 0);
        const auto chem =
            runPlanlines({"check", "--db", db, "--site", QStringLiteral("县直幼儿园新建工程"),
                          "--industry", "C2614", "--use", QStringLiteral("工业用地"), "--json"});
        QCOMPARE(chem.exitCode, 4);
        bool chemical = false;
        for (const auto &v : parse(chem).value("rules").toArray())
            chemical |=
                v.toObject().value("id").toString() == QLatin1String("chemical.outside_park") &&
                v.toObject().value("status").toString() == QLatin1String("fail");
        QVERIFY(chemical);
        QCOMPARE(runPlanlines({"check", "--db", db, "--site", QStringLiteral("高苑新能源汇集站")})
                     .exitCode,
                 3);
    }

    void allSitesSummaryAndCsv()
    {
        const QString csv = dir.filePath(QStringLiteral("sites.csv"));
        const auto r = runPlanlines({"check", "--db", db, "--all-sites", "--json", "--csv", csv});
        QCOMPARE(r.exitCode, 4);
        const QJsonObject o = parse(r);
        const QJsonArray results = o.value("results").toArray();
        auto p = Project::open(db.toStdString(), true);
        const auto n = std::get<std::int64_t>(*p->db().scalar("SELECT count(*) FROM site"));
        QCOMPARE(results.size(), static_cast<qsizetype>(n));
        // Streamed one result a line, each the record's stored document with its record_id.
        QCOMPARE(r.out.count(QLatin1Char('\n')), n + 2);
        for (const auto &v : results) {
            QJsonObject shown = v.toObject();
            const qint64 id = shown.take("record_id").toInteger();
            QVERIFY(id > 0);
            QCOMPARE(shown, CheckRecords::load(*p, id)->result);
        }
        const QJsonObject summary = o.value("summary").toObject();
        QCOMPARE(summary.value("sites").toInt(), static_cast<int>(n));
        QCOMPARE(summary.value("pass").toInt() + summary.value("attention").toInt() +
                     summary.value("fail").toInt(),
                 static_cast<int>(n));
        const auto clean = std::get<std::int64_t>(
            *p->db().scalar("SELECT count(*) FROM site WHERE YQJG = 'pass'"));
        QCOMPARE(summary.value("pass").toInt(), static_cast<int>(clean));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().split('\n');
        QVERIFY(lines[0].startsWith("\xEF\xBB\xBFsite,industry,use,verdict,area_m2"));
        QCOMPARE(lines.size() - 2, static_cast<qsizetype>(n)); // header, rows, final empty
    }

    void listAndReopenRecords()
    {
        const auto one = parse(runPlanlines(
            {"check", "--db", db, "--site", QStringLiteral("城市书房建设项目"), "--json"}));
        const qint64 id = one.value("record_id").toInteger();
        QVERIFY(id > 0);
        const auto list = parse(runPlanlines({"check", "--db", db, "--list", "--json"}));
        QCOMPARE(list.value("records").toArray().at(0).toObject().value("record_id").toInteger(),
                 id);
        QCOMPARE(list.value("records").toArray().at(0).toObject().value("site").toString(),
                 QStringLiteral("城市书房建设项目"));
        const auto again =
            runPlanlines({"check", "--db", db, "--record", QString::number(id), "--json"});
        QCOMPARE(again.exitCode, 0);
        const QJsonObject rec = parse(again);
        QCOMPARE(rec.value("reproduced").toBool(), true);
        QCOMPARE(rec.value("verdict").toString(), one.value("verdict").toString());
        QCOMPARE(rec.value("rules").toArray(), one.value("rules").toArray());
        QVERIFY(!rec.value("created_by").toString().isEmpty());
        const auto missing = runPlanlines({"check", "--db", db, "--record", "999999"});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QStringLiteral("no check record 999999")),
                 qPrintable(missing.err));
    }

    void olderRecordsAreComparedByWhatTheyHold()
    {
        // A record written by an earlier PlanLines (in result_json, without the members the
        // review report added): reproduced when every member it holds is the same, with what
        // it lacks named; a changed figure is named where it differs.
        const auto one = parse(runPlanlines(
            {"check", "--db", db, "--site", QStringLiteral("城市书房建设项目"), "--json"}));
        const qint64 id = one.value("record_id").toInteger();
        QVERIFY(one.contains("landuse_detail") && one.contains("farmland"));
        auto rewrite = [&](const QJsonObject &result) {
            auto p = Project::open(db.toStdString());
            const QJsonObject stored = CheckRecords::load(*p, id)->result;
            QJsonObject old = stored;
            for (auto it = result.begin(); it != result.end(); ++it)
                old.insert(it.key(), it.value());
            old.remove("landuse_detail");
            old.remove("farmland");
            Statement(p->db(), "UPDATE check_records SET result_json = ?, result_zstd = NULL "
                               "WHERE id = ?")
                .bindAll(QJsonDocument(old).toJson(QJsonDocument::Compact).toStdString(),
                         std::int64_t(id))
                .run();
        };
        rewrite({});
        QJsonObject rec =
            parse(runPlanlines({"check", "--db", db, "--record", QString::number(id), "--json"}));
        QCOMPARE(rec.value("reproduced").toBool(), true);
        QCOMPARE(rec.value("reproduced_note").toString(),
                 QStringLiteral("the record is of an older format: every member it holds is the "
                                "same; it lacks farmland, landuse_detail"));
        const auto text = runPlanlines({"check", "--db", db, "--record", QString::number(id)});
        QVERIFY2(text.out.contains(QStringLiteral("重新检查结果一致 (the record is of an older "
                                                  "format")),
                 qPrintable(text.out));

        QVERIFY(one.value("verdict_zh").toString() != QStringLiteral("不符合"));
        rewrite({{"verdict_zh", QStringLiteral("不符合")}});
        rec = parse(runPlanlines({"check", "--db", db, "--record", QString::number(id), "--json"}));
        QCOMPARE(rec.value("reproduced").toBool(), false);
        QCOMPARE(rec.value("reproduced_note").toString(),
                 QStringLiteral("the result differs at verdict_zh"));
    }

    void siteFileInLongitudeLatitude()
    {
        // A GeoJSON site in CGCS2000 degrees (the sample's 县直幼儿园 area), transformed on read.
        const QString path = writeFile(
            QStringLiteral("site.geojson"),
            R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4490"}},
"features":[{"type":"Feature","properties":{"XMMC":"文件选址","HYDM":"C2614","GHYT":"工业用地"},
"geometry":{"type":"Polygon","coordinates":[[[117.70,37.12],[117.71,37.12],[117.71,37.13],[117.70,37.13],[117.70,37.12]]]}}]})");
        const auto r = runPlanlines({"check", path, "--db", db, "--json"});
        QVERIFY2(r.exitCode == 4 || r.exitCode == 3, qPrintable(r.err));
        const QJsonObject o = parse(r);
        QCOMPARE(o.value("site").toObject().value("name").toString(), QStringLiteral("文件选址"));
        // About 0.01° × 0.01° at 37.1°N: 887 m × 1 112 m.
        const double m2 = o.value("site").toObject().value("area_m2").toDouble();
        QVERIFY2(m2 > 0.97e6 && m2 < 1.0e6, qPrintable(QString::number(m2)));
    }

    // A self-intersecting site in a file is checked, repaired by the check, and the result and
    // the text say so; the record keeps the site as the file gave it.
    void bowTieSiteInAFile()
    {
        // Edges crossing at (587200, 4116200); MakeValid gives two triangles of 40 000 m².
        const QString path = writeFile(
            QStringLiteral("bowtie.geojson"),
            R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4548"}},
"features":[{"type":"Feature","properties":{"XMMC":"领结选址","HYDM":"C3490","GHYT":"工业用地"},
"geometry":{"type":"Polygon","coordinates":[[[587000,4116000],[587400,4116400],[587400,4116000],[587000,4116400],[587000,4116000]]]}}]})");
        const auto r = runPlanlines({"check", path, "--db", db, "--json"});
        QVERIFY2(r.exitCode == 4 || r.exitCode == 3 || r.exitCode == 0, qPrintable(r.err));
        const QJsonObject site = parse(r).value("site").toObject();
        QCOMPARE(site.value("area_m2").toDouble(), 80000.0);
        const QJsonArray repairs = site.value("repairs").toArray();
        QCOMPARE(repairs.size(), 1);
        QCOMPARE(
            repairs.at(0).toString(),
            QStringLiteral("site: Self-intersection[587200 4116200]; repaired with MakeValid"));
        const auto text = runPlanlines({"check", path, "--db", db});
        QVERIFY2(text.out.contains(QStringLiteral(
                     "修复: 选址：自相交（位于 587200, 4116200），已用 MakeValid 修复")),
                 qPrintable(text.out));
        // The record keeps the bow-tie itself (five points), not the repaired triangles.
        auto project = Project::open(db.toStdString(), /*readOnly=*/true);
        const auto wkb = project->db().scalar(
            "SELECT AsText(GeomFromWKB(site_wkb)) FROM check_records ORDER BY id DESC LIMIT 1");
        QVERIFY(wkb && std::holds_alternative<std::string>(*wkb));
        QCOMPARE(QString::fromStdString(std::get<std::string>(*wkb)),
                 QStringLiteral("MULTIPOLYGON(((587000 4116000, 587400 4116400, 587400 4116000, "
                                "587000 4116400, 587000 4116000)))"));
    }

    void reports()
    {
        const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
        const QString html = dir.filePath(QStringLiteral("report.html"));
        QCOMPARE(runPlanlines({"check", "--db", db, "--site", QStringLiteral("高苑新能源汇集站"),
                               "--report", pdf})
                     .exitCode,
                 3);
        QFile f(pdf);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.read(5) == "%PDF-");
        QVERIFY(f.size() > 20000); // a map image is in it
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        QVERIFY(text.waitForFinished(60000));
        // The text as written, exactly: no Kangxi radicals (⾼ for 高), no digits left out.
        const QString words = QString::fromUtf8(text.readAllStandardOutput());
        auto has = [&](const QString &s) { return words.contains(s); };
        QVERIFY2(has(QStringLiteral("审查结论：需关注")), qPrintable(words.left(400)));
        QVERIFY(has(QStringLiteral("建设项目用地预审与选址合规性分析报告")));
        QVERIFY(has(QStringLiteral("高苑新能源汇集站")));
        QVERIFY(has(QStringLiteral("需关注：占用耕地须落实占补平衡")));
        // (A long value may wrap: compared without the line breaks.)
        QVERIFY2(QString(words)
                     .remove(QRegularExpression(QStringLiteral("\\s")))
                     .contains(QStringLiteral("D4420电力供应（电力、热力、燃气及水生产和供应业·44"
                                              "电力、热力生产和供应业）")),
                 qPrintable(words.left(1200)));
        QVERIFY(has(QStringLiteral("高青县自然资源局")));
        // pdftotext reads the footer's narrow gaps as no space.
        QVERIFY(QString(words).remove(QLatin1Char(' ')).contains(QStringLiteral("第1页共")));
        for (const QChar c : words)
            QVERIFY2(c.unicode() < 0x2E80 || c.unicode() > 0x2FDF,
                     qPrintable(QStringLiteral("radical %1 in the text").arg(c)));
        QCOMPARE(runPlanlines({"check", "--db", db, "--site", QStringLiteral("高苑新能源汇集站"),
                               "--report", html})
                     .exitCode,
                 3);
        QFile h(html);
        QVERIFY(h.open(QIODevice::ReadOnly));
        const QString page = QString::fromUtf8(h.readAll());
        // The words as a reader sees them (the markup around them is the writer's).
        const QString shown = QString(page).remove(QRegularExpression(QStringLiteral("<[^>]*>")));
        QVERIFY(shown.contains(QStringLiteral("审查结论：需关注")));
        QVERIFY(page.contains(QStringLiteral("data:image/png;base64,")));
        QVERIFY(QString(shown)
                    .remove(QRegularExpression(QStringLiteral("\\s")))
                    .contains(QStringLiteral("0102水浇地")));
    }

    void badInput()
    {
        const auto none = runPlanlines({"check", "--db", db});
        QCOMPARE(none.exitCode, 2);
        QVERIFY(none.err.contains(QStringLiteral("give exactly one of FILE, --site, --all-sites")));
        const auto noSite =
            runPlanlines({"check", "--db", db, "--site", QStringLiteral("没有这个项目")});
        QCOMPARE(noSite.exitCode, 1);
        QVERIFY2(noSite.err.contains(QStringLiteral("no site named or numbered '没有这个项目'")),
                 qPrintable(noSite.err));
        const QString junk = writeFile(QStringLiteral("junk.geojson"), "{ not json");
        const auto bad = runPlanlines({"check", junk, "--db", db});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains(QStringLiteral("junk.geojson")), qPrintable(bad.err));
        const auto rules = runPlanlines({"check", "--db", db, "--all-sites", "--rules", junk});
        QCOMPARE(rules.exitCode, 1);
        QVERIFY2(rules.err.contains(QStringLiteral("not valid JSON")), qPrintable(rules.err));
        const auto report = runPlanlines({"check", "--db", db, "--all-sites", "--report", "x.doc"});
        QCOMPARE(report.exitCode, 2);
        QVERIFY(report.err.contains(QStringLiteral("--report needs a .pdf, .odt, .html or .xlsx")));
        const auto help = runPlanlines({"check", "--help"});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QStringLiteral("Usage: planlines check")));
        QVERIFY(help.out.contains(QStringLiteral("--all-sites")));
    }
};

QTEST_GUILESS_MAIN(CheckCliTest)
#include "checktest.moc"
