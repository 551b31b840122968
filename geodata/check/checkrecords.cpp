#include "checkrecords.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <zstd.h>

#include <memory>

namespace planlines::geodata::check {

namespace {

std::string compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

// A stored document that does not parse (text that is not UTF-8 among it) is an error, not an
// empty object. Empty text (nothing stored) is an empty object.
QJsonObject parse(const std::string &s, const char *what)
{
    if (s.empty())
        return {};
    QJsonParseError e{};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(s), &e);
    if (e.error != QJsonParseError::NoError || !doc.isObject())
        throw Error(std::string("the stored ") + what + " cannot be read as JSON (" +
                    e.errorString().toStdString() + " at byte offset " + std::to_string(e.offset) +
                    ")");
    return doc.object();
}

CheckRecord fromStored(const StoredCheckRecord &st)
{
    CheckRecord r;
    r.id = st.id;
    r.createdAt = st.createdAt;
    r.createdBy = st.createdBy;
    r.siteName = st.siteName;
    r.siteWkb = st.siteWkb;
    r.rulesVersion = st.rulesVersion;
    r.verdict = st.verdict;
    try {
        r.inputs = parse(st.inputsJson, "inputs");
        r.layerVersions = parse(st.layerVersionsJson, "layer versions");
        r.result = parse(st.resultZstd ? CheckRecords::unpack(*st.resultZstd) : st.legacyResultJson,
                         "result");
    } catch (const Error &e) {
        throw Error(e.cause(), "check record " + std::to_string(r.id));
    }
    r.rulesChecksum = st.rulesChecksum;
    r.batchId = st.batchId;
    return r;
}

} // namespace

QJsonObject CheckRecords::inputsJson(const SiteInputs &in)
{
    QJsonObject o{{"name", QString::fromStdString(in.name)},
                  {"industry", QString::fromStdString(in.industry)},
                  {"use", QString::fromStdString(in.use)},
                  {"description", QString::fromStdString(in.description)},
                  {"source", QString::fromStdString(in.source)}};
    // Only when given: the records of sites without them read as before.
    if (!in.code.empty())
        o.insert("code", QString::fromStdString(in.code));
    if (!in.applicant.empty())
        o.insert("applicant", QString::fromStdString(in.applicant));
    if (!in.industryName.empty())
        o.insert("industry_name", QString::fromStdString(in.industryName));
    return o;
}

std::vector<unsigned char> CheckRecords::pack(std::string_view json)
{
    // One context per thread: ZSTD_compress would allocate and clear its tables per call.
    thread_local const std::unique_ptr<ZSTD_CCtx, size_t (*)(ZSTD_CCtx *)> context(
        ZSTD_createCCtx(), ZSTD_freeCCtx);
    if (!context)
        throw Error("cannot compress the check result: out of memory", "check_records");
    // Compressed into this thread's buffer, then copied at its size: the frame is a sixth of
    // the bound a buffer must be given, and the result keeps it.
    thread_local std::vector<unsigned char> buffer;
    if (buffer.size() < ZSTD_compressBound(json.size()))
        buffer.resize(ZSTD_compressBound(json.size()));
    const size_t n =
        ZSTD_compressCCtx(context.get(), buffer.data(), buffer.size(), json.data(), json.size(), 1);
    if (ZSTD_isError(n))
        throw Error(std::string("cannot compress the check result: ") + ZSTD_getErrorName(n),
                    "check_records");
    return {buffer.begin(), buffer.begin() + static_cast<std::ptrdiff_t>(n)};
}

std::string CheckRecords::unpack(std::span<const unsigned char> packed)
{
    const unsigned long long size = ZSTD_getFrameContentSize(packed.data(), packed.size());
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > (1ull << 31))
        throw Error("the stored result is not a zstd frame");
    std::string out(static_cast<size_t>(size), '\0');
    const size_t n = ZSTD_decompress(out.data(), out.size(), packed.data(), packed.size());
    if (ZSTD_isError(n) || n != out.size())
        throw Error(std::string("the stored result cannot be read: ") +
                    (ZSTD_isError(n) ? ZSTD_getErrorName(n) : "wrong length"));
    return out;
}

SiteInputs CheckRecords::inputsFrom(const QJsonObject &o)
{
    auto s = [&](const char *k) { return o.value(QLatin1String(k)).toString().toStdString(); };
    return {s("name"),   s("industry"), s("use"),       s("description"),
            s("source"), s("code"),     s("applicant"), s("industry_name")};
}

void CheckRecords::store(Project &project, std::vector<CheckResult> &results,
                         const QJsonObject &provenance, const std::string &batchId,
                         const std::vector<QJsonObject> *resultJson)
{
    const auto tx = project.transaction();
    StoredCheckRecord row;
    row.createdAt = Project::nowIso(); // one moment for the whole batch; the engine names who
    row.layerVersionsJson = compact(provenance.value("layer_versions").toObject());
    row.rulesVersion = provenance.value("rules_version").toString().toStdString();
    row.rulesChecksum = provenance.value("rules_checksum").toString().toStdString();
    row.batchId = batchId;
    for (size_t i = 0; i < results.size(); ++i) {
        CheckResult &r = results[i];
        if (!r.ok())
            continue;
        const std::string verdict = statusId(r.verdict);
        if (r.packedJson.empty()) // the engine packs on its workers; other results here
            r.packedJson = pack(!r.jsonText.empty() ? r.jsonText
                                                    : compact(resultJson ? (*resultJson)[i]
                                                                         : r.toJson(provenance)));
        row.siteName = r.inputs.name;
        row.siteWkb = r.inputWkb;
        row.inputsJson = compact(inputsJson(r.inputs));
        row.verdict = verdict;
        row.resultZstd = r.packedJson;
        r.recordId = project.addCheckRecord(row);
        project.audit(
            "check.run", "check_records", std::to_string(r.recordId),
            compact(QJsonObject{{"site", QString::fromStdString(r.inputs.name)},
                                {"verdict", QString::fromStdString(verdict)},
                                {"rules_version", QString::fromStdString(row.rulesVersion)},
                                {"batch", QString::fromStdString(batchId)}}));
    }
    tx->commit();
}

std::vector<CheckRecord> CheckRecords::list(Project &project, int limit)
{
    CheckRecordQuery q;
    q.limit = limit;
    std::vector<CheckRecord> out;
    for (const auto &row : project.checkRecords(q))
        out.push_back(fromStored(row));
    return out;
}

std::optional<CheckRecord> CheckRecords::latestFor(Project &project, const std::string &siteName)
{
    CheckRecordQuery q;
    q.siteName = siteName;
    q.withoutErrors = true;
    q.limit = 1;
    const auto rows = project.checkRecords(q);
    if (rows.empty())
        return std::nullopt;
    return fromStored(rows.front());
}

std::optional<CheckRecord> CheckRecords::load(Project &project, std::int64_t id)
{
    CheckRecordQuery q;
    q.id = id;
    q.limit = 1;
    const auto rows = project.checkRecords(q);
    if (rows.empty())
        return std::nullopt;
    return fromStored(rows.front());
}

namespace {

// Walks stored against again: false at the first member stored holds with another value in
// again (its path in m.differsAt); members only again holds go to m.added.
bool holdsSame(const QJsonValue &stored, const QJsonValue &again, const QString &path,
               RecordMatch &m)
{
    if (stored.isObject() && again.isObject()) {
        const QJsonObject a = stored.toObject(), b = again.toObject();
        for (auto it = a.begin(); it != a.end(); ++it) {
            const QString at = path.isEmpty() ? it.key() : path + QLatin1Char('.') + it.key();
            if (!b.contains(it.key())) {
                m.differsAt = at;
                return false;
            }
            if (!holdsSame(it.value(), b.value(it.key()), at, m))
                return false;
        }
        for (auto it = b.begin(); it != b.end(); ++it)
            if (!a.contains(it.key())) {
                QString at = path.isEmpty() ? it.key() : path + QLatin1Char('.') + it.key();
                at.replace(QRegularExpression(QStringLiteral("\\[\\d+\\]")), QStringLiteral("[]"));
                if (!m.added.contains(at))
                    m.added << at;
            }
        return true;
    }
    if (stored.isArray() && again.isArray()) {
        const QJsonArray a = stored.toArray(), b = again.toArray();
        if (a.size() != b.size()) {
            m.differsAt = path;
            return false;
        }
        for (qsizetype i = 0; i < a.size(); ++i)
            if (!holdsSame(a[i], b[i], QStringLiteral("%1[%2]").arg(path).arg(i), m))
                return false;
        return true;
    }
    if (stored != again) {
        m.differsAt = path;
        return false;
    }
    return true;
}

} // namespace

RecordMatch CheckRecords::compare(const QJsonObject &stored, const QJsonObject &again)
{
    RecordMatch m;
    if (stored == again)
        return m;
    if (!holdsSame(stored, again, {}, m)) {
        m.kind = RecordMatch::Differs;
        m.added.clear();
        return m;
    }
    m.kind = RecordMatch::OlderFormat;
    return m;
}

} // namespace planlines::geodata::check
