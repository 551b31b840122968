#include "cursorreadout.h"

#include <cmath>

namespace planlines::qml {

CursorReadout::~CursorReadout() = default;

void CursorReadout::setSession(ProjectSession *session)
{
    if (session == m_session)
        return;
    m_session = session;
    m_toGeographic.reset();
    m_crs.clear();
    emit sessionChanged();
    clear();
}

QString CursorReadout::dms(double degrees, bool longitude)
{
    const QChar hemisphere = longitude ? (degrees < 0 ? u'W' : u'E') : (degrees < 0 ? u'S' : u'N');
    // Round once at the last digit shown, so 59.999″ carries into the minutes.
    const qint64 centiSeconds = std::llround(std::abs(degrees) * 360000);
    const qint64 d = centiSeconds / 360000;
    const qint64 m = centiSeconds / 6000 % 60;
    const double s = static_cast<double>(centiSeconds % 6000) / 100;
    return QStringLiteral("%1°%2′%3″%4")
        .arg(d)
        .arg(m, 2, 10, QLatin1Char('0'))
        .arg(s, 5, 'f', 2, QLatin1Char('0'))
        .arg(hemisphere);
}

void CursorReadout::setPosition(double easting, double northing)
{
    m_projected = tr("X %1  Y %2").arg(northing, 0, 'f', 2).arg(easting, 0, 'f', 2);
    m_geographic.clear();
    const QString crs = m_session ? m_session->workingCrs() : QString();
    try {
        if (!crs.isEmpty() && crs != m_crs) {
            m_toGeographic.reset();
            m_crs = crs;
            m_toGeographic =
                std::make_unique<geodata::CoordinateTransform>(crs.toStdString(), "EPSG:4490");
        }
        if (m_toGeographic) {
            double xy[2] = {easting, northing};
            m_toGeographic->transform(xy);
            m_lon = xy[0];
            m_lat = xy[1];
            m_geographic = dms(m_lon, true) + QStringLiteral("  ") + dms(m_lat, false);
        }
    } catch (const std::exception &) {
        // Outside the projection's domain (far off the county): only X/Y is shown.
        m_geographic.clear();
    }
    emit positionChanged();
}

void CursorReadout::clear()
{
    m_projected.clear();
    m_geographic.clear();
    emit positionChanged();
}

} // namespace planlines::qml
