// The corridor panel's logic for QML: the session's corridor (segments, progress, plan), the
// chosen date and what it shows (each segment's status, totals by status and by township, the
// map coloured by status through the session), the chart series, recording an entry, and
// exporting the progress chart as PNG or SVG.
#pragma once

#include "corridorsegmentmodel.h"
#include "projectsession.h"

#include <geodata/corridor/progressseries.h>

#include <QDate>
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
    Q_PROPERTY(QString layerTable READ layerTable NOTIFY loaded)
    // The slider's range: day 0 is firstDate (the first progress entry, the plan's start, or
    // the date when earlier); it runs to today, the last entry or the date, whichever is last.
    // So the slider's handle always stands at the date.
    Q_PROPERTY(QString firstDate READ firstDate NOTIFY rangeChanged)
    Q_PROPERTY(int dayCount READ dayCount NOTIFY rangeChanged)
    Q_PROPERTY(int day READ day NOTIFY dateChanged)
    // The corridor's extent, [minE, minN, maxE, maxN] (empty when there is none).
    Q_PROPERTY(QVariantList extent READ extent NOTIFY loaded)
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
    QString layerTable() const;
    QVariantList extent() const;
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
    // Today, YYYY-MM-DD (the form's default date).
    Q_INVOKABLE static QString today();
    // Records one entry (statusLabel: 规划 … 养护; percent < 0: the default; plantedAreaM2 < 0:
    // none; photos: files that must exist; supersedes > 0: the id of the entry it corrects)
    // with its audit row. Returns "" when recorded, else the reason; reloads on success.
    Q_INVOKABLE QString record(const QString &segmentId, const QString &date,
                               const QString &statusLabel, double percent, double plantedAreaM2,
                               const QString &note, const QStringList &photos = {},
                               qint64 supersedes = 0);
    // The segment's entries in force, newest first: [{id, date, statusLabel, percent,
    // plantedAreaM2 (-1: none), note, photos, text}] (text: "2022-03-01 施工中 50%").
    Q_INVOKABLE QVariantList history(const QString &segmentId) const;
    // The segment's extent [minE, minN, maxE, maxN] and feature id {fid} as {extent, fid};
    // empty for an unknown id.
    Q_INVOKABLE QVariantMap segmentInfo(const QString &segmentId) const;
    // Linear referencing on the levee. pointAt("K12+300") → {easting, northing, segment, fid}
    // or {error}; locate(e, n) → {chainage: "K12+300.0", chainageM, offsetM, segment} or
    // {error}.
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
    void rangeChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void reload();
    void updateState();
    void updateRange();

    QPointer<ProjectSession> m_session;
    QString m_date;
    QString m_error;
    QString m_firstDate;
    int m_dayCount = 0;
    QDate m_dataFirst, m_dataLast; // of the entries and the plan (today at the latest)
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
