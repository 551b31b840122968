#include "measuretool.h"
#include "mapformat.h"

#include <layers/measure.h>

#include <QPointF>

namespace planlines::qml {

void MeasureTool::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    m_points.clear();
    emit modeChanged();
    emit changed();
}

QVariantList MeasureTool::points() const
{
    QVariantList out;
    for (const auto &p : m_points)
        out << QPointF(p.easting, p.northing);
    return out;
}

double MeasureTool::lengthM() const
{
    return layers::polylineLengthM(m_points);
}

double MeasureTool::areaM2() const
{
    return layers::polygonAreaM2(m_points);
}

QString MeasureTool::resultText() const
{
    const auto metres = [](double m) {
        return m >= 10000 ? QStringLiteral("%1 km").arg(m / 1000, 0, 'f', 3)
                          : QStringLiteral("%1 m").arg(m, 0, 'f', 2);
    };
    switch (m_mode) {
    case Distance:
        return m_points.size() < 2 ? tr("单击地图添加点") : tr("长度 %1").arg(metres(lengthM()));
    case Area:
        return m_points.size() < 3 ? tr("单击地图添加至少三个点")
                                   : tr("面积 %1（周长 %2）")
                                         .arg(MapFormat::area(areaM2()),
                                              metres(layers::polygonPerimeterM(m_points)));
    case Off:
        break;
    }
    return {};
}

void MeasureTool::addPoint(double easting, double northing)
{
    if (m_mode == Off)
        return;
    m_points.push_back({easting, northing});
    emit changed();
}

void MeasureTool::removeLast()
{
    if (m_points.empty())
        return;
    m_points.pop_back();
    emit changed();
}

void MeasureTool::clear()
{
    if (m_points.empty())
        return;
    m_points.clear();
    emit changed();
}

} // namespace planlines::qml
