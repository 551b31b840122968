// Many boxes' features in one request: the site check's batch asks for the candidates of all
// the sites a worker is about to check, one request per layer, instead of one per site and
// layer (on PostGIS a round trip each: a thousand sites made 2 000 small queries). An engine
// answers it as it can: PostGIS joins the boxes to the GiST index in one query and keeps the
// answer; any other engine (the fallback) queries each box when it is reached. Kept apart from
// featuresource.h so that adding it did not rebuild everything that includes that.
#pragma once

#include "featuresource.h"

#include <cstddef>
#include <memory>
#include <vector>

namespace planlines::geodata {

class BoxesCursor : public FeatureCursor
{
public:
    // Starts over with the features whose box meets boxes[i], as FeatureSource::query with
    // that box gives them (the same rows, in fid order); next() is false after its last.
    virtual void seek(std::size_t i) = 0;
};

// request: as for FeatureSource::query, with no box, fids, match, limit or share of its own
// (Error otherwise); the request's geometry and attributes are what each row gives.
std::unique_ptr<BoxesCursor> queryBoxes(FeatureSource &source, const FeatureRequest &request,
                                        std::vector<Envelope> boxes);

} // namespace planlines::geodata
