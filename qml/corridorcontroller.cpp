#include "corridorcontroller.h"

#include <geodata/area.h>
#include <geodata/chainage.h>
#include <geodata/corridor/progressrecorder.h>
#include <layers/corridor/progresschart.h>
#include <layers/corridor/statusmap.h>

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QEvent>
#include <QFileInfo>
#include <QImage>
#include <QSaveFile>
#include <QSvgGenerator>

namespace planlines::qml {

using namespace geodata::corridor;

namespace {

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

QDate dateOf(const QString &s)
{
    return QDate::fromString(s, Qt::ISODate);
}

qint64 msOf(const std::string &date)
{
    return QDateTime(dateOf(QString::fromStdString(date)), QTime(0, 0), Qt::UTC)
        .toMSecsSinceEpoch();
}

// A status in the UI's words (规划 … 养护; Planned … Maintenance). statusFromText reads both,
// so the form's choice goes back to the recorder in either language.
QString statusText(Status s)
{
    [[maybe_unused]] static const char *const names[] = {
        QT_TRANSLATE_NOOP("planlines::qml::CorridorController", "规划"),
        QT_TRANSLATE_NOOP("planlines::qml::CorridorController", "施工中"),
        QT_TRANSLATE_NOOP("planlines::qml::CorridorController", "已完工"),
        QT_TRANSLATE_NOOP("planlines::qml::CorridorController", "已验收"),
        QT_TRANSLATE_NOOP("planlines::qml::CorridorController", "养护"),
        QT_TRANSLATE_NOOP("planlines::qml::CorridorController", "未记录"),
    };
    return CorridorController::tr(std::string(statusLabelZh(s)).c_str());
}

} // namespace

CorridorController::CorridorController(QObject *parent) : QObject(parent)
{
    m_date = QDate::currentDate().toString(Qt::ISODate);
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
}

bool CorridorController::eventFilter(QObject *watched, QEvent *event)
{
    // The statuses' words are made with the state: made again in the new language.
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange &&
        m_corridor)
        updateState();
    return QObject::eventFilter(watched, event);
}

CorridorController::~CorridorController()
{
    if (m_session)
        m_session->setLayerRewrite({});
}

void CorridorController::setSession(ProjectSession *session)
{
    if (session == m_session)
        return;
    if (m_session) {
        m_session->disconnect(this);
        m_session->setLayerRewrite({});
    }
    m_session = session;
    if (m_session) {
        connect(m_session, &ProjectSession::statusChanged, this, &CorridorController::reload);
        // Progress recorded in another window or office appears here too.
        connect(m_session, &ProjectSession::progressChanged, this, &CorridorController::reload);
    }
    emit sessionChanged();
    reload();
}

void CorridorController::setDate(const QString &date)
{
    const auto normal = normalizeDate(date.toStdString());
    if (!normal || qs(*normal) == m_date)
        return;
    m_date = qs(*normal);
    updateRange();
    emit dateChanged();
    updateState();
}

QString CorridorController::today()
{
    return QDate::currentDate().toString(Qt::ISODate);
}

void CorridorController::updateRange()
{
    QDate first = m_dataFirst, last = m_dataLast;
    if (const QDate d = dateOf(m_date); d.isValid()) {
        first = first.isValid() ? std::min(first, d) : d;
        last = last.isValid() ? std::max(last, d) : d;
    }
    if (!first.isValid())
        first = last = QDate::currentDate();
    const QString firstText = first.toString(Qt::ISODate);
    const int count = static_cast<int>(first.daysTo(last));
    if (firstText == m_firstDate && count == m_dayCount)
        return;
    m_firstDate = firstText;
    m_dayCount = count;
    emit rangeChanged();
}

QString CorridorController::layerName() const
{
    return m_corridor ? qs(m_corridor->layerName()) : QString();
}

QString CorridorController::layerTable() const
{
    return m_corridor ? qs(m_corridor->layerTable()) : QString();
}

namespace {

QVariantList envelopeList(const geodata::Envelope &e)
{
    return {e.minX, e.minY, e.maxX, e.maxY};
}

} // namespace

QVariantList CorridorController::extent() const
{
    if (!m_corridor || m_corridor->segments().empty())
        return {};
    geodata::Envelope all = m_corridor->segments().front().envelope;
    for (const auto &s : m_corridor->segments()) {
        all.minX = std::min(all.minX, s.envelope.minX);
        all.minY = std::min(all.minY, s.envelope.minY);
        all.maxX = std::max(all.maxX, s.envelope.maxX);
        all.maxY = std::max(all.maxY, s.envelope.maxY);
    }
    return envelopeList(all);
}

QVariantMap CorridorController::segmentInfo(const QString &segmentId) const
{
    const Segment *s = m_corridor ? m_corridor->segment(segmentId.toStdString()) : nullptr;
    if (!s)
        return {};
    return {{QStringLiteral("extent"), envelopeList(s->envelope)},
            {QStringLiteral("fid"), qint64(s->fid)}};
}

QVariantList CorridorController::history(const QString &segmentId) const
{
    QVariantList out;
    if (!m_corridor)
        return out;
    for (const ProgressEntry *e : m_corridor->history(segmentId.toStdString())) {
        QStringList photos;
        for (const auto &p : e->photos)
            photos << qs(p);
        const QString text =
            QStringLiteral("%1 %2 %3%").arg(qs(e->date), statusText(e->status)).arg(e->percent);
        out.prepend(QVariantMap{{QStringLiteral("id"), qint64(e->id)},
                                {QStringLiteral("date"), qs(e->date)},
                                {QStringLiteral("statusLabel"), statusText(e->status)},
                                {QStringLiteral("percent"), e->percent},
                                {QStringLiteral("plantedAreaM2"), e->plantedAreaM2.value_or(-1)},
                                {QStringLiteral("note"), qs(e->note)},
                                {QStringLiteral("photos"), photos},
                                {QStringLiteral("text"), text}});
    }
    return out;
}

int CorridorController::day() const
{
    const QDate first = dateOf(m_firstDate), d = dateOf(m_date);
    if (!first.isValid() || !d.isValid())
        return 0;
    return static_cast<int>(std::clamp<qint64>(first.daysTo(d), 0, m_dayCount));
}

double CorridorController::totalLengthKm() const
{
    return m_corridor ? m_corridor->totalLengthM() / 1000 : 0;
}

QStringList CorridorController::statusLabels() const
{
    QStringList out;
    for (Status s : kRecordedStatuses)
        out << statusText(s);
    return out;
}

QString CorridorController::dateForDay(int day) const
{
    const QDate first = dateOf(m_firstDate);
    return first.isValid() ? first.addDays(day).toString(Qt::ISODate) : m_date;
}

void CorridorController::reload()
{
    m_corridor.reset();
    m_state.reset();
    m_series.reset();
    m_error.clear();
    ProjectSession *session = m_session.data(); // (QPointer: GCC sees a possible null)
    if (session && session->status() == ProjectSession::Ready) {
        try {
            auto project = geodata::Project::open(session->path().toStdString(), true);
            m_corridor = std::make_shared<const Corridor>(Corridor::load(*project));
            m_series = progressSeries(*m_corridor);
        } catch (const std::exception &e) {
            m_corridor.reset();
            m_series.reset();
            m_error = QString::fromUtf8(e.what());
        }
    }
    QDate first, last = QDate::currentDate();
    if (m_corridor) {
        for (const auto &e : m_corridor->entries()) {
            const QDate d = dateOf(qs(e.date));
            if (d.isValid() && (!first.isValid() || d < first))
                first = d;
            if (d.isValid() && d > last)
                last = d;
        }
        for (const auto &s : m_corridor->segments())
            if (const QDate d = dateOf(qs(s.planStart));
                d.isValid() && (!first.isValid() || d < first))
                first = d;
    }
    m_dataFirst = first;
    m_dataLast = last;
    updateRange();
    m_planned.clear();
    if (m_series) {
        double prev = 0;
        for (const auto &p : m_series->planned) {
            m_planned.append(QVariantMap{{QStringLiteral("x"), msOf(p.date)},
                                         {QStringLiteral("y"), prev / 1000}});
            m_planned.append(QVariantMap{{QStringLiteral("x"), msOf(p.date)},
                                         {QStringLiteral("y"), p.lengthM / 1000}});
            prev = p.lengthM;
        }
    }
    emit loaded();
    updateState();
}

void CorridorController::updateState()
{
    m_totals.clear();
    m_townshipStatus.clear();
    m_actual.clear();
    if (!m_corridor) {
        m_segments.setRows({});
        if (m_session)
            m_session->setLayerRewrite({});
        emit stateChanged();
        return;
    }
    m_state = CorridorState::on(*m_corridor, m_date.toStdString());
    std::shared_ptr<const layers::LayerStyle> style;
    if (m_session && m_session->map())
        for (const auto &l : m_session->map()->layers())
            if (l.entry.info.table == m_corridor->layerTable())
                style = l.entry.style;
    auto colour = [&](Status s) {
        QColor c = style ? style->symbolFor(statusId(s)).swatchColor() : QColor(Qt::gray);
        if (!c.isValid() || c.alpha() == 0)
            c = QColor(0x9E, 0x9E, 0x9E);
        c.setAlpha(255);
        return c;
    };

    std::vector<CorridorSegmentModel::Row> rows;
    for (const auto &s : m_state->segments())
        rows.push_back({qs(s.segment->id),
                        qs(geodata::formatChainage(s.segment->startM)) + QStringLiteral("–") +
                            qs(geodata::formatChainage(s.segment->endM)),
                        qs(s.segment->townshipName), qs(s.segment->works), qs(statusId(s.status)),
                        statusText(s.status), qs(s.since), s.percent,
                        geodata::m2ToMu(s.segment->areaM2), colour(s.status)});
    m_segments.setRows(std::move(rows));

    for (Status s : kAllStatuses) {
        const Totals &t = m_state->byStatus().at(s);
        m_totals.append(QVariantMap{{QStringLiteral("status"), qs(statusId(s))},
                                    {QStringLiteral("label"), statusText(s)},
                                    {QStringLiteral("color"), colour(s)},
                                    {QStringLiteral("segments"), t.segments},
                                    {QStringLiteral("lengthM"), t.lengthM},
                                    {QStringLiteral("areaM2"), t.areaM2},
                                    {QStringLiteral("areaMu"), geodata::m2ToMu(t.areaM2)},
                                    {QStringLiteral("areaHa"), geodata::m2ToHa(t.areaM2)}});
    }
    const TownshipStatusTable table = geodata::corridor::townshipStatus(*m_state);
    QStringList towns;
    for (const auto &t : table.townships)
        towns << qs(t);
    QVariantList sets;
    for (std::size_t i = 0; i < kAllStatuses.size(); ++i) {
        QVariantList km;
        for (const auto &row : table.lengthM)
            km.append(row[i] / 1000);
        sets.append(QVariantMap{{QStringLiteral("status"), qs(statusId(kAllStatuses[i]))},
                                {QStringLiteral("label"), statusText(kAllStatuses[i])},
                                {QStringLiteral("color"), colour(kAllStatuses[i])},
                                {QStringLiteral("lengthKm"), km}});
    }
    m_townshipStatus = {{QStringLiteral("townships"), towns}, {QStringLiteral("sets"), sets}};

    if (m_series) {
        double prev = 0;
        for (const auto &p : m_series->actual) {
            if (p.date > m_date.toStdString())
                break;
            m_actual.append(QVariantMap{{QStringLiteral("x"), msOf(p.date)},
                                        {QStringLiteral("y"), prev / 1000}});
            m_actual.append(QVariantMap{{QStringLiteral("x"), msOf(p.date)},
                                        {QStringLiteral("y"), p.lengthM / 1000}});
            prev = p.lengthM;
        }
        m_actual.append(QVariantMap{{QStringLiteral("x"), msOf(m_date.toStdString())},
                                    {QStringLiteral("y"), prev / 1000}});
    }

    if (m_session) {
        // The map: the corridor layer coloured by status on this date.
        // A state points into its corridor: the rewrite keeps both alive.
        auto corridor = m_corridor;
        auto state = std::make_shared<const CorridorState>(*m_state);
        m_session->setLayerRewrite([state, corridor](std::vector<layers::RenderLayer> l) {
            return layers::corridor::withStatus(std::move(l), *state, corridor->layerTable());
        });
    }
    emit stateChanged();
}

QString CorridorController::record(const QString &segmentId, const QString &date,
                                   const QString &statusLabel, double percent, double plantedAreaM2,
                                   const QString &note, const QStringList &photos,
                                   qint64 supersedes)
{
    ProjectSession *session = m_session.data(); // (QPointer: GCC sees a possible null)
    if (!m_corridor || !session)
        return tr("没有打开含生态廊道图层的项目");
    ProgressInput in;
    in.segmentId = segmentId.toStdString();
    in.date = date.toStdString();
    const auto status = statusFromText(statusLabel.toStdString());
    if (!status)
        return tr("未知状态：%1").arg(statusLabel);
    in.status = *status;
    if (percent >= 0)
        in.percent = percent;
    if (plantedAreaM2 >= 0)
        in.plantedAreaM2 = plantedAreaM2;
    in.note = note.toStdString();
    for (const QString &p : photos)
        in.photos.push_back(p.toStdString());
    if (supersedes > 0)
        in.supersedes = supersedes;
    try {
        auto project = geodata::Project::open(session->path().toStdString());
        recordProgress(*project, *m_corridor, {in}, "planlines GUI");
    } catch (const std::exception &e) {
        return QString::fromUtf8(e.what());
    }
    reload();
    return {};
}

QVariantMap CorridorController::pointAt(const QString &chainage) const
{
    if (!m_corridor)
        return {{QStringLiteral("error"), tr("没有打开含生态廊道图层的项目")}};
    const auto m = geodata::parseChainage(chainage.toStdString());
    if (!m)
        return {{QStringLiteral("error"), tr("“%1”不是桩号（例如 K12+300）").arg(chainage)}};
    try {
        const auto p = m_corridor->levee().pointAt(*m);
        const Segment *seg = m_corridor->segmentAt(*m);
        QVariantMap out{{QStringLiteral("easting"), p.easting},
                        {QStringLiteral("northing"), p.northing},
                        {QStringLiteral("segment"), seg ? qs(seg->id) : QString()}};
        if (seg)
            out.insert(QStringLiteral("fid"), qint64(seg->fid));
        return out;
    } catch (const std::exception &e) {
        return {{QStringLiteral("error"), QString::fromUtf8(e.what())}};
    }
}

QVariantMap CorridorController::locate(double easting, double northing) const
{
    if (!m_corridor)
        return {{QStringLiteral("error"), tr("没有打开含生态廊道图层的项目")}};
    try {
        const auto loc = m_corridor->levee().locate(easting, northing);
        const Segment *seg = m_corridor->segmentAt(loc.chainageM);
        return {{QStringLiteral("chainage"), qs(geodata::formatChainage(loc.chainageM, 1))},
                {QStringLiteral("chainageM"), loc.chainageM},
                {QStringLiteral("offsetM"), loc.offsetM},
                {QStringLiteral("segment"), seg ? qs(seg->id) : QString()}};
    } catch (const std::exception &e) {
        return {{QStringLiteral("error"), QString::fromUtf8(e.what())}};
    }
}

QString CorridorController::exportChart(const QString &path, int widthPx, int heightPx) const
{
    if (!m_series)
        return tr("没有可导出的进度数据");
    const bool svg =
        QFileInfo(path).suffix().compare(QLatin1String("svg"), Qt::CaseInsensitive) == 0;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("无法写入 %1：%2").arg(path, file.errorString());
    layers::corridor::ChartStyle style;
    style.pxPerMm = 96 / 25.4 * std::max(1.0, widthPx / 800.0);
    const QRectF rect(0, 0, widthPx, heightPx);
    if (svg) {
        QSvgGenerator gen;
        gen.setOutputDevice(&file);
        gen.setSize(QSize(widthPx, heightPx));
        gen.setViewBox(rect);
        gen.setTitle(layerName());
        QPainter p(&gen);
        p.fillRect(rect, Qt::white);
        layers::corridor::drawProgressChart(p, rect, *m_series, m_date.toStdString(), style);
    } else {
        QImage image(widthPx, heightPx, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        {
            QPainter p(&image);
            layers::corridor::drawProgressChart(p, rect, *m_series, m_date.toStdString(), style);
        }
        if (!image.save(&file, "PNG"))
            return tr("无法写入 %1").arg(path);
    }
    if (!file.commit())
        return tr("无法写入 %1：%2").arg(path, file.errorString());
    return {};
}

} // namespace planlines::qml
