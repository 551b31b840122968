#include "guioptions.h"

#include <QRegularExpression>

#include <cstring>

namespace planlines::qml {

const char *GuiOptions::usage()
{
    return "usage: planlines [--db FILE|URI] [--size WxH] [--screenshot FILE.png] [--check-site NAME]\n"
           "                 [--timing]\n"
           "  --db FILE|URI         the project: a file, or a server as postgresql://user@host/db,\n"
           "                        service=NAME or 'host=… dbname=…' (default: $PLANLINES_DB,\n"
           "                        else the sample county); 项目 → 连接服务器数据库… in the window\n"
           "  --size WxH            window size in pixels (default 1280x800)\n"
           "  --screenshot FILE     render the window offscreen, save it as PNG and exit\n"
           "  --check-site NAME     open the check panel (选址检查) and check the project's site\n"
           "                        of this name (XMMC) or fid; recorded like `planlines check`\n"
           "  --timing              log on stderr where start-up time goes, up to the first\n"
           "                        complete frame (also PLANLINES_TIMING=1)\n"
           "in the window: drag, arrow keys pan; wheel (about the cursor), +/-, double-click,\n"
           "pinch zoom; Home shows the county; a click identifies; Esc clears; the search box\n"
           "takes names, BSM/TBBH, K12+300, X/Y and lon/lat; files dropped on the map import.\n"
           "The UI is Chinese; 设置 → English switches it at once (kept for the next start).\n";
}

std::optional<GuiOptions> GuiOptions::parse(int argc, char **argv, const std::string &defaultDb,
                                            QString *error)
{
    GuiOptions o;
    o.databasePath = QString::fromStdString(defaultDb);
    auto fail = [&](const QString &message) -> std::optional<GuiOptions> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    for (int i = 1; i < argc; ++i) {
        QString arg = QString::fromLocal8Bit(argv[i]);
        QString value;
        const bool isLong = arg.startsWith(QLatin1String("--"));
        if (isLong && arg.contains(u'=')) {
            value = arg.section(u'=', 1);
            arg = arg.section(u'=', 0, 0);
        }
        auto takeValue = [&]() -> bool {
            if (!value.isEmpty())
                return true;
            if (i + 1 >= argc)
                return false;
            value = QString::fromLocal8Bit(argv[++i]);
            return true;
        };
        if (arg == QLatin1String("--help") || arg == QLatin1String("-h")) {
            o.help = true;
        } else if (arg == QLatin1String("--timing")) {
            o.timing = true;
        } else if (arg == QLatin1String("--db")) {
            if (!takeValue())
                return fail(QStringLiteral("--db needs a file"));
            o.databasePath = value;
        } else if (arg == QLatin1String("--screenshot")) {
            if (!takeValue())
                return fail(QStringLiteral("--screenshot needs a file name"));
            o.screenshotPath = value;
        } else if (arg == QLatin1String("--check-site")) {
            if (!takeValue())
                return fail(QStringLiteral("--check-site needs a site name or fid"));
            o.checkSite = value;
        } else if (arg == QLatin1String("--size")) {
            if (!takeValue())
                return fail(QStringLiteral("--size needs WxH"));
            static const QRegularExpression re(QStringLiteral("^(\\d{2,5})[xX](\\d{2,5})$"));
            const auto m = re.match(value);
            if (!m.hasMatch())
                return fail(
                    QStringLiteral("--size wants WxH such as 1280x800, not '%1'").arg(value));
            o.windowSize = QSize(m.captured(1).toInt(), m.captured(2).toInt());
        } else if (isLong) {
            return fail(QStringLiteral("unknown option '%1'").arg(arg));
        }
        // Single-dash options (-platform offscreen, -style …) belong to Qt.
    }
    return o;
}

} // namespace planlines::qml
