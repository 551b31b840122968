// The import dialog's controller on a real project: a GeoJSON the test writes is imported on a
// worker thread and appears in the session's layer list; a file whose role is not recognised
// asks for one (and nothing is written until it is given); Cancel leaves the database exactly
// as it was.
#include "layers/testproject.h"

#include <qml/importcontroller.h>
#include <qml/projectsession.h>

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace planlines;
using testing::TestProject;

class ImportControllerTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // Square parcels of about 100 m in lon/lat (CGCS2000 ≈ WGS84 here) inside Gaoqing.
    QString writeGeoJson(const QString &name, int features, const QString &field)
    {
        QString json = QStringLiteral("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < features; ++i) {
            const double lon = 117.70 + (i % 100) * 0.0015;
            const double lat = 37.15 + (i / 100) * 0.0012;
            const double d = 0.001;
            json += QStringLiteral("%1{\"type\":\"Feature\",\"properties\":{\"%2\":\"项目%3\"},"
                                   "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%4,%5],"
                                   "[%6,%5],[%6,%7],[%4,%7],[%4,%5]]]}}")
                        .arg(i ? "," : "")
                        .arg(field)
                        .arg(i)
                        .arg(lon, 0, 'f', 6)
                        .arg(lat, 0, 'f', 6)
                        .arg(lon + d, 0, 'f', 6)
                        .arg(lat + d, 0, 'f', 6);
        }
        json += QStringLiteral("]}");
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(json.toUtf8());
        return path;
    }

    // Everything a person could see changed: the registry rows and the list of tables.
    static QStringList databaseState(const QString &path)
    {
        auto project = geodata::Project::open(path.toStdString(), true);
        QStringList out;
        auto st = project->db().prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
        while (st.step())
            out << QString::fromStdString(st.text(0));
        for (const auto &l : project->layers())
            out << QString::fromStdString(l.name + "|" + l.table + "|" +
                                          std::to_string(l.featureCount));
        const auto audits = project->db().scalar("SELECT count(*) FROM audit_log");
        out << QString::number(audits ? std::get<std::int64_t>(*audits) : -1);
        return out;
    }

    static bool waitReady(qml::ProjectSession &session)
    {
        return QTest::qWaitFor([&] { return session.status() == qml::ProjectSession::Ready; },
                               30000);
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void importedLayerAppears()
    {
        const QString db = QString::fromStdString(
            TestProject::create(m_dir.filePath("import.sqlite").toStdString()));
        qml::ProjectSession session;
        session.setPath(db);
        QVERIFY(waitReady(session));
        QCOMPARE(session.layers()->rowCount(), 4);

        const QString file =
            writeGeoJson(QStringLiteral("新项目.geojson"), 3, QStringLiteral("XMMC"));
        qml::ImportController controller;
        controller.setSession(&session);
        QSignalSpy finished(&controller, &qml::ImportController::finished);
        QVERIFY(controller.start({QUrl::fromLocalFile(file)}, QStringLiteral("site")));
        QVERIFY(controller.busy());
        QVERIFY(finished.wait(60000));
        QVERIFY2(controller.succeeded(), qPrintable(controller.reportText()));
        QVERIFY(!controller.needsRole());
        QVERIFY2(controller.reportText().contains(QStringLiteral("新项目.geojson")),
                 qPrintable(controller.reportText()));
        // The session reloads and lists the new layer.
        QVERIFY(waitReady(session));
        QTRY_COMPARE_WITH_TIMEOUT(session.layers()->rowCount(), 5, 10000);
        bool found = false;
        for (int r = 0; r < session.layers()->rowCount(); ++r) {
            const QModelIndex i = session.layers()->index(r);
            if (i.data(qml::LayerListModel::NameRole).toString() == QStringLiteral("新项目")) {
                found = true;
                QCOMPARE(i.data(qml::LayerListModel::FeatureCountRole).toInt(), 3);
                QCOMPARE(i.data(qml::LayerListModel::RoleLabelRole).toString(),
                         QStringLiteral("项目选址"));
            }
        }
        QVERIFY(found);
    }

    void unrecognisedRoleIsAskedFor()
    {
        const QString db = QString::fromStdString(
            TestProject::create(m_dir.filePath("role.sqlite").toStdString()));
        qml::ProjectSession session;
        session.setPath(db);
        QVERIFY(waitReady(session));
        const QStringList before = databaseState(db);
        const QString file =
            writeGeoJson(QStringLiteral("unknown.geojson"), 2, QStringLiteral("ABC"));
        qml::ImportController controller;
        controller.setSession(&session);
        QSignalSpy finished(&controller, &qml::ImportController::finished);
        QVERIFY(controller.start({file}));
        QVERIFY(finished.wait(60000));
        QVERIFY(!controller.succeeded());
        QVERIFY(controller.needsRole());
        QCOMPARE(databaseState(db), before);
        QCOMPARE(controller.files(), QStringList{file});
        // The role chooser's entries, in the UI language.
        QCOMPARE(controller.roles().size(), 9);
        QCOMPARE(controller.roles().at(7).toMap().value("label").toString(),
                 QStringLiteral("项目选址"));
        QVERIFY(controller.start({controller.files().first()}, QStringLiteral("context")));
        QVERIFY(finished.wait(60000));
        QVERIFY2(controller.succeeded(), qPrintable(controller.reportText()));
        QTRY_COMPARE_WITH_TIMEOUT(session.layers()->rowCount(), 5, 10000);
    }

    void cancelLeavesTheDatabaseUnchanged()
    {
        const QString db = QString::fromStdString(
            TestProject::create(m_dir.filePath("cancel.sqlite").toStdString()));
        qml::ProjectSession session;
        session.setPath(db);
        QVERIFY(waitReady(session));
        const QStringList before = databaseState(db);
        const QString file =
            writeGeoJson(QStringLiteral("many.geojson"), 5000, QStringLiteral("XMMC"));
        qml::ImportController controller;
        controller.setSession(&session);
        controller.setCheckEvery(10);
        QSignalSpy finished(&controller, &qml::ImportController::finished);
        // Cancel as a person would, once the progress bar moves: mid-file.
        bool progressSeen = false;
        connect(&controller, &qml::ImportController::progressChanged, &controller, [&] {
            if (controller.progress() > 0) {
                progressSeen = true;
                controller.cancel();
            }
        });
        QVERIFY(controller.start({file}, QStringLiteral("site")));
        QVERIFY(finished.wait(60000));
        QVERIFY(progressSeen);
        QVERIFY(controller.wasCancelled());
        QVERIFY(!controller.succeeded());
        QVERIFY2(controller.reportText().contains(
                     QStringLiteral("import cancelled; nothing was written")) &&
                     controller.reportText().contains(QStringLiteral("已取消")),
                 qPrintable(controller.reportText()));
        QCOMPARE(databaseState(db), before);
        QCOMPARE(session.layers()->rowCount(), 4);
    }
};

QTEST_GUILESS_MAIN(ImportControllerTest)
#include "importcontrollertest.moc"
