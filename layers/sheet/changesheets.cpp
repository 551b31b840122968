#include "changesheets.h"

#include "sheetatlas.h"
#include "sheetcomposer.h"
#include "sheetexporter.h"

#include "../layercatalog.h"

#include <geodata/area.h>
#include <geodata/error.h>
#include <geodata/landuse/changetables.h>
#include <geodata/landuse/landuseclasses.h>

#include <algorithm>
#include <map>
#include <set>

namespace planlines::layers::sheet {

namespace landuse = geodata::landuse;

namespace {

// The land use under the changes: faded so the change pieces stand out, still readable.
constexpr double kLanduseOpacity = 0.45;

QString zh(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QString muText(double m2)
{
    return QString::number(geodata::m2ToMu(m2), 'f', 2);
}

// 一级类 codes in 三调 order, "" (no parcel) last, as the CLI's tables order them.
struct CodeLess
{
    bool operator()(const std::string &a, const std::string &b) const
    {
        if (a.empty() != b.empty())
            return b.empty();
        return a < b;
    }
};

QString className(const std::string &code)
{
    if (code.empty())
        return zh(landuse::secondLevelName(code)); // （无图斑）
    const QString name = zh(landuse::firstLevelName(code));
    return name.isEmpty() ? QString::fromStdString(code) : name;
}

// "地类图斑 v1 → v2" when both labels are versions of one layer, else "A → B".
QString versionsText(const landuse::ChangeResult &r)
{
    const QString from = QString::fromStdString(r.fromLabel);
    const QString to = QString::fromStdString(r.toLabel);
    const qsizetype a = from.lastIndexOf(QLatin1String(" v")),
                    b = to.lastIndexOf(QLatin1String(" v"));
    if (a > 0 && b > 0 && from.left(a) == to.left(b))
        return QStringLiteral("%1 → %2").arg(from, to.mid(b + 1));
    return QStringLiteral("%1 → %2").arg(from, to);
}

bool hasChanges(const std::vector<landuse::TransferCell> &matrix)
{
    return std::any_of(matrix.begin(), matrix.end(), [](const landuse::TransferCell &c) {
        return c.fromCode != c.toCode && c.areaM2 > 0;
    });
}

geodata::Envelope unite(const geodata::Envelope &a, const geodata::Envelope &b)
{
    return {std::min(a.minX, b.minX), std::min(a.minY, b.minY), std::max(a.maxX, b.maxX),
            std::max(a.maxY, b.maxY)};
}

} // namespace

QString cultivatedChangeLine(const std::vector<landuse::TransferCell> &matrix)
{
    const landuse::Balance b = landuse::balance(matrix);
    return QStringLiteral("耕地流出 %1 亩，流入 %2 亩，净增减 %3 亩")
        .arg(muText(b.outflowM2), muText(b.inflowM2), muText(b.netM2()));
}

std::vector<QStringList> changeMatrixTable(const std::vector<landuse::TransferCell> &matrix)
{
    // Rows: the classes with land in the earlier version; columns: in the later one (（无图斑）
    // is a column when parcels went, a row when new ones came).
    std::set<std::string, CodeLess> fromCodes, toCodes;
    std::map<std::pair<std::string, std::string>, double> area;
    for (const landuse::TransferCell &c : landuse::firstLevelMatrix(matrix)) {
        if (c.areaM2 <= 0)
            continue;
        fromCodes.insert(c.fromCode);
        toCodes.insert(c.toCode);
        area[{c.fromCode, c.toCode}] += c.areaM2;
    }
    std::vector<QStringList> rows;
    QStringList header{QStringLiteral("原地类＼现地类")};
    for (const std::string &c : toCodes)
        header << className(c);
    header << QStringLiteral("合计");
    rows.push_back(header);
    std::map<std::string, double> columnM2;
    double totalM2 = 0;
    for (const std::string &from : fromCodes) {
        QStringList row{from.empty() ? className(from)
                                     : QStringLiteral("%1 %2").arg(QString::fromStdString(from),
                                                                   className(from))};
        double rowM2 = 0;
        for (const std::string &to : toCodes) {
            const auto it = area.find({from, to});
            row << (it == area.end() ? QString() : muText(it->second));
            if (it != area.end()) {
                rowM2 += it->second;
                columnM2[to] += it->second;
            }
        }
        row << muText(rowM2);
        totalM2 += rowM2;
        rows.push_back(row);
    }
    QStringList last{QStringLiteral("合计")};
    for (const std::string &to : toCodes)
        last << muText(columnM2[to]);
    last << muText(totalM2);
    rows.push_back(last);
    rows.push_back({cultivatedChangeLine(matrix)}); // one cell: spans the table
    return rows;
}

void placeTableUnderMap(SheetTemplate &t, std::size_t tableRows, bool hasTitle)
{
    // The heights drawTable gives a title and a row.
    const double s = t.sizeFactor;
    const double height = (hasTitle ? t.headingMmSize() * 1.6 : 0) +
                          double(tableRows) * t.textMmSize() * 1.9 + 0.5 * s;
    const double gap = 3 * s;
    const double labelBand = t.frameMm.left() - t.outerMm.left();
    t.outerMm.setBottom(t.outerMm.bottom() - height - gap);
    t.frameMm = t.outerMm.adjusted(labelBand, labelBand, -labelBand, -labelBand);
    t.tableMm = QRectF(t.outerMm.left(), t.outerMm.bottom() + gap, t.outerMm.width(), height);
}

std::vector<SheetSpec> changeSheets(const ProjectMap &map, const landuse::ChangeResult &result,
                                    const std::optional<geodata::LayerInfo> &changeLayer,
                                    const SheetSpec &base, bool byTownship)
{
    const auto &layers = map.layers();
    // The land use as it is now, the changes over it, the township lines and the base map;
    // the control lines and the other layers would hide what changed.
    std::vector<bool> visible(layers.size(), false);
    std::vector<double> opacity(layers.size(), 1.0);
    const LayerData *changes = nullptr;
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const geodata::LayerInfo &info = layers[i].entry.info;
        if (changeLayer && info.table == changeLayer->table) {
            visible[i] = true;
            changes = layers[i].data.get();
        } else if (info.role == geodata::Role::Landuse) {
            visible[i] = true;
            opacity[i] = kLanduseOpacity;
        } else if (info.role == geodata::Role::Township) {
            visible[i] = true;
        } else if (info.role == geodata::Role::Context) {
            // Another comparison's change layer is context too: left out.
            visible[i] = layers[i].entry.visibleByDefault &&
                         !QString::fromStdString(info.name).startsWith(QStringLiteral("地类变化_"));
        }
    }
    if (changeLayer && !changes)
        throw geodata::Error("the map has no layer of table " + changeLayer->table +
                                 " (load the map after storing the changes)",
                             changeLayer->name);

    const QString county = QString::fromStdString(map.countyName());
    const QString versions = versionsText(result);
    const QString tableTitle = QStringLiteral("土地利用转移矩阵（一级类，单位：亩）");
    SheetSpec common = base;
    common.visible = visible;
    common.opacity = opacity;
    common.tableTitle = tableTitle;
    if (common.dataSource.isEmpty())
        common.dataSource = QStringLiteral("%1项目数据库 %2").arg(county, versions);

    // Pieces and their area per township code, for the subtitles and the township extents.
    std::map<std::string, std::pair<int, double>> pieceCount;
    std::map<std::string, geodata::Envelope> pieceExtent;
    int allPieces = 0;
    double allM2 = 0;
    for (const landuse::ChangePiece &p : result.pieces) {
        auto &[n, m2] = pieceCount[p.township];
        ++n;
        m2 += p.areaM2;
        ++allPieces;
        allM2 += p.areaM2;
        const geodata::Envelope &e = p.box;
        const auto [it, added] = pieceExtent.try_emplace(p.township, e);
        if (!added)
            it->second = unite(it->second, e);
    }
    auto piecesText = [](int n, double m2) {
        return QStringLiteral("变化图斑 %1 个，%2 亩").arg(n).arg(muText(m2));
    };

    std::vector<SheetSpec> sheets;
    if (!byTownship) {
        SheetSpec s = common;
        if (s.title.isEmpty())
            s.title = QStringLiteral("%1土地利用变化图（%2）").arg(county, versions);
        if (s.subtitle.isEmpty())
            s.subtitle = piecesText(allPieces, allM2);
        s.extent = map.homeExtent();
        s.table = changeMatrixTable(result.matrix);
        placeTableUnderMap(s.layout, s.table.size());
        sheets.push_back(std::move(s));
        return sheets;
    }

    bool anyTownshipLayer = false;
    for (const auto &l : layers)
        anyTownshipLayer = anyTownshipLayer || l.entry.info.role == geodata::Role::Township;
    if (!anyTownshipLayer)
        throw geodata::Error("the project has no township layer (乡镇界): no sheet per township",
                             map.path());
    std::map<QString, const NamedFeature *> byName;
    const auto features = namedFeatures(map, geodata::Role::Township);
    for (const NamedFeature &f : features)
        byName.emplace(f.name, &f);
    for (const landuse::Township &tw : result.townships) {
        if (!hasChanges(tw.matrix))
            continue;
        // Parcels in no township (no ZLDWDM, outside every township polygon) are tw.code "".
        const QString name = !tw.name.empty()   ? QString::fromStdString(tw.name)
                             : !tw.code.empty() ? QString::fromStdString(tw.code)
                                                : QStringLiteral("乡镇未定区域");
        SheetSpec s = common;
        s.title = QStringLiteral("%1土地利用变化图").arg(name);
        const auto [n, m2] = pieceCount[tw.code];
        if (s.subtitle.isEmpty())
            s.subtitle = QStringLiteral("%1 · %2 · %3").arg(county, versions, piecesText(n, m2));
        if (const auto f = byName.find(name); f != byName.end()) {
            s.extent = f->second->envelope;
            s.outline = f->second->rings;
        } else if (const auto e = pieceExtent.find(tw.code); e != pieceExtent.end()) {
            s.extent = e->second; // a township the township layer does not name: its changes
        } else {
            continue;
        }
        s.table = changeMatrixTable(tw.matrix);
        placeTableUnderMap(s.layout, s.table.size());
        sheets.push_back(std::move(s));
    }
    return sheets;
}

ChangeSheetFiles writeChangeSheets(const std::string &db,
                                   const geodata::landuse::ChangeResult &result,
                                   const std::optional<geodata::LayerInfo> &changeLayer,
                                   const SheetTemplate &layout, double dpi, bool byTownship,
                                   const QString &out)
{
    const auto catalog = LayerCatalog::load();
    const auto map = ProjectMap::load(db, catalog);
    SheetSpec base;
    base.layout = layout;
    const auto sheets = changeSheets(map, result, changeLayer, base, byTownship);
    if (sheets.empty())
        throw geodata::Error("no township has class changes: no sheet written", out.toStdString());
    const SheetComposer composer(map);
    const SheetExporter exporter(composer);
    ExportOptions options;
    options.dpi = dpi;
    if (byTownship)
        return {sheets.size(), writeAtlas(exporter, out, sheets, options)};
    exporter.write(out, sheets, options);
    return {sheets.size(), {out}};
}

} // namespace planlines::layers::sheet
