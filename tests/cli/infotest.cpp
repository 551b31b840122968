// `planlines info` reports what is in the project, and its figures match SQL on the file.
#include "clirun.h"

#include <geodata/area.h>
#include <geodata/project.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace planlines::geodata;

class InfoTest : public QObject
{
    Q_OBJECT
private slots:
    void jsonMatchesSql()
    {
        const auto r = runPlanlines({"info", "--db", PLANLINES_SAMPLE_DB, "--json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QJsonParseError perr{};
        const auto doc = QJsonDocument::fromJson(r.out.toUtf8(), &perr);
        QVERIFY2(perr.error == QJsonParseError::NoError, qPrintable(perr.errorString()));
        const auto root = doc.object();
        QCOMPARE(root.value("crs").toString(), QStringLiteral("EPSG:4548"));
        QCOMPARE(root.value("county").toString(), QStringLiteral("高青县"));
        QCOMPARE(root.value("synthetic").toBool(), true);

        auto project = Project::open(PLANLINES_SAMPLE_DB, true);
        const auto layers = root.value("layers").toArray();
        QCOMPARE(layers.size(), static_cast<qsizetype>(project->layers().size()));
        for (const auto &v : layers) {
            const auto o = v.toObject();
            const std::string table = o.value("table").toString().toStdString();
            const QString ctx = o.value("name").toString();
            for (const char *key : {"name", "role", "table", "count", "crs", "area_m2"})
                QVERIFY2(o.contains(key), qPrintable(ctx + " lacks " + key));
            const auto count = std::get<std::int64_t>(
                *project->db().scalar("SELECT count(*) FROM " + quoteIdentifier(table)));
            QCOMPARE(o.value("count").toInteger(), count);
            QCOMPARE(o.value("crs").toString(), QStringLiteral("EPSG:4548"));
            auto area = project->db().scalar("SELECT coalesce(sum(ST_Area(geom)), 0) FROM " +
                                             quoteIdentifier(table));
            const double areaM2 = std::get<double>(*area);
            QVERIFY2(std::abs(o.value("area_m2").toDouble() - areaM2) <= 0.01,
                     qPrintable(ctx + QStringLiteral(": %1 vs SQL %2")
                                          .arg(o.value("area_m2").toDouble(), 0, 'f', 3)
                                          .arg(areaM2, 0, 'f', 3)));
            QVERIFY(std::abs(o.value("area_mu").toDouble() - m2ToMu(areaM2)) <= 0.01);
            QVERIFY(std::abs(o.value("area_ha").toDouble() - m2ToHa(areaM2)) <= 0.01);
        }
        // The stable role ids.
        QStringList roles;
        for (const auto &v : layers)
            roles << v.toObject().value("role").toString();
        for (const char *role : {"township", "landuse", "basic_farmland", "eco_redline",
                                 "urban_boundary", "control_unit", "corridor", "site", "context"})
            QVERIFY2(roles.contains(QLatin1String(role)), role);
    }

    void tableShowsAreasInThreeUnits()
    {
        const auto r = runPlanlines({"info", "--db", PLANLINES_SAMPLE_DB});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("亩")));
        QVERIFY(r.out.contains(QStringLiteral("公顷")));
        QVERIFY(r.out.contains(QStringLiteral("地类图斑")));
        QVERIFY(r.out.contains(QStringLiteral("合成示例数据")));
        QVERIFY(r.out.contains(QStringLiteral("EPSG:4548")));
    }

    void missingFileIsAClearError()
    {
        const auto r = runPlanlines({"info", "--db", "/nonexistent/county.sqlite"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(
            r.err.trimmed(),
            QStringLiteral("planlines info: /nonexistent/county.sqlite: no such project file"));
    }

    void notAProjectIsAClearError()
    {
        const auto r = runPlanlines({"info", "--db", PLANLINES_SOURCE_DIR "/README.md"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("README.md")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(InfoTest)
#include "infotest.moc"
