// How the window writes map numbers: scales as 1:250 000, areas in m², 亩 and 公顷.
#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace planlines::qml {

class MapFormat : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    using QObject::QObject;

    // "1:250 000": rounded to three significant digits, thousands spaced as staff write them.
    Q_INVOKABLE static QString scale(double denominator);
    // "12 345.67 m² · 18.52 亩 · 1.23 公顷".
    Q_INVOKABLE static QString area(double areaM2);
    // "42 731": digits grouped by thin spaces of three.
    Q_INVOKABLE static QString grouped(qint64 value);
};

} // namespace planlines::qml
