#include "changecontroller.h"

#include "projectfiles.h"

#include <geodata/area.h>
#include <geodata/landuse/changelayer.h>
#include <geodata/landuse/changetables.h>
#include <geodata/landuse/landuseclasses.h>
#include <layers/changexlsx.h>
#include <layers/polygonrings.h>
#include <layers/sheet/changesheets.h>
#include <layers/sheet/sheetexporter.h>

#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace planlines::qml {

namespace gl = geodata::landuse;

struct ChangeController::Outcome
{
    std::shared_ptr<const gl::ChangeResult> result; // a comparison
    gl::ResolvedComparison comparison;
    std::optional<geodata::LayerInfo> stored; // the layer written by this job
    bool printed = false;
    std::size_t sheets = 0;
    QStringList files; // a print: the files written
    std::string error;
    bool cancelled = false;
};

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

QString muText(double m2)
{
    return QString::number(geodata::m2ToMu(m2), 'f', 2);
}

// A class as the panel names it at a level: "01 耕地", "0101 水田", "（无图斑）".
QString classText(const gl::ChangeResult &r, const std::string &code, int level)
{
    if (level == 2 || code.empty())
        return q(gl::classLabel(r, code));
    const std::string name(gl::firstLevelName(code));
    return q(name.empty() ? code : code + " " + name);
}

std::string levelCode(const std::string &code, int level)
{
    return level == 1 ? gl::firstLevel(code) : code;
}

} // namespace

ChangeController::ChangeController(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<std::shared_ptr<Outcome>>::finished, this,
            &ChangeController::onFinished);
    m_poll.setInterval(100);
    connect(&m_poll, &QTimer::timeout, this, [this] {
        if (!m_done)
            return;
        const std::size_t total = m_total->load();
        const double p = total ? double(m_done->load()) / double(total) : -1;
        if (p != m_progress) {
            m_progress = p;
            emit progressChanged();
        }
    });
}

ChangeController::~ChangeController()
{
    if (m_cancel)
        m_cancel->store(true);
    m_watcher.waitForFinished();
}

void ChangeController::setSession(ProjectSession *session)
{
    if (m_session == session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session)
        connect(m_session, &ProjectSession::pathChanged, this, [this] {
            m_result.reset();
            m_storedLayer.clear();
            m_stored.reset();
            rebuildView();
            emit resultChanged();
            refreshChoices();
        });
    emit sessionChanged();
    refreshChoices();
}

namespace {

struct Choices
{
    QVariantList list;
    int from = -1, to = -1;
    QString error;
};

// The land-use layers and their versions of the project at path, read on a worker thread
// (opening a server project is a network round trip; the GUI never waits on it).
Choices readChoices(const std::string &path)
{
    Choices c;
    try {
        auto project = geodata::Project::open(path, true);
        std::size_t most = 0;
        for (const auto &layer : project->layers(geodata::Role::Landuse)) {
            const auto versions = project->layerVersions(layer);
            for (const auto &v : versions) {
                const bool single = versions.size() == 1;
                QString text = single ? q(layer.name)
                                      : QStringLiteral("%1 v%2").arg(q(layer.name)).arg(v.version);
                if (!v.source.empty())
                    text += QStringLiteral("（%1）").arg(q(v.source));
                c.list.append(QVariantMap{{QStringLiteral("text"), text},
                                          {QStringLiteral("layer"), q(layer.name)},
                                          {QStringLiteral("version"), single ? 0 : v.version}});
            }
            if (versions.size() >= 2 && versions.size() > most) {
                most = versions.size();
                c.to = static_cast<int>(c.list.size()) - 1;
                c.from = c.to - 1;
            }
        }
        if (c.to < 0 && c.list.size() >= 2) {
            c.from = 0;
            c.to = 1;
        }
    } catch (const std::exception &e) {
        c.error = QString::fromUtf8(e.what());
    }
    return c;
}

} // namespace

void ChangeController::refreshChoices()
{
    const int generation = ++m_choicesGeneration;
    if (!m_session || m_session->path().isEmpty()) {
        m_choices.clear();
        m_suggestedFrom = m_suggestedTo = -1;
        emit choicesChanged();
        return;
    }
    QtConcurrent::run(readChoices, m_session->path().toStdString())
        .then(this, [this, generation](const Choices &c) {
            if (generation != m_choicesGeneration)
                return; // a later project's choices are on their way
            m_choices = c.list;
            m_suggestedFrom = c.from;
            m_suggestedTo = c.to;
            if (!c.error.isEmpty())
                setMessage(tr("无法读取项目的图层：%1").arg(c.error));
            emit choicesChanged();
        });
}

bool ChangeController::compare(int from, int to)
{
    if (m_busy || !m_session || m_session->path().isEmpty() || from < 0 || to < 0 ||
        from >= m_choices.size() || to >= m_choices.size())
        return false;
    auto ref = [this](int i) {
        const QVariantMap c = m_choices[i].toMap();
        return gl::LayerVersionRef{c.value(QStringLiteral("layer")).toString().toStdString(),
                                   c.value(QStringLiteral("version")).toInt()};
    };
    const gl::LayerVersionRef a = ref(from), b = ref(to);
    const std::string db = m_session->path().toStdString();
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_done = std::make_shared<std::atomic<std::size_t>>(0);
    m_total = std::make_shared<std::atomic<std::size_t>>(0);
    setMessage(tr("正在比对…"));
    run([db, a, b, cancel = m_cancel, done = m_done, total = m_total](Outcome &out) {
        auto project = geodata::Project::open(db, true);
        out.comparison = gl::resolveComparison(*project, a, b);
        gl::CompareOptions options;
        options.progress = [done, total](std::size_t d, std::size_t t) {
            done->store(d);
            total->store(t);
        };
        options.cancelled = [cancel] { return cancel->load(); };
        try {
            out.result = std::make_shared<const gl::ChangeResult>(
                gl::runComparison(*project, out.comparison, options));
        } catch (const geodata::Error &) {
            if (!cancel->load())
                throw;
            out.cancelled = true;
        }
    });
    return true;
}

void ChangeController::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

bool ChangeController::storeLayer()
{
    if (m_busy || !m_result || !m_session)
        return false;
    if (m_result->pieces.empty()) {
        setMessage(tr("没有地类变化，未存图层"));
        return false;
    }
    const std::string db = m_session->path().toStdString();
    setMessage(tr("正在存为图层 %1…").arg(q(m_comparison.storeName)));
    run([db, result = m_result, name = m_comparison.storeName](Outcome &out) {
        auto project = geodata::Project::open(db);
        out.stored = gl::writeChangeLayer(*project, *result, name);
    });
    return true;
}

bool ChangeController::printSheets(const QString &path, bool byTownship, const QString &paper)
{
    namespace ls = layers::sheet;
    if (m_busy || !m_result || !m_session)
        return false;
    const QString out = ProjectFiles::localPath(path);
    const auto size = ls::paperFromName(paper);
    if (out.isEmpty() || !size || !ls::sheetFormatFor(out)) {
        setMessage(tr("无法打印到 %1：请用本机的 .pdf、.png 或 .svg 文件").arg(path));
        return false;
    }
    const std::string db = m_session->path().toStdString();
    setMessage(tr("正在打印变化图…"));
    run([db, out, byTownship, result = m_result, name = m_comparison.storeName, stored = m_stored,
         layout = ls::SheetTemplate::make(*size, ls::Orientation::Landscape)](Outcome &o) {
        std::optional<geodata::LayerInfo> layer = stored;
        if (!layer && !result->pieces.empty()) {
            auto project = geodata::Project::open(db);
            layer = o.stored = gl::writeChangeLayer(*project, *result, name);
        }
        const auto written =
            ls::writeChangeSheets(db, *result, layer, layout, 300, byTownship, out);
        o.printed = true;
        o.sheets = written.sheets;
        o.files = QStringList(written.files.begin(), written.files.end());
    });
    return true;
}

void ChangeController::run(std::function<void(Outcome &)> job)
{
    m_busy = true;
    m_progress = -1;
    emit busyChanged();
    emit progressChanged();
    m_poll.start();
    m_watcher.setFuture(QtConcurrent::run([job = std::move(job)] {
        auto out = std::make_shared<Outcome>();
        try {
            job(*out);
        } catch (const std::exception &e) {
            out->error = e.what();
        }
        return out;
    }));
}

void ChangeController::onFinished()
{
    const auto out = m_watcher.result();
    m_poll.stop();
    m_busy = false;
    m_progress = -1;
    emit busyChanged();
    emit progressChanged();
    // A layer stored by a print that then failed is stored all the same: said first.
    if (out->stored) {
        m_stored = out->stored;
        m_storedLayer = q(out->stored->name);
        emit resultChanged();
        if (m_session)
            m_session->reload();
    }
    bool ok = false;
    if (!out->error.empty()) {
        setMessage(tr("失败：%1").arg(QString::fromUtf8(out->error.c_str())));
    } else if (out->cancelled) {
        setMessage(tr("已取消比对"));
    } else if (out->result) {
        m_result = out->result;
        m_comparison = out->comparison;
        m_storedLayer.clear();
        m_stored.reset();
        m_scope = 0;
        rebuildView();
        emit resultChanged();
        setMessage(tr("比对完成：%1 个变化图斑").arg(m_result->pieces.size()));
        ok = true;
    } else if (out->printed) {
        m_printed = out->files;
        QStringList names;
        for (const QString &f : out->files)
            names << ProjectFiles::fileName(f);
        setMessage(tr("已打印变化图 %1 张：%2").arg(out->sheets).arg(names.join(tr("、"))));
        ok = true;
    } else if (out->stored) {
        setMessage(tr("变化图斑已存为图层 %1").arg(m_storedLayer));
        ok = true;
    }
    emit finished(ok);
}

void ChangeController::setMessage(const QString &message)
{
    if (m_message == message)
        return;
    m_message = message;
    emit messageChanged();
}

QString ChangeController::title() const
{
    return m_result ? QStringLiteral("%1 → %2").arg(q(m_result->fromLabel), q(m_result->toLabel))
                    : QString();
}

QStringList ChangeController::summary() const
{
    QStringList lines;
    if (m_result)
        for (const auto &l : gl::summaryLines(*m_result))
            lines << q(l);
    return lines;
}

QVariantList ChangeController::scopes() const
{
    QVariantList list;
    if (!m_result)
        return list;
    list.append(QVariantMap{{QStringLiteral("code"), QString()},
                            {QStringLiteral("name"), tr("全县")},
                            {QStringLiteral("text"), tr("全县")}});
    for (const auto &t : m_result->townships)
        list.append(QVariantMap{{QStringLiteral("code"), q(t.code)},
                                {QStringLiteral("name"), q(t.name)},
                                {QStringLiteral("text"), t.name.empty() ? q(t.code) : q(t.name)}});
    return list;
}

void ChangeController::setScope(int scope)
{
    if (!m_result || scope < 0 || scope > static_cast<int>(m_result->townships.size()) ||
        scope == m_scope)
        return;
    m_scope = scope;
    rebuildView();
}

void ChangeController::setLevel(int level)
{
    if ((level != 1 && level != 2) || level == m_level)
        return;
    m_level = level;
    rebuildView();
}

const gl::Township *ChangeController::township() const
{
    return m_result && m_scope > 0 ? &m_result->townships[static_cast<std::size_t>(m_scope - 1)]
                                   : nullptr;
}

void ChangeController::rebuildView()
{
    const gl::Township *t = township();
    m_matrix.reset(m_result.get(),
                   t          ? t->matrix
                   : m_result ? m_result->matrix
                              : std::vector<gl::TransferCell>{},
                   m_level);
    emit viewChanged();
    clearSelection();
}

QVariantList ChangeController::flowRows(bool out) const
{
    QVariantList rows;
    if (!m_result)
        return rows;
    const gl::Township *t = township();
    const auto &matrix = t ? t->matrix : m_result->matrix;
    auto cells = out ? gl::cultivatedOutflow(matrix) : gl::cultivatedInflow(matrix);
    if (m_level == 1)
        cells = gl::firstLevelMatrix(cells);
    std::sort(cells.begin(), cells.end(),
              [](const auto &a, const auto &b) { return a.areaM2 > b.areaM2; });
    for (const auto &c : cells)
        rows.append(QVariantMap{{QStringLiteral("from"), classText(*m_result, c.fromCode, m_level)},
                                {QStringLiteral("to"), classText(*m_result, c.toCode, m_level)},
                                {QStringLiteral("mu"), muText(c.areaM2)},
                                {QStringLiteral("m2"), c.areaM2}});
    return rows;
}

QVariantList ChangeController::outflow() const
{
    return flowRows(true);
}

QVariantList ChangeController::inflow() const
{
    return flowRows(false);
}

void ChangeController::clearSelection()
{
    m_row = m_column = -1;
    m_highlightCount = 0;
    m_highlight = {};
    m_selectionText.clear();
    emit selectionChanged();
}

void ChangeController::selectCell(int row, int column)
{
    const int n = m_matrix.rowCount();
    if (!m_result || row < 0 || column < 0 || row >= n || column >= n) {
        clearSelection();
        return;
    }
    m_row = row;
    m_column = column;
    m_highlight = {};
    m_highlightCount = 0;
    const auto &codes = m_matrix.codes();
    const bool anyFrom = m_matrix.isTotal(row), anyTo = m_matrix.isTotal(column);
    const std::string from = anyFrom ? std::string() : codes[static_cast<std::size_t>(row)];
    const std::string to = anyTo ? std::string() : codes[static_cast<std::size_t>(column)];
    const gl::Township *t = township();
    double m2 = 0;
    for (const auto &p : m_result->pieces) {
        if (t && p.township != t->code)
            continue;
        if (!anyFrom && levelCode(p.fromCode, m_level) != from)
            continue;
        if (!anyTo && levelCode(p.toCode, m_level) != to)
            continue;
        // At 一级类, a change within a class (水田 → 旱地) is on the diagonal: outlined with it.
        m_highlight.addPath(layers::outlinePath(p.geometry()));
        m2 += p.areaM2;
        ++m_highlightCount;
    }
    const QString fromText = anyFrom ? tr("全部地类") : classText(*m_result, from, m_level);
    const QString toText = anyTo ? tr("全部地类") : classText(*m_result, to, m_level);
    if (m_highlightCount == 0 && row == column && !anyFrom)
        m_selectionText = tr("%1：地类未变，没有变化图斑").arg(fromText);
    else
        m_selectionText = tr("%1 → %2：%3 个变化图斑，%4 亩")
                              .arg(fromText, toText)
                              .arg(m_highlightCount)
                              .arg(muText(m2));
    emit selectionChanged();
}

QVariantList ChangeController::highlightExtent() const
{
    if (m_highlight.isEmpty())
        return {};
    const QRectF b = m_highlight.boundingRect();
    return {b.left(), b.top(), b.right(), b.bottom()};
}

QString ChangeController::exportXlsx(const QString &path)
{
    if (!m_result)
        return tr("尚未比对");
    const QString local = ProjectFiles::localPath(path);
    if (local.isEmpty())
        return tr("不是本机文件：%1").arg(path);
    try {
        layers::writeXlsxTables(gl::changeTables(*m_result), local.toStdString());
    } catch (const std::exception &e) {
        return QString::fromUtf8(e.what());
    }
    setMessage(tr("已导出：%1").arg(ProjectFiles::fileName(local)));
    return {};
}

} // namespace planlines::qml
