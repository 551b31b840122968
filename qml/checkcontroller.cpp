#include "checkcontroller.h"
#include "checkrows.h"
#include "checkworker.h"

#include <layers/checkwording.h>
#include <layers/report/sitereport.h>

#include <QCollator>
#include <QCoreApplication>
#include <QDir>
#include <QEvent>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <map>

namespace planlines::qml {

namespace {

QString localPath(const QVariant &v)
{
    if (v.metaType() == QMetaType::fromType<QUrl>())
        return v.toUrl().isLocalFile() ? v.toUrl().toLocalFile() : QString();
    const QString s = v.toString();
    return s.startsWith(QLatin1String("file:")) ? QUrl(s).toLocalFile() : s;
}

} // namespace

CheckController::CheckController(QObject *parent)
    : QObject(parent), m_drawnName(tr("绘制范围")), m_batch(std::make_shared<BatchState>()),
      m_worker(std::make_shared<CheckWorker>(m_batch))
{
    m_rulesFile = QSettings().value(QStringLiteral("check/rulesFile")).toString();
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1); // one thread for the controller's life
    m_batchPoll.setInterval(100);
    connect(&m_batchPoll, &QTimer::timeout, this, &CheckController::pollBatch);
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
}

bool CheckController::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange &&
        !m_rewording) {
        // The texts are made when read (verdictText, rules, overlaps … through tr() and
        // layers/checkwording): announcing the result again re-words it.
        m_rewording = true;
        // The status line: the check's own words made again; another status (a step under
        // way, a record opened) is dropped rather than left in the other language.
        if (m_error.isEmpty() && !m_message.isEmpty()) {
            const qint64 record = recordId();
            const bool reopened = m_messageReopened;
            setMessage({}, !m_messageIsOutcome || record <= 0 ? QString()
                           : reopened                         ? tr("已打开记录 %1").arg(record)
                           : m_results.size() == 1
                               ? tr("已检查并记录（记录 %1）").arg(record)
                               : tr("已检查 %1 个选址并记录").arg(m_results.size()));
        }
        // The rules' name and version come worded from the worker (内置 …): ask again.
        if (m_session && m_session->status() == ProjectSession::Ready)
            start([](CheckWorker &, CheckOutcome &) {}, {});
        emit resultChanged();
        if (m_highlightOf == HighlightOf::Rule)
            highlightRule(m_highlightIndex);
        else if (m_highlightOf == HighlightOf::Overlap)
            highlightOverlap(m_highlightIndex);
        m_rewording = false;
    }
    return QObject::eventFilter(watched, event);
}

void CheckController::clearResult()
{
    if (m_results.empty() && m_highlight.isEmpty())
        return;
    m_results.clear();
    m_notes.clear();
    m_current = -1;
    m_highlight.clear();
    m_highlightText.clear();
    m_highlightOf = HighlightOf::None;
    updateSitePath();
    emit resultChanged();
    emit highlightChanged();
}

void CheckController::pollBatch()
{
    const int done = int(m_batch->done.load());
    const int total = int(m_batch->total.load());
    if (done != m_batchDone || total != m_batchTotal) {
        m_batchDone = done;
        m_batchTotal = total;
        emit batchProgressChanged();
    }
}

void CheckController::cancelBatch()
{
    if (busy())
        m_batch->cancel = true;
}

CheckController::~CheckController()
{
    // The worker's connections and GEOS objects are released on the thread that made them.
    m_pool.start([w = std::move(m_worker)]() mutable { w.reset(); });
    m_pool.waitForDone();
}

void CheckController::setSession(ProjectSession *session)
{
    if (session == m_session)
        return;
    if (m_session)
        m_session->disconnect(this);
    m_session = session;
    m_sessionPath = session ? session->path() : QString();
    clearResult();
    if (session)
        connect(session, &ProjectSession::statusChanged, this, [this, session] {
            ++m_generation; // a reload (an import) may have changed layers and sites
            if (session->path() != m_sessionPath) { // another project: its result is not this
                m_sessionPath = session->path();
                clearResult();
            }
            if (session->status() == ProjectSession::Ready)
                refresh();
        });
    ++m_generation;
    emit sessionChanged();
    if (session && session->status() == ProjectSession::Ready)
        refresh();
}

void CheckController::setIndustry(const QString &code)
{
    if (code.trimmed() == m_industry)
        return;
    m_industry = code.trimmed();
    emit inputsChanged();
}

void CheckController::setUse(const QString &use)
{
    if (use.trimmed() == m_use)
        return;
    m_use = use.trimmed();
    emit inputsChanged();
}

void CheckController::setDrawnName(const QString &name)
{
    if (name == m_drawnName)
        return;
    m_drawnName = name;
    emit inputsChanged();
}

void CheckController::setRulesFile(const QString &file)
{
    const QString path = localPath(file).trimmed();
    if (path == m_rulesFile)
        return;
    m_rulesFile = path;
    emit rulesChanged();
    // Read at once when a project is open (else by the first job): a bad file is said now.
    if (m_session && m_session->status() == ProjectSession::Ready)
        start([](CheckWorker &, CheckOutcome &) {}, tr("正在读取规则文件…"));
}

// Every job first makes the worker use m_rulesFile as it was when the job started; the answer
// counts only if the user has not chosen other rules since.
void CheckController::takeRules(const CheckOutcome &out)
{
    if (out.rulesText.isEmpty() || out.rulesAsked != m_rulesFile)
        return;
    if (!out.rulesError.isEmpty())
        m_rulesFile.clear(); // the built-in rules, as the worker now uses
    QSettings settings;
    if (settings.value(QStringLiteral("check/rulesFile")).toString() != m_rulesFile)
        settings.setValue(QStringLiteral("check/rulesFile"), m_rulesFile);
    if (out.rulesText != m_rulesText || !out.rulesError.isEmpty()) {
        m_rulesText = out.rulesText;
        emit rulesChanged();
    }
}

void CheckController::setMessage(const QString &error, const QString &message)
{
    if (error == m_error && message == m_message)
        return;
    m_error = error;
    m_message = message;
    emit messageChanged();
}

bool CheckController::canStart()
{
    const ProjectSession *session = m_session.data();
    if (!session || session->status() != ProjectSession::Ready) {
        setMessage(tr("项目尚未打开"), {});
        return false;
    }
    return true;
}

bool CheckController::start(Job job, const QString &doing, bool isCheck)
{
    if (!canStart())
        return false;
    const std::string path = m_session->path().toStdString();
    const quint64 generation = m_generation;
    const QString rules = m_rulesFile;
    if (++m_pending == 1) {
        m_batch->cancel = false;
        m_batch->done = 0;
        m_batch->total = 0;
        pollBatch();
        m_batchPoll.start();
        emit busyChanged();
    }
    if (!doing.isEmpty())
        setMessage({}, doing);
    auto *watcher = new QFutureWatcher<std::shared_ptr<CheckOutcome>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        onFinished(watcher->result());
    });
    // Jobs queue on the one thread, in order.
    watcher->setFuture(QtConcurrent::run(
        &m_pool, [worker = m_worker, job = std::move(job), path, generation, isCheck, rules] {
            auto out = std::make_shared<CheckOutcome>();
            out->checked = isCheck;
            out->rulesAsked = rules;
            try {
                worker->open(path, generation);
                worker->useRules(rules.toStdString(), *out);
                job(*worker, *out);
            } catch (const std::exception &e) {
                out->error = QString::fromUtf8(e.what());
            } catch (...) {
                out->error = tr("检查时发生未知错误");
            }
            return out;
        }));
    return true;
}

void CheckController::onFinished(const std::shared_ptr<CheckOutcome> &out)
{
    // Unchanged lists are not announced: a list view keeps its choice (and the inputs it filled).
    if (out->sitesRead) {
        // By name as a person looks for one (pinyin order for Chinese names).
        QCollator collator{QLocale(QLocale::Chinese, QLocale::China)};
        collator.setNumericMode(true);
        std::stable_sort(out->sites.begin(), out->sites.end(),
                         [&collator](const QVariant &a, const QVariant &b) {
                             return collator.compare(
                                        a.toMap().value(QStringLiteral("name")).toString(),
                                        b.toMap().value(QStringLiteral("name")).toString()) < 0;
                         });
    }
    if (out->sitesRead && (!m_sitesRead || out->sites != m_sites)) {
        m_sitesRead = true;
        m_sites = out->sites;
        emit sitesChanged();
    }
    if (out->recordsRead && out->records != m_records) {
        m_records = out->records;
        emit recordsChanged();
    }
    if (out->checked && out->error.isEmpty()) {
        m_results = out->results;
        m_notes = out->notes;
        m_current = m_results.empty() ? -1 : 0;
        m_highlight.clear();
        m_highlightText.clear();
        m_highlightOf = HighlightOf::None;
        updateSitePath();
        emit resultChanged();
        emit highlightChanged();
    }
    if (--m_pending == 0) {
        m_batchPoll.stop();
        m_batch->total = 0;
        pollBatch();
        emit busyChanged();
    }
    if (out->checked || out->report || !out->error.isEmpty() || !out->message.isEmpty()) {
        setMessage(out->error, out->error.isEmpty() ? out->message : QString());
        m_messageIsOutcome = out->checked && out->error.isEmpty() && !out->message.isEmpty();
        m_messageReopened = out->message == CheckWorker::tr("已打开记录 %1").arg(recordId());
    }
    const bool rulesChosen = out->rulesAsked == m_rulesFile;
    takeRules(*out);
    if (rulesChosen && !out->rulesError.isEmpty())
        setMessage(tr("无法使用规则文件，已改用内置规则：%1").arg(out->rulesError), {});
    else if (rulesChosen && !out->checked && !out->report && out->message.isEmpty() &&
             m_message == tr("正在读取规则文件…"))
        setMessage({}, tr("检查规则：%1").arg(m_rulesText));
    if (out->checked)
        emit checkFinished(out->error.isEmpty() && !out->results.empty());
    if (out->report)
        emit reportFinished(out->error.isEmpty(), out->reportPath);
}

// --- what to check ------------------------------------------------------------------------

bool CheckController::checkSite(const QString &table, qint64 fid)
{
    const std::string industry = m_industry.toStdString(), use = m_use.toStdString();
    return start(
        [=](CheckWorker &w, CheckOutcome &o) { w.checkSite(table, fid, industry, use, o); },
        tr("正在检查…"), true);
}

bool CheckController::checkSiteNamed(const QString &nameOrFid)
{
    const std::string industry = m_industry.toStdString(), use = m_use.toStdString();
    const std::string key = nameOrFid.trimmed().toStdString();
    return start([=](CheckWorker &w, CheckOutcome &o) { w.checkSiteNamed(key, industry, use, o); },
                 tr("正在检查…"), true);
}

bool CheckController::checkPolygon(const QVariantList &points)
{
    std::vector<double> xy;
    for (const QVariant &v : points) {
        QPointF p;
        if (v.metaType() == QMetaType::fromType<QVariantMap>())
            p = QPointF(v.toMap().value(QStringLiteral("x")).toDouble(),
                        v.toMap().value(QStringLiteral("y")).toDouble());
        else
            p = v.toPointF();
        if (!std::isfinite(p.x()) || !std::isfinite(p.y())) {
            setMessage(tr("绘制范围的顶点坐标无效"), {});
            return false;
        }
        // A repeated vertex (a double click) adds nothing.
        if (xy.size() >= 2 && xy[xy.size() - 2] == p.x() && xy.back() == p.y())
            continue;
        xy.push_back(p.x());
        xy.push_back(p.y());
    }
    if (xy.size() >= 4 && xy[0] == xy[xy.size() - 2] && xy[1] == xy.back())
        xy.resize(xy.size() - 2); // closed by the caller: Geometry::polygon closes it
    if (xy.size() < 6) {
        setMessage(tr("绘制范围至少需要三个不同的顶点（现有 %1 个）").arg(xy.size() / 2), {});
        return false;
    }
    geodata::check::SiteInputs inputs;
    inputs.name =
        (m_drawnName.trimmed().isEmpty() ? tr("绘制范围") : m_drawnName.trimmed()).toStdString();
    inputs.source = tr("地图上绘制（%1 个顶点）").arg(xy.size() / 2).toStdString();
    const std::string industry = m_industry.toStdString(), use = m_use.toStdString();
    return start(
        [xy = std::move(xy), inputs, industry, use](CheckWorker &w, CheckOutcome &o) {
            w.checkPolygon(xy, inputs, industry, use, o);
        },
        tr("正在检查…"), true);
}

bool CheckController::checkFile(const QVariant &file)
{
    const QString path = localPath(file).trimmed();
    if (path.isEmpty()) {
        setMessage(tr("请选择要检查的文件"), {});
        return false;
    }
    const std::string industry = m_industry.toStdString(), use = m_use.toStdString();
    return start([=](CheckWorker &w, CheckOutcome &o) { w.checkFile(path, industry, use, o); },
                 tr("正在读取并检查 %1…").arg(path), true);
}

bool CheckController::openRecord(qint64 id)
{
    return start([id](CheckWorker &w, CheckOutcome &o) { w.openRecord(id, o); },
                 tr("正在打开记录 %1…").arg(id), true);
}

void CheckController::refresh()
{
    start([](CheckWorker &w, CheckOutcome &o) { w.readLists(o); }, {});
}

bool CheckController::writeReport(const QVariant &file, const QVariant &templateFile)
{
    const QString path = localPath(file).trimmed();
    const QString templatePath =
        templateFile.isNull() ? QString() : localPath(templateFile).trimmed();
    if (m_results.empty()) {
        setMessage(tr("还没有检查结果"), {});
        return false;
    }
    if (!layers::report::isReportFile(path)) {
        setMessage(tr("报告文件名须以 .pdf、.odt、.html 或 .xlsx 结尾：%1").arg(path), {});
        return false;
    }
    const auto map = m_session ? m_session->map() : nullptr;
    if (!map) {
        setMessage(tr("项目尚未打开"), {});
        return false;
    }
    return start(
        [path, templatePath, map, results = m_results](CheckWorker &, CheckOutcome &o) {
            CheckWorker::writeReport(path, templatePath, *map, results, o);
        },
        tr("正在生成报告…"));
}

} // namespace planlines::qml
