#include "reporttemplate.h"

#include <geodata/error.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <map>
#include <vector>

namespace planlines::layers::report {

namespace {

using geodata::Error;

constexpr const char *kBuiltin = ":/planlines/report/default_template.json";

// The line each key (and each array element) starts on, by its path: "title",
// "sections[2]", "sections[2].heading". Run on text Qt has parsed, so it need not validate.
std::map<QString, int> keyLines(const QByteArray &json)
{
    struct Frame
    {
        bool object = false;
        QString path;
        int index = 0;
    };
    std::map<QString, int> lines;
    std::vector<Frame> stack;
    QString lastKey;
    int line = 1;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (c == '\n') {
            ++line;
        } else if (c == '"') {
            QByteArray s;
            for (++i; i < json.size() && json[i] != '"'; ++i) {
                if (json[i] == '\\' && i + 1 < json.size())
                    s += json[++i];
                else
                    s += json[i];
            }
            qsizetype j = i + 1;
            while (j < json.size() &&
                   (json[j] == ' ' || json[j] == '\t' || json[j] == '\r' || json[j] == '\n'))
                ++j;
            if (j < json.size() && json[j] == ':' && !stack.empty() && stack.back().object) {
                const QString &prefix = stack.back().path;
                lastKey = (prefix.isEmpty() ? QString() : prefix + QLatin1Char('.')) +
                          QString::fromUtf8(s);
                lines.emplace(lastKey, line);
            }
        } else if (c == '{' || c == '[') {
            QString path;
            if (!stack.empty())
                path =
                    stack.back().object
                        ? lastKey
                        : QStringLiteral("%1[%2]").arg(stack.back().path).arg(stack.back().index);
            if (!stack.empty() && !stack.back().object)
                lines.emplace(path, line);
            stack.push_back({c == '{', path, 0});
        } else if (c == '}' || c == ']') {
            if (!stack.empty())
                stack.pop_back();
        } else if (c == ',' && !stack.empty() && !stack.back().object) {
            ++stack.back().index;
        }
    }
    return lines;
}

class Reader
{
public:
    Reader(const QByteArray &json, QString origin) : m_lines(keyLines(json)), m_origin(origin) {}

    // An error at the key (or element) of this path: "FILE, line N: key "K": CAUSE".
    [[noreturn]] void fail(const QString &path, const QString &cause) const
    {
        // The nearest enclosing path the text gives a line for.
        QString p = path;
        auto it = m_lines.find(p);
        while (it == m_lines.end() && !p.isEmpty()) {
            const qsizetype cut = std::max(p.lastIndexOf(QLatin1Char('.')), p.lastIndexOf('['));
            p = cut > 0 ? p.left(cut) : QString();
            it = m_lines.find(p);
        }
        QString where = m_origin;
        if (it != m_lines.end())
            where += QStringLiteral(", line %1").arg(it->second);
        throw Error(QStringLiteral("key \"%1\": %2").arg(path, cause).toStdString(),
                    where.toStdString());
    }

    void onlyKeys(const QJsonObject &o, const QString &prefix, const QStringList &known) const
    {
        for (auto it = o.begin(); it != o.end(); ++it)
            if (!known.contains(it.key()))
                fail(join(prefix, it.key()), QStringLiteral("unknown key (known: %1)")
                                                 .arg(known.join(QStringLiteral(", "))));
    }

    QString text(const QJsonObject &o, const QString &prefix, const char *key,
                 const QString &fallback, bool mayBeEmpty) const
    {
        const QString k = QString::fromLatin1(key);
        if (!o.contains(k))
            return fallback;
        const QJsonValue v = o.value(k);
        if (!v.isString())
            fail(join(prefix, k), QStringLiteral("must be text"));
        if (!mayBeEmpty && v.toString().trimmed().isEmpty())
            fail(join(prefix, k), QStringLiteral("must not be empty"));
        return v.toString();
    }

    static QString join(const QString &prefix, const QString &key)
    {
        return prefix.isEmpty() ? key : prefix + QLatin1Char('.') + key;
    }

private:
    std::map<QString, int> m_lines;
    QString m_origin;
};

} // namespace

QStringList ReportTemplate::sectionIds()
{
    return {QStringLiteral("cover"),         QStringLiteral("maps"),
            QStringLiteral("three_lines"),   QStringLiteral("landuse"),
            QStringLiteral("control_units"), QStringLiteral("rules"),
            QStringLiteral("notes")};
}

const ReportSection *ReportTemplate::section(const QString &id) const
{
    for (const auto &s : sections)
        if (s.id == id)
            return &s;
    return nullptr;
}

ReportTemplate ReportTemplate::builtin()
{
    return fromFile(QString::fromLatin1(kBuiltin));
}

ReportTemplate ReportTemplate::fromFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw Error("cannot read the report template: " + f.errorString().toStdString(),
                    path.toStdString());
    return fromJson(f.readAll(), path);
}

ReportTemplate ReportTemplate::fromJson(const QByteArray &json, const QString &origin)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError) {
        const QByteArray before = json.left(err.offset);
        const auto line = before.count('\n') + 1;
        throw Error(QStringLiteral("not valid JSON (%1)").arg(err.errorString()).toStdString(),
                    QStringLiteral("%1, line %2").arg(origin).arg(line).toStdString());
    }
    if (!doc.isObject())
        throw Error("the report template must be a JSON object", origin.toStdString());
    const Reader r(json, origin);
    const QJsonObject o = doc.object();
    r.onlyKeys(o, {},
               {QStringLiteral("format"), QStringLiteral("name"), QStringLiteral("note"),
                QStringLiteral("title"), QStringLiteral("unit"), QStringLiteral("signatures"),
                QStringLiteral("sections")});
    if (o.contains(QLatin1String("format")) &&
        o.value(QLatin1String("format")).toString() != QLatin1String("planlines-report-template"))
        r.fail(QStringLiteral("format"), QStringLiteral("must be \"planlines-report-template\""));

    ReportTemplate t;
    t.origin = origin;
    t.name = r.text(o, {}, "name", QString(), true);
    t.title = r.text(o, {}, "title", QStringLiteral("建设项目用地预审与选址合规性分析报告"), false);
    t.unit = r.text(o, {}, "unit", QStringLiteral("{county}自然资源局"), true);
    t.signatures = {QStringLiteral("审查人"), QStringLiteral("审核人"), QStringLiteral("日期")};
    if (o.contains(QLatin1String("signatures"))) {
        const QJsonValue v = o.value(QLatin1String("signatures"));
        if (!v.isArray())
            r.fail(QStringLiteral("signatures"), QStringLiteral("must be a list of labels"));
        t.signatures.clear();
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (!a[i].isString() || a[i].toString().trimmed().isEmpty())
                r.fail(QStringLiteral("signatures[%1]").arg(i),
                       QStringLiteral("a signature label must be non-empty text"));
            t.signatures << a[i].toString();
        }
    }
    if (!o.contains(QLatin1String("sections"))) {
        // A template that only renames the unit or the signatures keeps the built-in sections.
        if (origin == QLatin1String(kBuiltin))
            throw Error("the built-in report template has no sections", kBuiltin);
        t.sections = builtin().sections;
        return t;
    }
    const QJsonValue sv = o.value(QLatin1String("sections"));
    if (!sv.isArray())
        r.fail(QStringLiteral("sections"), QStringLiteral("must be a list of sections"));
    const QJsonArray a = sv.toArray();
    const QStringList ids = sectionIds();
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QString at = QStringLiteral("sections[%1]").arg(i);
        if (!a[i].isObject())
            r.fail(at, QStringLiteral("a section must be an object with \"id\" and \"heading\""));
        const QJsonObject so = a[i].toObject();
        r.onlyKeys(so, at,
                   {QStringLiteral("id"), QStringLiteral("heading"), QStringLiteral("show")});
        if (!so.contains(QLatin1String("id")))
            r.fail(at, QStringLiteral("the section has no \"id\" (one of %1)")
                           .arg(ids.join(QStringLiteral(", "))));
        ReportSection s;
        s.id = r.text(so, at, "id", QString(), false);
        if (!ids.contains(s.id))
            r.fail(at + QStringLiteral(".id"), QStringLiteral("unknown section \"%1\" (known: %2)")
                                                   .arg(s.id, ids.join(QStringLiteral(", "))));
        if (t.section(s.id))
            r.fail(at + QStringLiteral(".id"),
                   QStringLiteral("section \"%1\" is listed twice").arg(s.id));
        s.heading = r.text(so, at, "heading", QString(), false);
        if (!so.contains(QLatin1String("heading")))
            r.fail(at, QStringLiteral("the section \"%1\" has no \"heading\"").arg(s.id));
        if (so.contains(QLatin1String("show"))) {
            if (!so.value(QLatin1String("show")).isBool())
                r.fail(at + QStringLiteral(".show"), QStringLiteral("must be true or false"));
            s.show = so.value(QLatin1String("show")).toBool();
        }
        t.sections.push_back(s);
    }
    return t;
}

} // namespace planlines::layers::report
