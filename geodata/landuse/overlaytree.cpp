#include "overlaytree.h"

namespace planlines::geodata::landuse {

namespace {
GEOSGeometry *rectangle(GEOSContextHandle_t ctx, const Envelope &b)
{
    GEOSGeometry *g = GEOSGeom_createRectangle_r(ctx, b.minX, b.minY, b.maxX, b.maxY);
    if (!g)
        throw GeometryError("GEOS refused a box");
    return g;
}

struct Visit
{
    const std::function<void(std::size_t)> *visit;
};

void callback(void *item, void *userdata)
{
    (*static_cast<Visit *>(userdata)->visit)(reinterpret_cast<std::uintptr_t>(item) - 1);
}
} // namespace

BoxTree::BoxTree(const std::vector<Envelope> &boxes) : m_size(boxes.size())
{
    GEOSContextHandle_t ctx = geosContext();
    m_tree = GEOSSTRtree_create_r(ctx, 10);
    if (!m_tree)
        throw GeometryError("GEOS could not create an STRtree");
    for (std::size_t k = 0; k < boxes.size(); ++k) {
        // The tree keeps a copy of the envelope, not the geometry.
        GEOSGeometry *r = rectangle(ctx, boxes[k]);
        GEOSSTRtree_insert_r(ctx, m_tree, r, reinterpret_cast<void *>(std::uintptr_t(k + 1)));
        GEOSGeom_destroy_r(ctx, r);
    }
    query({0, 0, 0, 0}, [](std::size_t) {}); // builds the tree here, before threads share it
}

BoxTree::~BoxTree()
{
    if (m_tree)
        GEOSSTRtree_destroy_r(geosContext(), m_tree);
}

void BoxTree::query(const Envelope &box, const std::function<void(std::size_t)> &visit) const
{
    GEOSContextHandle_t ctx = geosContext();
    GEOSGeometry *r = rectangle(ctx, box);
    Visit v{&visit};
    GEOSSTRtree_query_r(ctx, m_tree, r, callback, &v);
    GEOSGeom_destroy_r(ctx, r);
}

} // namespace planlines::geodata::landuse
