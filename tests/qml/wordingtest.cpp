// The window's words and the leftovers of issue 15 (items 6, 7, 9), driven as a person does
// (offscreen, a copy of the sample county, 1280×720): switching to English with a check result
// on screen re-words it (verdict, units, the highlight's text) without checking again or writing
// a record, and nothing is cut; the dialogs' buttons read 关闭 in Chinese; another project clears
// the result; an import whose role is not recognised waits for a chosen role (none preselected)
// and takes the typed name, the source layer's name by default; its report is a table in the
// UI's words. PLANLINES_WORDING_SHOTS=DIR saves the screenshots there.
#include "windowdriver.h"

#include <qml/appsettings.h>
#include <qml/checkcontroller.h>
#include <qml/importcontroller.h>
#include <qml/mapview.h>
#include <qml/projectsession.h>

#include <geodata/project.h>

#include <QApplication>
#include <QFile>
#include <QFont>
#include <QQmlApplicationEngine>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace planlines;
using qml::MainWindow;
using testing::clickItem;
using testing::findObject;
using testing::findQuickItem;
using testing::sceneRect;

namespace {

const QString kSite = QStringLiteral("通威农光互补光伏发电项目");

bool shown(const QQuickItem *item)
{
    for (; item; item = item->parentItem())
        if (!item->isVisible() || item->opacity() == 0)
            return false;
    return true;
}

// Texts shown under item; cut ones (elided) into cut.
void texts(QQuickItem *item, QStringList &out, QStringList *cut = nullptr)
{
    if (!shown(item) || item->width() <= 0)
        return;
    if (item->inherits("QQuickText")) {
        out << item->property("text").toString();
        if (cut && item->property("truncated").toBool() && item->objectName() != u"crsLabel")
            *cut << QStringLiteral("%1 (%2 of %3 px)")
                        .arg(item->property("text").toString())
                        .arg(item->width())
                        .arg(item->implicitWidth());
    }
    for (QQuickItem *child : item->childItems())
        texts(child, out, cut);
}

// The item named name under a layer row of the table (the row's tableName).
QQuickItem *inLayerRow(QQuickItem *item, const QString &name, const QString &table)
{
    if (!item)
        return nullptr;
    if (item->objectName() == name)
        for (QQuickItem *p = item; p; p = p->parentItem())
            if (p->property("tableName").toString() == table)
                return item;
    for (QQuickItem *child : item->childItems())
        if (QQuickItem *found = inLayerRow(child, name, table))
            return found;
    return nullptr;
}

QString shotsDir()
{
    return qEnvironmentVariable("PLANLINES_WORDING_SHOTS");
}

} // namespace

class WordingTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_db;

    std::int64_t count(const QString &db, const char *sql)
    {
        auto project = geodata::Project::open(db.toStdString(), true);
        return std::get<std::int64_t>(*project->db().scalar(sql));
    }
    static qml::AppSettings *settings(QQmlApplicationEngine &engine)
    {
        return engine.singletonInstance<qml::AppSettings *>(
            qmlTypeId("PlanLines", 1, 0, "AppSettings"));
    }
    // Opens the check panel and checks kSite; returns the controller.
    static qml::CheckController *checkSite(QQuickWindow *window)
    {
        QQuickItem *panel = findQuickItem(window, QStringLiteral("checkPanel"));
        if (!clickItem(window, findQuickItem(window, QStringLiteral("checkToggle"))))
            return nullptr;
        auto *ctl = qobject_cast<qml::CheckController *>(
            findObject(window, QStringLiteral("checkController")));
        if (!ctl ||
            !QTest::qWaitFor([&] { return panel->isVisible() && !ctl->sites().isEmpty(); }, 30000))
            return nullptr;
        QSignalSpy checked(ctl, &qml::CheckController::checkFinished);
        QMetaObject::invokeMethod(panel, "checkNamed", Q_ARG(QVariant, kSite));
        if (!checked.wait(120000) || !checked.first().at(0).toBool())
            return nullptr;
        return ctl;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QApplication::setFont(QFont(QStringLiteral("Noto Sans CJK SC"), 10));
        MainWindow::prepare();
        qml::AppSettings::applyLanguage(QStringLiteral("zh"));
        m_db = m_dir.filePath(QStringLiteral("gaoqing.sqlite"));
        QVERIFY(QFile::copy(QStringLiteral(PLANLINES_SAMPLE_DB), m_db));
    }
    void cleanupTestCase() { qml::AppSettings::applyLanguage(QStringLiteral("zh")); }
    // Each test starts in Chinese (one that failed in English leaves no trace).
    void init()
    {
        QSettings().remove(QStringLiteral("ui/language"));
        qml::AppSettings::applyLanguage(QStringLiteral("zh"));
    }

    // Item 6: a check result on screen, then 设置 → English.
    void languageRewordsTheShownCheck()
    {
        QQmlApplicationEngine engine;
        QString error;
        QQuickWindow *window = MainWindow::load(engine, m_db, QSize(1280, 720), &error);
        QVERIFY2(window, qPrintable(error));
        QVERIFY(testing::showReady(window));
        qml::CheckController *ctl = checkSite(window);
        QVERIFY2(ctl, "the check of the sample site did not finish");
        const auto records = count(m_db, "SELECT count(*) FROM check_records");
        QQuickItem *panel = findQuickItem(window, QStringLiteral("checkPanel"));
        QQuickItem *verdict = findQuickItem(window, QStringLiteral("verdictLabel"));
        const QString zhVerdict = verdict->property("text").toString();
        const QMap<QString, QString> english{
            {QStringLiteral("不符合"), QStringLiteral("Fail")},
            {QStringLiteral("需关注"), QStringLiteral("Attention")},
            {QStringLiteral("符合"), QStringLiteral("Pass")}};
        QVERIFY2(english.contains(zhVerdict), qPrintable(zhVerdict));
        QStringList before;
        texts(panel, before);
        QVERIFY(before.contains(QStringLiteral("亩")));
        QVERIFY(ctl->siteAreaText().contains(QStringLiteral(" 亩 ")));
        const bool highlighted = !ctl->highlightText().isEmpty();
        if (highlighted)
            QVERIFY(ctl->highlightText().contains(QStringLiteral("个要素")));
        const QVariant highlight = ctl->highlight();
        // The form shows what the site was checked with (the sample's 规划用途 and 行业代码).
        QQuickItem *useBox = findQuickItem(window, QStringLiteral("useBox"));
        QQuickItem *industry = findQuickItem(window, QStringLiteral("industryField"));
        const auto useShown = [useBox] {
            return useBox->property("contentItem").value<QQuickItem *>()->property("text");
        };
        QCOMPARE(useBox->property("editText").toString(), QStringLiteral("公用设施用地"));
        QCOMPARE(useShown().toString(), QStringLiteral("公用设施用地"));
        QCOMPARE(industry->property("text").toString(), QStringLiteral("D4416"));

        qml::AppSettings *s = settings(engine);
        QVERIFY(s);
        s->setLanguage(QStringLiteral("en"));
        QCOMPARE(s->activeLanguage(), QStringLiteral("en"));
        QTRY_COMPARE(verdict->property("text").toString(), english.value(zhVerdict));
        QVERIFY2(ctl->siteAreaText().contains(QStringLiteral(" mu ")),
                 qPrintable(ctl->siteAreaText()));
        // The form's words are the site's data: the same in English (the box was once emptied
        // by the switch, its list of uses being bound again).
        QTest::qWait(300);
        QTRY_COMPARE(useBox->property("editText").toString(), QStringLiteral("公用设施用地"));
        QCOMPARE(useShown().toString(), QStringLiteral("公用设施用地"));
        QCOMPARE(industry->property("text").toString(), QStringLiteral("D4416"));
        QCOMPARE(ctl->property("use").toString(), QStringLiteral("公用设施用地"));
        QStringList after, cut;
        texts(panel, after);
        QVERIFY(!after.contains(QStringLiteral("亩")));
        QVERIFY(after.contains(QStringLiteral("mu")));
        QCOMPARE(findObject(window, QStringLiteral("checkToggle"))->property("text").toString(),
                 QStringLiteral("Site check"));
        // The status line and the rules' name in English too.
        QTRY_VERIFY2(ctl->message().startsWith(QStringLiteral("Checked and recorded")),
                     qPrintable(ctl->message()));
        QTRY_VERIFY2(ctl->rulesText().contains(QStringLiteral("built-in")),
                     qPrintable(ctl->rulesText()));
        if (highlighted) { // the same features, in other words
            QVERIFY2(ctl->highlightText().contains(QStringLiteral(" features")),
                     qPrintable(ctl->highlightText()));
            QCOMPARE(ctl->highlight(), highlight);
        }
        // Not checked again, nothing written.
        QCOMPARE(count(m_db, "SELECT count(*) FROM check_records"), records);
        QVERIFY(!ctl->busy());
        // Nothing cut in English at 1280×720, the check panel open with its result and the
        // legend of 地类图斑 open under its row.
        QVERIFY(
            clickItem(window, inLayerRow(testing::rootItem(window), QStringLiteral("legendToggle"),
                                         QStringLiteral("landuse"))));
        QTest::qWait(300);
        after.clear();
        texts(testing::rootItem(window), after, &cut);
        QVERIFY2(cut.isEmpty(), qPrintable(cut.join(u'\n')));
        if (const QString dir = shotsDir(); !dir.isEmpty())
            QVERIFY(window->grabWindow().save(dir + QStringLiteral("/check-en-1280x720.png")));

        s->setLanguage(QStringLiteral("zh"));
        QTRY_COMPARE(verdict->property("text").toString(), zhVerdict);
        QCOMPARE(count(m_db, "SELECT count(*) FROM check_records"), records);
        QTest::qWait(300); // the items' LanguageChange, then the panel's fix after it
        QTRY_COMPARE(useShown().toString(), QStringLiteral("公用设施用地"));

        // A use typed by hand (not in the box's list) stays through a switch, and is checked.
        auto *useEdit = useBox->property("contentItem").value<QQuickItem *>();
        QVERIFY(clickItem(window, useEdit));
        QTest::keyClick(window, Qt::Key_A, Qt::ControlModifier);
        testing::typeText(window, QStringLiteral("物流仓储用地"));
        QCOMPARE(ctl->property("use").toString(), QStringLiteral("物流仓储用地"));
        s->setLanguage(QStringLiteral("en"));
        QTRY_COMPARE(verdict->property("text").toString(), english.value(zhVerdict));
        QTest::qWait(300);
        QTRY_COMPARE(useShown().toString(), QStringLiteral("物流仓储用地"));
        QCOMPARE(ctl->property("use").toString(), QStringLiteral("物流仓储用地"));
        s->setLanguage(QStringLiteral("zh"));
    }

    // Item 6: the standard buttons in Chinese (Qt's own words are English).
    void dialogButtonsInChinese()
    {
        QQmlApplicationEngine engine;
        QQuickWindow *window = MainWindow::load(engine, m_db, QSize(1280, 720));
        QVERIFY(window);
        QVERIFY(testing::showReady(window));
        QTest::keyClick(window, Qt::Key_F1);
        QObject *help = findObject(window, QStringLiteral("shortcutTable"));
        QVERIFY(help);
        QQuickItem *dialogContent = qobject_cast<QQuickItem *>(help);
        QTRY_VERIFY(shown(dialogContent));
        QStringList all;
        texts(testing::rootItem(window), all);
        QVERIFY2(all.contains(QStringLiteral("关闭")), qPrintable(all.join(u'|')));
        QVERIFY(!all.contains(QStringLiteral("Close")));
        QTest::keyClick(window, Qt::Key_Escape);
        QTRY_VERIFY(!shown(dialogContent));
        // The language switched while running: the buttons follow.
        settings(engine)->setLanguage(QStringLiteral("en"));
        QTest::keyClick(window, Qt::Key_F1);
        QTRY_VERIFY(shown(dialogContent));
        all.clear();
        texts(testing::rootItem(window), all);
        QVERIFY2(all.contains(QStringLiteral("Close")), qPrintable(all.join(u'|')));
        QVERIFY(!all.contains(QStringLiteral("关闭")));
        settings(engine)->setLanguage(QStringLiteral("zh"));
    }

    // Item 9: labels readable over highlights: the frame shown tells where its labels are, and
    // the overlays' fills keep off those boxes (the region they clip to leaves them out).
    void overlayFillsKeepOffTheLabels()
    {
        QQmlApplicationEngine engine;
        QQuickWindow *window = MainWindow::load(engine, m_db, QSize(1280, 720));
        QVERIFY(window);
        QVERIFY(testing::showReady(window));
        qml::MapView *map = MainWindow::mapView(window);
        QTRY_VERIFY(!map->labelBoxes().empty()); // the townships' names at the county's scale
        const QTransform toPixel = map->viewport().worldToPixelTransform();
        const QRectF bounds(0, 0, map->width(), map->height());
        const QRegion outside = map->outsideLabels(toPixel, bounds);
        int inView = 0;
        for (const QRectF &box : map->labelBoxes()) {
            const QRectF px = toPixel.mapRect(box);
            if (!bounds.contains(px))
                continue;
            ++inView;
            QVERIFY(!outside.contains(px.center().toPoint()));
        }
        QVERIFY(inView >= 5);
        // Away from the labels the fill is drawn: most of the map is outside them.
        qint64 area = 0;
        for (const QRect &r : outside)
            area += qint64(r.width()) * r.height();
        QVERIFY(area > 0.8 * map->width() * map->height());
    }

    // Item 9: another project opened clears the check result and its highlight.
    void anotherProjectClearsTheResult()
    {
        const QString other = m_dir.filePath(QStringLiteral("other.sqlite"));
        QVERIFY(QFile::copy(QStringLiteral(PLANLINES_SAMPLE_DB), other));
        QQmlApplicationEngine engine;
        QQuickWindow *window = MainWindow::load(engine, m_db, QSize(1280, 720));
        QVERIFY(window);
        QVERIFY(testing::showReady(window));
        qml::CheckController *ctl = checkSite(window);
        QVERIFY(ctl);
        QVERIFY(ctl->hasResult());
        QObject *overlay = findObject(window, QStringLiteral("checkOverlay"));
        QVERIFY(overlay);
        QVERIFY(!overlay->property("extent").toList().isEmpty());
        MainWindow::mapView(window)->session()->setPath(other);
        QTRY_VERIFY_WITH_TIMEOUT(MainWindow::mapView(window)->ready(), 60000);
        QVERIFY(!ctl->hasResult());
        QVERIFY(ctl->highlight().isEmpty());
        QVERIFY(overlay->property("extent").toList().isEmpty());
        QVERIFY(!findQuickItem(window, QStringLiteral("verdictLabel")) ||
                !shown(findQuickItem(window, QStringLiteral("verdictLabel"))));
    }

    // Item 7: a layer of no known role: no role chosen for the person, the import button waits
    // for one; the name starts as the layer's name in the file (not the file's) and is taken as
    // typed; the report is a table in the UI's words.
    void importAsksForTheRole()
    {
        const QString file = m_dir.filePath(QStringLiteral("upload.geojson"));
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(R"({"type":"FeatureCollection","name":"杂项地物","features":[
{"type":"Feature","properties":{"ABC":"一"},"geometry":{"type":"Polygon","coordinates":
[[[117.70,37.15],[117.701,37.15],[117.701,37.151],[117.70,37.151],[117.70,37.15]]]}},
{"type":"Feature","properties":{"ABC":"二"},"geometry":{"type":"Polygon","coordinates":
[[[117.71,37.15],[117.711,37.15],[117.711,37.151],[117.71,37.151],[117.71,37.15]]]}}]})");
        }
        QQmlApplicationEngine engine;
        QQuickWindow *window = MainWindow::load(engine, m_db, QSize(1280, 720));
        QVERIFY(window);
        QVERIFY(testing::showReady(window));
        QObject *dialog = findObject(window, QStringLiteral("importDialog"));
        auto *controller = qobject_cast<qml::ImportController *>(
            findObject(window, QStringLiteral("importController")));
        QVERIFY(dialog && controller);
        QSignalSpy finished(controller, &qml::ImportController::finished);
        QMetaObject::invokeMethod(dialog, "importFiles",
                                  Q_ARG(QVariant, QVariantList{QUrl::fromLocalFile(file)}));
        QVERIFY(finished.wait(60000));
        QVERIFY(controller->needsRole());
        QCOMPARE(controller->pendingLayer(), QStringLiteral("杂项地物"));
        QQuickItem *chooser = findQuickItem(window, QStringLiteral("roleChooser"));
        QQuickItem *name = findQuickItem(window, QStringLiteral("layerNameField"));
        QQuickItem *button = findQuickItem(window, QStringLiteral("importWithRoleButton"));
        QVERIFY(chooser && name && button);
        QTRY_VERIFY(shown(chooser));
        QCOMPARE(chooser->property("currentIndex").toInt(), -1);
        QCOMPARE(chooser->property("displayText").toString(), QStringLiteral("请选择类型…"));
        QCOMPARE(name->property("text").toString(), QStringLiteral("杂项地物"));
        QVERIFY(!button->isEnabled());
        // The report's row: the layer, no role yet, its counts and why nothing was written.
        QQuickItem *role = findQuickItem(window, QStringLiteral("reportRole"));
        QQuickItem *counts = findQuickItem(window, QStringLiteral("reportCounts"));
        QQuickItem *layer = findQuickItem(window, QStringLiteral("reportLayer"));
        QVERIFY(role && counts && layer);
        QCOMPARE(layer->property("text").toString(), QStringLiteral("upload.geojson\n杂项地物"));
        QCOMPARE(role->property("text").toString(), QStringLiteral("未识别，请选择"));
        QVERIFY2(counts->property("text").toString().endsWith(QStringLiteral("未写入：需选择类型")),
                 qPrintable(counts->property("text").toString()));
        const auto layersBefore = count(m_db, "SELECT count(*) FROM layers");

        // Choose 基础地理 (as the list's click does), type another name, import.
        int context = -1;
        const QVariantList roles = controller->roles();
        for (int i = 0; i < roles.size(); ++i)
            if (roles[i].toMap().value(QStringLiteral("id")) == QStringLiteral("context"))
                context = i;
        QVERIFY(context >= 0);
        chooser->setProperty("currentIndex", context);
        QVERIFY(button->isEnabled());
        QVERIFY(clickItem(window, name));
        QTest::keyClick(window, Qt::Key_A, Qt::ControlModifier);
        for (const QChar c : QStringLiteral("河滩杂地"))
            QTest::sendKeyEvent(QTest::Click, window, Qt::Key_unknown, QString(c), {});
        QTRY_COMPARE(name->property("text").toString(), QStringLiteral("河滩杂地"));
        finished.clear();
        QVERIFY(clickItem(window, button));
        QVERIFY(finished.wait(60000));
        QVERIFY2(controller->succeeded(), qPrintable(controller->reportText()));
        QCOMPARE(count(m_db, "SELECT count(*) FROM layers"), layersBefore + 1);
        QCOMPARE(count(m_db, "SELECT count(*) FROM layers WHERE name = '河滩杂地'"), 1);
        QTRY_COMPARE(
            findQuickItem(window, QStringLiteral("reportRole"))->property("text").toString(),
            QStringLiteral("基础地理（用户选择）"));
        const QVariantMap row = controller->reportRows().value(0).toMap();
        QCOMPARE(row.value("layer").toString(), QStringLiteral("杂项地物 → 河滩杂地"));
        QCOMPARE(row.value("counts").toString(), QStringLiteral("读 2 · 写 2 · 修复 0 · 拒绝 0"));
        QCOMPARE(row.value("status").toString(), QStringLiteral("已写入"));
        QCOMPARE(row.value("encoding").toString(), QStringLiteral("UTF-8（格式规定）"));
        // WGS 84 from the file, transformed to the working CGCS2000 zone.
        QVERIFY2(row.value("crs").toString().startsWith(
                     QStringLiteral("EPSG:4326 (WGS 84)（文件自带），转换：")),
                 qPrintable(row.value("crs").toString()));
        QVERIFY(!shown(chooser));

        // In English, the same report in English words.
        settings(engine)->setLanguage(QStringLiteral("en"));
        const QVariantMap en = controller->reportRows().value(0).toMap();
        QCOMPARE(en.value("role").toString(), QStringLiteral("Context (chosen by the user)"));
        QCOMPARE(en.value("counts").toString(),
                 QStringLiteral("read 2 · written 2 · repaired 0 · rejected 0"));
        QTest::qWait(400);
        QStringList all, cut;
        texts(qvariant_cast<QQuickItem *>(dialog->property("contentItem")), all, &cut);
        QVERIFY2(cut.isEmpty(), qPrintable(cut.join(u'\n')));
        if (const QString dir = shotsDir(); !dir.isEmpty()) {
            QVERIFY(
                window->grabWindow().save(dir + QStringLiteral("/import-report-en-1280x720.png")));
        }
        settings(engine)->setLanguage(QStringLiteral("zh"));
    }
};

QTEST_MAIN(WordingTest)
#include "wordingtest.moc"
