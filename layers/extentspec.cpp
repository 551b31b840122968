#include "extentspec.h"

#include <geodata/error.h>

#include <QStringList>

#include <algorithm>
#include <cmath>
#include <optional>

namespace planlines::layers {

ExtentSpec ExtentSpec::parse(const QString &text)
{
    ExtentSpec spec;
    const QString t = text.trimmed();
    if (t.isEmpty() || t == QLatin1String("county"))
        return spec;
    for (const auto &[prefix, role] :
         {std::pair{QStringLiteral("site:"), geodata::Role::Site},
          std::pair{QStringLiteral("township:"), geodata::Role::Township}}) {
        if (!t.startsWith(prefix))
            continue;
        spec.m_kind = Kind::Named;
        spec.m_role = role;
        spec.m_name = t.mid(prefix.size()).trimmed();
        if (spec.m_name.isEmpty())
            throw geodata::Error("a name must follow '" + prefix.toStdString() + "'",
                                 "extent '" + text.toStdString() + "'");
        return spec;
    }
    const QStringList parts = t.split(QLatin1Char(','));
    double v[4];
    bool allNumbers = parts.size() == 4;
    for (int i = 0; allNumbers && i < 4; ++i)
        v[i] = parts[i].trimmed().toDouble(&allNumbers);
    if (!allNumbers)
        throw geodata::Error("expected county, site:NAME, township:NAME or xmin,ymin,xmax,ymax "
                             "(easting, northing in metres of the working CRS)",
                             "extent '" + text.toStdString() + "'");
    if (!(std::isfinite(v[0]) && std::isfinite(v[1]) && std::isfinite(v[2]) &&
          std::isfinite(v[3])) ||
        !(v[0] < v[2]) || !(v[1] < v[3]))
        throw geodata::Error("xmin must be below xmax and ymin below ymax",
                             "extent '" + text.toStdString() + "'");
    spec.m_kind = Kind::Box;
    spec.m_box = {v[0], v[1], v[2], v[3]};
    return spec;
}

geodata::Envelope ExtentSpec::resolve(const ProjectMap &map, double minSizeM) const
{
    if (m_kind == Kind::Box)
        return m_box;
    if (m_kind == Kind::County) {
        const auto home = map.homeExtent();
        if (!(home.width() > 0 || home.height() > 0))
            throw geodata::Error("the project has no features to show", map.path());
        return home;
    }
    std::optional<geodata::Envelope> found;
    QStringList known;
    bool anyLayer = false;
    for (const auto &layer : map.layers()) {
        if (layer.entry.info.role != m_role)
            continue;
        anyLayer = true;
        const LayerData &d = *layer.data;
        for (std::uint32_t f = 0; f < d.featureCount(); ++f) {
            const QStringView label = d.label(f);
            if (label.trimmed() == m_name) {
                const auto e = d.envelope(f);
                found = found ? geodata::Envelope{std::min(found->minX, e.minX),
                                                  std::min(found->minY, e.minY),
                                                  std::max(found->maxX, e.maxX),
                                                  std::max(found->maxY, e.maxY)}
                              : e;
            } else if (!label.isEmpty() && known.size() < 8 && !known.contains(label)) {
                known << label.toString();
            }
        }
    }
    const std::string what(geodata::roleId(m_role));
    if (!found) {
        if (!anyLayer)
            throw geodata::Error("the project has no " + what + " layer", map.path());
        std::string cause = "no " + what + " named '" + m_name.toStdString() + "'";
        if (!known.isEmpty())
            cause += " (names include: " + known.join(QStringLiteral(", ")).toStdString() +
                     (known.size() >= 8 ? ", …" : "") + ")";
        throw geodata::Error(cause, map.path());
    }
    const double w = std::max(found->width() * 1.4, minSizeM);
    const double h = std::max(found->height() * 1.4, minSizeM);
    const double cx = (found->minX + found->maxX) / 2, cy = (found->minY + found->maxY) / 2;
    return {cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2};
}

} // namespace planlines::layers
