#include "importcontroller.h"

#include <geodata/import/fileimporter.h>

#include <QCoreApplication>
#include <QtConcurrent/QtConcurrentRun>

namespace planlines::qml {

namespace {

using geodata::Role;

struct RoleName
{
    Role role;
    const char *label;
};
// The role labels through the translation system (geodata holds them as data, not UI text).
constexpr RoleName kRoleNames[] = {
    {Role::Township, QT_TRANSLATE_NOOP("Role", "乡镇行政区")},
    {Role::Landuse, QT_TRANSLATE_NOOP("Role", "地类图斑")},
    {Role::BasicFarmland, QT_TRANSLATE_NOOP("Role", "永久基本农田")},
    {Role::EcoRedline, QT_TRANSLATE_NOOP("Role", "生态保护红线")},
    {Role::UrbanBoundary, QT_TRANSLATE_NOOP("Role", "城镇开发边界")},
    {Role::ControlUnit, QT_TRANSLATE_NOOP("Role", "环境管控单元")},
    {Role::Corridor, QT_TRANSLATE_NOOP("Role", "淤背区生态廊道")},
    {Role::Site, QT_TRANSLATE_NOOP("Role", "项目选址")},
    {Role::Context, QT_TRANSLATE_NOOP("Role", "基础地理")},
};

QString localPath(const QVariant &v)
{
    if (v.metaType() == QMetaType::fromType<QUrl>())
        return v.toUrl().isLocalFile() ? v.toUrl().toLocalFile() : QString();
    const QString s = v.toString();
    if (s.startsWith(QStringLiteral("file:")))
        return QUrl(s).toLocalFile();
    return s;
}

} // namespace

struct ImportController::Outcome
{
    geodata::import::ImportReport report;
    std::string error; // the project could not be opened
    bool cancelled = false;
};

ImportController::ImportController(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<std::shared_ptr<Outcome>>::finished, this,
            &ImportController::onFinished);
}

ImportController::~ImportController()
{
    if (m_cancel)
        m_cancel->store(true);
    m_watcher.waitForFinished();
}

void ImportController::setSession(ProjectSession *session)
{
    if (session == m_session)
        return;
    m_session = session;
    emit sessionChanged();
}

void ImportController::setCheckEvery(int n)
{
    n = std::max(1, n);
    if (n == m_checkEvery)
        return;
    m_checkEvery = n;
    emit checkEveryChanged();
}

QVariantList ImportController::roles() const
{
    QVariantList out;
    for (const auto &r : kRoleNames)
        out << QVariantMap{{QStringLiteral("id"), QString::fromLatin1(geodata::roleId(r.role))},
                           {QStringLiteral("label"), QCoreApplication::translate("Role", r.label)}};
    return out;
}

QString ImportController::roleLabel(const QString &roleId)
{
    const auto role = geodata::roleFromId(roleId.toStdString());
    for (const auto &r : kRoleNames)
        if (role && r.role == *role)
            return QCoreApplication::translate("Role", r.label);
    return roleId;
}

bool ImportController::start(const QVariantList &files, const QString &roleId)
{
    if (m_busy || !m_session || m_session->path().isEmpty())
        return false;
    QStringList paths;
    for (const QVariant &f : files)
        if (const QString p = localPath(f); !p.isEmpty())
            paths << p;
    if (paths.isEmpty())
        return false;
    geodata::import::ImportOptions options;
    if (!roleId.isEmpty())
        options.role = geodata::roleFromId(roleId.toStdString());
    options.cancelCheckEvery = m_checkEvery;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    options.cancelled = [cancel = m_cancel] { return cancel->load(); };
    QPointer<ImportController> self(this);
    options.progress = [self](const std::string &layer, std::int64_t read, std::int64_t total) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, name = QString::fromStdString(layer), read, total] {
                if (self)
                    self->setProgress(name, read, total);
            },
            Qt::QueuedConnection);
    };

    m_files = paths;
    m_busy = true;
    m_progress = -1;
    m_progressText = tr("正在导入 %1").arg(paths.first());
    emit busyChanged();
    emit progressChanged();

    const std::string db = m_session->path().toStdString();
    m_watcher.setFuture(QtConcurrent::run([db, paths, options, cancel = m_cancel] {
        auto out = std::make_shared<Outcome>();
        try {
            auto project = geodata::Project::open(db);
            for (const QString &p : paths) {
                if (cancel->load()) {
                    out->cancelled = true;
                    break;
                }
                geodata::import::FileImporter importer(*project, options);
                out->report.files.push_back(importer.import(p.toStdString()));
            }
        } catch (const std::exception &e) {
            out->error = e.what();
        }
        out->cancelled = out->cancelled || cancel->load();
        return out;
    }));
    return true;
}

void ImportController::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void ImportController::setProgress(const QString &layer, qint64 read, qint64 total)
{
    if (!m_busy)
        return;
    m_progress = total > 0 ? std::min(1.0, double(read) / double(total)) : -1;
    m_progressText = total > 0 ? tr("%1：已读 %2 / %3 个要素").arg(layer).arg(read).arg(total)
                               : tr("%1：已读 %2 个要素").arg(layer).arg(read);
    emit progressChanged();
}

void ImportController::onFinished()
{
    const auto out = m_watcher.result();
    m_busy = false;
    m_cancelledResult = out->cancelled;
    m_needsRole = false;
    bool anyWritten = false;
    for (const auto &f : out->report.files) {
        anyWritten = anyWritten || f.ok;
        for (const auto &l : f.layers)
            if (l.role.empty() && l.error.find("role is not recognised") != std::string::npos)
                m_needsRole = true;
    }
    m_succeeded =
        out->error.empty() && !out->report.files.empty() && out->report.clean() && !out->cancelled;
    m_reportText = QString::fromStdString(out->report.toText());
    if (!out->error.empty())
        m_reportText += tr("无法打开项目：%1").arg(QString::fromStdString(out->error));
    if (out->cancelled)
        m_reportText += tr("\n已取消：被取消的文件没有写入任何内容。");
    m_progress = -1;
    m_progressText.clear();
    emit progressChanged();
    emit busyChanged();
    emit finished();
    // Show what was written: the session reads the project's layers again.
    if (anyWritten && m_session)
        m_session->reload();
}

} // namespace planlines::qml
