#include "checkrecords.h"

#include <QJsonDocument>

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

CheckRecord fromRow(Statement &st)
{
    CheckRecord r;
    r.id = st.int64(0);
    r.createdAt = st.text(1);
    r.createdBy = st.text(2);
    r.siteName = st.text(3);
    const auto wkb = st.blob(4);
    r.siteWkb.assign(wkb.begin(), wkb.end());
    r.rulesVersion = st.text(7);
    r.verdict = st.text(8);
    try {
        r.inputs = parse(st.text(5), "inputs");
        r.layerVersions = parse(st.text(6), "layer versions");
        r.result = parse(st.isNull(12) ? st.text(9) : CheckRecords::unpack(st.blob(12)), "result");
    } catch (const Error &e) {
        throw Error(e.cause(), "check record " + std::to_string(r.id));
    }
    r.rulesChecksum = st.text(10);
    r.batchId = st.text(11);
    return r;
}

// A project of schema 2 opened read-only (not migrated) has no result_zstd column.
std::string selectRecords(Project &project)
{
    return std::string(
               "SELECT id, created_at, created_by, site_name, site_wkb, inputs_json, "
               "layer_versions, rules_version, verdict, result_json, rules_checksum, batch_id, ") +
           (project.schemaVersion() >= 3 ? "result_zstd" : "NULL") + " FROM check_records";
}

} // namespace

QJsonObject CheckRecords::inputsJson(const SiteInputs &in)
{
    return {{"name", QString::fromStdString(in.name)},
            {"industry", QString::fromStdString(in.industry)},
            {"use", QString::fromStdString(in.use)},
            {"description", QString::fromStdString(in.description)},
            {"source", QString::fromStdString(in.source)}};
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
    return {s("name"), s("industry"), s("use"), s("description"), s("source")};
}

void CheckRecords::store(Project &project, std::vector<CheckResult> &results,
                         const QJsonObject &provenance, const std::string &batchId,
                         const std::vector<QJsonObject> *resultJson)
{
    auto &db = project.db();
    Transaction tx(db);
    const std::string at = Project::nowIso();
    const std::string by = Project::actor();
    const std::string versions = compact(provenance.value("layer_versions").toObject());
    const std::string rulesVersion = provenance.value("rules_version").toString().toStdString();
    const std::string rulesChecksum = provenance.value("rules_checksum").toString().toStdString();
    auto insert = db.prepare(
        "INSERT INTO check_records (created_at, created_by, site_name, site_wkb, inputs_json, "
        "layer_versions, rules_version, verdict, result_json, rules_checksum, batch_id, "
        "result_zstd) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?)");
    for (size_t i = 0; i < results.size(); ++i) {
        CheckResult &r = results[i];
        if (!r.ok())
            continue;
        const std::string verdict = statusId(r.verdict);
        if (r.packedJson.empty()) // the engine packs on its workers; other results here
            r.packedJson = pack(!r.jsonText.empty() ? r.jsonText
                                                    : compact(resultJson ? (*resultJson)[i]
                                                                         : r.toJson(provenance)));
        insert
            .bindAll(at, by, r.inputs.name, r.inputWkb, compact(inputsJson(r.inputs)), versions,
                     rulesVersion, verdict, rulesChecksum, batchId, r.packedJson)
            .run();
        r.recordId = db.lastInsertRowId();
        project.audit("check.run", "check_records", std::to_string(r.recordId),
                      compact(QJsonObject{{"site", QString::fromStdString(r.inputs.name)},
                                          {"verdict", QString::fromStdString(verdict)},
                                          {"rules_version", QString::fromStdString(rulesVersion)},
                                          {"batch", QString::fromStdString(batchId)}}));
    }
    tx.commit();
}

std::vector<CheckRecord> CheckRecords::list(Project &project, int limit)
{
    auto st = project.db().prepare(selectRecords(project) + " ORDER BY id DESC LIMIT ?");
    st.bind(1, limit);
    std::vector<CheckRecord> out;
    while (st.step())
        out.push_back(fromRow(st));
    return out;
}

std::optional<CheckRecord> CheckRecords::load(Project &project, std::int64_t id)
{
    auto st = project.db().prepare(selectRecords(project) + " WHERE id = ?");
    st.bind(1, id);
    if (!st.step())
        return std::nullopt;
    return fromRow(st);
}

} // namespace planlines::geodata::check
