// The status bar's cursor position: X (northing) / Y (easting) in the working CRS and the
// longitude / latitude (CGCS2000, EPSG:4490) through PROJ, as staff read them.
#pragma once

#include "projectsession.h"

#include <geodata/coordinatetransform.h>

#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace planlines::qml {

class CursorReadout : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        planlines::qml::ProjectSession *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString projectedText READ projectedText NOTIFY positionChanged)
    Q_PROPERTY(QString geographicText READ geographicText NOTIFY positionChanged)
    Q_PROPERTY(double longitude READ longitude NOTIFY positionChanged)
    Q_PROPERTY(double latitude READ latitude NOTIFY positionChanged)

public:
    using QObject::QObject;
    ~CursorReadout() override;

    ProjectSession *session() const { return m_session; }
    void setSession(ProjectSession *session);
    QString projectedText() const { return m_projected; }
    QString geographicText() const { return m_geographic; }
    double longitude() const { return m_lon; }
    double latitude() const { return m_lat; }

    // The cursor is over this working-CRS point.
    Q_INVOKABLE void setPosition(double easting, double northing);
    // The cursor left the map.
    Q_INVOKABLE void clear();

    // 117°33′12.00″E (hemisphere letters; seconds to two decimals, about 6 cm).
    static QString dms(double degrees, bool longitude);

signals:
    void sessionChanged();
    void positionChanged();

private:
    QPointer<ProjectSession> m_session;
    std::unique_ptr<geodata::CoordinateTransform> m_toGeographic;
    QString m_crs; // of m_toGeographic
    QString m_projected, m_geographic;
    double m_lon = 0, m_lat = 0;
};

} // namespace planlines::qml
