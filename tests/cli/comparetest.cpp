// `planlines compare` on a copy of the sample county (地类图斑 v1 2023, v2 2024) with a further
// year v3 made from v2 (tests/geodata/landuse/secondyear.h), compared v2 → v3: the JSON schema
// and its sums against SpatiaLite SQL on v2, the CSV files and the XLSX sheets with their exact
// Chinese headers (read back with unzip), the stored change layer, and the errors people meet.
#include "clirun.h"

#include "geodata/landuse/secondyear.h"

#include <geodata/project.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace planlines::geodata;

namespace {
// The file's text; "" unless it starts with UTF-8's byte-order mark (QString::fromUtf8 drops
// the mark, so it is looked for in the bytes).
QString readUtf8(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = f.readAll();
    if (!bytes.startsWith("\xEF\xBB\xBF"))
        return {};
    return QString::fromUtf8(bytes.mid(3));
}

QString unzip(const QString &zip, const QString &member)
{
    QProcess p;
    p.start(QStringLiteral("unzip"), {QStringLiteral("-p"), zip, member});
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

bool cultivated(const QJsonValue &code)
{
    const QString c = code.toString();
    return c == QLatin1String("0101") || c == QLatin1String("0102") || c == QLatin1String("0103");
}
} // namespace

class CompareTest : public QObject
{
    Q_OBJECT
    QTemporaryDir dir;
    QString db;
    QStringList versions;

private slots:
    void initTestCase()
    {
        db = dir.filePath(QStringLiteral("gaoqing.sqlite"));
        QVERIFY(QFile::copy(QStringLiteral(PLANLINES_SAMPLE_DB), db));
        auto project = Project::open(db.toStdString());
        planlines::geodata::landuse::test::writeSecondYear(*project);
        versions = {QStringLiteral("compare"), QStringLiteral("--db"),     db,
                    QStringLiteral("--layer"), QStringLiteral("地类图斑"), QStringLiteral("--from"),
                    QStringLiteral("v2"),      QStringLiteral("--to"),     QStringLiteral("v3")};
    }

    void jsonCsvAndXlsx()
    {
        const QString csv = dir.filePath(QStringLiteral("csv"));
        const QString xlsx = dir.filePath(QStringLiteral("变化.xlsx"));
        const auto r =
            runPlanlines(versions + QStringList{QStringLiteral("--json"), QStringLiteral("--csv"),
                                                csv, QStringLiteral("--xlsx"), xlsx});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const QJsonArray matrix = o.value(QStringLiteral("matrix")).toArray();
        QVERIFY(matrix.size() > 20);
        double total = 0, outflow = 0;
        for (const auto &v : matrix) {
            const QJsonObject c = v.toObject();
            for (const char *k : {"from", "to", "area_m2", "area_mu", "area_ha"})
                QVERIFY2(c.contains(QLatin1String(k)), k);
            const double m2 = c.value(QStringLiteral("area_m2")).toDouble();
            QVERIFY(std::abs(c.value(QStringLiteral("area_mu")).toDouble() - m2 * 0.0015) <=
                    0.0001 + 0.01 * 0.0015);
            total += m2;
            if (cultivated(c.value(QStringLiteral("from"))) &&
                !cultivated(c.value(QStringLiteral("to"))))
                outflow += m2;
        }
        // Each cell is rounded to 0.01 m²: the sum may drift by half a cent per cell.
        auto project = Project::open(db.toStdString(), true);
        const double old =
            std::get<double>(*project->db().scalar("SELECT sum(ST_Area(geom)) FROM landuse_v2"));
        QVERIFY2(std::abs(total - old) <= 0.01 + 0.005 * matrix.size(),
                 qPrintable(QStringLiteral("%1 vs %2").arg(total, 0, 'f', 3).arg(old, 0, 'f', 3)));
        double listed = 0;
        for (const auto &v : o.value(QStringLiteral("outflow")).toArray()) {
            const QJsonObject c = v.toObject();
            for (const char *k : {"from", "to", "area_m2", "area_mu"})
                QVERIFY2(c.contains(QLatin1String(k)), k);
            listed += c.value(QStringLiteral("area_m2")).toDouble();
        }
        QVERIFY(outflow > 0);
        QVERIFY(std::abs(listed - outflow) < 0.01);
        QVERIFY(!o.value(QStringLiteral("inflow")).toArray().isEmpty());
        const QJsonArray townships = o.value(QStringLiteral("townships")).toArray();
        QCOMPARE(townships.size(), 9);
        QSet<QString> names;
        for (const auto &t : townships) {
            names.insert(t.toObject().value(QStringLiteral("name")).toString());
            QVERIFY(!t.toObject().value(QStringLiteral("matrix")).toArray().isEmpty());
        }
        QVERIFY(names.contains(QStringLiteral("青城镇")));
        // Some change polygons, however big the sample county was generated (the sanitizer
        // build makes one of 5 000 parcels).
        const int changes = o.value(QStringLiteral("changes")).toInt();
        QVERIFY2(changes > 10, qPrintable(QString::number(changes)));

        // CSV: UTF-8 with a byte-order mark, Chinese headers as staff read them.
        const QString level2 = readUtf8(csv + QStringLiteral("/matrix_level2.csv"));
        QVERIFY2(level2.startsWith(QStringLiteral("原地类＼现地类（亩）,0101 水田,")),
                 qPrintable(level2.left(200)));
        QCOMPARE(
            readUtf8(csv + QStringLiteral("/outflow.csv")).section(QStringLiteral("\r\n"), 0, 0),
            QStringLiteral("耕地地类,去向地类,面积（平方米）,面积（亩）"));
        QCOMPARE(
            readUtf8(csv + QStringLiteral("/transfer.csv")).section(QStringLiteral("\r\n"), 0, 0),
            QStringLiteral("乡镇代码,乡镇名称,原地类编码,原地类名称,现地类编码,"
                           "现地类名称,面积（平方米）,面积（亩）,面积（公顷）,"
                           "图斑地类面积分摊（平方米）"));
        const QString pieces = readUtf8(csv + QStringLiteral("/changes.csv"));
        QCOMPARE(pieces.count(QStringLiteral("\r\n")), changes + 1);
        QVERIFY(readUtf8(csv + QStringLiteral("/balance.csv"))
                    .contains(QStringLiteral("进出平衡是否落实")));

        // XLSX: the sheets in order, their headers inline in the sheet XML.
        const QString workbook = unzip(xlsx, QStringLiteral("xl/workbook.xml"));
        int at = 0;
        for (const char *sheet : {"转移矩阵_一级类", "转移矩阵_二级类", "转移明细", "耕地流出",
                                  "耕地流入", "进出平衡", "乡镇汇总", "控制线内变化", "变化图斑"}) {
            const int found =
                workbook.indexOf(QStringLiteral("name=\"%1\"").arg(QString::fromUtf8(sheet)));
            QVERIFY2(found > at, sheet);
            at = found;
        }
        const QString outflowSheet = unzip(xlsx, QStringLiteral("xl/worksheets/sheet4.xml"));
        for (const char *h : {"耕地地类", "去向地类", "面积（平方米）", "面积（亩）"})
            QVERIFY2(outflowSheet.contains(QString::fromUtf8(h)), h);
        QVERIFY(unzip(xlsx, QStringLiteral("xl/worksheets/sheet1.xml"))
                    .contains(QStringLiteral("01 耕地")));
    }

    void storesTheChangeLayer()
    {
        const auto r = runPlanlines(versions + QStringList{QStringLiteral("--store")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("变化图斑已存为图层 地类变化_v2_v3")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("耕地流出")), qPrintable(r.out));
        const auto json = runPlanlines(versions + QStringList{QStringLiteral("--json")});
        const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
        auto project = Project::open(db.toStdString(), true);
        const auto layer = project->layer("地类变化_v2_v3");
        QVERIFY(layer);
        QCOMPARE(layer->role, Role::Context);
        QCOMPARE(layer->featureCount, o.value(QStringLiteral("changes")).toInteger());
        auto &sql = project->db();
        const double stored =
            std::get<double>(*sql.scalar("SELECT sum(MJ) FROM \"" + layer->table + "\""));
        QVERIFY(std::abs(stored - o.value(QStringLiteral("change_area_m2")).toDouble()) <
                0.005 * layer->featureCount + 0.01);
        QCOMPARE(std::get<std::int64_t>(*sql.scalar("SELECT count(*) FROM \"" + layer->table +
                                                    "\" WHERE BHLX = '耕地流出'")) > 0,
                 true);
    }

    void errors()
    {
        auto r = runPlanlines({QStringLiteral("compare"), QStringLiteral("--db"), db,
                               QStringLiteral("--layer"), QStringLiteral("地类图斑"),
                               QStringLiteral("--from"), QStringLiteral("v1"),
                               QStringLiteral("--to"), QStringLiteral("v9")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("layer 地类图斑: no version v9 (kept: v1, v2, v3)")),
                 qPrintable(r.err));
        r = runPlanlines({QStringLiteral("compare"), QStringLiteral("--db"), db,
                          QStringLiteral("--from-layer"), QStringLiteral("地类图斑"),
                          QStringLiteral("--to-layer"), QStringLiteral("永久基本农田")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(
            r.err.contains(QStringLiteral("(landuse)")) &&
                r.err.contains(QStringLiteral("(basic_farmland): compare two land-use layers")),
            qPrintable(r.err));
        r = runPlanlines({QStringLiteral("compare"), QStringLiteral("--db"), db,
                          QStringLiteral("--from-layer"), QStringLiteral("道路"),
                          QStringLiteral("--to-layer"), QStringLiteral("县界")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("layer 道路: no DLBM field (地类编码): not a "
                                               "land-use layer")),
                 qPrintable(r.err));
        r = runPlanlines({QStringLiteral("compare"), QStringLiteral("--db"), db,
                          QStringLiteral("--layer"), QStringLiteral("地类图斑")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("--from v1 --to v2")));
        r = runPlanlines({QStringLiteral("compare"), QStringLiteral("--db"), db,
                          QStringLiteral("--layer"), QStringLiteral("没有的图层"),
                          QStringLiteral("--from"), QStringLiteral("v1"), QStringLiteral("--to"),
                          QStringLiteral("v2")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("layer 没有的图层: no such layer")),
                 qPrintable(r.err));
    }

    void help()
    {
        const auto r = runPlanlines({QStringLiteral("compare"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("Usage: planlines compare")));
        QVERIFY(r.out.contains(QStringLiteral("--from-layer")));
        QVERIFY(r.out.contains(QStringLiteral("转移矩阵")));
    }
};

QTEST_GUILESS_MAIN(CompareTest)
#include "comparetest.moc"
