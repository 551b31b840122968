#include "searchparser.h"

#include <geodata/chainage.h>

#include <QRegularExpression>

#include <cmath>
#include <vector>

namespace planlines::layers {

namespace {

// Full-width forms to ASCII (NFKC), then the Chinese list separators to ASCII ones.
QString normalised(const QString &input)
{
    QString s = input.normalized(QString::NormalizationForm_KC).trimmed();
    s.replace(u'、', u',');
    s.replace(u'；', u';');
    return s;
}

struct Degrees
{
    double value = 0;
    QChar hemisphere; // N, S, E, W or null
};

double number(const QString &text)
{
    return text.isEmpty() ? 0.0 : text.toDouble();
}

QChar hemisphereOf(const QString &text)
{
    if (text.isEmpty())
        return {};
    const QChar c = text.at(0).toUpper();
    if (c == u'东')
        return u'E';
    if (c == u'西')
        return u'W';
    if (c == u'南')
        return u'S';
    if (c == u'北')
        return u'N';
    return c;
}

// Every 度分秒 value in s: 117°33′12″E, 37度12分30秒, N37°12'30". The hemisphere letters are
// all in front of the numbers or all after them (after 东经/北纬 became E/N).
std::vector<Degrees> dmsValues(const QString &s)
{
    static const QString value =
        QStringLiteral(R"((\d+(?:\.\d+)?)\s*[°度]\s*(?:(\d+(?:\.\d+)?)\s*['′分]\s*)?)"
                       R"((?:(\d+(?:\.\d+)?)\s*(?:''|′′|["″秒])\s*)?)");
    static const QString hemisphere = QStringLiteral(R"(([NSEWnsew东西南北]))");
    static const QRegularExpression prefixed(hemisphere + QStringLiteral(R"(\s*)") + value);
    static const QRegularExpression suffixed(value + hemisphere + QStringLiteral("?"));
    static const QRegularExpression startsWithLetter(QStringLiteral(R"(^[NSEWnsew东西南北])"));
    const bool prefix = startsWithLetter.match(s).hasMatch();
    std::vector<Degrees> out;
    auto it = (prefix ? prefixed : suffixed).globalMatch(s);
    const int first = prefix ? 2 : 1;
    while (it.hasNext()) {
        const auto m = it.next();
        const double deg = number(m.captured(first));
        const double min = number(m.captured(first + 1));
        const double sec = number(m.captured(first + 2));
        if (min >= 60 || sec >= 60)
            return {};
        const QChar h = hemisphereOf(m.captured(prefix ? 1 : 4));
        out.push_back({deg + min / 60 + sec / 3600, h});
    }
    return out;
}

// Chinese prefixes 东经/北纬 name the hemisphere before the number.
QString withHemispheresFromWords(QString s)
{
    s.replace(QStringLiteral("东经"), QStringLiteral("E"));
    s.replace(QStringLiteral("西经"), QStringLiteral("W"));
    s.replace(QStringLiteral("北纬"), QStringLiteral("N"));
    s.replace(QStringLiteral("南纬"), QStringLiteral("S"));
    return s;
}

bool assignLonLat(Degrees a, Degrees b, SearchQuery &q)
{
    const auto isLat = [](QChar h) { return h == u'N' || h == u'S'; };
    const auto isLon = [](QChar h) { return h == u'E' || h == u'W'; };
    const auto sign = [](const Degrees &d) {
        return d.hemisphere == u'S' || d.hemisphere == u'W' ? -std::abs(d.value) : d.value;
    };
    bool swap;
    if (isLat(a.hemisphere) || isLon(b.hemisphere))
        swap = true; // a is the latitude
    else if (isLon(a.hemisphere) || isLat(b.hemisphere))
        swap = false;
    else // the latitude is the one at most 54° when the other is above (China: 3–54°N, 73–135°E)
        swap = std::abs(a.value) <= 54 && std::abs(b.value) > 54;
    if (swap)
        std::swap(a, b);
    q.longitude = sign(a);
    q.latitude = sign(b);
    if (std::abs(q.latitude) > 90 || std::abs(q.longitude) > 180)
        return false;
    q.kind = SearchQuery::Kind::LonLat;
    return true;
}

int integerDigits(double v)
{
    const double a = std::abs(v);
    return a < 1 ? 1 : static_cast<int>(std::floor(std::log10(a))) + 1;
}

bool assignProjected(double a, double b, SearchQuery &q)
{
    // The northing has seven digits in China (about 2 000 000 – 6 000 000 m); the easting six,
    // or eight with its zone number in front.
    const int da = integerDigits(a), db = integerDigits(b);
    double northing, easting;
    if (da == 7 && (db == 6 || db == 8)) {
        northing = a;
        easting = b;
    } else if (db == 7 && (da == 6 || da == 8)) {
        northing = b;
        easting = a;
    } else {
        return false;
    }
    if (integerDigits(easting) == 8) {
        const int zone = static_cast<int>(std::floor(easting / 1e6));
        if (gaussKrugerCrsForZone(zone).isEmpty())
            return false;
        q.zone = zone;
        easting -= zone * 1e6;
    }
    q.kind = SearchQuery::Kind::Projected;
    q.northing = northing;
    q.easting = easting;
    return true;
}

} // namespace

QString gaussKrugerCrsForZone(int zone)
{
    if (zone >= 25 && zone <= 45)
        return QStringLiteral("EPSG:%1").arg(4513 + zone - 25);
    if (zone >= 13 && zone <= 23)
        return QStringLiteral("EPSG:%1").arg(4491 + zone - 13);
    return {};
}

SearchQuery parseSearch(const QString &input)
{
    SearchQuery q;
    q.text = input.trimmed();
    if (q.text.isEmpty())
        return q;
    const QString s = normalised(input);

    if (const auto chainage = geodata::parseChainage(s.toStdString())) {
        q.kind = SearchQuery::Kind::Chainage;
        q.chainageM = *chainage;
        return q;
    }

    const QString words = withHemispheresFromWords(s);
    if (const auto dms = dmsValues(words); dms.size() == 2 && assignLonLat(dms[0], dms[1], q))
        return q;

    static const QRegularExpression plain(QStringLiteral(
        R"(^(?:[XxYy]\s*[=:：]?\s*)?([NSEWnsew])?\s*(-?\d+(?:\.\d+)?)\s*([NSEWnsew])?\s*)"
        R"((?:[,;]\s*|\s+)(?:[XxYy]\s*[=:：]?\s*)?([NSEWnsew])?\s*(-?\d+(?:\.\d+)?)\s*([NSEWnsew])?$)"));
    if (const auto m = plain.match(words); m.hasMatch()) {
        const double a = m.captured(2).toDouble();
        const double b = m.captured(5).toDouble();
        if (std::abs(a) <= 180 && std::abs(b) <= 180) {
            Degrees da{a, hemisphereOf(m.captured(1).isEmpty() ? m.captured(3) : m.captured(1))};
            Degrees db{b, hemisphereOf(m.captured(4).isEmpty() ? m.captured(6) : m.captured(4))};
            if (assignLonLat(da, db, q))
                return q;
        } else if (assignProjected(a, b, q)) {
            return q;
        }
    }

    q.kind = SearchQuery::Kind::Text;
    return q;
}

} // namespace planlines::layers
