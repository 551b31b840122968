#include "attributetablemodel.h"

#include <layers/attributeexport.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <mutex>

namespace planlines::qml {

namespace {
// layers::AttributeTable's computed columns, for lupdate (translated in headerData).
[[maybe_unused]] const char *const kAreaColumns[] = {
    QT_TRANSLATE_NOOP("AttributeTable", "面积（平方米）"),
    QT_TRANSLATE_NOOP("AttributeTable", "面积（亩）"),
};
} // namespace

// The worker thread's own project on the same store: a filter over a million parcels takes
// seconds and must not hold the window. One query runs at a time (the mutex); cancel() stops
// the one running through Project::interrupt, which any thread may call while the project
// lives (the Worker outlives its jobs: they hold a shared_ptr).
struct AttributeTableModel::Worker
{
    std::string path;
    std::mutex mutex;
    std::unique_ptr<geodata::Project> reader;
    std::atomic<geodata::Project *> running{nullptr}; // the reader while a query runs
    std::atomic<quint64> wanted{0};                   // the generation asked last

    void cancel()
    {
        // A text index being made (tens of seconds on a million parcels) is stopped too and
        // rolled back: the next filter of three characters or more makes it again.
        if (geodata::Project *p = running.load())
            p->interrupt();
    }
};

AttributeTableModel::AttributeTableModel(QObject *parent) : QAbstractTableModel(parent) {}

AttributeTableModel::~AttributeTableModel()
{
    cancelQuery();
}

void AttributeTableModel::cancelQuery()
{
    ++m_generation;
    if (m_worker) {
        m_worker->wanted = m_generation;
        m_worker->cancel();
    }
    setBusy(false);
}

void AttributeTableModel::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

void AttributeTableModel::setSession(ProjectSession *session)
{
    if (session == m_session)
        return;
    if (m_session)
        m_session->disconnect(this);
    m_session = session;
    if (m_session) // another project, or an import wrote to this one: the rows are stale
        connect(m_session, &ProjectSession::statusChanged, this, &AttributeTableModel::close);
    close();
    emit sessionChanged();
}

QString AttributeTableModel::table() const
{
    return m_table ? QString::fromStdString(m_table->layer().table) : QString();
}

QString AttributeTableModel::layerName() const
{
    return m_table ? QString::fromStdString(m_table->layer().name) : QString();
}

QStringList AttributeTableModel::fieldLabels() const
{
    QStringList out;
    if (m_table)
        for (const auto &c : m_table->columns())
            if (!c.field.empty())
                out << c.label;
    return out;
}

int AttributeTableModel::sortColumn() const
{
    return m_table ? m_table->query().sortColumn : -1;
}

bool AttributeTableModel::descending() const
{
    return m_table && m_table->query().descending;
}

int AttributeTableModel::featureCount() const
{
    return m_table ? static_cast<int>(m_table->layer().featureCount) : 0;
}

int AttributeTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_table ? 0 : static_cast<int>(m_table->rowCount());
}

int AttributeTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_table ? 0 : static_cast<int>(m_table->columns().size());
}

QVariant AttributeTableModel::data(const QModelIndex &index, int role) const
{
    if (role != Qt::DisplayRole || !index.isValid() || index.row() >= rowCount() ||
        index.column() >= columnCount())
        return {};
    return cell(index.row(), index.column());
}

QString AttributeTableModel::cell(int row, int column) const
{
    if (!m_table || row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
        return {};
    try {
        return m_table->row(static_cast<std::size_t>(row))[static_cast<std::size_t>(column)];
    } catch (const std::exception &) {
        return {}; // the file changed under us; statusChanged closes the table
    }
}

QVariant AttributeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || !m_table)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    if (section < 0 || section >= columnCount())
        return {};
    const auto &column = m_table->columns()[static_cast<std::size_t>(section)];
    // The fields' aliases are the project's data; the computed area columns are our words.
    QString label = column.field.empty()
                        ? QCoreApplication::translate("AttributeTable", column.label.toUtf8())
                        : column.label;
    if (section == m_table->query().sortColumn)
        label += m_table->query().descending ? QStringLiteral(" ▼") : QStringLiteral(" ▲");
    return label;
}

bool AttributeTableModel::openLayer(const QString &table)
{
    cancelQuery();
    beginResetModel();
    m_table.reset();
    m_worker.reset();
    m_error.clear();
    try {
        if (!m_session || m_session->status() != ProjectSession::Ready)
            throw geodata::Error("no project is open");
        auto &project = m_reader.open(m_session->path().toStdString());
        const auto layers = project.layers();
        const auto it = std::find_if(layers.begin(), layers.end(),
                                     [&](const auto &l) { return l.table == table.toStdString(); });
        if (it == layers.end())
            throw geodata::Error("no layer has the table " + table.toStdString());
        QElapsedTimer clock;
        clock.start();
        m_table = std::make_unique<layers::AttributeTable>(project, *it);
        m_worker = std::make_shared<Worker>();
        m_worker->path = m_session->path().toStdString();
        m_asked = m_table->query();
        m_queryMs = static_cast<int>(clock.elapsed());
    } catch (const std::exception &e) {
        m_error = QString::fromUtf8(e.what());
    }
    endResetModel();
    emit layerChanged();
    emit queryChanged();
    return m_table != nullptr;
}

void AttributeTableModel::close()
{
    cancelQuery();
    beginResetModel();
    m_table.reset();
    m_worker.reset();
    m_reader.close();
    endResetModel();
    emit layerChanged();
    emit queryChanged();
}

void AttributeTableModel::runQuery(const layers::AttributeQuery &query)
{
    if (!m_table || !m_worker)
        return;
    cancelQuery(); // a new filter stops the one running
    m_asked = query;
    const quint64 generation = m_generation;
    setBusy(true);
    QPointer<AttributeTableModel> self(this);
    auto worker = m_worker;
    auto schema = m_table->schema();
    [[maybe_unused]] auto future =
        QtConcurrent::run([self, worker, schema = std::move(schema), query, generation] {
            const std::lock_guard lock(worker->mutex);
            if (worker->wanted != generation)
                return; // a later query was asked while this one waited
            QElapsedTimer clock;
            clock.start();
            layers::AttributeRows rows;
            QString error;
            try {
                if (!worker->reader)
                    worker->reader = geodata::Project::open(worker->path, true);
                // Sorting or filtering a big layer leaves an index in the store, as search
                // does for its codes (the store decides; a read-only one goes without).
                const bool keepIndexes =
                    (query.sortColumn >= 0 || query.text.size() >= 3) &&
                    schema.layer.featureCount > layers::AttributeTable::kIndexThreshold;
                worker->running = worker->reader.get();
                if (worker->wanted == generation)
                    rows =
                        layers::AttributeTable::select(schema, query, *worker->reader, keepIndexes);
                worker->running = nullptr;
            } catch (const std::exception &e) {
                worker->running = nullptr;
                error = QString::fromUtf8(e.what());
            }
            if (worker->wanted != generation)
                return; // interrupted or superseded: its answer is not wanted
            const int ms = static_cast<int>(clock.elapsed());
            // The application as the context: the model may be gone (its QPointer says so, read on
            // the GUI thread).
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [self, generation, rows = std::move(rows), error, ms]() mutable {
                    if (self)
                        self->showRows(generation, std::move(rows), error, ms);
                },
                Qt::QueuedConnection);
        });
}

void AttributeTableModel::showRows(quint64 generation, layers::AttributeRows rows,
                                   const QString &error, int ms)
{
    if (generation != m_generation || !m_table)
        return;
    beginResetModel();
    m_error = error;
    if (error.isEmpty())
        m_table->setRows(std::move(rows));
    m_queryMs = ms;
    endResetModel();
    setBusy(false);
    emit queryChanged();
}

void AttributeTableModel::sortBy(int column)
{
    if (!m_table || column < 0 || column >= columnCount() ||
        !m_table->columns()[static_cast<std::size_t>(column)].sortable)
        return;
    auto q = m_asked;
    if (q.sortColumn != column) {
        q.sortColumn = column;
        q.descending = false;
    } else if (!q.descending) {
        q.descending = true;
    } else {
        q.sortColumn = -1;
        q.descending = false;
    }
    runQuery(q);
}

void AttributeTableModel::setFilter(const QString &text, int column)
{
    if (!m_table)
        return;
    auto q = m_asked;
    if (q.text == text.trimmed() && q.textColumn == column)
        return;
    q.text = text.trimmed();
    q.textColumn = column;
    runQuery(q);
}

void AttributeTableModel::setExtent(double minE, double minN, double maxE, double maxN)
{
    if (!m_table)
        return;
    auto q = m_asked;
    q.extent = geodata::Envelope{std::min(minE, maxE), std::min(minN, maxN), std::max(minE, maxE),
                                 std::max(minN, maxN)};
    runQuery(q);
}

void AttributeTableModel::clearExtent()
{
    if (!m_table || !m_asked.extent)
        return;
    auto q = m_asked;
    q.extent.reset();
    runQuery(q);
}

qint64 AttributeTableModel::fidAt(int row) const
{
    return m_table && row >= 0 && row < rowCount() ? m_table->fid(static_cast<std::size_t>(row))
                                                   : -1;
}

int AttributeTableModel::rowOfFid(qint64 fid) const
{
    if (!m_table)
        return -1;
    const auto row = m_table->rowOfFid(fid);
    return row ? static_cast<int>(*row) : -1;
}

QVariantList AttributeTableModel::extentOfRows(const QVariantList &rows)
{
    if (!m_table)
        return {};
    std::vector<std::int64_t> fids;
    for (const QVariant &r : rows)
        if (const qint64 fid = fidAt(r.toInt()); fid >= 0)
            fids.push_back(fid);
    try {
        const auto e = m_table->envelopeOf(fids);
        if (e.width() <= 0 && e.height() <= 0 && e.minX == 0)
            return {};
        return {e.minX, e.minY, e.maxX, e.maxY};
    } catch (const std::exception &) {
        return {};
    }
}

QString AttributeTableModel::exportTo(const QString &path)
{
    if (!m_table)
        return tr("没有打开的属性表");
    try {
        if (path.endsWith(QStringLiteral(".xlsx"), Qt::CaseInsensitive))
            layers::exportXlsx(*m_table, path.toStdString());
        else
            layers::exportCsv(*m_table, path.toStdString());
        return {};
    } catch (const std::exception &e) {
        return QString::fromUtf8(e.what());
    }
}

} // namespace planlines::qml
