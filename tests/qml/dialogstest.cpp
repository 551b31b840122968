// Every QML file of the PlanLines module compiles in the engine the window uses (a missing import
// fails naming the module), and so do the Qt Quick Dialogs implementations the file choosers
// open; then, in the window on a copy of the sample county opened with a site checked, every
// dialog, menu and file chooser is opened as a person opens it (clicks on its button), shown,
// and closed with Esc, and the window still answers afterwards. The file choosers are Qt's
// non-native FileDialog here as on a desktop without a native one; it needs
// Qt.labs.folderlistmodel, and without it the first one opened crashed the window.
#include "quickfind.h"

#include <qml/checkcontroller.h>
#include <qml/mainwindow.h>
#include <qml/mapview.h>

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFont>
#include <QQmlComponent>
#include <QQuickItem>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace planlines;
using qml::MainWindow;
using qml::MapView;
using testing::findItem;

namespace {

const QString kSite = QStringLiteral("通威农光互补光伏发电项目");

// The window's root item (an ApplicationWindow's content item is under it).
QQuickItem *rootItem(QQuickWindow *window)
{
    QQuickItem *item = window->contentItem();
    while (item->parentItem())
        item = item->parentItem();
    return item;
}

// The object named name among root's QObject children, its items' child items and the content
// of its popups (a Dialog's FileDialog is a QObject under the popup's content item).
QObject *findObject(QObject *root, const QString &name, QSet<QObject *> &seen)
{
    if (!root || seen.contains(root))
        return nullptr;
    seen.insert(root);
    if (root->objectName() == name)
        return root;
    QObjectList next = root->children();
    if (auto *item = qobject_cast<QQuickItem *>(root))
        for (QQuickItem *child : item->childItems())
            next << child;
    if (root->inherits("QQuickPopup"))
        next << root->property("contentItem").value<QQuickItem *>();
    for (QObject *o : std::as_const(next))
        if (QObject *found = findObject(o, name, seen))
            return found;
    return nullptr;
}

QObject *findObject(QQuickWindow *window, const QString &name)
{
    QSet<QObject *> seen;
    if (QObject *found = findObject(window, name, seen))
        return found;
    return findObject(rootItem(window), name, seen);
}

// The popups open over the window: the visible popup items in its overlay (QQuickOverlay; a
// modal popup's dimmer is there too, not counted).
int openPopups(QQuickWindow *window)
{
    const auto children = rootItem(window)->childItems();
    for (QQuickItem *child : children)
        if (child->inherits("QQuickOverlay")) {
            int n = 0;
            for (QQuickItem *popup : child->childItems())
                n += popup->isVisible() && popup->inherits("QQuickPopupItem");
            return n;
        }
    return -1;
}

} // namespace

class DialogsTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    QQuickWindow *m_window = nullptr;

    QObject *object(const QString &name)
    {
        QObject *o = findObject(m_window, name);
        if (!o)
            qWarning("no object named %s in the window", qPrintable(name));
        return o;
    }

    // Clicks the middle of the visible item named name, as a person does.
    void click(const QString &name)
    {
        auto *item = qobject_cast<QQuickItem *>(object(name));
        QVERIFY2(item && item->isVisible() && item->isEnabled(), qPrintable(name));
        const QPointF c = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
        QVERIFY2(QRectF(0, 0, m_window->width(), m_window->height()).contains(c), qPrintable(name));
        QTest::mouseClick(m_window, Qt::LeftButton, {}, c.toPoint());
    }

    // Clicks button, sees dialog shown with one more popup over the window, closes it with Esc
    // and sees it gone; what was open before stays open.
    void openAndEscape(const QString &button, const QString &dialogName)
    {
        QObject *dialog = object(dialogName);
        QVERIFY2(dialog, qPrintable(dialogName));
        QVERIFY2(!dialog->property("visible").toBool(), qPrintable(dialogName));
        const int before = openPopups(m_window);
        click(button);
        if (QTest::currentTestFailed())
            return;
        QTRY_VERIFY2(dialog->property("visible").toBool(), qPrintable(dialogName));
        QTRY_COMPARE(openPopups(m_window), before + 1);
        QVERIFY(!m_window->grabWindow().isNull());
        QTest::qWait(100); // past the opening transition
        QTest::keyClick(m_window, Qt::Key_Escape);
        QTRY_VERIFY2(!dialog->property("visible").toBool(), qPrintable(dialogName));
        QTRY_COMPARE(openPopups(m_window), before);
    }

private slots:
    void initTestCase()
    {
        QApplication::setFont(QFont(QStringLiteral("Noto Sans CJK SC"), 10));
        MainWindow::prepare(); // the Fusion style and the software scene graph, as the app
        m_db = m_dir.filePath(QStringLiteral("gaoqing.sqlite"));
        QVERIFY(QFile::copy(QStringLiteral(PLANLINES_SAMPLE_DB), m_db));
    }

    // Each qml/*.qml is in the module and compiles there, imports resolved.
    void everyQmlFileCompiles()
    {
        const QStringList sources = QDir(QStringLiteral(PLANLINES_SOURCE_DIR "/qml"))
                                        .entryList({QStringLiteral("*.qml")}, QDir::Files);
        const QStringList compiled = QDir(QStringLiteral(":/qt/qml/PlanLines"))
                                         .entryList({QStringLiteral("*.qml")}, QDir::Files);
        QVERIFY(sources.size() >= 20);
        QCOMPARE(compiled, sources); // a file left out of qml/CMakeLists.txt's QML_FILES
        QQmlApplicationEngine engine;
        // The engine as MainWindow::load sets it up (the module's import path and types).
        QString error;
        QVERIFY2(MainWindow::load(engine, QStringLiteral("/nonexistent/none.sqlite"), {200, 100},
                                  &error),
                 qPrintable(error));
        for (const QString &name : sources) {
            QQmlComponent component(&engine, QUrl(QStringLiteral("qrc:/qt/qml/PlanLines/") + name));
            QTRY_VERIFY(!component.isLoading());
            QVERIFY2(component.isReady(), qPrintable(name + u'\n' + component.errorString()));
        }
    }

    // The QML behind Qt's non-native file and folder choosers (QtQuick.Dialogs.quickimpl, as
    // the window's Fusion style selects it): it imports modules none of our files import.
    void qtsDialogImplementationsCompile()
    {
        QQmlApplicationEngine engine;
        // Loads the module's plugin, which holds its QML, and the style (Fusion, which the
        // engine's file selector then picks: qml/+Fusion/FileDialog.qml).
        QQmlComponent module(&engine);
        module.setData("import QtQml\nimport QtQuick.Controls\nimport QtQuick.Dialogs.quickimpl\n"
                       "QtObject {}\n",
                       QUrl(QStringLiteral("qrc:/dialogstest/Module.qml")));
        QVERIFY2(module.isReady(), qPrintable(module.errorString()));
        for (const char *file : {"FileDialog.qml", "FolderDialog.qml"}) {
            QQmlComponent component(
                &engine, QUrl(QStringLiteral("qrc:/qt-project.org/imports/QtQuick/Dialogs/"
                                             "quickimpl/qml/") +
                              QLatin1String(file)));
            QTRY_VERIFY(!component.isLoading());
            QVERIFY2(component.isReady(), qPrintable(component.errorString()));
        }
    }

    void everyDialogOpensAndCloses()
    {
        QQmlApplicationEngine engine;
        QString error;
        m_window = MainWindow::load(engine, m_db, QSize(1600, 1000), &error,
                                    {{QStringLiteral("checkSite"), kSite}});
        QVERIFY2(m_window, qPrintable(error));
        MapView *map = MainWindow::mapView(m_window);
        QTRY_VERIFY_WITH_TIMEOUT(map->ready(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->property("pending").toBool(), 60000);
        m_window->requestActivate();
        QVERIFY(QTest::qWaitForWindowActive(m_window));
        auto *ctl = qobject_cast<qml::CheckController *>(object(QStringLiteral("checkController")));
        QVERIFY(ctl);
        QVERIFY2(ctl->hasResult(), qPrintable(ctl->errorString())); // 生成报告… is enabled
        QCOMPARE(openPopups(m_window), 0);

        // 设置: the language menu.
        openAndEscape(QStringLiteral("settingsButton"), QStringLiteral("settingsMenu"));
        if (QTest::currentTestFailed())
            return;

        // 导入… → 选择文件…: the import dialog's file chooser, closed; then the dialog.
        click(QStringLiteral("importButton"));
        if (QTest::currentTestFailed())
            return;
        QObject *importDialog = object(QStringLiteral("importDialog"));
        QVERIFY(importDialog);
        QTRY_VERIFY(importDialog->property("opened").toBool());
        openAndEscape(QStringLiteral("chooseFilesButton"), QStringLiteral("importFilePicker"));
        if (QTest::currentTestFailed())
            return;
        QVERIFY(importDialog->property("visible").toBool());
        QTest::keyClick(m_window, Qt::Key_Escape);
        QTRY_VERIFY(!importDialog->property("visible").toBool());

        // The check panel (open with the site checked): 文件 → 浏览…, and the rules' 更换….
        QQuickItem *tabs = findItem(m_window->contentItem(), QStringLiteral("checkSourceTabs"));
        QVERIFY(tabs);
        QQuickItem *fileTab = nullptr;
        QMetaObject::invokeMethod(tabs, "itemAt", Q_RETURN_ARG(QQuickItem *, fileTab),
                                  Q_ARG(int, 2));
        QVERIFY(fileTab);
        QCOMPARE(fileTab->property("text").toString(), QStringLiteral("文件"));
        QTest::mouseClick(
            m_window, Qt::LeftButton, {},
            fileTab->mapToScene(QPointF(fileTab->width() / 2, fileTab->height() / 2)).toPoint());
        QTRY_COMPARE(tabs->property("currentIndex").toInt(), 2);
        openAndEscape(QStringLiteral("checkFileBrowseButton"), QStringLiteral("checkFilePicker"));
        if (QTest::currentTestFailed())
            return;
        openAndEscape(QStringLiteral("rulesButton"), QStringLiteral("rulesPicker"));
        if (QTest::currentTestFailed())
            return;
        QVERIFY(ctl->rulesFile().isEmpty()); // Esc chose nothing

        // 检查记录….
        openAndEscape(QStringLiteral("recordsButton"), QStringLiteral("checkRecordsDialog"));
        if (QTest::currentTestFailed())
            return;

        // 生成报告… → 浏览…: the report's file chooser, closed; then the dialog, writing nothing.
        click(QStringLiteral("reportButton"));
        if (QTest::currentTestFailed())
            return;
        QObject *reportDialog = object(QStringLiteral("checkReportDialog"));
        QVERIFY(reportDialog);
        QTRY_VERIFY(reportDialog->property("opened").toBool());
        auto *path = qobject_cast<QQuickItem *>(object(QStringLiteral("reportPathField")));
        QVERIFY(path);
        const QString suggested = path->property("text").toString();
        QVERIFY2(suggested.endsWith(QStringLiteral(".pdf")), qPrintable(suggested));
        openAndEscape(QStringLiteral("reportBrowseButton"), QStringLiteral("reportFilePicker"));
        if (QTest::currentTestFailed())
            return;
        QVERIFY(reportDialog->property("visible").toBool());
        QCOMPARE(path->property("text").toString(), suggested);
        // 模板 → 浏览…: the template's file chooser, closed; the field stays empty (built-in).
        openAndEscape(QStringLiteral("reportTemplateBrowseButton"),
                      QStringLiteral("reportTemplatePicker"));
        if (QTest::currentTestFailed())
            return;
        QVERIFY(reportDialog->property("visible").toBool());
        QVERIFY(
            object(QStringLiteral("reportTemplateField"))->property("text").toString().isEmpty());
        // 格式: ODT changes the file's extension, PDF back.
        QObject *format = object(QStringLiteral("reportFormatBox"));
        QVERIFY(format);
        QCOMPARE(format->property("count").toInt(), 4);
        format->setProperty("currentIndex", 1);
        QMetaObject::invokeMethod(format, "activated", Q_ARG(int, 1));
        QTRY_VERIFY2(path->property("text").toString().endsWith(QStringLiteral(".odt")),
                     qPrintable(path->property("text").toString()));
        if (qEnvironmentVariableIsSet("PLANLINES_DIALOG_SHOT"))
            m_window->grabWindow().save(qEnvironmentVariable("PLANLINES_DIALOG_SHOT"));
        format->setProperty("currentIndex", 0);
        QMetaObject::invokeMethod(format, "activated", Q_ARG(int, 0));
        QTRY_COMPARE(path->property("text").toString(), suggested);
        QTest::keyClick(m_window, Qt::Key_Escape);
        QTRY_VERIFY(!reportDialog->property("visible").toBool());
        QVERIFY(!QFile::exists(suggested));

        // 打印: the print panel beside the map (not a popup over it); Esc closes it.
        click(QStringLiteral("printButton"));
        if (QTest::currentTestFailed())
            return;
        QObject *print = object(QStringLiteral("printDialog"));
        QTRY_VERIFY(print && print->property("visible").toBool());
        QCOMPARE(openPopups(m_window), 0);
        QTest::keyClick(m_window, Qt::Key_Escape);
        QTRY_VERIFY(!print->property("visible").toBool());

        // The window still answers: 放大 zooms the map in and a new frame is drawn.
        QCOMPARE(openPopups(m_window), 0);
        const double scale = map->scaleDenominator();
        const int frames = map->frameCount();
        click(QStringLiteral("zoomInButton"));
        if (QTest::currentTestFailed())
            return;
        QTRY_VERIFY(map->scaleDenominator() < scale * 0.9);
        QTRY_VERIFY_WITH_TIMEOUT(map->frameCount() > frames, 20000);
        QVERIFY(!m_window->grabWindow().isNull());
        m_window = nullptr;
    }
};

QTEST_MAIN(DialogsTest)
#include "dialogstest.moc"
