#include "appsettings.h"

#include <QCoreApplication>
#include <QFileInfo>
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
}

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
        if (QFileInfo(p).isFile())
            out << p;
    return out;
}

void AppSettings::addRecentProject(const QString &path)
{
    if (path.isEmpty())
        return;
    const QString absolute = QFileInfo(path).absoluteFilePath();
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
    if (list.removeAll(QFileInfo(path).absoluteFilePath()) + list.removeAll(path) == 0)
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
    s_active = QStringLiteral("zh");
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
