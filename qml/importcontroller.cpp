#include "importcontroller.h"

#include <geodata/import/fileimporter.h>

#include <QCoreApplication>
#include <QEvent>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

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

QString tr(const char *text)
{
    return QCoreApplication::translate("planlines::qml", text);
}

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

// Why the role was chosen, in words: "recognised from layer name DLTB" → 图层名 DLTB.
QString roleReasonText(const std::string &reason)
{
    const QString r = q(reason);
    static const QString recognised = QStringLiteral("recognised from ");
    static const QString given = QStringLiteral("given by the user (--role)");
    const auto from = [&](QString what) {
        if (what.startsWith(QLatin1String("layer name ")))
            return tr("图层名 %1").arg(what.mid(11));
        if (what.startsWith(QLatin1String("fields ")))
            return tr("字段 %1").arg(what.mid(7).replace(QLatin1String(" and "), tr("、")));
        if (what.startsWith(QLatin1String("field ")))
            return tr("字段 %1").arg(what.mid(6));
        return what;
    };
    if (r.startsWith(recognised))
        return tr("依据%1识别").arg(from(r.mid(recognised.size())));
    if (r.startsWith(given + QStringLiteral(", overriding ") + recognised))
        return tr("用户选择（原依据%1识别）")
            .arg(from(r.mid(given.size() + 14 + recognised.size())));
    if (r.startsWith(given))
        return tr("用户选择");
    return r;
}

QString encodingHowText(const std::string &how)
{
    if (how == "cpg")
        return tr(".cpg 文件");
    if (how == "dbf")
        return tr(".dbf 文件头");
    if (how == "detected")
        return tr("自动检测");
    if (how == "override")
        return tr("用户指定");
    if (how == "format")
        return tr("格式规定");
    return q(how);
}

QString crsHowText(const std::string &how)
{
    if (how == "source")
        return tr("文件自带");
    if (how == "override")
        return tr("用户指定");
    if (how == "inferred")
        return tr("由坐标推断");
    return q(how);
}

bool roleUnrecognised(const geodata::import::LayerReport &l)
{
    return l.role.empty() && l.error.find("role is not recognised") != std::string::npos;
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
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
}

bool ImportController::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange)
        emit reportRowsChanged(); // the rows and role names are worded when read
    return QObject::eventFilter(watched, event);
}

QVariantList ImportController::reportRows() const
{
    QVariantList out;
    for (const auto &f : m_report.files) {
        const QString file = QFileInfo(q(f.file)).fileName();
        // A file that failed as a whole gets a row of its own, unless a layer's row says why.
        const bool layerSaysWhy = std::any_of(f.layers.begin(), f.layers.end(),
                                              [](const auto &l) { return !l.error.empty(); });
        if (f.layers.empty() || (!f.error.empty() && !layerSaysWhy))
            out << QVariantMap{{QStringLiteral("file"), file},
                               {QStringLiteral("layer"), QString()},
                               {QStringLiteral("role"), QString()},
                               {QStringLiteral("encoding"), QString()},
                               {QStringLiteral("crs"), QString()},
                               {QStringLiteral("counts"), QString()},
                               {QStringLiteral("status"), tr("未导入：%1").arg(q(f.error))},
                               {QStringLiteral("ok"), false},
                               {QStringLiteral("needsRole"), false}};
        for (const auto &l : f.layers) {
            const bool unrecognised = roleUnrecognised(l);
            QString layer = q(l.sourceLayer);
            if (!l.name.empty() && l.name != l.sourceLayer)
                layer += QStringLiteral(" → ") + q(l.name);
            const QString role =
                l.role.empty()
                    ? (unrecognised ? tr("未识别，请选择") : QString())
                    : tr("%1（%2）").arg(roleLabel(q(l.role)), roleReasonText(l.roleReason));
            QString encoding;
            if (!l.encoding.empty())
                encoding = tr("%1（%2）").arg(q(l.encoding), encodingHowText(l.encodingHow));
            QString crs;
            if (!l.sourceCrs.empty()) {
                crs = tr("%1（%2）").arg(q(l.sourceCrs), crsHowText(l.crsHow));
                if (l.transformation.rfind("none", 0) == 0)
                    crs += tr("，无需转换");
                else if (!l.transformation.empty())
                    crs += tr("，转换：%1").arg(q(l.transformation));
            }
            const QString counts = tr("读 %1 · 写 %2 · 修复 %3 · 拒绝 %4")
                                       .arg(l.read)
                                       .arg(l.written)
                                       .arg(l.repaired.size())
                                       .arg(l.rejected.size());
            const bool ok = l.error.empty();
            const QString status =
                ok ? (l.version > 1 ? tr("已写入（第 %1 版）").arg(l.version) : tr("已写入"))
                : unrecognised ? tr("未写入：需选择类型")
                               : tr("未写入：%1").arg(q(l.error));
            out << QVariantMap{{QStringLiteral("file"), file},
                               {QStringLiteral("layer"), layer},
                               {QStringLiteral("role"), role},
                               {QStringLiteral("encoding"), encoding},
                               {QStringLiteral("crs"), crs},
                               {QStringLiteral("counts"), counts},
                               {QStringLiteral("status"), status},
                               {QStringLiteral("ok"), ok},
                               {QStringLiteral("needsRole"), unrecognised}};
        }
    }
    return out;
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
    QStringList paths;
    for (const QVariant &f : files)
        if (const QString p = localPath(f); !p.isEmpty())
            paths << p;
    geodata::import::ImportOptions options;
    if (!roleId.isEmpty())
        options.role = geodata::roleFromId(roleId.toStdString());
    return run(paths, std::move(options));
}

bool ImportController::importPending(const QString &roleId, const QString &name)
{
    const auto role = geodata::roleFromId(roleId.toStdString());
    if (!role || m_pendingLayer.isEmpty())
        return false;
    geodata::import::ImportOptions options;
    options.role = role;
    // Only that layer: the others of the file were written already.
    options.layers = {m_pendingLayer.toStdString()};
    options.name = (name.trimmed().isEmpty() ? m_pendingLayer : name.trimmed()).toStdString();
    QStringList paths;
    for (const auto &f : m_report.files)
        for (const auto &l : f.layers)
            if (roleUnrecognised(l) && q(l.sourceLayer) == m_pendingLayer)
                paths << q(f.file);
    return run(paths.isEmpty() ? m_files : paths.mid(0, 1), std::move(options));
}

bool ImportController::run(const QStringList &paths, geodata::import::ImportOptions options)
{
    if (m_busy || !m_session || m_session->path().isEmpty() || paths.isEmpty())
        return false;
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
    m_pendingLayer.clear();
    bool anyWritten = false;
    for (const auto &f : out->report.files) {
        anyWritten = anyWritten || f.ok;
        for (const auto &l : f.layers)
            if (roleUnrecognised(l) && !m_needsRole) {
                m_needsRole = true;
                m_pendingLayer = q(l.sourceLayer);
            }
    }
    m_report = out->report;
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
    emit reportRowsChanged();
    // Show what was written: the session reads the project's layers again.
    if (anyWritten && m_session)
        m_session->reload();
}

} // namespace planlines::qml
