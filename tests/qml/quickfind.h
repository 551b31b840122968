// Finding the window's items by objectName, as the QML tests do to reach a button or a panel.
#pragma once

#include <QQuickItem>
#include <QString>

namespace planlines::testing {

// item itself or the first of its descendants (depth first) named name; nullptr when none.
inline QQuickItem *findItem(QQuickItem *item, const QString &name)
{
    if (!item)
        return nullptr;
    if (item->objectName() == name)
        return item;
    for (QQuickItem *child : item->childItems())
        if (QQuickItem *found = findItem(child, name))
            return found;
    return nullptr;
}

} // namespace planlines::testing
