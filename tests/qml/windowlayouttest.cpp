// The window's layout and keyboard, driven as a person does (offscreen, a copy of the sample
// county): one side panel at a time, the map keeping at least half the window, the buttons at
// the top right staying put, no control outside the window and no label cut, at 1280×720 and
// 1920×1080 in Chinese and English; the map has the keys at start (Home, arrows, +/-); Ctrl+F,
// Ctrl+P and F1; a scale typed in the status bar; the wheel on round scales; the check panel
// starting on the site found by search, its list sorted and filtered; no highlight left when
// the tool changes; 缩放至选址 fitting the site with a tenth of its size around it.
#include "windowdriver.h"

#include <qml/appsettings.h>
#include <qml/checkcontroller.h>
#include <qml/mapnavigator.h>
#include <qml/mapoverlay.h>

#include <geodata/project.h>
#include <layers/navigation.h>

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFont>
#include <QQmlApplicationEngine>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <functional>

using namespace planlines;
using qml::MainWindow;
using qml::MapView;
using testing::clickItem;
using testing::findObject;
using testing::findQuickItem;
using testing::sceneRect;

namespace {

const QStringList kTopRight{QStringLiteral("checkToggle"), QStringLiteral("printButton"),
                            QStringLiteral("corridorToggle"), QStringLiteral("helpButton")};

bool effectivelyVisible(const QQuickItem *item)
{
    for (; item; item = item->parentItem())
        if (!item->isVisible() || item->opacity() == 0)
            return false;
    return true;
}

// Controls shown but (partly) outside the window, and texts cut (elided) that are shown, under
// item. Items inside a scrolled or clipped view may be below the view's bottom: only the left
// and right edges count for them.
void collectFaults(QQuickItem *item, QQuickWindow *window, QStringList &faults)
{
    if (!effectivelyVisible(item) || item->width() <= 0)
        return;
    const QRectF r = sceneRect(item);
    const QString name = item->objectName().isEmpty()
                             ? QString::fromLatin1(item->metaObject()->className())
                             : item->objectName();
    if (item->inherits("QQuickControl") && (r.left() < -0.5 || r.right() > window->width() + 0.5))
        faults << QStringLiteral("%1 at x %2–%3").arg(name).arg(r.left()).arg(r.right());
    if (item->inherits("QQuickText") && item->property("truncated").toBool() &&
        item->objectName() != u"crsLabel") // the CRS's long name may elide, the code stays
        faults << QStringLiteral("text cut: %1 (%2 of %3 px)")
                      .arg(item->property("text").toString())
                      .arg(item->width())
                      .arg(item->implicitWidth());
    for (QQuickItem *child : item->childItems())
        collectFaults(child, window, faults);
}

// Buttons (and tab buttons) shown whose content (text and icon) is wider than the room the button
// gives it: a button that kept the width of the other language's words cuts or overflows its own.
void collectTightButtons(QQuickItem *item, QStringList &faults, int &seen)
{
    if (!effectivelyVisible(item) || item->width() <= 0)
        return;
    if (item->inherits("QQuickButton") || item->inherits("QQuickTabButton")) {
        ++seen;
        auto *content = item->property("contentItem").value<QQuickItem *>();
        const double room = item->width() - item->property("leftPadding").toDouble() -
                            item->property("rightPadding").toDouble();
        if (content && content->implicitWidth() > room + 0.5)
            faults << QStringLiteral("%1 “%2”: content %3 px in %4 px")
                          .arg(item->objectName().isEmpty()
                                   ? QString::fromLatin1(item->metaObject()->className())
                                   : item->objectName())
                          .arg(item->property("text").toString())
                          .arg(content->implicitWidth())
                          .arg(room);
    }
    for (QQuickItem *child : item->childItems())
        collectTightButtons(child, faults, seen);
}

} // namespace

class WindowLayoutTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;

    static qml::MapNavigator *navigator(QQuickWindow *window)
    {
        return qobject_cast<qml::MapNavigator *>(findQuickItem(window, QStringLiteral("mapTools"))
                                                     ->property("navigator")
                                                     .value<QObject *>());
    }
    // Searches as a person does: the box, the text, Enter (one result is shown at once).
    static void search(QQuickWindow *window, const QString &what)
    {
        QQuickItem *box = findQuickItem(window, QStringLiteral("searchBox"));
        QVERIFY(clickItem(window, box));
        box->setProperty("text", what);
        QTest::keyClick(window, Qt::Key_Return);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QApplication::setFont(QFont(QStringLiteral("Noto Sans CJK SC"), 10));
        MainWindow::prepare();
        m_db = m_dir.filePath(QStringLiteral("gaoqing.sqlite"));
        QVERIFY(QFile::copy(QStringLiteral(PLANLINES_SAMPLE_DB), m_db));
    }
    void cleanupTestCase() { qml::AppSettings::applyLanguage(QStringLiteral("zh")); }

    void panelsLeaveTheMap_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<QString>("language");
        for (const QSize s : {QSize(1280, 720), QSize(1920, 1080)})
            for (const char *l : {"zh", "en"})
                QTest::addRow("%dx%d %s", s.width(), s.height(), l) << s << QString::fromLatin1(l);
    }
    void panelsLeaveTheMap()
    {
        QFETCH(QSize, size);
        QFETCH(QString, language);
        qml::AppSettings::applyLanguage(language);
        QQmlApplicationEngine engine;
        QString error;
        QQuickWindow *window = MainWindow::load(engine, m_db, size, &error);
        QVERIFY2(window, qPrintable(error));
        QVERIFY(testing::showReady(window));
        QCOMPARE(findObject(window, QStringLiteral("checkToggle"))->property("text").toString(),
                 language == u"en" ? QStringLiteral("Site check") : QStringLiteral("选址检查"));
        QMap<QString, double> x;
        for (const QString &name : kTopRight)
            x[name] = sceneRect(findQuickItem(window, name)).x();
        MapView *map = MainWindow::mapView(window);
        QQuickItem *check = findQuickItem(window, QStringLiteral("checkPanel"));
        QQuickItem *corridor = findQuickItem(window, QStringLiteral("corridorPanel"));
        QStringList faults;
        collectFaults(testing::rootItem(window), window, faults);
        QVERIFY2(faults.isEmpty(), qPrintable(faults.join(u'\n')));

        for (const QString &toggle :
             {QStringLiteral("checkToggle"), QStringLiteral("corridorToggle")}) {
            QVERIFY(clickItem(window, findQuickItem(window, toggle)));
            QQuickItem *open = toggle == u"checkToggle" ? check : corridor;
            QQuickItem *closed = open == check ? corridor : check;
            QTRY_VERIFY(open->isVisible());
            QVERIFY(!closed->isVisible()); // one side panel at a time
            QTest::qWait(300);             // the panel's content laid out
            QVERIFY2(
                map->width() >= size.width() / 2.0,
                qPrintable(QStringLiteral("map %1 of %2").arg(map->width()).arg(size.width())));
            QVERIFY(sceneRect(open).right() <= size.width() + 0.5);
            for (const QString &name : kTopRight)
                QCOMPARE(sceneRect(findQuickItem(window, name)).x(), x[name]);
            faults.clear();
            collectFaults(testing::rootItem(window), window, faults);
            QVERIFY2(faults.isEmpty(), qPrintable(toggle + u'\n' + faults.join(u'\n')));
        }
        QVERIFY(clickItem(window, findQuickItem(window, QStringLiteral("corridorToggle"))));
        QTRY_VERIFY(!corridor->isVisible() && !check->isVisible());
        if (const QByteArray out = qgetenv("PLANLINES_TEST_OUTPUT"); !out.isEmpty())
            window->grabWindow().save(QStringLiteral("%1/window-%2x%3-%4.png")
                                          .arg(QString::fromLocal8Bit(out))
                                          .arg(size.width())
                                          .arg(size.height())
                                          .arg(language));
        qml::AppSettings::applyLanguage(QStringLiteral("zh"));
    }

    // The language switched while the window runs, zh → en → zh at 1280×720: every button
    // shown (the window's, the check, corridor and print panels') fits its words, and no text is
    // cut, in each language.
    void buttonsFitAfterLanguageSwitch()
    {
        qml::AppSettings::applyLanguage(QStringLiteral("zh"));
        QSettings().remove(QStringLiteral("ui/language"));
        QQmlApplicationEngine engine;
        QString error;
        QQuickWindow *window = MainWindow::load(engine, m_db, QSize(1280, 720), &error);
        QVERIFY2(window, qPrintable(error));
        QVERIFY(testing::showReady(window));
        auto *settings = engine.singletonInstance<qml::AppSettings *>(
            qmlTypeId("PlanLines", 1, 0, "AppSettings"));
        QVERIFY(settings);
        const auto check = [&](const QString &language) {
            QStringList faults;
            const auto look = [&](const QString &where) {
                QTest::qWait(300); // laid out again
                QStringList found;
                int seen = 0;
                collectTightButtons(testing::rootItem(window), found, seen);
                if (seen < 8) // the top bar's and the map tools' at least
                    found << QStringLiteral("only %1 buttons seen").arg(seen);
                collectFaults(testing::rootItem(window), window, found);
                for (const QString &f : std::as_const(found))
                    faults << QStringLiteral("%1 %2: %3").arg(language, where, f);
            };
            look(QStringLiteral("window"));
            for (const char *toggle : {"checkToggle", "corridorToggle", "printButton"}) {
                QQuickItem *button = findQuickItem(window, QString::fromLatin1(toggle));
                if (!clickItem(window, button)) {
                    faults << QStringLiteral("%1: %2 not clickable").arg(language, toggle);
                    continue;
                }
                look(QString::fromLatin1(toggle));
                if (QString::fromLatin1(toggle) == u"printButton")
                    clickItem(window, findQuickItem(window, QStringLiteral("printClose")));
                else
                    clickItem(window, button);
                QTest::qWait(200);
            }
            return faults;
        };
        QStringList faults = check(QStringLiteral("zh"));
        settings->setLanguage(QStringLiteral("en"));
        QTRY_COMPARE(findObject(window, QStringLiteral("checkToggle"))->property("text").toString(),
                     QStringLiteral("Site check"));
        faults << check(QStringLiteral("en"));
        settings->setLanguage(QStringLiteral("zh"));
        QTRY_COMPARE(findObject(window, QStringLiteral("checkToggle"))->property("text").toString(),
                     QStringLiteral("选址检查"));
        faults << check(QStringLiteral("zh again"));
        QVERIFY2(faults.isEmpty(), qPrintable(faults.join(u'\n')));
    }

    // PLANLINES_WINDOW_SHOTS=DIR: the window at 1920×1080 and 1280×720 in both languages, plain
    // and with each panel open (the check panel with a site checked, the corridor and print
    // panels, the attribute table of 地类图斑), saved there to be looked at. Skipped otherwise.
    void screenshots()
    {
        const QString dir = qEnvironmentVariable("PLANLINES_WINDOW_SHOTS");
        if (dir.isEmpty())
            QSKIP("PLANLINES_WINDOW_SHOTS not set");
        QDir().mkpath(dir);
        for (const QSize size : {QSize(1920, 1080), QSize(1280, 720)})
            for (const QString language : {QStringLiteral("zh"), QStringLiteral("en")}) {
                qml::AppSettings::applyLanguage(language);
                QQmlApplicationEngine engine;
                QQuickWindow *window = MainWindow::load(engine, m_db, size);
                QVERIFY(window);
                QVERIFY(testing::showReady(window));
                const auto save = [&](const char *what) {
                    QTest::qWait(800);
                    QTRY_VERIFY_WITH_TIMEOUT(MainWindow::mapView(window)->ready(), 30000);
                    QVERIFY(window->grabWindow().save(QStringLiteral("%1/%2-%3x%4-%5.png")
                                                          .arg(dir, QString::fromLatin1(what))
                                                          .arg(size.width())
                                                          .arg(size.height())
                                                          .arg(language)));
                };
                save("main");
                // The check panel with the sample's site checked.
                QVERIFY(clickItem(window, findQuickItem(window, QStringLiteral("checkToggle"))));
                QQuickItem *panel = findQuickItem(window, QStringLiteral("checkPanel"));
                auto *ctl = qobject_cast<qml::CheckController *>(
                    findObject(window, QStringLiteral("checkController")));
                QTRY_VERIFY_WITH_TIMEOUT(!ctl->sites().isEmpty(), 30000);
                QSignalSpy checked(ctl, &qml::CheckController::checkFinished);
                QMetaObject::invokeMethod(
                    panel, "checkNamed",
                    Q_ARG(QVariant, QStringLiteral("通威农光互补光伏发电项目")));
                QVERIFY(checked.wait(120000));
                save("check");
                QVERIFY(clickItem(window, findQuickItem(window, QStringLiteral("checkToggle"))));
                QVERIFY(clickItem(window, findQuickItem(window, QStringLiteral("corridorToggle"))));
                QTest::qWait(1500); // the charts load
                save("corridor");
                QVERIFY(clickItem(window, findQuickItem(window, QStringLiteral("corridorToggle"))));
                QVERIFY(clickItem(window, findQuickItem(window, QStringLiteral("printButton"))));
                QTest::qWait(1500); // the preview
                save("print");
                QVERIFY(clickItem(window, findQuickItem(window, QStringLiteral("printClose"))));
                if (size.width() == 1920) {
                    QQuickItem *button = nullptr;
                    std::function<void(QQuickItem *)> find = [&](QQuickItem *item) {
                        if (item->objectName() == u"attributeTableButton")
                            for (QQuickItem *p = item; p; p = p->parentItem())
                                if (p->property("tableName").toString() == u"landuse")
                                    button = item;
                        for (QQuickItem *child : item->childItems())
                            find(child);
                    };
                    find(testing::rootItem(window));
                    QVERIFY(clickItem(window, button));
                    QTest::qWait(1000);
                    save("attributes");
                }
            }
        qml::AppSettings::applyLanguage(QStringLiteral("zh"));
    }

    void keyboardAndScale()
    {
        QQmlApplicationEngine engine;
        QQuickWindow *window = MainWindow::load(engine, m_db, QSize(1280, 720));
        QVERIFY(window);
        QVERIFY(testing::showReady(window));
        MapView *map = MainWindow::mapView(window);
        qml::MapNavigator *nav = navigator(window);
        QQuickItem *tools = findQuickItem(window, QStringLiteral("mapTools"));
        // The map has the keys without a click.
        QVERIFY(tools->hasActiveFocus());
        QTest::keyClick(window, Qt::Key_Home);
        nav->finish();
        const double home = map->metresPerPixel();
        const auto homeCentre = map->viewport().centre();
        QTest::keyClick(window, Qt::Key_Plus);
        nav->finish();
        QVERIFY(std::abs(map->metresPerPixel() - home / 2) < 1e-9 * home);
        const auto centre = map->viewport().centre();
        QTest::keyClick(window, Qt::Key_Right);
        nav->finish();
        // An eighth of the view's width east.
        QVERIFY(std::abs(map->viewport().centre().easting -
                         (centre.easting + map->width() / 8 * map->metresPerPixel())) < 1e-6);
        QTest::keyClick(window, Qt::Key_Down);
        nav->finish();
        QVERIFY(std::abs(map->viewport().centre().northing -
                         (centre.northing - map->height() / 8 * map->metresPerPixel())) < 1e-6);
        QTest::keyClick(window, Qt::Key_Minus);
        nav->finish();
        QVERIFY(std::abs(map->metresPerPixel() - home) < 1e-9 * home);
        QTest::keyClick(window, Qt::Key_Plus);
        QTest::keyClick(window, Qt::Key_Home);
        nav->finish();
        QVERIFY(std::abs(map->metresPerPixel() - home) < 1e-6 * home);
        QVERIFY(std::abs(map->viewport().centre().easting - homeCentre.easting) < 1e-3);
        QVERIFY(std::abs(map->viewport().centre().northing - homeCentre.northing) < 1e-3);

        // A scale typed in the status bar, with and without "1:".
        QQuickItem *field = findQuickItem(window, QStringLiteral("scaleField"));
        QVERIFY(field);
        for (const auto &[typed, expected] : {std::pair{QStringLiteral("1:5000"), 5000.0},
                                              std::pair{QStringLiteral("25000"), 25000.0},
                                              std::pair{QStringLiteral("1：10 000"), 10000.0}}) {
            QVERIFY(clickItem(window, field));
            QTRY_VERIFY(field->hasActiveFocus());
            QTest::keyClick(window, Qt::Key_A, Qt::ControlModifier);
            testing::typeText(window, typed);
            QTest::keyClick(window, Qt::Key_Return);
            nav->finish();
            QVERIFY2(std::abs(nav->scaleDenominator() / expected - 1) < 0.01,
                     qPrintable(typed + u' ' + QString::number(nav->scaleDenominator())));
            QVERIFY(tools->hasActiveFocus()); // back on the map
            QCOMPARE(field->property("text").toString(),
                     expected == 5000    ? QStringLiteral("1:5 000")
                     : expected == 25000 ? QStringLiteral("1:25 000")
                                         : QStringLiteral("1:10 000"));
        }
        // Not a scale: nothing changes.
        const double before = nav->scaleDenominator();
        QVERIFY(!nav->setScaleText(QStringLiteral("abc")));
        QCOMPARE(nav->scaleDenominator(), before);

        // The wheel on round scales: one notch in from 1:10 000 is 1:5 000.
        QVERIFY(clickItem(window, findQuickItem(window, QStringLiteral("roundScaleButton"))));
        QTRY_VERIFY(nav->roundScales());
        nav->finish();
        QVERIFY(std::abs(nav->scaleDenominator() / 10000 - 1) < 0.01);
        const QPointF at = map->mapToScene(QPointF(map->width() / 2, map->height() / 2));
        QWheelEvent wheel(at, at, {}, QPoint(0, 120), Qt::NoButton, {}, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(window, &wheel);
        nav->finish();
        QVERIFY2(std::abs(nav->scaleDenominator() / 5000 - 1) < 0.01,
                 qPrintable(QString::number(nav->scaleDenominator())));
        QWheelEvent out(at, at, {}, QPoint(0, -240), Qt::NoButton, {}, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(window, &out);
        nav->finish();
        QVERIFY2(std::abs(nav->scaleDenominator() / 25000 - 1) < 0.01,
                 qPrintable(QString::number(nav->scaleDenominator())));

        // Ctrl+F: the search box; F1: help; Ctrl+P: print; Esc closes them, the map has the keys.
        QTest::keyClick(window, Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(findQuickItem(window, QStringLiteral("searchBox"))->hasActiveFocus());
        for (const auto &[key, dialogName] :
             {std::pair{Qt::Key_F1, QStringLiteral("helpDialog")},
              std::pair{Qt::Key_P, QStringLiteral("printDialog")}}) {
            QObject *dialog = findObject(window, dialogName);
            QVERIFY(dialog);
            QTest::keyClick(window, key, key == Qt::Key_P ? Qt::ControlModifier : Qt::NoModifier);
            QTRY_VERIFY2(dialog->property("opened").toBool(), qPrintable(dialogName));
            QTest::keyClick(window, Qt::Key_Escape);
            QTRY_VERIFY(!dialog->property("visible").toBool());
            QTRY_VERIFY(tools->hasActiveFocus());
        }
    }

    // The check panel opens on the site found by search; its list is sorted by name (pinyin)
    // and filtered by what is typed; changing the tool leaves no highlight; 缩放至选址 shows the
    // site with a tenth of its size around it.
    void checkPanelStartsOnTheSiteLookedAt()
    {
        QQmlApplicationEngine engine;
        QQuickWindow *window = MainWindow::load(engine, m_db, QSize(1920, 1080));
        QVERIFY(window);
        QVERIFY(testing::showReady(window));
        const QString site = QStringLiteral("县直幼儿园新建工程");
        search(window, site);
        auto *overlay =
            qobject_cast<qml::MapOverlay *>(findQuickItem(window, QStringLiteral("mapOverlay")));
        QTRY_COMPARE(overlay->highlightTable(), QStringLiteral("site"));

        QVERIFY(clickItem(window, findQuickItem(window, QStringLiteral("checkToggle"))));
        auto *ctl = qobject_cast<qml::CheckController *>(
            findObject(window, QStringLiteral("checkController")));
        QVERIFY(ctl);
        QTRY_VERIFY_WITH_TIMEOUT(!ctl->sites().isEmpty(), 30000);
        QQuickItem *box = findQuickItem(window, QStringLiteral("siteBox"));
        QTRY_COMPARE(box->property("currentText").toString(), site);

        // Sorted by pinyin: 高 (gāo) < 华 (huá) < 纽 (niǔ) < 县 (xiàn).
        QStringList names;
        for (const QVariant &s : ctl->sites())
            names << s.toMap()["name"].toString();
        QCOMPARE(names.size(), 40);
        const QStringList order{QStringLiteral("高青县博物馆"),
                                QStringLiteral("华电渔光互补光伏发电项目"),
                                QStringLiteral("纽澜地智慧农业园区"), site};
        for (int i = 1; i < order.size(); ++i)
            QVERIFY2(names.indexOf(order[i - 1]) < names.indexOf(order[i]),
                     qPrintable(names.join(u' ')));

        // Filtered: 博物馆 leaves the two museums, in order.
        QQuickItem *filter = findQuickItem(window, QStringLiteral("siteFilter"));
        QVERIFY(clickItem(window, filter));
        testing::typeText(window, QStringLiteral("博物馆"));
        QTRY_COMPARE(box->property("count").toInt(), 2);
        QCOMPARE(box->property("currentText").toString(), QStringLiteral("高青县博物馆"));
        QMetaObject::invokeMethod(box, "textAt", Q_RETURN_ARG(QString, names[0]), Q_ARG(int, 1));
        QCOMPARE(names[0], QStringLiteral("黄河楼博物馆"));
        filter->setProperty("text", QString());
        QTRY_COMPARE(box->property("count").toInt(), 40);
        QCOMPARE(box->property("currentText").toString(), QStringLiteral("高青县博物馆"));
        // 幼儿园 leaves one: the site to check below.
        QVERIFY(clickItem(window, filter));
        testing::typeText(window, QStringLiteral("幼儿园"));
        QTRY_COMPARE(box->property("count").toInt(), 1);
        QCOMPARE(box->property("currentText").toString(), site);

        // Switching to 测距 leaves no highlight.
        QVERIFY(clickItem(window, findQuickItem(window, QStringLiteral("distanceTool"))));
        QTRY_COMPARE(overlay->highlightTable(), QString());
        QVERIFY(!overlay->property("markerPoint").isValid() ||
                overlay->property("markerPoint").isNull());
        QVERIFY(clickItem(window, findQuickItem(window, QStringLiteral("identifyTool"))));

        // Check it; 缩放至选址 fits its extent plus a tenth of its size each side.
        QVERIFY(clickItem(window, findQuickItem(window, QStringLiteral("runCheckButton"))));
        QTRY_VERIFY_WITH_TIMEOUT(ctl->hasResult(), 60000);
        double minE = 0, minN = 0, maxE = 0, maxN = 0;
        {
            auto project = geodata::Project::open(m_db.toStdString(), true);
            auto st = project->db().prepare(
                "SELECT MbrMinX(geom), MbrMinY(geom), MbrMaxX(geom), MbrMaxY(geom) FROM site "
                "WHERE XMMC = '县直幼儿园新建工程'");
            QVERIFY(st.step());
            minE = st.real(0), minN = st.real(1), maxE = st.real(2), maxN = st.real(3);
        }
        navigator(window)->finish();
        MapView *map = MainWindow::mapView(window);
        QTest::qWait(400);
        navigator(window)->finish();
        const double pad = 0.1 * std::max(maxE - minE, maxN - minN);
        const QPointF a = map->worldToItem(minE - pad, maxN + pad);
        const QPointF b = map->worldToItem(maxE + pad, minN - pad);
        // All of it inside the view …
        QVERIFY2(
            a.x() >= -1 && a.y() >= -1 && b.x() <= map->width() + 1 && b.y() <= map->height() + 1,
            qPrintable(QStringLiteral("%1,%2 %3,%4").arg(a.x()).arg(a.y()).arg(b.x()).arg(b.y())));
        // … and filling it: along one side up to the navigator's 48 px margin each side.
        const double fill =
            std::max((b.x() - a.x()) / (map->width() - 96), (b.y() - a.y()) / (map->height() - 96));
        QVERIFY2(fill > 0.98, qPrintable(QString::number(fill)));
    }
};

QTEST_MAIN(WindowLayoutTest)
#include "windowlayouttest.moc"
