#include "gui.h"
#include "appsettings.h"
#include "guioptions.h"
#include "mainwindow.h"
#include "projectsession.h"
#include "screenshot.h"
#include "startuptiming.h"

#include <QApplication>
#include <QFileInfo>
#include <QFont>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QTextStream>

#include <memory>

namespace planlines::qml {

int runGui(int argc, char **argv, const std::string &defaultDb)
{
    QString error;
    auto options = GuiOptions::parse(argc, argv, defaultDb, &error);
    if (!options) {
        QTextStream(stderr) << "planlines: " << error << "\n" << GuiOptions::usage();
        return 2;
    }
    // No project named and the default one absent: the window starts on its start pane (open,
    // new, recent) instead of an error.
    if (options->databasePath == QString::fromStdString(defaultDb) &&
        !QFileInfo::exists(options->databasePath))
        options->databasePath.clear();
    StartupTiming::start(options->timing);
    if (options->help) {
        QTextStream(stdout) << GuiOptions::usage();
        return 0;
    }
    // A screenshot needs no display: render offscreen unless the caller chose a platform.
    if (!options->screenshotPath.isEmpty() && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv); // a QApplication: the corridor panel's QtCharts needs one
    QGuiApplication::setApplicationName(QStringLiteral("PlanLines"));
    QGuiApplication::setOrganizationName(QStringLiteral("PlanLines"));
    QGuiApplication::setDesktopFileName(
        QStringLiteral("planlines")); // matches packaging/planlines.desktop
    QGuiApplication::setFont(QFont(QStringLiteral("Noto Sans CJK SC"), 10));
    MainWindow::prepare();
    AppSettings::installTranslator();
    StartupTiming::mark(QStringLiteral("application created"));
    ProjectSession::preload(options->databasePath); // loads while the QML is created

    QQmlApplicationEngine engine;
    QVariantMap extra;
    if (!options->checkSite.isEmpty())
        extra.insert(QStringLiteral("checkSite"), options->checkSite);
    QQuickWindow *window =
        MainWindow::load(engine, options->databasePath, options->windowSize, &error, extra);
    if (!window) {
        QTextStream(stderr) << "planlines: " << error << "\n";
        return 1;
    }
    StartupTiming::mark(QStringLiteral("window's QML loaded"));
    std::unique_ptr<Screenshot> screenshot;
    if (!options->screenshotPath.isEmpty()) {
        screenshot = std::make_unique<Screenshot>(window, options->screenshotPath);
        QObject::connect(screenshot.get(), &Screenshot::finished, &app, &QCoreApplication::exit,
                         Qt::QueuedConnection);
    }
    return QGuiApplication::exec();
}

} // namespace planlines::qml
