// The corridor panel's logic for QML: the session's corridor (segments, progress, plan), the
// chosen date and what it shows (each segment's status, totals by status and by township, the
// map coloured by status through the session), the chart series, recording an entry, and
// exporting the progress chart as PNG or SVG.
#pragma once

#include "corridorsegmentmodel.h"
#include "projectsession.h"

#include <geodata/corridor/progressseries.h>

#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <optional>

namespace planlines::qml {

class CorridorController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        planlines::qml::ProjectSession *session READ session WRITE setSession NOTIFY sessionChanged)
    // YYYY-MM-DD; the map, the totals and the list show the corridor as it stood then.
    Q_PROPERTY(QString date READ date WRITE setDate NOTIFY dateChanged)
    Q_PROPERTY(bool ready READ ready NOTIFY loaded)
    Q_PROPERTY(QString errorString READ errorString NOTIFY loaded)
    Q_PROPERTY(QString layerName READ layerName NOTIFY loaded)
    // The slider's range: day 0 is firstDate (the first progress entry, or the plan's start).
    Q_PROPERTY(QString firstDate READ firstDate NOTIFY loaded)
    Q_PROPERTY(int dayCount READ dayCount NOTIFY loaded)
    Q_PROPERTY(int day READ day NOTIFY dateChanged)
    Q_PROPERTY(planlines::qml::CorridorSegmentModel *segments READ segments CONSTANT)
    // [{status, label, color, segments, lengthM, areaM2, areaMu, areaHa}], every status.
    Q_PROPERTY(QVariantList totals READ totals NOTIFY stateChanged)
    // {townships: [name…], sets: [{status, label, color, lengthKm: […]}]}
    Q_PROPERTY(QVariantMap townshipStatus READ townshipStatus NOTIFY stateChanged)
    // Step points for a line chart: [{x: ms since epoch, y: km}] (actual up to the date).
    Q_PROPERTY(QVariantList actualSeries READ actualSeries NOTIFY stateChanged)
    Q_PROPERTY(QVariantList plannedSeries READ plannedSeries NOTIFY loaded)
    Q_PROPERTY(double totalLengthKm READ totalLengthKm NOTIFY loaded)
    Q_PROPERTY(QStringList statusLabels READ statusLabels CONSTANT)

public:
    explicit CorridorController(QObject *parent = nullptr);
    ~CorridorController() override;

    ProjectSession *session() const { return m_session; }
    void setSession(ProjectSession *session);
    QString date() const { return m_date; }
    void setDate(const QString &date);
    bool ready() const { return m_corridor != nullptr; }
    QString errorString() const { return m_error; }
    QString layerName() const;
    QString firstDate() const { return m_firstDate; }
    int dayCount() const { return m_dayCount; }
    int day() const;
    CorridorSegmentModel *segments() { return &m_segments; }
    QVariantList totals() const { return m_totals; }
    QVariantMap townshipStatus() const { return m_townshipStatus; }
    QVariantList actualSeries() const { return m_actual; }
    QVariantList plannedSeries() const { return m_planned; }
    double totalLengthKm() const;
    QStringList statusLabels() const;

    // The date day days after firstDate.
    Q_INVOKABLE QString dateForDay(int day) const;
    // Records one entry (statusLabel: 规划 … 养护; percent < 0: the default; plantedAreaM2 < 0:
    // none) with its audit row. Returns "" when recorded, else the reason; reloads on success.
    Q_INVOKABLE QString record(const QString &segmentId, const QString &date,
                               const QString &statusLabel, double percent, double plantedAreaM2,
                               const QString &note);
    // Linear referencing on the levee. pointAt("K12+300") → {easting, northing, segment} or
    // {error}; locate(e, n) → {chainage: "K12+300.0", chainageM, offsetM, segment} or {error}.
    Q_INVOKABLE QVariantMap pointAt(const QString &chainage) const;
    Q_INVOKABLE QVariantMap locate(double easting, double northing) const;
    // Writes the cumulative progress chart (as on the PDF sheet) to path: .svg as SVG, else a
    // PNG, widthPx × heightPx. Written through a temporary file. Returns "" or the reason.
    Q_INVOKABLE QString exportChart(const QString &path, int widthPx = 1200,
                                    int heightPx = 700) const;

signals:
    void sessionChanged();
    void dateChanged();
    void loaded();
    void stateChanged();

private:
    void reload();
    void updateState();

    QPointer<ProjectSession> m_session;
    QString m_date;
    QString m_error;
    QString m_firstDate;
    int m_dayCount = 0;
    std::shared_ptr<const geodata::corridor::Corridor> m_corridor; // shared with the map rewrite
    std::optional<geodata::corridor::ProgressSeries> m_series;
    std::optional<geodata::corridor::CorridorState> m_state;
    CorridorSegmentModel m_segments;
    QVariantList m_totals;
    QVariantMap m_townshipStatus;
    QVariantList m_actual;
    QVariantList m_planned;
};

} // namespace planlines::qml
