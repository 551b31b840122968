#include "polygonrings.h"

#include <geos_c.h>

namespace planlines::layers {

namespace {

void addRings(std::vector<QPolygonF> &out, const GEOSGeometry *g, GEOSContextHandle_t ctx)
{
    const int type = GEOSGeomTypeId_r(ctx, g);
    if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        for (int i = 0; i < GEOSGetNumGeometries_r(ctx, g); ++i)
            addRings(out, GEOSGetGeometryN_r(ctx, g, i), ctx);
        return;
    }
    if (type != GEOS_POLYGON)
        return;
    auto ring = [&](const GEOSGeometry *r) {
        const GEOSCoordSequence *seq = GEOSGeom_getCoordSeq_r(ctx, r);
        unsigned n = 0;
        GEOSCoordSeq_getSize_r(ctx, seq, &n);
        QPolygonF poly;
        poly.reserve(qsizetype(n));
        for (unsigned i = 0; i < n; ++i) {
            double x = 0, y = 0;
            GEOSCoordSeq_getXY_r(ctx, seq, i, &x, &y);
            poly << QPointF(x, y);
        }
        if (!poly.isEmpty())
            out.push_back(std::move(poly));
    };
    ring(GEOSGetExteriorRing_r(ctx, g));
    for (int i = 0; i < GEOSGetNumInteriorRings_r(ctx, g); ++i)
        ring(GEOSGetInteriorRingN_r(ctx, g, i));
}

} // namespace

std::vector<QPolygonF> polygonRings(const geodata::Geometry &g)
{
    std::vector<QPolygonF> out;
    if (g)
        addRings(out, g.get(), geodata::geosContext());
    return out;
}

QPainterPath outlinePath(const geodata::Geometry &g)
{
    QPainterPath path;
    for (const QPolygonF &ring : polygonRings(g)) {
        path.addPolygon(ring);
        path.closeSubpath();
    }
    return path;
}

} // namespace planlines::layers
