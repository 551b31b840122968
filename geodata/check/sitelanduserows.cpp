// The 地类 rows, the detailed land-use rows (DLBM, QSXZ, ZLDWMC, GDDB, 扣除) and the farmland
// summary of one site, from what the scan accumulated (SiteMeasurer::landuseRows).
#include "sitemeasurer.h"

#include "sitescan.h"

#include <algorithm>
#include <map>
#include <string>
#include <utility>

namespace planlines::geodata::check {

void SiteMeasurer::landuseRows(ScanAcc &acc, Measurement &m)
{
    // The 地类 rows (DLBM, DLMC) are sums of the detailed rows: order-free (AreaSum), the same
    // bits however the parcels came.
    struct ByClass
    {
        AreaSum area;
        double twiceM2 = 0;
        int parcels = 0;
    };
    std::map<std::pair<std::string, std::string>, ByClass> byClass;
    FarmlandSummary &farm = m.farmland;
    std::map<std::string, double> grades;
    double deductedFarm = 0;
    for (const auto &[key, row] : acc.landuse) {
        LanduseDetailRow d;
        d.dlbm = key.dlbm;
        d.dlmc = key.dlmc;
        d.qsxz = key.qsxz;
        d.zldwmc = key.zldwmc;
        d.gddb = key.gddb;
        d.areaM2 = row.area.m2() - row.twiceM2;
        d.deductedM2 = acc.kcxsKnown ? row.deducted.m2() - row.twiceDeductedM2 : -1;
        d.parcels = row.parcels;
        ByClass &c = byClass[{key.dlbm, key.dlmc}];
        c.area.add(row.area);
        c.twiceM2 += row.twiceM2;
        c.parcels += row.parcels;
        if (key.dlbm.rfind("01", 0) == 0) {
            farm.parcels += row.parcels;
            if (key.dlbm.rfind("0101", 0) == 0)
                farm.paddyM2 += d.areaM2;
            if (acc.gddbKnown)
                grades[key.gddb] += d.areaM2;
            deductedFarm += std::max(0.0, d.deductedM2);
        }
        m.landuseDetail.push_back(std::move(d));
    }
    for (const auto &[key, c] : byClass)
        m.landuse.push_back({key.first, key.second, c.area.m2() - c.twiceM2, c.parcels});
    farm.cultivatedM2 = m.overlap("cultivated").areaM2;
    farm.deductedM2 = acc.kcxsKnown ? deductedFarm : -1;
    farm.byGrade.assign(grades.begin(), grades.end());
}

} // namespace planlines::geodata::check
