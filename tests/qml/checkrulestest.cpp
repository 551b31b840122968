// The check panel's rule file: the built-in sample rules by default; a county's own file is
// read on the controller's worker, named in the panel, used by the checks and their records,
// and kept between runs; a file that cannot be used is reported (file and cause) and the
// built-in rules are used instead.
#include <qml/appsettings.h>
#include <qml/checkcontroller.h>
#include <qml/projectsession.h>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace planlines;

class CheckRulesTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    qml::ProjectSession m_session;

    // The built-in rule file with another version and name, written to the test folder.
    QString countyRules()
    {
        QFile in(QStringLiteral(":/planlines/check/sanxian_yidan.json"));
        if (!in.open(QIODevice::ReadOnly))
            return {};
        QJsonObject o = QJsonDocument::fromJson(in.readAll()).object();
        o.insert(QStringLiteral("version"), QStringLiteral("2025.2-高青"));
        o.insert(QStringLiteral("name"), QStringLiteral("高青县选址检查规则"));
        const QString path = m_dir.filePath(QStringLiteral("高青县规则.json"));
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly))
            return {};
        out.write(QJsonDocument(o).toJson());
        return path;
    }

    static bool settle(qml::CheckController &ctl)
    {
        return QTest::qWaitFor([&] { return !ctl.busy(); }, 60000);
    }

private slots:
    // In Chinese unless a test says otherwise (one that failed in English leaves no trace).
    void init() { qml::AppSettings::applyLanguage(QStringLiteral("zh")); }
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        const QString db = m_dir.filePath(QStringLiteral("gaoqing.sqlite"));
        QVERIFY(QFile::copy(QStringLiteral(PLANLINES_SAMPLE_DB), db));
        m_session.setPath(db);
        QTRY_VERIFY_WITH_TIMEOUT(m_session.status() == qml::ProjectSession::Ready, 120000);
    }

    void builtinByDefault()
    {
        qml::CheckController ctl;
        QSignalSpy rules(&ctl, &qml::CheckController::rulesChanged);
        ctl.setSession(&m_session);
        QVERIFY(rules.wait(60000));
        QCOMPARE(ctl.rulesFile(), QString());
        QCOMPARE(
            ctl.rulesText(),
            QStringLiteral("三区三线与三线一单选址检查规则（示例规则集）（2024.1-sample），内置"));
    }

    void countyFileIsUsedRecordedAndKept()
    {
        const QString file = countyRules();
        QVERIFY(!file.isEmpty());
        {
            qml::CheckController ctl;
            ctl.setSession(&m_session);
            QVERIFY(settle(ctl));
            ctl.setRulesFile(QUrl::fromLocalFile(file).toString()); // as the file dialog gives it
            QCOMPARE(ctl.rulesFile(), file);
            QVERIFY(settle(ctl));
            QCOMPARE(ctl.errorString(), QString());
            QCOMPARE(ctl.rulesText(),
                     QStringLiteral("高青县选址检查规则（2025.2-高青），高青县规则.json"));
            QCOMPARE(
                ctl.message(),
                QStringLiteral("检查规则：高青县选址检查规则（2025.2-高青），高青县规则.json"));

            QSignalSpy checked(&ctl, &qml::CheckController::checkFinished);
            QVERIFY(ctl.checkSiteNamed(QStringLiteral("通威农光互补光伏发电项目")));
            QVERIFY(checked.wait(120000));
            QVERIFY2(checked.takeFirst().at(0).toBool(), qPrintable(ctl.errorString()));
            QCOMPARE(ctl.result().value("rules_version").toString(), QStringLiteral("2025.2-高青"));
            QCOMPARE(ctl.result().value("rules_name").toString(),
                     QStringLiteral("高青县选址检查规则"));
            auto project = geodata::Project::open(m_session.path().toStdString(), true);
            QCOMPARE(std::get<std::string>(*project->db().scalar(
                         "SELECT rules_version FROM check_records ORDER BY id DESC LIMIT 1")),
                     std::string("2025.2-高青"));
        }
        // The next controller (the next run of the program) starts with the same file.
        QCOMPARE(QSettings().value(QStringLiteral("check/rulesFile")).toString(), file);
        qml::CheckController again;
        QSignalSpy rules(&again, &qml::CheckController::rulesChanged);
        again.setSession(&m_session);
        QCOMPARE(again.rulesFile(), file);
        QVERIFY(rules.wait(60000));
        QCOMPARE(again.rulesText(),
                 QStringLiteral("高青县选址检查规则（2025.2-高青），高青县规则.json"));
        // Back to the built-in rules.
        again.setRulesFile(QString());
        QVERIFY(settle(again));
        QCOMPARE(
            again.rulesText(),
            QStringLiteral("三区三线与三线一单选址检查规则（示例规则集）（2024.1-sample），内置"));
        QCOMPARE(QSettings().value(QStringLiteral("check/rulesFile")).toString(), QString());
    }

    // In English the rules shipped with the program read in English (titles, headings, the
    // set's name) and the overlap rows' roles too; a county's copy of the same rules (another
    // name and version: another checksum) reads as written. Layer names are the county's data.
    void englishWordsTheBuiltinRulesOnly()
    {
        QSettings().remove(QStringLiteral("check/rulesFile"));
        qml::AppSettings::applyLanguage(QStringLiteral("en"));
        const auto rule = [](qml::CheckController &ctl, const QString &id) {
            for (const QVariant &r : ctl.rules())
                if (r.toMap().value(QStringLiteral("id")).toString() == id)
                    return r.toMap();
            return QVariantMap();
        };
        const QString site = QStringLiteral("通威农光互补光伏发电项目");
        {
            qml::CheckController ctl;
            ctl.setSession(&m_session);
            QVERIFY(settle(ctl));
            QCOMPARE(ctl.rulesText(),
                     QStringLiteral("Site-check rules for the three zones and three lines and the "
                                    "environmental “three lines, one list” (sample rule set) "
                                    "(2024.1-sample), built-in"));
            QSignalSpy checked(&ctl, &qml::CheckController::checkFinished);
            QVERIFY(ctl.checkSiteNamed(site));
            QVERIFY(checked.wait(120000));
            QVERIFY2(checked.takeFirst().at(0).toBool(), qPrintable(ctl.errorString()));
            const QVariantMap farmland = rule(ctl, QStringLiteral("basic_farmland.occupy"));
            QCOMPARE(farmland.value(QStringLiteral("title")).toString(),
                     QStringLiteral("Permanent basic farmland must not be occupied"));
            QCOMPARE(farmland.value(QStringLiteral("heading")).toString(),
                     QStringLiteral("Permanent basic farmland"));
            QCOMPARE(rule(ctl, QStringLiteral("eco_redline.construction"))
                         .value(QStringLiteral("title"))
                         .toString(),
                     QStringLiteral("No development or production construction inside the "
                                    "ecological protection red line"));
            QCOMPARE(rule(ctl, QStringLiteral("eco_redline.construction"))
                         .value(QStringLiteral("heading"))
                         .toString(),
                     QStringLiteral("Spatial layout constraints"));
            QCOMPARE(rule(ctl, QStringLiteral("data.coverage"))
                         .value(QStringLiteral("title"))
                         .toString(),
                     QStringLiteral("The site must lie within the current land-use parcels"));
            QStringList labels;
            for (const QVariant &o : ctl.overlaps())
                labels << o.toMap().value(QStringLiteral("label")).toString();
            QCOMPARE(labels, (QStringList{QStringLiteral("Permanent basic farmland"),
                                          QStringLiteral("Ecological red line"),
                                          QStringLiteral("Urban development boundary"),
                                          QStringLiteral("Ecological corridor"),
                                          QStringLiteral("Environmental control units"),
                                          QStringLiteral("Cultivated land"),
                                          QStringLiteral("Land-use parcels")}));
            // The source names the layer as the county did.
            QVERIFY2(ctl.detailText().contains(QStringLiteral("“项目选址”")),
                     qPrintable(ctl.detailText()));
        }
        {
            qml::CheckController ctl;
            ctl.setSession(&m_session);
            QVERIFY(settle(ctl));
            ctl.setRulesFile(countyRules());
            QVERIFY(settle(ctl));
            QCOMPARE(ctl.rulesText(),
                     QStringLiteral("高青县选址检查规则 (2025.2-高青), 高青县规则.json"));
            QSignalSpy checked(&ctl, &qml::CheckController::checkFinished);
            QVERIFY(ctl.checkSiteNamed(site));
            QVERIFY(checked.wait(120000));
            QVERIFY2(checked.takeFirst().at(0).toBool(), qPrintable(ctl.errorString()));
            const QVariantMap farmland = rule(ctl, QStringLiteral("basic_farmland.occupy"));
            QCOMPARE(farmland.value(QStringLiteral("title")).toString(),
                     QStringLiteral("不得占用永久基本农田"));
            QCOMPARE(farmland.value(QStringLiteral("heading")).toString(),
                     QStringLiteral("永久基本农田"));
            ctl.setRulesFile(QString());
            QVERIFY(settle(ctl));
        }
        qml::AppSettings::applyLanguage(QStringLiteral("zh"));
    }

    void badFileFallsBackToBuiltin()
    {
        const QString bad = m_dir.filePath(QStringLiteral("坏规则.json"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"format\": \"planlines-rules/1\", \"rules\": [");
        f.close();
        qml::CheckController ctl;
        ctl.setSession(&m_session);
        QVERIFY(settle(ctl));
        ctl.setRulesFile(bad);
        QVERIFY(settle(ctl));
        QVERIFY2(ctl.errorString().startsWith(QStringLiteral("无法使用规则文件，已改用内置规则：")),
                 qPrintable(ctl.errorString()));
        QVERIFY2(ctl.errorString().contains(QStringLiteral("坏规则.json")),
                 qPrintable(ctl.errorString()));
        QCOMPARE(ctl.rulesFile(), QString());
        QVERIFY(ctl.rulesText().endsWith(QStringLiteral("，内置")));
        QCOMPARE(QSettings().value(QStringLiteral("check/rulesFile")).toString(), QString());

        ctl.setRulesFile(m_dir.filePath(QStringLiteral("没有这个文件.json")));
        QVERIFY(settle(ctl));
        QVERIFY2(ctl.errorString().contains(QStringLiteral("没有这个文件.json")),
                 qPrintable(ctl.errorString()));
        QCOMPARE(ctl.rulesFile(), QString());
    }
};

QTEST_MAIN(CheckRulesTest)
#include "checkrulestest.moc"
