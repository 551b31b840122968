// What a person asked of an import: role, layers, encoding, CRS and name overrides, and a way
// to cancel. Empty means "decide from the file".
#pragma once

#include "../role.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace planlines::geodata::import {

// Thrown when ImportOptions::cancelled answers true; the file's transaction rolls back.
struct ImportCancelled
{
};

struct ImportOptions
{
    std::optional<Role> role;            // --role: for layers whose role is not recognised
    std::vector<std::string> layers;     // --layer: only these source layers (all if empty)
    std::optional<std::string> encoding; // --encoding: Shapefile attribute encoding
    std::optional<std::string> srs;      // --srs: the source CRS, whatever the file says
    std::optional<std::string> name;     // --name: registry name (single-layer imports)
    // Polled every cancelCheckEvery features; true cancels the file being imported.
    std::function<bool()> cancelled;
    // Told every cancelCheckEvery features: the layer being read, features read so far and
    // the layer's feature count (-1 when the driver cannot tell without a full scan).
    std::function<void(const std::string &layer, std::int64_t read, std::int64_t total)> progress;
    int cancelCheckEvery = 1000;
};

} // namespace planlines::geodata::import
