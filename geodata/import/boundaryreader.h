// Reads the 界址点坐标文件 (boundary coordinate file) into a BoundaryFile.
#pragma once

#include "boundaryfile.h"

#include <string>
#include <string_view>

namespace planlines::geodata::import {

// Parses the bytes of a boundary file; sourceName names it in errors.
BoundaryFile readBoundaryFile(std::string_view bytes, std::string sourceName,
                              const BoundaryReadOptions &options);

} // namespace planlines::geodata::import
