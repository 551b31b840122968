// Loads Main.qml into an engine for a project: what runGui and the window tests share.
#pragma once

#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QSize>
#include <QString>
#include <QVariantMap>

namespace planlines::qml {

class MapView;

class MainWindow
{
public:
    // Call once the QGuiApplication exists, before the first window: picks the software scene graph
    // on platforms without a GPU (offscreen, minimal) and the desktop controls style.
    static void prepare();
    // Loads qrc:/qt/qml/PlanLines/Main.qml with databasePath as its required property and
    // returns its window, or nullptr with error set (the QML failed to load; a project that
    // fails to open is shown in the window instead).
    // extra: further initial properties of Main.qml (checkSite).
    static QQuickWindow *load(QQmlApplicationEngine &engine, const QString &databasePath,
                              QSize size, QString *error = nullptr, const QVariantMap &extra = {});
    // The window's map item.
    static MapView *mapView(QQuickWindow *window);
};

} // namespace planlines::qml
