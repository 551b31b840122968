// A new project file is written whole or not at all: it is made under a hidden temporary name
// beside the target, filled, closed, fsynced and only then renamed to the target. A process
// killed part-way leaves at most that temporary file (".NAME.PID.partial"), never a project
// at the target with some of its layers; the next run for the same target removes such a file
// once its process is gone. SQLite's journal may be off while the temporary file
// is filled: nothing reads it before the rename.
#pragma once

#include "project.h"

#include <functional>
#include <string>

namespace planlines::geodata {

struct NewProjectFile
{
    std::string path; // the target
    std::string workingCrs = "EPSG:4548";
    std::string countyName, countyCode;
    // Replace a target that exists (its -wal, -shm and -journal are removed just before the
    // rename); otherwise an existing target is an error, as for Project::create.
    bool replace = false;
};

// Creates the project, runs fill on it, and puts the closed file at f.path. Throws Error naming
// the target on any failure (fill's own errors pass through, named after the target where they
// named the temporary file), leaving the target as it was and no temporary file.
void createProjectFile(const NewProjectFile &f, const std::function<void(Project &)> &fill);

} // namespace planlines::geodata
