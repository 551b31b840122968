#include "mapformat.h"

#include <geodata/area.h>

#include <cmath>

namespace planlines::qml {

QString MapFormat::grouped(qint64 value)
{
    QString digits = QString::number(std::llabs(value));
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, u' ');
    return value < 0 ? u'-' + digits : digits;
}

QString MapFormat::scale(double denominator)
{
    if (!(denominator > 0))
        return QStringLiteral("—");
    const double magnitude = std::pow(10.0, std::floor(std::log10(denominator)) - 2);
    const double rounded = denominator < 1000 ? std::round(denominator)
                                              : std::round(denominator / magnitude) * magnitude;
    return QStringLiteral("1:") + grouped(static_cast<qint64>(rounded));
}

QString MapFormat::area(double areaM2)
{
    return tr("%1 m² · %2 亩 · %3 公顷") // 亩 reads mu in English
        .arg(areaM2, 0, 'f', 2)
        .arg(geodata::m2ToMu(areaM2), 0, 'f', 2)
        .arg(geodata::m2ToHa(areaM2), 0, 'f', 2);
}

} // namespace planlines::qml
