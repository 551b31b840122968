#include "featurebatch.h"

#include "layerinfo.h"
#include "postgis/postgisfeatures.h"

namespace planlines::geodata {

namespace {

// Any engine: one query per box, when the box is reached.
class BoxByBoxCursor final : public BoxesCursor
{
public:
    BoxByBoxCursor(FeatureSource &source, FeatureRequest request, std::vector<Envelope> boxes)
        : m_source(source), m_request(std::move(request)), m_boxes(std::move(boxes))
    {
        m_request.small = true; // one box's candidates
    }
    void seek(std::size_t i) override
    {
        m_cursor.reset();
        m_request.box = m_boxes.at(i);
        m_cursor = m_source.query(m_request);
    }
    bool next() override { return m_cursor && m_cursor->next(); }
    std::int64_t fid() const override { return m_cursor->fid(); }
    bool hasGeometry() const override { return m_cursor->hasGeometry(); }
    void readGeometry(FlatGeometry &out) override { m_cursor->readGeometry(out); }
    Geometry geometry() override { return m_cursor->geometry(); }
    Envelope box() override { return m_cursor->box(); }
    Value value(int i) const override { return m_cursor->value(i); }

private:
    FeatureSource &m_source;
    FeatureRequest m_request;
    std::vector<Envelope> m_boxes;
    std::unique_ptr<FeatureCursor> m_cursor;
};

} // namespace

std::unique_ptr<BoxesCursor> queryBoxes(FeatureSource &source, const FeatureRequest &request,
                                        std::vector<Envelope> boxes)
{
    if (request.box || !request.fids.empty() || request.match || request.limit >= 0 ||
        request.shareCount > 1)
        throw Error("a request for many boxes takes no box, fids, match, limit or share of its own",
                    "layer " + source.layer().name);
    if (auto *pg = dynamic_cast<PostgisFeatureSource *>(&source))
        return pg->queryBoxes(request, boxes);
    return std::make_unique<BoxByBoxCursor>(source, request, std::move(boxes));
}

} // namespace planlines::geodata
