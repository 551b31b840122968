// CheckController: what the panel shows of the current result (verdict, areas, rows, the
// highlight on the map, the report's suggested path). The checking itself is checkcontroller.cpp.
#include "checkcontroller.h"
#include "checkrows.h"
#include "checkworker.h"

#include <layers/checkwording.h>
#include <layers/polygonrings.h>

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QRegularExpression>
#include <QStandardPaths>

#include <algorithm>
#include <cmath>
#include <map>

namespace planlines::qml {

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace
// --- what is shown ------------------------------------------------------------------------

QVariantList CheckController::results() const
{
    QVariantList out;
    for (const auto &r : m_results) {
        const QString verdict = r->json.value(QLatin1String("verdict")).toString();
        out << QVariantMap{
            {QStringLiteral("name"),
             r->json.value(QLatin1String("site")).toObject().value(QLatin1String("name"))},
            {QStringLiteral("verdict"), verdict},
            {QStringLiteral("verdictText"), CheckRows::statusText(verdict)},
            {QStringLiteral("color"), CheckRows::statusColor(verdict)}};
    }
    return out;
}

void CheckController::setCurrentIndex(int index)
{
    if (index < 0 || index >= static_cast<int>(m_results.size()) || index == m_current)
        return;
    m_current = index;
    m_highlight.clear();
    m_highlightText.clear();
    updateSitePath();
    emit resultChanged();
    emit highlightChanged();
}

QJsonObject CheckController::result() const
{
    return m_current >= 0 ? m_results[static_cast<size_t>(m_current)]->json : QJsonObject();
}

QString CheckController::verdict() const
{
    return result().value(QLatin1String("verdict")).toString();
}

QString CheckController::verdictText() const
{
    return hasResult() ? CheckRows::statusText(verdict()) : QString();
}

QColor CheckController::verdictColor() const
{
    return CheckRows::statusColor(verdict());
}

QString CheckController::siteName() const
{
    return result().value(QLatin1String("site")).toObject().value(QLatin1String("name")).toString();
}

double CheckController::siteAreaM2() const
{
    return result()
        .value(QLatin1String("site"))
        .toObject()
        .value(QLatin1String("area_m2"))
        .toDouble();
}

QString CheckController::siteAreaText() const
{
    return hasResult() ? CheckRows::areaText(siteAreaM2()) : QString();
}

qint64 CheckController::recordId() const
{
    return result().value(QLatin1String("record_id")).toInteger();
}

QString CheckController::detailText() const
{
    if (!hasResult())
        return {};
    const QJsonObject r = result();
    const QJsonObject site = r.value(QLatin1String("site")).toObject();
    QStringList lines;
    const QString industry = site.value(QLatin1String("industry")).toString();
    const QString use = site.value(QLatin1String("use")).toString();
    lines << tr("行业代码：%1　规划用途：%2")
                 .arg(industry.isEmpty() ? tr("未填") : industry, use.isEmpty() ? tr("未填") : use);
    if (const QString error = site.value(QLatin1String("error")).toString(); !error.isEmpty())
        lines << tr("无法检查：%1").arg(error);
    if (const QString source = site.value(QLatin1String("source")).toString(); !source.isEmpty())
        lines << tr("来源：%1").arg(CheckRows::sourceText(source));
    for (const QJsonValue &v : site.value(QLatin1String("repairs")).toArray())
        lines << (layers::isOverlapNote(v.toString()) ? tr("注意：%1") : tr("已修复：%1"))
                     .arg(layers::checkRepairText(v.toString()));
    if (recordId() > 0) {
        const QString at = r.value(QLatin1String("created_at")).toString();
        lines << (at.isEmpty() ? tr("记录 %1").arg(recordId())
                               : tr("记录 %1（%2，%3）")
                                     .arg(recordId())
                                     .arg(at, r.value(QLatin1String("created_by")).toString()));
    }
    const QString rulesName = r.value(QLatin1String("rules_name")).toString();
    lines << tr("规则：%1 %2")
                 .arg(CheckRows::builtinRules(r) ? layers::builtinRuleText(rulesName) : rulesName,
                      r.value(QLatin1String("rules_version")).toString());
    lines << m_results[static_cast<size_t>(m_current)]->notes;
    lines << m_notes;
    return lines.join(u'\n');
}

QVariantList CheckController::siteExtent() const
{
    const QJsonArray e =
        result().value(QLatin1String("site")).toObject().value(QLatin1String("envelope")).toArray();
    if (e.size() == 4)
        return e.toVariantList();
    if (m_sitePath.isEmpty())
        return {};
    const QRectF b = m_sitePath.boundingRect();
    return {b.left(), b.top(), b.right(), b.bottom()};
}

QVariantList CheckController::overlaps() const
{
    return CheckRows::overlaps(result());
}

QVariantList CheckController::landuse() const
{
    return CheckRows::landuse(result());
}

QVariantList CheckController::controlUnits() const
{
    return CheckRows::controlUnits(result());
}

QVariantList CheckController::rules() const
{
    return CheckRows::rules(result());
}

int CheckController::siteIndex(const QString &table, qint64 fid) const
{
    for (int i = 0; i < m_sites.size(); ++i) {
        const QVariantMap s = m_sites[i].toMap();
        if (s.value(QStringLiteral("table")).toString() == table &&
            s.value(QStringLiteral("fid")).toLongLong() == fid)
            return i;
    }
    return -1;
}

void CheckController::setHighlight(const QVariantList &features, const QString &text)
{
    // Registry names → tables of the loaded layers (what the map draws).
    std::map<QString, QString> tables;
    if (m_session && m_session->map())
        for (const auto &l : m_session->map()->layers())
            tables[q(l.entry.info.name)] = q(l.entry.info.table);
    QVariantList out;
    for (const QVariant &v : features) {
        QVariantMap f = v.toMap();
        const auto t = tables.find(f.value(QStringLiteral("layer")).toString());
        if (t == tables.end())
            continue;
        f.insert(QStringLiteral("table"), t->second);
        out << f;
    }
    m_highlight = out;
    m_highlightText = text;
    emit highlightChanged();
}

void CheckController::highlightRule(int index)
{
    const QVariantList rows = rules();
    if (index < 0 || index >= rows.size()) {
        clearHighlight();
        return;
    }
    const QVariantMap rule = rows[index].toMap();
    const QVariantList features = CheckRows::ruleFeatures(result(), index);
    setHighlight(features, tr("%1：%2 个要素")
                               .arg(rule.value(QStringLiteral("title")).toString())
                               .arg(features.size()));
    m_highlightOf = HighlightOf::Rule;
    m_highlightIndex = index;
}

void CheckController::highlightOverlap(int index)
{
    const QVariantList rows = overlaps();
    if (index < 0 || index >= rows.size()) {
        clearHighlight();
        return;
    }
    const QVariantMap row = rows[index].toMap();
    const QVariantList features = CheckRows::overlapFeatures(result(), index);
    setHighlight(features, tr("%1：%2 个要素")
                               .arg(row.value(QStringLiteral("label")).toString())
                               .arg(features.size()));
    m_highlightOf = HighlightOf::Overlap;
    m_highlightIndex = index;
}

void CheckController::clearHighlight()
{
    m_highlightOf = HighlightOf::None;
    if (m_highlight.isEmpty() && m_highlightText.isEmpty())
        return;
    setHighlight({}, {});
}

void CheckController::updateSitePath()
{
    m_sitePath = {};
    if (m_current < 0)
        return;
    const auto &wkb = m_results[static_cast<size_t>(m_current)]->siteWkb;
    try {
        if (!wkb.empty())
            m_sitePath = layers::outlinePath(geodata::Geometry::fromWkb(wkb));
    } catch (const geodata::Error &) {
        // The result is still shown; only the outline is missing.
    }
}

QString CheckController::suggestedReportPath() const
{
    QString name = siteName();
    static const QRegularExpression unsafe(QStringLiteral("[\\\\/:*?\"<>|\\s]+"));
    name.replace(unsafe, QStringLiteral("_"));
    if (name.isEmpty())
        name = tr("选址");
    if (m_results.size() > 1)
        name += tr("等%1个").arg(m_results.size());
    QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (dir.isEmpty() || !QDir(dir).exists())
        dir = QDir::homePath();
    return QDir(dir).filePath(name + tr("_选址检查.pdf"));
}

} // namespace planlines::qml
