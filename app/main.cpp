// planlines: with a subcommand (or --help/--version) the command line; otherwise the map window.
#include "cli/cli.h"

#include <geodata/allocator.h>

#ifdef PLANLINES_WITH_GUI
#include <qml/gui.h>
#endif

#include <cstdio>

int main(int argc, char **argv)
{
    planlines::geodata::keepFreedMemory();
    if (planlines::cli::wantsCommandLine(argc, argv))
        return planlines::cli::run(argc, argv);
#ifdef PLANLINES_WITH_GUI
    return planlines::qml::runGui(argc, argv, planlines::cli::defaultDatabase());
#else
    std::fputs("planlines: built without the GUI (PLANLINES_GUI=OFF); "
               "run 'planlines --help' for the commands\n",
               stderr);
    return 2;
#endif
}
