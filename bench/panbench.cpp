// planlines_panbench: the map window's start-up and pan frames, measured on the real window
// (qrc:/qt/qml/PlanLines/Main.qml) under the offscreen platform.
//
//   planlines_panbench --db FILE [--frames 120] [--size 1920x1080]
//
// Start-up: from main() to the map's first complete frame (MapView.ready); --frames 0 measures
// only that (bench/render_bench.sh runs it several times for a median). Besides the text, the
// figures are printed as KEY=value lines for the script: STARTUP_S, PAN_P95_MS, PAN_CPU_P95_MS,
// RSS_MB (peak resident memory of the process). Then a scripted
// pan/zoom of N frames at 60 Hz: pans in four directions, zooms in and out around points of the
// view. A frame's time runs from the navigation call to the window's frameSwapped, i.e. what
// it takes to put the moved view on screen; sharp frames render in the background once the
// requests pause (RenderScheduler::settleMs), so during the script mostly none arrive.
#include <qml/mainwindow.h>
#include <qml/mapview.h>
#include <qml/projectsession.h>
#include <qml/startuptiming.h>

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <functional>
#include <vector>

using planlines::qml::MainWindow;
using planlines::qml::MapView;

namespace {

// Runs the event loop until signal fires or timeoutMs passes; false on timeout.
template <typename Sender, typename Signal>
bool waitFor(Sender *sender, Signal signal, int timeoutMs, const std::function<bool()> &done)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(sender, signal, &loop, [&] {
        if (done())
            loop.quit();
    });
    timer.start(timeoutMs);
    loop.exec();
    return done();
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const double rank = p / 100 * (v.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(rank));
    const auto hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (v[hi] - v[lo]) * (rank - lo);
}

// CPU time of the GUI thread: on a shared machine, wall-clock frames also wait for others.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

// Peak resident memory of this process (VmHWM), in KiB; 0 when unknown.
long peakRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    planlines::qml::StartupTiming::start(); // PLANLINES_TIMING=1: where start-up goes (stderr)
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    p.addOption({QStringLiteral("db"), QStringLiteral("Project file."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("frames"), QStringLiteral("Frames of the script (default 120)."),
                 QStringLiteral("N"), QStringLiteral("120")});
    p.addOption({QStringLiteral("size"), QStringLiteral("Window size (default 1920x1080)."),
                 QStringLiteral("WxH"), QStringLiteral("1920x1080")});
    p.process(app);
    const QStringList size = p.value(QStringLiteral("size")).split(QLatin1Char('x'));
    const int frames = std::max(0, p.value(QStringLiteral("frames")).toInt());
    QTextStream out(stdout);
    if (!p.isSet(QStringLiteral("db")) || size.size() != 2) {
        std::fputs("usage: planlines_panbench --db FILE [--frames N] [--size WxH]\n", stderr);
        return 2;
    }

    QGuiApplication::setFont(QFont(QStringLiteral("Noto Sans CJK SC"), 10));
    MainWindow::prepare();
    planlines::qml::StartupTiming::mark(QStringLiteral("application created"));
    planlines::qml::ProjectSession::preload(p.value(QStringLiteral("db"))); // as the program does
    QQmlApplicationEngine engine;
    QString error;
    QQuickWindow *window = MainWindow::load(engine, p.value(QStringLiteral("db")),
                                            QSize(size[0].toInt(), size[1].toInt()), &error);
    planlines::qml::StartupTiming::mark(QStringLiteral("window's QML loaded"));
    MapView *map = MainWindow::mapView(window);
    if (!map) {
        QTextStream(stderr) << "panbench: " << error << "\n";
        return 1;
    }
    if (!waitFor(map, &MapView::readyChanged, 300000, [map] { return map->ready(); })) {
        QTextStream(stderr) << "panbench: no complete frame in 300 s\n";
        return 1;
    }
    const double startupS = sinceStart.nsecsElapsed() / 1e9;
    timespec cpu{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu);
    const double startupCpuS = cpu.tv_sec + cpu.tv_nsec / 1e9;
    const int firstRenderMs = map->lastRenderMs();

    // The script: a quarter each of pans (right, down, left, up, 12 px a frame) and zooms
    // (in, then out by 4 % a frame around points off the centre).
    std::vector<std::function<void()>> steps;
    const double w = map->width(), h = map->height();
    for (int i = 0; i < frames; ++i) {
        const int phase = 8 * i / frames;
        switch (phase) {
        case 0:
            steps.push_back([map] { map->panBy(12, 0); });
            break;
        case 1:
            steps.push_back([map] { map->panBy(0, 12); });
            break;
        case 2:
            steps.push_back([map, w, h] { map->zoomAt(w * 0.4, h * 0.6, 1.04); });
            break;
        case 3:
            steps.push_back([map, w, h] { map->zoomAt(w * 0.4, h * 0.6, 1.04); });
            break;
        case 4:
            steps.push_back([map] { map->panBy(-12, 0); });
            break;
        case 5:
            steps.push_back([map] { map->panBy(0, -12); });
            break;
        default:
            steps.push_back([map, w, h] { map->zoomAt(w * 0.6, h * 0.4, 1 / 1.04); });
            break;
        }
    }
    std::vector<double> frameMs, frameCpuMs;
    QElapsedTimer clock;
    clock.start();
    const int sharpBefore = map->frameCount();
    for (int i = 0; i < frames; ++i) {
        // 60 Hz: wait for this frame's tick, letting background work and events run.
        const qint64 tick = static_cast<qint64>(i * 1000.0 / 60);
        while (clock.elapsed() < tick)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
        bool swapped = false;
        auto c = QObject::connect(window, &QQuickWindow::frameSwapped, [&] { swapped = true; });
        QElapsedTimer t;
        t.start();
        const double cpu0 = threadCpuMs();
        steps[i]();
        waitFor(window, &QQuickWindow::frameSwapped, 5000, [&] { return swapped; });
        frameMs.push_back(t.nsecsElapsed() / 1e6);
        frameCpuMs.push_back(threadCpuMs() - cpu0);
        QObject::disconnect(c);
    }
    const int sharp = map->frameCount() - sharpBefore;
    const long rssMb = peakRssKb() / 1024;

    out << QStringLiteral("map window %1x%2, %3\n")
               .arg(window->width())
               .arg(window->height())
               .arg(p.value(QStringLiteral("db")));
    out << QStringLiteral("  start-up to first complete frame: %1 s (its render %2 ms; CPU time of "
                          "all threads by then %3 s)\n")
               .arg(startupS, 0, 'f', 3)
               .arg(firstRenderMs)
               .arg(startupCpuS, 0, 'f', 3);
    out << QStringLiteral("STARTUP_S=%1\nRSS_MB=%2\n").arg(startupS, 0, 'f', 3).arg(rssMb);
    if (frames == 0) {
        out.flush();
        return 0;
    }
    out << QStringLiteral("PAN_P95_MS=%1\nPAN_CPU_P95_MS=%2\n")
               .arg(percentile(frameMs, 95), 0, 'f', 2)
               .arg(percentile(frameCpuMs, 95), 0, 'f', 2);
    out << QStringLiteral("  %1 pan/zoom frames at 60 Hz: p50 %2 ms, p95 %3 ms, max %4 ms; "
                          "%5 sharp frames arrived meanwhile, last render %6 ms\n")
               .arg(frames)
               .arg(percentile(frameMs, 50), 0, 'f', 2)
               .arg(percentile(frameMs, 95), 0, 'f', 2)
               .arg(percentile(frameMs, 100), 0, 'f', 2)
               .arg(sharp)
               .arg(map->lastRenderMs());
    out << QStringLiteral(
               "  the same frames in GUI-thread CPU time: p50 %1 ms, p95 %2 ms, max %3 ms\n")
               .arg(percentile(frameCpuMs, 50), 0, 'f', 2)
               .arg(percentile(frameCpuMs, 95), 0, 'f', 2)
               .arg(percentile(frameCpuMs, 100), 0, 'f', 2);
    out.flush();
    std::fflush(stdout);
    return 0;
}
