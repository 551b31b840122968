// The JSON of `planlines compare --json`.
#include "changetables.h"

#include "landuseclasses.h"

#include "../area.h"

#include <QJsonArray>

#include <cmath>

namespace planlines::geodata::landuse {

namespace {

double round(double v, int decimals)
{
    const double f = std::pow(10.0, decimals);
    return std::round(v * f) / f;
}

// A class code, or null for land no parcel of that version covers.
QJsonValue code(const std::string &c)
{
    return c.empty() ? QJsonValue() : QJsonValue(QString::fromStdString(c));
}

QJsonObject areas(double m2)
{
    return {{"area_m2", round(m2, 2)},
            {"area_mu", round(m2ToMu(m2), 4)},
            {"area_ha", round(m2ToHa(m2), 4)}};
}

QJsonArray cells(const ChangeResult &r, const std::vector<TransferCell> &matrix, bool names,
                 bool official)
{
    QJsonArray out;
    for (const auto &c : matrix) {
        QJsonObject o = areas(c.areaM2);
        o.insert("from", code(c.fromCode));
        o.insert("to", code(c.toCode));
        if (names) {
            o.insert("from_name", QString::fromStdString(classLabel(r, c.fromCode)));
            o.insert("to_name", QString::fromStdString(classLabel(r, c.toCode)));
        }
        if (official)
            o.insert("official_m2", round(c.officialM2, 2));
        out.append(o);
    }
    return out;
}

QJsonObject zone(const ChangeResult &r, const ZoneChanges &z)
{
    if (!z.present)
        return {{"present", false}};
    QJsonObject o = areas(z.areaM2);
    o.insert("present", true);
    o.insert("layer", QString::fromStdString(z.layerName));
    o.insert("cultivated_outflow_m2", round(z.cultivatedOutflowM2, 2));
    o.insert("cultivated_outflow_mu", round(m2ToMu(z.cultivatedOutflowM2), 4));
    o.insert("changes", cells(r, z.cells, true, false));
    return o;
}

} // namespace

QJsonObject changeJson(const ChangeResult &r)
{
    QJsonObject o;
    o.insert("from_version", QString::fromStdString(r.fromLabel));
    o.insert("to_version", QString::fromStdString(r.toLabel));
    o.insert("area_basis", "planar area in the working CRS (m²)");
    if (r.hasOfficial) {
        o.insert("official_basis",
                 "official_m2: TBDLMJ (图斑地类面积) of the old parcel allocated by planar area "
                 "share; of the new parcel for land no old parcel covered");
        o.insert("official_fallback_parcels", static_cast<qint64>(r.officialFallbacks));
    }
    o.insert("matrix", cells(r, r.matrix, true, r.hasOfficial));
    o.insert("matrix_level1", cells(r, firstLevelMatrix(r.matrix), false, r.hasOfficial));
    QJsonArray townships;
    for (const auto &t : r.townships)
        townships.append(QJsonObject{{"code", QString::fromStdString(t.code)},
                                     {"name", QString::fromStdString(t.name)},
                                     {"matrix", cells(r, t.matrix, false, r.hasOfficial)}});
    o.insert("townships", townships);
    QJsonArray outflow, inflow;
    for (const auto &c : cultivatedOutflow(r.matrix))
        outflow.append(QJsonObject{{"from", code(c.fromCode)},
                                   {"to", code(c.toCode)},
                                   {"area_m2", round(c.areaM2, 2)},
                                   {"area_mu", round(m2ToMu(c.areaM2), 4)}});
    for (const auto &c : cultivatedInflow(r.matrix))
        inflow.append(QJsonObject{{"from", code(c.fromCode)},
                                  {"to", code(c.toCode)},
                                  {"area_m2", round(c.areaM2, 2)},
                                  {"area_mu", round(m2ToMu(c.areaM2), 4)}});
    o.insert("outflow", outflow);
    o.insert("inflow", inflow);
    const Balance b = balance(r.matrix);
    o.insert("balance", QJsonObject{{"outflow_m2", round(b.outflowM2, 2)},
                                    {"inflow_m2", round(b.inflowM2, 2)},
                                    {"net_m2", round(b.netM2(), 2)},
                                    {"net_mu", round(m2ToMu(b.netM2()), 4)},
                                    {"internal_m2", round(b.internalM2, 2)},
                                    {"balance_out_m2", round(b.balanceOutM2, 2)},
                                    {"balance_in_m2", round(b.balanceInM2, 2)},
                                    {"balanced", b.balanced()}});
    double changed = 0;
    for (const auto &p : r.pieces)
        changed += p.areaM2;
    o.insert("changes", static_cast<qint64>(r.pieces.size()));
    o.insert("change_area_m2", round(changed, 2));
    o.insert("parcels", QJsonObject{{"old", static_cast<qint64>(r.oldParcels)},
                                    {"new", static_cast<qint64>(r.newParcels)},
                                    {"unchanged", static_cast<qint64>(r.unchangedParcels)},
                                    {"reclassified", static_cast<qint64>(r.reclassifiedParcels)},
                                    {"overlaid_old", static_cast<qint64>(r.overlaidOld)},
                                    {"overlaid_new", static_cast<qint64>(r.overlaidNew)},
                                    {"old_area_m2", round(r.oldAreaM2, 2)},
                                    {"new_area_m2", round(r.newAreaM2, 2)}});
    o.insert("geometry_only", QJsonObject{{"old_parcels", static_cast<qint64>(r.geometryOnlyOld)},
                                          {"new_parcels", static_cast<qint64>(r.geometryOnlyNew)},
                                          {"area_m2", round(r.geometryOnlyM2, 2)}});
    o.insert("basic_farmland", zone(r, r.farmland));
    o.insert("eco_redline", zone(r, r.redline));
    return o;
}

} // namespace planlines::geodata::landuse
