// The process's heap policy, set once at start by the programs (the window, the command line,
// the benchmarks). glibc gives blocks of 128 KiB and more their own mapping and hands free
// memory at the top of the heap back to the system; the next check then faults every page of
// its JSON text and feature lists in again. On the virtual machines county PCs and CI run on,
// such a fault costs microseconds: a 1 km² site made some 270 of them. Kept, the freed
// memory is reused.
#pragma once

namespace planlines::geodata {

// Large blocks (up to 32 MiB) come from the heap, and up to 256 MiB of freed memory is kept.
void keepFreedMemory();

} // namespace planlines::geodata
