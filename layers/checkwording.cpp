#include "checkwording.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

namespace planlines::layers {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("planlines::layers", text);
}

// "1 and 2; 2 and 3" → "第 1 与 2 部分；第 2 与 3 部分"; "2000 parts" → "共 2000 个部分".
QString partPairsText(const QString &pairs)
{
    static const QRegularExpression count(QStringLiteral("^(\\d+) parts$"));
    if (const auto m = count.match(pairs); m.hasMatch())
        return tr("共 %1 个部分").arg(m.captured(1));
    QStringList out;
    for (const QString &pair : pairs.split(QStringLiteral("; "))) {
        const QStringList ab = pair.split(QStringLiteral(" and "));
        out << (ab.size() == 2 ? tr("第 %1 与 %2 部分").arg(ab[0], ab[1]) : pair);
    }
    return out.join(tr("；"));
}

} // namespace

QString overlapRoleText(const QString &role)
{
    struct Name
    {
        const char *id, *zh;
    };
    static const Name names[] = {
        {"basic_farmland", QT_TRANSLATE_NOOP("planlines::layers", "永久基本农田")},
        {"eco_redline", QT_TRANSLATE_NOOP("planlines::layers", "生态保护红线")},
        {"urban_boundary", QT_TRANSLATE_NOOP("planlines::layers", "城镇开发边界")},
        {"corridor", QT_TRANSLATE_NOOP("planlines::layers", "生态廊道")},
        {"control_unit", QT_TRANSLATE_NOOP("planlines::layers", "环境管控单元")},
        {"cultivated", QT_TRANSLATE_NOOP("planlines::layers", "耕地")},
        {"landuse", QT_TRANSLATE_NOOP("planlines::layers", "地类图斑")},
    };
    for (const Name &n : names)
        if (role == QLatin1String(n.id))
            return tr(n.zh);
    return role;
}

QString builtinRuleText(const QString &text)
{
    static const char *const texts[] = {
        QT_TRANSLATE_NOOP("planlines::layers", "三区三线与三线一单选址检查规则（示例规则集）"),
        // The rules' titles, in the file's order.
        QT_TRANSLATE_NOOP("planlines::layers", "不得占用永久基本农田"),
        QT_TRANSLATE_NOOP("planlines::layers", "生态保护红线内禁止开发性、生产性建设活动"),
        QT_TRANSLATE_NOOP("planlines::layers", "生态保护红线内仅允许有限人为活动"),
        QT_TRANSLATE_NOOP("planlines::layers", "城镇建设应在城镇开发边界内"),
        QT_TRANSLATE_NOOP("planlines::layers", "城镇开发边界外的公用设施须单独选址论证"),
        QT_TRANSLATE_NOOP("planlines::layers", "化工项目只能进入经认定的化工园区"),
        QT_TRANSLATE_NOOP("planlines::layers", "禁止新建、改建、扩建分散燃煤供热锅炉"),
        QT_TRANSLATE_NOOP("planlines::layers", "热力生产项目须核实燃料"),
        QT_TRANSLATE_NOOP("planlines::layers", "优先保护单元内禁止工业项目建设"),
        QT_TRANSLATE_NOOP("planlines::layers", "淤背区生态廊道用地保持廊道用途"),
        QT_TRANSLATE_NOOP("planlines::layers", "淤背区内的防洪、生态工程须与廊道衔接"),
        QT_TRANSLATE_NOOP("planlines::layers", "黄河临堤范围内严格控制新建工业项目"),
        QT_TRANSLATE_NOOP("planlines::layers", "饮用水水源保护区周边严格控制工业项目"),
        QT_TRANSLATE_NOOP("planlines::layers", "占用耕地须落实占补平衡"),
        QT_TRANSLATE_NOOP("planlines::layers", "选址应在现状地类图斑覆盖范围内"),
        // Their headings (永久基本农田 and 城镇开发边界 are the roles' names above).
        QT_TRANSLATE_NOOP("planlines::layers", "永久基本农田"),
        QT_TRANSLATE_NOOP("planlines::layers", "城镇开发边界"),
        QT_TRANSLATE_NOOP("planlines::layers", "空间布局约束"),
        QT_TRANSLATE_NOOP("planlines::layers", "污染物排放管控"),
        QT_TRANSLATE_NOOP("planlines::layers", "耕地保护"),
        QT_TRANSLATE_NOOP("planlines::layers", "数据核查"),
    };
    const QByteArray utf8 = text.toUtf8();
    for (const char *t : texts)
        if (utf8 == t)
            return tr(t);
    return text;
}

QString featureSourceText(const QString &source)
{
    static const QRegularExpression feature(
        QStringLiteral("^(?:(.*), )?layer (.*), feature (-?\\d+)$"));
    static const QRegularExpression line(QStringLiteral("^(.*), line (\\d+): (.*)$"));
    if (const auto m = feature.match(source); m.hasMatch())
        return m.captured(1).isEmpty()
                   ? tr("图层“%1”第 %2 号要素").arg(m.captured(2), m.captured(3))
                   : tr("%1 图层“%2”第 %3 号要素").arg(m.captured(1), m.captured(2), m.captured(3));
    if (const auto m = line.match(source); m.hasMatch())
        return tr("%1 第 %2 行：%3").arg(m.captured(1), m.captured(2), m.captured(3));
    return source;
}

QString invalidReasonText(const QString &reason)
{
    // GEOS 3.11 TopologyValidationError messages, with the point after them.
    static const QRegularExpression form(
        QStringLiteral("^([A-Za-z -]+?)\\s*\\[(-?[0-9.eE+-]+) (-?[0-9.eE+-]+)\\]$"));
    struct Word
    {
        const char *geos, *zh;
    };
    static const Word words[] = {
        {"Topology Validation Error", QT_TRANSLATE_NOOP("planlines::layers", "拓扑错误")},
        {"Repeated Point", QT_TRANSLATE_NOOP("planlines::layers", "重复点")},
        {"Hole lies outside shell", QT_TRANSLATE_NOOP("planlines::layers", "内环在外环之外")},
        {"Holes are nested", QT_TRANSLATE_NOOP("planlines::layers", "内环相互嵌套")},
        {"Interior is disconnected", QT_TRANSLATE_NOOP("planlines::layers", "内部不连通")},
        {"Self-intersection", QT_TRANSLATE_NOOP("planlines::layers", "自相交")},
        {"Ring Self-intersection", QT_TRANSLATE_NOOP("planlines::layers", "环自相交")},
        {"Nested shells", QT_TRANSLATE_NOOP("planlines::layers", "外环相互嵌套")},
        {"Duplicate Rings", QT_TRANSLATE_NOOP("planlines::layers", "环重复")},
        {"Too few distinct points in geometry component",
         QT_TRANSLATE_NOOP("planlines::layers", "几何部件的不同点过少")},
        {"Invalid Coordinate", QT_TRANSLATE_NOOP("planlines::layers", "坐标无效")},
        {"Ring is not closed", QT_TRANSLATE_NOOP("planlines::layers", "环未闭合")},
    };
    const auto m = form.match(reason.trimmed());
    const QString what = m.hasMatch() ? m.captured(1) : reason.trimmed();
    for (const Word &w : words)
        if (what.compare(QLatin1String(w.geos), Qt::CaseInsensitive) == 0)
            return m.hasMatch()
                       ? tr("%1（位于 %2, %3）").arg(tr(w.zh), m.captured(2), m.captured(3))
                       : tr(w.zh);
    return reason;
}

bool isOverlapNote(const QString &repair)
{
    return repair.startsWith(QLatin1String("layer ")) &&
           (repair.contains(QStringLiteral(" m² under the site; ")) ||
            repair.contains(QStringLiteral(" more pairs of features overlap ")));
}

QString checkRepairText(const QString &repair)
{
    static const QRegularExpression site(QStringLiteral("^site: (.*); repaired with MakeValid$"));
    static const QRegularExpression layerKept(
        QStringLiteral("^(layer .*, feature -?\\d+): (.*) \\(repaired for the check\\)$"));
    static const QRegularExpression layerOverlay(
        QStringLiteral("^(layer .*, feature -?\\d+): (.*); feature repaired with MakeValid$"));
    if (const auto m = site.match(repair); m.hasMatch())
        return tr("选址：%1，已用 MakeValid 修复").arg(invalidReasonText(m.captured(1)));
    if (const auto m = layerKept.match(repair); m.hasMatch())
        return tr("%1：%2，检查时已修复")
            .arg(featureSourceText(m.captured(1)), invalidReasonText(m.captured(2)));
    if (const auto m = layerOverlay.match(repair); m.hasMatch())
        return tr("%1：GEOS 无法叠加（%2），已用 MakeValid 修复该要素")
            .arg(featureSourceText(m.captured(1)), m.captured(2));
    static const QRegularExpression partsOverlap(QStringLiteral(
        "^site: parts overlap by ([0-9.]+) m² \\((.*)\\); the union of the parts is kept$"));
    static const QRegularExpression partsTouch(
        QStringLiteral("^site: parts touch \\((.*)\\); merged$"));
    static const QRegularExpression featuresOnce(QStringLiteral(
        "^layer (.*): features (.*) and (.*) overlap by ([0-9.]+) m² under the site; the overlap "
        "is counted once \\(for feature (-?\\d+)\\)$"));
    static const QRegularExpression featuresUnion(QStringLiteral(
        "^layer (.*?):? features? (.*) and (?:layer (.*) feature )?(.*) overlap by ([0-9.]+) m² "
        "under the site; the (\\w+) overlap counts it once$"));
    if (const auto m = partsOverlap.match(repair); m.hasMatch())
        return tr("选址：各部分相互重叠 %1 m²（%2），按各部分的并集计")
            .arg(m.captured(1), partPairsText(m.captured(2)));
    if (const auto m = partsTouch.match(repair); m.hasMatch())
        return tr("选址：各部分相接（%1），已合并").arg(partPairsText(m.captured(1)));
    if (const auto m = featuresOnce.match(repair); m.hasMatch())
        return tr("图层“%1”的要素 %2 与 %3 在选址内重叠 %4 m²，重叠部分只计一次（计入要素 %5）")
            .arg(m.captured(1), m.captured(2), m.captured(3), m.captured(4), m.captured(5));
    if (const auto m = featuresUnion.match(repair); m.hasMatch()) {
        const QString second = m.captured(3).isEmpty()
                                   ? m.captured(4)
                                   : tr("图层“%1”要素 %2").arg(m.captured(3), m.captured(4));
        return tr("图层“%1”要素 %2 与 %3 在选址内重叠 %4 m²，%5面积只计一次")
            .arg(m.captured(1), m.captured(2), second, m.captured(5),
                 overlapRoleText(m.captured(6)));
    }
    static const QRegularExpression morePairs(QStringLiteral(
        "^layer (.*) and others: (\\d+) more pairs of features overlap by more than 0\\.005 m² "
        "under the site; the (\\w+) overlap counts them once$"));
    if (const auto m = morePairs.match(repair); m.hasMatch())
        return tr("另有 %1 对要素在选址内重叠，%2面积只计一次")
            .arg(m.captured(2), overlapRoleText(m.captured(3)));
    static const QRegularExpression severalLanduse(
        QStringLiteral("^several land-use layers lie under the site \\((.*)\\): "));
    if (const auto m = severalLanduse.match(repair); m.hasMatch())
        return tr("选址下有多个地类图斑图层（%1）：地类面积和地类表把它们相加；检查所用的项目中"
                  "每个调查年度只应保留一个地类图斑图层")
            .arg(m.captured(1));
    if (repair.startsWith(QLatin1String("land-use parcels overlap each other under the site")))
        return tr("选址内的地类图斑相互重叠：面积之和超过选址面积");
    return repair;
}

QString checkNoteText(const QString &note)
{
    static const QRegularExpression repaired(
        QStringLiteral("^(.*): invalid polygon repaired \\((.*)\\)$"));
    static const QRegularExpression crs(
        QStringLiteral("^(.*): CRS (.*) \\((source|override|inferred)\\)$"));
    static const QRegularExpression layer(QStringLiteral("^(.*), layer (.*)$"));
    static const QRegularExpression other(
        QStringLiteral("^((?:.*, )?layer .*, feature -?\\d+): (.*)$"));
    if (const auto m = repaired.match(note); m.hasMatch())
        return tr("%1：无效多边形已修复（%2）")
            .arg(featureSourceText(m.captured(1)), invalidReasonText(m.captured(2)));
    if (const auto m = crs.match(note); m.hasMatch()) {
        const QString how = m.captured(3);
        const QString from = how == QLatin1String("source")     ? tr("文件自带")
                             : how == QLatin1String("override") ? tr("用户指定")
                                                                : tr("推断");
        QString where = m.captured(1);
        if (const auto l = layer.match(where); l.hasMatch())
            where = tr("%1 图层“%2”").arg(l.captured(1), l.captured(2));
        return tr("%1：坐标系 %2（%3）").arg(where, m.captured(2), from);
    }
    if (const auto m = other.match(note); m.hasMatch())
        return tr("%1：%2").arg(featureSourceText(m.captured(1)), m.captured(2));
    return note;
}

} // namespace planlines::layers
