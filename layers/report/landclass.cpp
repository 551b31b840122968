#include "landclass.h"

#include <QStringList>

namespace planlines::layers::report {

QString landClassName(LandClass c)
{
    switch (c) {
    case LandClass::Agricultural:
        return QStringLiteral("农用地");
    case LandClass::Construction:
        return QStringLiteral("建设用地");
    case LandClass::Unused:
        return QStringLiteral("未利用地");
    case LandClass::Unknown:
        break;
    }
    return QStringLiteral("未识别地类");
}

LandGroup landGroupOf(const QString &dlbmIn)
{
    // 三调 suffixes: K (可调整地类) keeps the class of its base code; A (201A 独立工业用地,
    // 1104A 养殖坑塘) likewise.
    QString dlbm = dlbmIn.trimmed().toUpper();
    while (!dlbm.isEmpty() && dlbm.back().isLetter())
        dlbm.chop(1);
    const auto agri = [](const char *group) {
        return LandGroup{LandClass::Agricultural, QString::fromUtf8(group)};
    };
    const LandGroup construction{LandClass::Construction, QStringLiteral("建设用地")};
    const LandGroup unused{LandClass::Unused, QStringLiteral("未利用地")};
    if (dlbm.size() == 3 && dlbm.startsWith(QLatin1String("20")))
        return construction; // 201 城市 … 205 特殊用地
    if (dlbm.size() != 4)
        return {};
    const QString major = dlbm.left(2);
    if (major == QLatin1String("01"))
        return agri("耕地");
    if (major == QLatin1String("02"))
        return agri("园地");
    if (major == QLatin1String("03"))
        return agri("林地"); // 0303 红树林地, 0304 森林沼泽, 0306 灌丛沼泽 too
    if (major == QLatin1String("04"))
        return dlbm == QLatin1String("0404") ? unused : agri("草地");
    if (QStringList{"05", "06", "07", "08", "09"}.contains(major))
        return construction;
    static const QStringList otherAgricultural = {"1006", "1103", "1104", "1107", "1202", "1203"};
    static const QStringList constructionCodes = {"1001", "1002", "1003", "1004", "1005",
                                                  "1007", "1008", "1009", "1109", "1201"};
    static const QStringList unusedCodes = {"1101", "1102", "1105", "1106", "1108",
                                            "1110", "1204", "1205", "1206", "1207"};
    if (otherAgricultural.contains(dlbm))
        return agri("其他农用地");
    if (constructionCodes.contains(dlbm))
        return construction;
    if (unusedCodes.contains(dlbm))
        return unused;
    return {};
}

QStringList landGroupOrder()
{
    return {QStringLiteral("耕地"),     QStringLiteral("园地"),       QStringLiteral("林地"),
            QStringLiteral("草地"),     QStringLiteral("其他农用地"), QStringLiteral("建设用地"),
            QStringLiteral("未利用地"), QStringLiteral("未识别地类")};
}

} // namespace planlines::layers::report
