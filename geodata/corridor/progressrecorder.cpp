#include "progressrecorder.h"

#include "../store/retry.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <random>
#include <thread>

namespace planlines::geodata::corridor {

namespace {

std::string number(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

} // namespace

std::optional<std::string> validateProgress(const Corridor &corridor, ProgressInput &input)
{
    if (input.segmentId.empty())
        return "no segment given";
    if (!corridor.segment(input.segmentId))
        return "segment " + input.segmentId + " is not in the corridor layer " +
               corridor.layerName();
    const auto date = normalizeDate(input.date);
    if (!date)
        return "'" + input.date + "' is not a date (write YYYY-MM-DD, e.g. 2023-06-30)";
    input.date = *date;
    if (input.status == Status::None)
        return "no status given";
    const std::string label(statusLabelZh(input.status));
    if (input.percent) {
        const double p = *input.percent;
        if (!std::isfinite(p) || p < 0 || p > 100)
            return "percent " + number(p) + " is outside 0–100";
        if (isFinished(input.status) && p < 100)
            return "status " + label +
                   " means the works are finished, so percent must be 100, "
                   "not " +
                   number(p);
    } else if (isFinished(input.status)) {
        input.percent = 100;
    } else if (input.status == Status::Planned) {
        input.percent = 0;
    } else {
        const ProgressEntry *last = corridor.entryOn(input.segmentId, input.date);
        input.percent = last && last->status == Status::UnderConstruction ? last->percent : 0.0;
    }
    if (input.plantedAreaM2) {
        const double a = *input.plantedAreaM2;
        if (!std::isfinite(a) || a < 0)
            return "planted area " + number(a) + " m² is negative or not a number";
        const Segment *seg = corridor.segment(input.segmentId);
        if (a > seg->areaM2 * 1.01)
            return "planted area " + number(a) + " m² is larger than the segment (" +
                   number(std::round(seg->areaM2)) + " m²)";
    }
    for (auto &photo : input.photos) {
        const QFileInfo fi(QString::fromStdString(photo));
        if (!fi.isFile())
            return "photo file " + photo + " does not exist";
        photo = fi.absoluteFilePath().toStdString();
    }
    if (input.supersedes) {
        const ProgressEntry *old = nullptr;
        for (const auto &e : corridor.entries())
            if (e.id == *input.supersedes)
                old = &e;
        if (const ProgressEntry *by = old ? nullptr : corridor.supersederOf(*input.supersedes))
            return "entry " + std::to_string(*input.supersedes) + " was already corrected by " +
                   by->recordedBy + " at " + by->recordedAt + ": entry " + std::to_string(by->id) +
                   " (" + std::string(statusLabelZh(by->status)) + " " + number(by->percent) +
                   "% on " + by->date + ") is in force; correct that one if it is wrong";
        if (!old)
            return "entry " + std::to_string(*input.supersedes) +
                   " is not in force (it does not exist or was already corrected)";
        if (old->segmentId != input.segmentId)
            return "entry " + std::to_string(old->id) + " is of segment " + old->segmentId +
                   ", not " + input.segmentId;
    }
    for (const ProgressEntry *e : corridor.history(input.segmentId))
        if (e->id != input.supersedes.value_or(0) && e->date == input.date &&
            e->status == input.status && e->percent == *input.percent)
            return "segment " + input.segmentId + " already has this entry on " + input.date +
                   " (" + label + ", " + number(e->percent) + "%, entry " + std::to_string(e->id) +
                   ")";
    return std::nullopt;
}

namespace {

// The segments the inputs are for, each once.
std::vector<std::string> segmentsOf(const std::vector<ProgressInput> &inputs)
{
    std::vector<std::string> ids;
    for (const auto &in : inputs)
        ids.push_back(in.segmentId);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

// The corridor with the progress of the inputs' segments: a new entry is checked against its
// own segment's history only, so recording does not read every entry ever made (which made
// a long run of updates quadratic). A correction of an entry that is not among them (of
// another segment, or unknown) reads all, so its refusal says which it is.
Corridor corridorFor(Project &project, const std::vector<ProgressInput> &inputs)
{
    const std::vector<std::string> segments = segmentsOf(inputs);
    Corridor c = Corridor::load(project, &segments);
    for (const auto &in : inputs) {
        if (!in.supersedes)
            continue;
        const auto &entries = c.entries();
        if (std::none_of(entries.begin(), entries.end(),
                         [&](const ProgressEntry &e) { return e.id == *in.supersedes; }) &&
            !c.supersederOf(*in.supersedes))
            return Corridor::load(project);
    }
    return c;
}

// The Conflict a person reads when a segment moved on between reading and writing: what the
// others recorded since (read again after the rollback), by whom and when.
StoreError conflictError(Project &project, const Corridor &corridor,
                         const std::vector<ProgressInput> &inputs, const StoreError &e)
{
    std::vector<StoredProgress> now;
    try {
        now = project.progressInForce(segmentsOf(inputs));
    } catch (const std::exception &) {
        return e; // cannot say more than the engine did
    }
    std::string what;
    std::vector<std::string> done;
    for (const auto &in : inputs) {
        if (std::find(done.begin(), done.end(), in.segmentId) != done.end())
            continue;
        done.push_back(in.segmentId);
        const std::int64_t read = corridor.segmentRev(in.segmentId);
        std::vector<const StoredProgress *> since;
        for (const auto &row : now)
            if (row.segmentId == in.segmentId && row.rev > read)
                since.push_back(&row);
        if (since.empty())
            continue;
        std::sort(since.begin(), since.end(),
                  [](const auto *a, const auto *b) { return a->rev < b->rev; });
        what += (what.empty() ? "" : "; ") + std::string("segment ") + in.segmentId +
                " was changed after it was read:";
        for (const StoredProgress *row : since) {
            const auto status = statusFromText(row->status);
            what += " " + row->recordedBy + " recorded " +
                    (status ? std::string(statusLabelZh(*status)) : row->status) + " " +
                    number(row->percent) + "% on " + row->date + " (entry " +
                    std::to_string(row->id) + ", at " + row->recordedAt +
                    (row->supersedes ? ", correcting entry " + std::to_string(*row->supersedes)
                                     : std::string()) +
                    ")" + (row == since.back() ? "" : ",");
        }
    }
    if (what.empty())
        return e;
    return StoreError(what + "; nothing was recorded: look at the segment again and enter it "
                             "anew",
                      e.context(), e.sqliteCode(), StoreError::Kind::Conflict);
}

} // namespace

std::vector<std::int64_t> recordProgress(Project &project, const Corridor &corridor,
                                         std::vector<ProgressInput> inputs,
                                         const std::string &source)
{
    for (auto &in : inputs)
        if (auto reason = validateProgress(corridor, in))
            throw Error(*reason); // the reason names the segment and date

    std::vector<std::int64_t> ids;
    const std::string recordedAt = Project::nowIso(); // one moment; the engine names who
    const auto write = [&] {
        ids.clear();
        std::map<std::string, std::int64_t> revs; // each segment's next row version
        StoredProgress row;
        row.recordedAt = recordedAt;
        for (const auto &in : inputs) {
            std::string photos;
            for (const auto &p : in.photos)
                photos += (photos.empty() ? "" : "\n") + p;
            row.segmentId = in.segmentId;
            row.date = in.date;
            row.status = std::string(statusId(in.status));
            row.percent = *in.percent;
            row.plantedAreaM2 = in.plantedAreaM2;
            row.note = in.note;
            row.photos = std::move(photos);
            row.supersedes = in.supersedes;
            // Stored only while the segment is as the inputs were validated against: an entry
            // written meanwhile by someone else makes this a Conflict, not a silent overwrite.
            auto [it, first] = revs.try_emplace(in.segmentId, 0);
            it->second = (first ? corridor.segmentRev(in.segmentId) : it->second) + 1;
            row.rev = it->second;
            const std::int64_t id = project.addProgress(row);
            ids.push_back(id);
            QJsonObject detail{
                {QStringLiteral("segment"), QString::fromStdString(in.segmentId)},
                {QStringLiteral("date"), QString::fromStdString(in.date)},
                {QStringLiteral("status"), QString::fromUtf8(statusId(in.status).data())},
                {QStringLiteral("percent"), *in.percent},
                {QStringLiteral("source"), QString::fromStdString(source)}};
            if (in.plantedAreaM2)
                detail.insert(QStringLiteral("planted_area_m2"), *in.plantedAreaM2);
            if (!in.note.empty())
                detail.insert(QStringLiteral("note"), QString::fromStdString(in.note));
            if (!in.photos.empty()) {
                QJsonArray list;
                for (const auto &p : in.photos)
                    list.append(QString::fromStdString(p));
                detail.insert(QStringLiteral("photos"), list);
            }
            if (in.supersedes)
                detail.insert(QStringLiteral("supersedes"), qint64(*in.supersedes));
            project.audit("corridor.progress", "corridor_progress", std::to_string(id),
                          QJsonDocument(detail).toJson(QJsonDocument::Compact).toStdString());
        }
    };
    try {
        retryTransaction(project, write); // deadlocks and the like: tried again
    } catch (const StoreError &e) {
        if (e.kind() != StoreError::Kind::Conflict)
            throw;
        throw conflictError(project, corridor, inputs, e); // after the rollback
    }
    return ids;
}

RecordedProgress recordLatestProgress(Project &project, const std::vector<ProgressInput> &inputs,
                                      const std::string &source, int attempts)
{
    for (int attempt = 1;; ++attempt) {
        RecordedProgress out{corridorFor(project, inputs), inputs, {}, attempt};
        for (auto &in : out.inputs)
            if (auto reason = validateProgress(out.corridor, in))
                throw Error(*reason);
        try {
            out.ids = recordProgress(project, out.corridor, out.inputs, source);
            return out;
        } catch (const StoreError &e) {
            if (e.kind() != StoreError::Kind::Conflict || attempt >= attempts)
                throw;
        }
        // Four offices on one segment: without a pause the one whose read is slowest loses
        // every time. A random wait of up to 10 ms × the attempt (at most 0.3 s) spreads them.
        thread_local std::minstd_rand jitter(std::random_device{}());
        const int most = 10 * std::min(attempt, 30);
        std::this_thread::sleep_for(std::chrono::milliseconds(
            1 + static_cast<int>(jitter() % static_cast<unsigned>(most))));
    }
}

} // namespace planlines::geodata::corridor
