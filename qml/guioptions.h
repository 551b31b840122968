// The window's command-line options, parsed before Qt starts (the screenshot mode chooses the
// offscreen platform).
#pragma once

#include <QSize>
#include <QString>

#include <optional>
#include <string>

namespace planlines::qml {

struct GuiOptions
{
    QString databasePath;
    QString screenshotPath; // empty: interactive
    QString checkSite;      // --check-site: the check panel opens and checks this site
    QSize windowSize{1280, 800};
    bool help = false;
    bool timing = false; // log where start-up time goes (startuptiming.h)

    // Parses argv (argv[0] is the program). Options Qt itself takes (-platform …) are left to
    // it. Returns nullopt and sets error for a bad option.
    static std::optional<GuiOptions> parse(int argc, char **argv, const std::string &defaultDb,
                                           QString *error);
    static const char *usage();
};

} // namespace planlines::qml
