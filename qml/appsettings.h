// The program's settings kept between runs (QSettings, organisation and application
// "PlanLines"): the UI language, read at start-up; a change applies at once (the translator is
// swapped and the QML engine re-translates its text). The recent projects (打开项目's list).
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace planlines::qml {

class AppSettings : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    // "zh" (the default) or "en".
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    // The language the running program shows.
    Q_PROPERTY(QString activeLanguage READ activeLanguage NOTIFY languageChanged)
    // The projects opened last, most recent first, absolute paths; files gone are left out.
    Q_PROPERTY(QStringList recentProjects READ recentProjects NOTIFY recentProjectsChanged)

public:
    explicit AppSettings(QObject *parent = nullptr);

    QString language() const { return m_language; }
    void setLanguage(const QString &language);
    QString activeLanguage() const { return s_active; }
    static constexpr int kMaxRecent = 10;
    QStringList recentProjects() const;
    // Puts path first in the list (once), keeping at most kMaxRecent.
    Q_INVOKABLE void addRecentProject(const QString &path);
    Q_INVOKABLE void removeRecentProject(const QString &path);

    // The stored language ("zh" when none or unknown).
    static QString storedLanguage();
    // Installs the stored language's translator on the application (none for Chinese, the
    // source language). Call once, after the QGuiApplication exists. Returns the language.
    static QString installTranslator();
    // Shows language ("zh" or "en") from now on: swaps the application's translator (Qt then
    // sends LanguageChange to the application). Returns the language now shown.
    static QString applyLanguage(const QString &language);

signals:
    void languageChanged();
    void recentProjectsChanged();

private:
    QString m_language;
    static QString s_active;
};

} // namespace planlines::qml
