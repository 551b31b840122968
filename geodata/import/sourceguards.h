// Checks SourceLocator makes on a file before any GDAL driver sees it, so that a hostile file
// can neither make the import read other local files nor block it forever. Each throws
// geodata::Error naming the file and the cause.
#pragma once

#include <string>

namespace planlines::geodata::import {

// The file (or .gdb folder) and its sidecars (files of the same stem: .shx, .dbf, .cpg, .prj,
// .dat, .mid …; every entry of a .gdb) are regular files: a FIFO, device or socket would block
// the reading thread or read without end.
void requireRegularFiles(const std::string &file, bool folder);

// A SQLite file (.sqlite, .db, .gpkg) declares no virtual table other than R*Tree indexes and
// SpatiaLite's own (SpatialIndex, KNN, ElementaryGeometries): SpatiaLite's VirtualText,
// VirtualShape, VirtualDbf, VirtualXL … read any file the schema names. Read from
// sqlite_master with the SQLite API (read-only, no extension loading) before GDAL opens it.
void refuseForeignVirtualTables(const std::string &file);

// A MapInfo .tab is a small text header: a seamless or view table names other files to read.
// The whole header is read (a .tab over 1 MiB is refused as not a header).
void refuseReferencingTab(const std::string &file);

// A DXF ends with its EOF marker (group 0, EOF): a drawing cut short reads as a drawing with
// fewer entities, so one without it is refused as truncated.
void requireDxfEnd(const std::string &file);

} // namespace planlines::geodata::import
