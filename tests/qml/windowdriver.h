// Driving the real window as a person does, for the window tests: find an object by name
// (items, popups' content, dialogs that are plain QObjects), click an item's middle, see which
// popups are open, wait until the map is ready.
#pragma once

#include "quickfind.h"

#include <qml/mainwindow.h>
#include <qml/mapview.h>

#include <QQuickItem>
#include <QQuickWindow>
#include <QSet>
#include <QTest>

#include <algorithm>

namespace planlines::testing {

// The window's root item (an ApplicationWindow's content item, header and footer are under it).
inline QQuickItem *rootItem(QQuickWindow *window)
{
    QQuickItem *item = window->contentItem();
    while (item->parentItem())
        item = item->parentItem();
    return item;
}

inline QObject *findObject(QObject *root, const QString &name, QSet<QObject *> &seen)
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

// The object named name anywhere in the window: its QObject tree, its items, its popups.
inline QObject *findObject(QQuickWindow *window, const QString &name)
{
    QSet<QObject *> seen;
    if (QObject *found = findObject(window, name, seen))
        return found;
    return findObject(rootItem(window), name, seen);
}

inline QQuickItem *findQuickItem(QQuickWindow *window, const QString &name)
{
    return qobject_cast<QQuickItem *>(findObject(window, name));
}

// The item's rectangle in window coordinates.
inline QRectF sceneRect(const QQuickItem *item)
{
    return item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
}

// Clicks the middle of item, as a person does; false when it is hidden, disabled or off the
// window.
inline bool clickItem(QQuickWindow *window, QQuickItem *item)
{
    if (!item || !item->isVisible() || !item->isEnabled())
        return false;
    const QPointF c = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
    if (!QRectF(0, 0, window->width(), window->height()).contains(c))
        return false;
    QTest::mouseClick(window, Qt::LeftButton, {}, c.toPoint());
    return true;
}

// Types text into the focused item, key by key (QTest::keyClicks takes widgets only).
inline void typeText(QQuickWindow *window, const QString &text)
{
    for (const QChar c : text) {
        const auto key = static_cast<Qt::Key>(c.unicode() < 128 ? c.toUpper().unicode() : 0);
        QTest::sendKeyEvent(QTest::Click, window, key, QString(c), Qt::NoModifier);
    }
}

// Shows the window, makes it the active one (shortcuts and key focus need that) and waits for
// its project's first frame.
inline bool showReady(QQuickWindow *window, int timeoutMs = 60000)
{
    window->show();
    window->requestActivate();
    if (!QTest::qWaitForWindowActive(window))
        return false;
    qml::MapView *map = qml::MainWindow::mapView(window);
    return map && QTest::qWaitFor([map] { return map->ready(); }, timeoutMs);
}

// Scrolls a ScrollView so that item is in view (40 px below its top edge where it can).
inline void scrollIntoView(QQuickItem *scroll, QQuickItem *item)
{
    auto *flick = scroll->property("contentItem").value<QQuickItem *>();
    auto *content = flick->property("contentItem").value<QQuickItem *>();
    const double y = item->mapToItem(content, QPointF(0, 0)).y();
    const double most =
        std::max(0.0, flick->property("contentHeight").toDouble() - flick->height());
    flick->setProperty("contentY", std::clamp(y - 40, 0.0, most));
    QTest::qWait(50);
}

} // namespace planlines::testing
