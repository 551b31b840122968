// A read that a hostile file can make endless or unbounded in memory, tried first in a child
// process with a time and memory limit. GDAL's DXF reader cannot be capped for every case (a
// block whose INSERTs nest and multiply, a spline of a million control points, a fuzzed HATCH
// it never returns from): the child runs the very read the import will do, and only when it
// finishes in time does the import read the file itself.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

namespace planlines::geodata::import {

struct IsolationLimits
{
    int seconds = 20;             // wall-clock time the child may take
    std::size_t memoryMiB = 2048; // address space it may add to what the parent already had
    // The defaults, or PLANLINES_DXF_SECONDS / PLANLINES_DXF_MEMORY_MIB when set (positive
    // integers), for a slow machine or a test.
    static IsolationLimits fromEnvironment();
};

// Runs read() in a forked child (which only reads and exits: no file is written, the project
// is never touched) and waits for it at most limits.seconds. Returns when read() returned in
// the child. Throws geodata::Error with context `what` (e.g. "DXF file /x/a.dxf") when the
// child ran out of time ("reading stopped after 20 s (…)") or memory or died, and rethrows the
// message of an exception read() threw in the child as geodata::Error.
//
// fork() copies only the calling thread: a GDAL lock held by another thread at that moment
// would stay locked in the child, which then ends as out of time. The import runs GDAL on one
// thread at a time, so this does not happen in practice.
void runIsolated(const std::function<void()> &read, const std::string &what,
                 const IsolationLimits &limits);

} // namespace planlines::geodata::import
