// The English translation: compiled from qml/i18n/planlines_en.ts at build time into the
// program's resources; with it installed, C++ and QML text, role and group names are English.
#include "layers/testproject.h"
#include "quickfind.h"

#include <qml/appsettings.h>
#include <qml/importcontroller.h>
#include <qml/mainwindow.h>
#include <qml/mapview.h>

#include <QFile>
#include <QGuiApplication>
#include <QProcess>
#include <QQuickItem>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace planlines;
using testing::findItem;

class TranslationTest : public QObject
{
    Q_OBJECT

private:
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        qml::MainWindow::prepare();
    }

    void chineseByDefault()
    {
        QCOMPARE(qml::ImportController::roleLabel(QStringLiteral("site")),
                 QStringLiteral("项目选址"));
    }

    // lupdate over the sources the .ts is made from, on a copy: no string is new, and none is
    // left without its English (the .ts in the source tree is not touched).
    void everyStringHasItsEnglish()
    {
        const QString lupdate = qEnvironmentVariable("PLANLINES_LUPDATE");
        const QString ts = qEnvironmentVariable("PLANLINES_TS");
        if (lupdate.isEmpty() || ts.isEmpty())
            QSKIP("run through ctest: PLANLINES_LUPDATE and PLANLINES_TS are not set");
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("planlines_en.ts"));
        QVERIFY(QFile::copy(ts, copy));
        QStringList args{QStringLiteral("-no-obsolete")};
        args << qEnvironmentVariable("PLANLINES_TS_SOURCES").split(QLatin1Char('|'));
        args << QStringLiteral("-ts") << copy;
        QProcess p;
        p.start(lupdate, args);
        QVERIFY(p.waitForFinished(120000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QCOMPARE(p.exitCode(), 0);
        QVERIFY2(out.contains(QRegularExpression(QStringLiteral("\\(0 new and \\d+ already"))),
                 qPrintable(out + QStringLiteral("\nrun `ninja planlines_ts_update` and translate "
                                                 "the new strings")));
        QFile f(copy);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString xml = QString::fromUtf8(f.readAll());
        const QRegularExpression unfinished(
            QStringLiteral("<source>([^<]*)</source>\\s*(?:<[^t][^>]*>\\s*)*"
                           "<translation type=\"unfinished\""));
        QStringList untranslated;
        for (auto it = unfinished.globalMatch(xml); it.hasNext();)
            untranslated << it.next().captured(1);
        QVERIFY2(untranslated.isEmpty(),
                 qPrintable(QStringLiteral("no English for: ") + untranslated.join(" | ")));
    }

    void englishTranslator()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/planlines_en.qm")));
        QVERIFY(QCoreApplication::installTranslator(&translator));
        QCOMPARE(QCoreApplication::translate("MapToolBar", "识别"), QStringLiteral("Identify"));
        QCOMPARE(qml::ImportController::roleLabel(QStringLiteral("site")),
                 QStringLiteral("Project sites"));

        QTemporaryDir dir;
        const QString path = dir.filePath("en.sqlite");
        testing::TestProject::create(path.toStdString());
        QQmlApplicationEngine engine;
        QQuickWindow *window = qml::MainWindow::load(engine, path, QSize(1000, 700));
        QVERIFY(window);
        qml::MapView *map = qml::MainWindow::mapView(window);
        QTRY_VERIFY_WITH_TIMEOUT(map->ready(), 30000);
        QCOMPARE(findItem(window->contentItem(), "identifyTool")->property("text").toString(),
                 QStringLiteral("Identify"));
        QCOMPARE(findItem(window->contentItem(), "areaTool")->property("text").toString(),
                 QStringLiteral("Area"));
        QCOMPARE(findItem(window->contentItem(), "scaleLabel")->property("text").toString(),
                 QStringLiteral("Scale"));
        QVERIFY(findItem(window->contentItem(), "scaleField")
                    ->property("text")
                    .toString()
                    .startsWith(QStringLiteral("1:")));
        auto *layers = map->session()->layers();
        QCOMPARE(layers->index(layers->rowOfTable("landuse"))
                     .data(qml::LayerListModel::RoleLabelRole)
                     .toString(),
                 QStringLiteral("Land-use parcels"));
        QCOMPARE(layers->index(layers->rowOfTable("site"))
                     .data(qml::LayerListModel::GroupLabelRole)
                     .toString(),
                 QStringLiteral("Projects"));
        QCoreApplication::removeTranslator(&translator);
    }

    void languageSwitchesWhileRunning()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("live.sqlite");
        testing::TestProject::create(path.toStdString());
        QQmlApplicationEngine engine;
        QQuickWindow *window = qml::MainWindow::load(engine, path, QSize(1000, 700));
        QVERIFY(window);
        qml::MapView *map = qml::MainWindow::mapView(window);
        QTRY_VERIFY_WITH_TIMEOUT(map->ready(), 30000);
        const auto text = [&](const char *name) {
            return findItem(window->contentItem(), name)->property("text").toString();
        };
        auto *layers = map->session()->layers();
        const auto roleLabel = [&] {
            return layers->index(layers->rowOfTable("landuse"))
                .data(qml::LayerListModel::RoleLabelRole)
                .toString();
        };
        QCOMPARE(text("identifyTool"), QStringLiteral("识别"));
        QCOMPARE(roleLabel(), QStringLiteral("地类图斑"));
        // The settings menu sets the singleton the window uses.
        auto *settings = engine.singletonInstance<qml::AppSettings *>(
            qmlTypeId("PlanLines", 1, 0, "AppSettings"));
        QVERIFY(settings);
        QSignalSpy labels(layers, &QAbstractItemModel::dataChanged);
        settings->setLanguage(QStringLiteral("en"));
        QCOMPARE(settings->activeLanguage(), QStringLiteral("en"));
        QCOMPARE(text("identifyTool"), QStringLiteral("Identify"));
        QCOMPARE(text("areaTool"), QStringLiteral("Area"));
        QCOMPARE(text("scaleLabel"), QStringLiteral("Scale"));
        QVERIFY(labels.count() >= 1);
        QCOMPARE(roleLabel(), QStringLiteral("Land-use parcels"));
        settings->setLanguage(QStringLiteral("zh"));
        QCOMPARE(text("identifyTool"), QStringLiteral("识别"));
        QCOMPARE(roleLabel(), QStringLiteral("地类图斑"));
        QCOMPARE(qml::AppSettings::storedLanguage(), QStringLiteral("zh"));
    }

    void languageSettingPersists()
    {
        qml::AppSettings settings;
        QCOMPARE(settings.language(), QStringLiteral("zh"));
        settings.setLanguage(QStringLiteral("en"));
        QCOMPARE(qml::AppSettings::storedLanguage(), QStringLiteral("en"));
        QCOMPARE(qml::AppSettings().language(), QStringLiteral("en"));
        settings.setLanguage(QStringLiteral("zh"));
        QCOMPARE(qml::AppSettings::storedLanguage(), QStringLiteral("zh"));
    }
};

QTEST_MAIN(TranslationTest)
#include "translationtest.moc"
