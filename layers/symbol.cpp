#include "symbol.h"

#include <geodata/error.h>

#include <QJsonArray>

namespace planlines::layers {

namespace {

QColor readColor(const QJsonValue &v, const char *key, const std::string &context)
{
    if (v.isNull())
        return {};
    const QColor c = QColor::fromString(v.toString());
    if (!v.isString() || !c.isValid())
        throw geodata::Error(std::string("'") + key + "' is not a colour (#RRGGBB or #AARRGGBB)",
                             context);
    return c;
}

double readPositive(const QJsonValue &v, const char *key, const std::string &context)
{
    if (!v.isDouble() || v.toDouble() < 0)
        throw geodata::Error(std::string("'") + key + "' must be a number >= 0", context);
    return v.toDouble();
}

MarkerShape readShape(const QJsonValue &v, const std::string &context)
{
    const QString s = v.toString();
    if (s == u"circle")
        return MarkerShape::Circle;
    if (s == u"square")
        return MarkerShape::Square;
    if (s == u"triangle")
        return MarkerShape::Triangle;
    if (s == u"diamond")
        return MarkerShape::Diamond;
    if (s == u"star")
        return MarkerShape::Star;
    throw geodata::Error("unknown marker shape '" + s.toStdString() +
                             "' (circle, square, triangle, diamond, star)",
                         context);
}

} // namespace

QColor Symbol::swatchColor() const
{
    if (hasFill())
        return fill;
    if (hasOutline())
        return outline;
    if (hatch)
        return hatch->color;
    return marker.fill;
}

Symbol Symbol::fromJson(const QJsonObject &json, const Symbol &base, const std::string &context)
{
    Symbol s = base;
    if (json.contains(u"fill"))
        s.fill = readColor(json[u"fill"], "fill", context);
    if (json.contains(u"outline"))
        s.outline = readColor(json[u"outline"], "outline", context);
    if (json.contains(u"outlineWidthMm"))
        s.outlineWidthMm = readPositive(json[u"outlineWidthMm"], "outlineWidthMm", context);
    if (json.contains(u"outlineMaxScale"))
        s.outlineMaxScale = readPositive(json[u"outlineMaxScale"], "outlineMaxScale", context);
    if (json.contains(u"outlineDashMm")) {
        const QJsonArray dash = json[u"outlineDashMm"].toArray();
        s.outlineDashMm.clear();
        for (const auto &d : dash)
            s.outlineDashMm.push_back(readPositive(d, "outlineDashMm", context));
        if (s.outlineDashMm.size() % 2 != 0)
            throw geodata::Error("'outlineDashMm' needs dash/gap pairs", context);
    }
    if (json.contains(u"hatch")) {
        const QJsonValue hv = json[u"hatch"];
        if (hv.isNull()) {
            s.hatch.reset();
        } else {
            const QJsonObject h = hv.toObject();
            Hatch hatch = s.hatch.value_or(Hatch{});
            if (h.contains(u"color"))
                hatch.color = readColor(h[u"color"], "hatch.color", context);
            if (h.contains(u"angleDeg"))
                hatch.angleDeg = h[u"angleDeg"].toDouble(hatch.angleDeg);
            if (h.contains(u"spacingMm"))
                hatch.spacingMm = readPositive(h[u"spacingMm"], "hatch.spacingMm", context);
            if (h.contains(u"widthMm"))
                hatch.widthMm = readPositive(h[u"widthMm"], "hatch.widthMm", context);
            if (!hatch.color.isValid() || hatch.spacingMm <= 0)
                throw geodata::Error("a hatch needs a colour and a spacing > 0", context);
            s.hatch = hatch;
        }
    }
    if (json.contains(u"marker")) {
        const QJsonObject m = json[u"marker"].toObject();
        if (m.contains(u"shape"))
            s.marker.shape = readShape(m[u"shape"], context);
        if (m.contains(u"sizeMm"))
            s.marker.sizeMm = readPositive(m[u"sizeMm"], "marker.sizeMm", context);
        if (m.contains(u"fill"))
            s.marker.fill = readColor(m[u"fill"], "marker.fill", context);
        if (m.contains(u"outline"))
            s.marker.outline = readColor(m[u"outline"], "marker.outline", context);
        if (m.contains(u"outlineWidthMm"))
            s.marker.outlineWidthMm =
                readPositive(m[u"outlineWidthMm"], "marker.outlineWidthMm", context);
    }
    return s;
}

} // namespace planlines::layers
