// planlines render: the map drawn headless to a PNG by the same layers::MapRenderer the window
// uses (quick pictures for documents, and what the render benchmarks time).
#include "cli.h"
#include "commands.h"

#include <geodata/error.h>
#include <geodata/savefile.h>
#include <layers/extentspec.h>
#include <layers/layercatalog.h>
#include <layers/maprenderer.h>
#include <layers/projectmap.h>

#include <QBuffer>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QImageWriter>
#include <QRegularExpression>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <set>

namespace planlines::cli {

namespace {

const QString kCmd = QStringLiteral("planlines render");

QString roleList()
{
    QStringList ids;
    for (const auto role : geodata::kAllRoles)
        ids << QString::fromUtf8(geodata::roleId(role).data(),
                                 static_cast<qsizetype>(geodata::roleId(role).size()));
    return ids.join(QStringLiteral(", "));
}

// CPU time of all threads: on a shared machine wall-clock time also counts others' work.
double processCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

} // namespace

int runRender(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Draw the map to a PNG without the window, with the same styles and renderer: the "
        "layers shown by default (or those of --layers), labels, and an imagery underlay if "
        "given."));
    p.addHelpOption();
    p.addOption({QStringLiteral("db"),
                 QStringLiteral("Project file (default: $PLANLINES_DB, else the sample county)."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("out"), QStringLiteral("PNG file to write (required)."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("size"),
                 QStringLiteral("Image size in pixels (default 1920x1080)."), QStringLiteral("WxH"),
                 QStringLiteral("1920x1080")});
    p.addOption({QStringLiteral("extent"),
                 QStringLiteral("What to show: county (default), site:NAME, township:NAME, or "
                                "xmin,ymin,xmax,ymax in metres of the working CRS (easting, "
                                "northing)."),
                 QStringLiteral("WHAT"), QStringLiteral("county")});
    p.addOption({QStringLiteral("layers"),
                 QStringLiteral("Draw only the layers of these roles, comma separated (%1).")
                     .arg(roleList()),
                 QStringLiteral("ROLES")});
    p.addOption({QStringLiteral("imagery"),
                 QStringLiteral("A raster (GeoTIFF or another GDAL raster, any CRS) drawn under "
                                "the layers."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("imagery-opacity"),
                 QStringLiteral("Opacity of the imagery, 0 to 1 (default 1)."), QStringLiteral("A"),
                 QStringLiteral("1")});
    p.addOption({QStringLiteral("dpi"),
                 QStringLiteral("Output resolution; line widths, symbols and text are sized in "
                                "mm (default 96, a screen)."),
                 QStringLiteral("N"), QStringLiteral("96")});
    p.addOption({QStringLiteral("styles"),
                 QStringLiteral("Read the style files from DIR instead of the built-in ones "
                                "(every <role>.json and groups.json, see layers/styles)."),
                 QStringLiteral("DIR")});
    p.addOption({QStringLiteral("min-line-width"),
                 QStringLiteral("Thinnest line drawn, in pixels (default 0.75: a 0.1 mm parcel "
                                "edge stays visible on screen; 0 draws widths as styled)."),
                 QStringLiteral("PX"), QStringLiteral("0.75")});
    p.addOption({QStringLiteral("no-labels"), QStringLiteral("Draw no labels.")});
    p.addOption({QStringLiteral("timing"),
                 QStringLiteral("Print LOAD_S, RENDER_S, SAVE_S (wall-clock seconds) LOAD_CPU_S "
                                "and RENDER_CPU_S (CPU seconds of all threads) to stdout.")});
    if (!p.parse(args))
        return fail(kCmd, p.errorText(), 2);
    if (p.isSet(QStringLiteral("help")))
        return printHelp(p, kCmd);
    if (!p.positionalArguments().isEmpty())
        return fail(kCmd,
                    QStringLiteral("unexpected argument '%1'").arg(p.positionalArguments()[0]), 2);
    if (!p.isSet(QStringLiteral("out")))
        return fail(kCmd, QStringLiteral("--out FILE is required"), 2);
    const QString out = p.value(QStringLiteral("out"));

    const auto size = QRegularExpression(QStringLiteral("^(\\d{1,5})[xX×](\\d{1,5})$"))
                          .match(p.value(QStringLiteral("size")));
    const int width = size.hasMatch() ? size.captured(1).toInt() : 0;
    const int height = size.hasMatch() ? size.captured(2).toInt() : 0;
    if (width < 16 || height < 16 || width > 20000 || height > 20000 ||
        qint64(width) * height > 200'000'000)
        return fail(kCmd,
                    QStringLiteral("--size must be WxH, each from 16 to 20000 pixels, not '%1'")
                        .arg(p.value(QStringLiteral("size"))),
                    2);
    bool ok = false;
    const double dpi = p.value(QStringLiteral("dpi")).toDouble(&ok);
    if (!ok || dpi < 24 || dpi > 1200)
        return fail(kCmd, QStringLiteral("--dpi must be a number from 24 to 1200"), 2);
    const double minLineWidth = p.value(QStringLiteral("min-line-width")).toDouble(&ok);
    if (!ok || minLineWidth < 0 || minLineWidth > 10)
        return fail(kCmd, QStringLiteral("--min-line-width must be a number from 0 to 10"), 2);
    const double opacity = p.value(QStringLiteral("imagery-opacity")).toDouble(&ok);
    if (!ok || opacity < 0 || opacity > 1)
        return fail(kCmd, QStringLiteral("--imagery-opacity must be a number from 0 to 1"), 2);

    std::optional<std::set<geodata::Role>> roles;
    if (p.isSet(QStringLiteral("layers"))) {
        roles.emplace();
        for (const QString &id :
             p.value(QStringLiteral("layers")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const auto role = geodata::roleFromId(id.trimmed().toStdString());
            if (!role)
                return fail(kCmd,
                            QStringLiteral("--layers: unknown role '%1' (roles: %2)")
                                .arg(id.trimmed(), roleList()),
                            2);
            roles->insert(*role);
        }
        if (roles->empty())
            return fail(kCmd, QStringLiteral("--layers: no role given (roles: %1)").arg(roleList()),
                        2);
    }

    layers::ExtentSpec extent;
    try {
        extent = layers::ExtentSpec::parse(p.value(QStringLiteral("extent")));
    } catch (const geodata::Error &e) {
        return fail(kCmd, QStringLiteral("--extent: ") + QString::fromStdString(e.what()), 2);
    }

    const std::string db = p.isSet(QStringLiteral("db"))
                               ? p.value(QStringLiteral("db")).toStdString()
                               : defaultDatabase();
    QTextStream stdOut(stdout);
    try {
        QElapsedTimer timer;
        timer.start();
        const double loadCpu0 = processCpuSeconds();
        const auto catalog = p.isSet(QStringLiteral("styles"))
                                 ? layers::LayerCatalog::load(p.value(QStringLiteral("styles")))
                                 : layers::LayerCatalog::load();
        // Townships and sites are small and name the extents; the rest only when drawn.
        auto shown = [&](const layers::CatalogEntry &e) {
            return roles ? roles->count(e.info.role) > 0 : e.visibleByDefault;
        };
        const auto map = layers::ProjectMap::load(db, catalog, [&](const layers::CatalogEntry &e) {
            return shown(e) || e.info.role == geodata::Role::Township ||
                   e.info.role == geodata::Role::Site;
        });
        std::vector<bool> visible;
        for (const auto &layer : map.layers())
            visible.push_back(shown(layer.entry));
        if (roles && std::none_of(visible.begin(), visible.end(), [](bool v) { return v; }))
            return fail(kCmd,
                        QStringLiteral("%1: no layer of the roles '%2'")
                            .arg(QString::fromStdString(db), p.value(QStringLiteral("layers"))));
        const auto viewport =
            layers::MapViewport::fitting(extent.resolve(map), QSize(width, height), 0, dpi);
        auto renderLayers = map.renderLayers(visible);
        if (p.isSet(QStringLiteral("imagery"))) {
            layers::RenderLayer imagery;
            imagery.raster = layers::RasterLayer::open(
                p.value(QStringLiteral("imagery")).toStdString(), map.workingCrs());
            imagery.opacity = opacity;
            renderLayers.insert(renderLayers.begin(), std::move(imagery));
        }
        const double loadS = timer.nsecsElapsed() / 1e9;
        const double loadCpuS = processCpuSeconds() - loadCpu0;

        timer.restart();
        const double cpu0 = processCpuSeconds();
        layers::MapRenderer::Options options;
        options.labels = !p.isSet(QStringLiteral("no-labels"));
        options.minLineWidthPx = minLineWidth;
        const layers::MapRenderer renderer(options);
        layers::RenderStats stats;
        const QImage image = renderer.renderImage(viewport, renderLayers, &stats);
        const double renderS = timer.nsecsElapsed() / 1e9;
        const double renderCpuS = processCpuSeconds() - cpu0;

        timer.restart();
        // Written whole or not at all: a failed save leaves no broken PNG behind.
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        QImageWriter writer(&buffer, "png");
        writer.setCompression(1); // fast; a map compresses well anyway
        if (!writer.write(image))
            return fail(kCmd,
                        QStringLiteral("%1: cannot write: %2").arg(out, writer.errorString()));
        geodata::saveFile(out.toStdString(), std::string_view(png.constData(), png.size()));
        const double saveS = timer.nsecsElapsed() / 1e9;
        if (p.isSet(QStringLiteral("timing")))
            stdOut << QStringLiteral("features=%1 dots=%2 labels=%3\nLOAD_S=%4\nRENDER_S=%5\n"
                                     "SAVE_S=%6\nLOAD_CPU_S=%7\nRENDER_CPU_S=%8\n")
                          .arg(stats.features)
                          .arg(stats.dots)
                          .arg(stats.labels)
                          .arg(loadS, 0, 'f', 3)
                          .arg(renderS, 0, 'f', 3)
                          .arg(saveS, 0, 'f', 3)
                          .arg(loadCpuS, 0, 'f', 3)
                          .arg(renderCpuS, 0, 'f', 3);
        else
            stdOut << QStringLiteral("%1: %2x%3, 1:%4\n")
                          .arg(QFileInfo(out).absoluteFilePath())
                          .arg(width)
                          .arg(height)
                          .arg(std::round(viewport.scaleDenominator()), 0, 'f', 0);
        return 0;
    } catch (const std::exception &e) {
        return fail(kCmd, QString::fromUtf8(e.what()));
    }
}

} // namespace planlines::cli
