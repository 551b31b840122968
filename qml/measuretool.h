// The measuring tool: clicks add vertices (working CRS); in distance mode the path's length, in
// area mode the polygon's area in m², 亩 and 公顷 and its perimeter.
#pragma once

#include <layers/mapviewport.h>

#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace planlines::qml {

class MeasureTool : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Mode mode READ mode WRITE setMode NOTIFY modeChanged)
    Q_PROPERTY(QVariantList points READ points NOTIFY changed)
    Q_PROPERTY(int count READ count NOTIFY changed)
    Q_PROPERTY(double lengthM READ lengthM NOTIFY changed)
    Q_PROPERTY(double areaM2 READ areaM2 NOTIFY changed)
    // "1 234.56 m" or "12 345.67 m² · 18.52 亩 · 1.23 公顷（周长 456.78 m）".
    Q_PROPERTY(QString resultText READ resultText NOTIFY changed)

public:
    enum Mode
    {
        Off,
        Distance,
        Area
    };
    Q_ENUM(Mode)

    using QObject::QObject;

    Mode mode() const { return m_mode; }
    void setMode(Mode mode);
    QVariantList points() const;
    int count() const { return static_cast<int>(m_points.size()); }
    double lengthM() const;
    double areaM2() const;
    QString resultText() const;

    Q_INVOKABLE void addPoint(double easting, double northing);
    Q_INVOKABLE void removeLast();
    Q_INVOKABLE void clear();

signals:
    void modeChanged();
    void changed();

private:
    Mode m_mode = Off;
    std::vector<layers::WorldPoint> m_points;
};

} // namespace planlines::qml
