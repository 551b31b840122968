#include "appsettings.h"

#include <QCoreApplication>
#include <QSettings>
#include <QTranslator>

namespace planlines::qml {

namespace {
constexpr auto kLanguageKey = "ui/language";
}

QString AppSettings::s_active = QStringLiteral("zh");

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
    emit languageChanged();
}

QString AppSettings::installTranslator()
{
    s_active = storedLanguage();
    if (s_active == u"en") {
        auto *translator = new QTranslator(QCoreApplication::instance());
        if (translator->load(QStringLiteral(":/i18n/planlines_en.qm")))
            QCoreApplication::installTranslator(translator);
        else
            s_active = QStringLiteral("zh");
    }
    return s_active;
}

} // namespace planlines::qml
