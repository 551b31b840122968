#include "sheetatlas.h"

#include <geodata/error.h>
#include <geodata/store/location.h>

#include <QFile>

#include <QRegularExpression>

#include <algorithm>
#include <map>

namespace planlines::layers::sheet {

std::vector<NamedFeature> namedFeatures(const ProjectMap &map, geodata::Role role)
{
    std::vector<NamedFeature> out;
    std::map<QString, std::size_t> index;
    for (const auto &l : map.layers()) {
        if (l.entry.info.role != role || l.data->labelField().empty())
            continue;
        const LayerData &d = *l.data;
        for (std::uint32_t f = 0; f < d.featureCount(); ++f) {
            const QString name = d.label(f).toString().trimmed();
            if (name.isEmpty())
                continue;
            const geodata::Envelope e = d.envelope(f);
            const auto [it, added] = index.try_emplace(name, out.size());
            if (added)
                out.push_back({name, e, {}});
            NamedFeature &n = out[it->second];
            if (d.kind() == GeometryKind::Polygon) {
                const WorldPoint o = d.origin();
                const LayerData::Range parts = d.parts(f);
                for (std::uint32_t p = parts.begin; p < parts.end; ++p) {
                    const LayerData::Range rings = d.rings(p);
                    for (std::uint32_t r = rings.begin; r < rings.end; ++r) {
                        const auto xy = d.ringXy(r);
                        QPolygonF ring;
                        ring.reserve(qsizetype(xy.size() / 2 + 1));
                        for (std::size_t i = 0; i + 1 < xy.size(); i += 2)
                            ring << QPointF(o.easting + xy[i], o.northing + xy[i + 1]);
                        if (!ring.isEmpty())
                            ring << ring.front(); // stored without the closing point
                        n.rings.push_back(std::move(ring));
                    }
                }
            }
            if (added)
                continue;
            geodata::Envelope &u = n.envelope;
            u = {std::min(u.minX, e.minX), std::min(u.minY, e.minY), std::max(u.maxX, e.maxX),
                 std::max(u.maxY, e.maxY)};
        }
    }
    return out;
}

geodata::Envelope resolveExtent(const ProjectMap &map, const QString &text)
{
    const std::string context = QStringLiteral("--extent %1").arg(text).toStdString();
    const QString t = text.trimmed();
    if (t == QLatin1String("county")) {
        const geodata::Envelope e = map.homeExtent();
        if (e.maxX <= e.minX)
            throw geodata::Error("the project has no features", context);
        return e;
    }
    for (const auto &[prefix, role] :
         {std::pair{QStringLiteral("site:"), geodata::Role::Site},
          std::pair{QStringLiteral("township:"), geodata::Role::Township}}) {
        if (!t.startsWith(prefix))
            continue;
        const QString name = t.mid(prefix.size()).trimmed();
        const auto features = namedFeatures(map, role);
        for (const auto &f : features)
            if (f.name == name)
                return f.envelope;
        QStringList near;
        for (const auto &f : features)
            if (f.name.contains(name))
                near << f.name;
        throw geodata::Error(
            near.isEmpty() ? QStringLiteral("no %1 named '%2' in %3")
                                 .arg(QString::fromUtf8(geodata::roleLabelZh(role).data()), name,
                                      QString::fromStdString(
                                          geodata::ProjectLocation::parse(map.path()).display()))
                                 .toStdString()
                           : QStringLiteral("no %1 named exactly '%2'; did you mean: %3")
                                 .arg(QString::fromUtf8(geodata::roleLabelZh(role).data()), name,
                                      near.mid(0, 5).join(QStringLiteral(", ")))
                                 .toStdString(),
            context);
    }
    const QStringList parts = t.split(QLatin1Char(','));
    if (parts.size() == 4) {
        double v[4];
        bool ok = true;
        for (int i = 0; i < 4; ++i) {
            bool one = false;
            v[i] = parts[i].trimmed().toDouble(&one);
            ok = ok && one;
        }
        if (ok && v[2] > v[0] && v[3] > v[1])
            return {v[0], v[1], v[2], v[3]};
        throw geodata::Error("expected xmin,ymin,xmax,ymax with xmin < xmax and ymin < ymax",
                             context);
    }
    throw geodata::Error("expected county, site:NAME, township:NAME or xmin,ymin,xmax,ymax",
                         context);
}

std::vector<SheetSpec> atlasSheets(const ProjectMap &map, geodata::Role role, const SheetSpec &base)
{
    std::vector<SheetSpec> sheets;
    for (const NamedFeature &f : namedFeatures(map, role)) {
        SheetSpec s = base;
        s.title = f.name;
        if (s.subtitle.isEmpty())
            s.subtitle =
                QStringLiteral("%1 · %2").arg(QString::fromStdString(map.countyName()),
                                              QString::fromUtf8(geodata::roleLabelZh(role).data()));
        s.extent = f.envelope;
        s.highlight = f.envelope;
        s.hasHighlight = role == geodata::Role::Site;
        if (role == geodata::Role::Township)
            s.outline = f.rings;
        sheets.push_back(std::move(s));
    }
    return sheets;
}

QString atlasFileName(const QString &pattern, int index, const QString &name)
{
    static const QRegularExpression number(QStringLiteral("%(0?)(\\d*)d"));
    static const QRegularExpression unsafe(QStringLiteral("[/\\\\:*?\"<>|\\s]+"));
    QString out = pattern;
    bool used = false;
    if (const auto m = number.match(out); m.hasMatch()) {
        const int width = m.captured(2).toInt();
        out.replace(m.capturedStart(), m.capturedLength(),
                    QStringLiteral("%1").arg(index + 1, width, 10,
                                             m.captured(1).isEmpty() ? QLatin1Char(' ')
                                                                     : QLatin1Char('0')));
        used = true;
    }
    if (out.contains(QLatin1String("<name>"))) {
        QString safe = name;
        safe.replace(unsafe, QStringLiteral("_"));
        out.replace(QLatin1String("<name>"), safe);
        used = true;
    }
    if (!used) {
        const qsizetype dot = out.lastIndexOf(QLatin1Char('.'));
        const QString tag = QStringLiteral("-%1").arg(index + 1, 3, 10, QLatin1Char('0'));
        out.insert(dot < 0 ? out.size() : dot, tag);
    }
    return out;
}

std::vector<QString> writeAtlas(const SheetExporter &exporter, const QString &pattern,
                                const std::vector<SheetSpec> &sheets, const ExportOptions &options)
{
    if (sheets.empty())
        throw geodata::Error("no sheet to write: the project has no named features of that kind",
                             pattern.toStdString());
    if (sheetFormatFor(pattern) == SheetFormat::Pdf)
        return exporter.write(pattern, sheets, options) ? std::vector<QString>{pattern}
                                                        : std::vector<QString>{};
    std::vector<QString> written;
    try {
        for (std::size_t i = 0; i < sheets.size(); ++i) {
            ExportOptions one = options;
            one.progress = nullptr;
            const QString path = atlasFileName(pattern, int(i), sheets[i].title);
            if (!exporter.write(path, std::span(&sheets[i], 1), one))
                break;
            written.push_back(path);
            if ((options.cancel && options.cancel->load()) ||
                (options.progress && !options.progress(int(i) + 1, int(sheets.size()))))
                break;
        }
    } catch (...) {
        // A sheet that cannot be written (a full disk) fails the batch: no file of it is left,
        // as a batch PDF leaves none, so no one takes the first sheets for the whole set.
        for (const QString &f : written)
            QFile::remove(f);
        throw;
    }
    return written;
}

} // namespace planlines::layers::sheet
