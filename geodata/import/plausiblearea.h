// Where a layer in the project's working CRS may plausibly lie: the working CRS's area of use
// (from PROJ's database, widened a little), and the neighbourhood of the layers the project
// already holds. A transformation that lands elsewhere used the wrong source CRS.
#pragma once

#include "../geometry.h"
#include "../project.h"

#include <optional>

namespace planlines::geodata::import {

struct PlausibleArea
{
    Envelope areaOfUse;               // in the working CRS
    std::optional<Envelope> existing; // the project's layers, widened by kExistingMarginM
    static constexpr double kExistingMarginM = 100'000;

    static PlausibleArea of(Project &project);
    bool contains(const Envelope &e) const;
    // True when e comes near the project's existing layers (or there are none).
    bool nearExisting(const Envelope &e) const;
};

} // namespace planlines::geodata::import
