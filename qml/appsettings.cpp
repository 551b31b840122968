#include "appsettings.h"
#include "projectfiles.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QPointer>
#include <QQmlEngine>
#include <QSettings>
#include <QTranslator>

namespace planlines::qml {

namespace {
constexpr auto kLanguageKey = "ui/language";
constexpr auto kRecentKey = "projects/recent";

QStringList storedRecent()
{
    return QSettings().value(QLatin1String(kRecentKey)).toStringList();
}
} // namespace

QString AppSettings::s_active = QStringLiteral("zh");

namespace {
QPointer<QTranslator> g_translator; // the installed English translator, owned by the app

// Chinese for the dialogs' standard buttons (确定, 取消, 关闭 …): Qt words them through the
// context QPlatformTheme, in English unless Qt's own translations (qtbase_zh_CN.qm, Debian's
// qt6-translations-l10n, often absent) are installed.
class StandardButtonsZh : public QTranslator
{
public:
    using QTranslator::QTranslator;
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *source, const char * = nullptr,
                      int = -1) const override
    {
        if (qstrcmp(context, "QPlatformTheme") != 0)
            return {};
        static const std::pair<const char *, const char *> words[] = {
            {"OK", "确定"},
            {"Cancel", "取消"},
            {"Close", "关闭"},
            {"Save", "保存"},
            {"Open", "打开"},
            {"Apply", "应用"},
            {"Reset", "重置"},
            {"Discard", "放弃"},
            {"Help", "帮助"},
            {"&Yes", "是"},
            {"&No", "否"},
            {"Yes", "是"},
            {"No", "否"},
            {"Abort", "中止"},
            {"Retry", "重试"},
            {"Ignore", "忽略"},
            {"Save All", "全部保存"},
            {"Yes to &All", "全部是"},
            {"N&o to All", "全部否"},
            {"Restore Defaults", "恢复默认"},
            {"Don't Save", "不保存"},
            {"Close without Saving", "关闭且不保存"}};
        for (const auto &[en, zh] : words)
            if (qstrcmp(source, en) == 0)
                return QString::fromUtf8(zh);
        return {};
    }
};
QPointer<QTranslator> g_buttons; // Chinese standard buttons, while the UI is Chinese
QPointer<QTranslator> g_qtbase;  // Qt's own Chinese, when installed
} // namespace

AppSettings::AppSettings(QObject *parent) : QObject(parent), m_language(storedLanguage()) {}

QString AppSettings::storedLanguage()
{
    const QString l = QSettings().value(QLatin1String(kLanguageKey)).toString();
    return l == u"en" ? l : QStringLiteral("zh");
}

void AppSettings::setLanguage(const QString &language)
{
    const QString l = language == u"en" ? language : QStringLiteral("zh");
    if (l == m_language)
        return;
    m_language = l;
    QSettings().setValue(QLatin1String(kLanguageKey), l);
    if (QCoreApplication::instance() && applyLanguage(l) == l)
        if (QQmlEngine *engine = qmlEngine(this))
            engine->retranslate();
    emit languageChanged();
}

QStringList AppSettings::recentProjects() const
{
    QStringList out;
    for (const QString &p : storedRecent())
        if (ProjectFiles::isServerLocation(p) || QFileInfo(p).isFile())
            out << p;
    return out;
}

void AppSettings::addRecentProject(const QString &path)
{
    if (path.isEmpty())
        return;
    // A server's location is kept without its password (the person gives it again, or
    // ~/.pgpass does).
    const QString absolute = ProjectFiles::displayName(path);
    QStringList list = storedRecent();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > kMaxRecent)
        list.removeLast();
    QSettings().setValue(QLatin1String(kRecentKey), list);
    emit recentProjectsChanged();
}

void AppSettings::removeRecentProject(const QString &path)
{
    QStringList list = storedRecent();
    if (list.removeAll(ProjectFiles::displayName(path)) + list.removeAll(path) == 0)
        return;
    QSettings().setValue(QLatin1String(kRecentKey), list);
    emit recentProjectsChanged();
}

QString AppSettings::installTranslator()
{
    return applyLanguage(storedLanguage());
}

QString AppSettings::applyLanguage(const QString &language)
{
    if (g_translator) {
        QCoreApplication::removeTranslator(g_translator);
        delete g_translator;
    }
    for (QPointer<QTranslator> *t : {&g_buttons, &g_qtbase})
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete t->data();
        }
    s_active = QStringLiteral("zh");
    if (language != u"en") {
        g_buttons = new StandardButtonsZh(QCoreApplication::instance());
        QCoreApplication::installTranslator(g_buttons);
        // Installed after ours, Qt's own translation is asked first.
        auto *qt = new QTranslator(QCoreApplication::instance());
        if (qt->load(QStringLiteral("qtbase_zh_CN"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt);
            g_qtbase = qt;
        } else {
            delete qt;
        }
    }
    if (language == u"en") {
        auto *translator = new QTranslator(QCoreApplication::instance());
        if (translator->load(QStringLiteral(":/i18n/planlines_en.qm"))) {
            QCoreApplication::installTranslator(translator);
            g_translator = translator;
            s_active = language;
        } else {
            delete translator;
        }
    }
    return s_active;
}

} // namespace planlines::qml
