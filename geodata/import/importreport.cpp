#include "importreport.h"

#include <QJsonArray>

#include <cstdio>

namespace planlines::geodata::import {

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QJsonArray issues(const std::vector<FeatureIssue> &list)
{
    QJsonArray out;
    for (const auto &i : list)
        out.append(QJsonObject{{"fid", static_cast<qint64>(i.fid)}, {"reason", qs(i.reason)}});
    return out;
}

std::string seconds(double s)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f s", s);
    return buf;
}

} // namespace

QJsonObject LayerReport::toJson() const
{
    QJsonObject o{{"source_layer", qs(sourceLayer)},
                  {"name", qs(name)},
                  {"table", qs(table)},
                  {"role", qs(role)},
                  {"role_reason", qs(roleReason)},
                  {"geometry_type", qs(geometryType)},
                  {"encoding", QJsonObject{{"name", qs(encoding)},
                                           {"how", qs(encodingHow)},
                                           {"certain", encodingCertain},
                                           {"detail", qs(encodingDetail)}}},
                  {"crs", QJsonObject{{"source", qs(sourceCrs)},
                                      {"how", qs(crsHow)},
                                      {"detail", qs(crsDetail)},
                                      {"transformation", qs(transformation)}}},
                  {"read", static_cast<qint64>(read)},
                  {"written", static_cast<qint64>(written)},
                  {"repaired", issues(repaired)},
                  {"rejected", issues(rejected)},
                  {"warnings", issues(warnings)},
                  {"version", version},
                  {"seconds", seconds}};
    if (!error.empty())
        o.insert("error", qs(error));
    return o;
}

std::int64_t FileReport::rejectedCount() const
{
    std::int64_t n = 0;
    for (const auto &l : layers)
        n += static_cast<std::int64_t>(l.rejected.size());
    return n;
}

QJsonObject FileReport::toJson() const
{
    QJsonArray ls;
    for (const auto &l : layers)
        ls.append(l.toJson());
    QJsonObject o{{"file", qs(file)},
                  {"driver", qs(driver)},
                  {"ok", ok},
                  {"layers", ls},
                  {"seconds", seconds}};
    if (!error.empty())
        o.insert("error", qs(error));
    if (!notes.empty()) {
        QJsonArray ns;
        for (const auto &n : notes)
            ns.append(qs(n));
        o.insert("notes", ns);
    }
    return o;
}

bool ImportReport::clean() const
{
    for (const auto &f : files)
        if (!f.ok || f.rejectedCount() > 0)
            return false;
    return true;
}

QJsonObject ImportReport::toJson() const
{
    QJsonArray fs;
    for (const auto &f : files)
        fs.append(f.toJson());
    return QJsonObject{{"files", fs}, {"ok", clean()}};
}

std::string ImportReport::toText() const
{
    std::string out;
    for (const auto &f : files) {
        out += f.file + (f.driver.empty() ? "" : " (" + f.driver + ")") + ": " +
               (f.ok ? "imported" : "FAILED, nothing written") + " in " + seconds(f.seconds) + "\n";
        if (!f.error.empty())
            out += "  error: " + f.error + "\n";
        for (const auto &n : f.notes)
            out += "  " + n + "\n";
        for (const auto &l : f.layers) {
            out += "  layer " + l.sourceLayer;
            if (!l.name.empty())
                out += " → " + l.name + " [" + l.table + "]";
            out += "\n";
            if (!l.role.empty())
                out += "    role: " + l.role + " (" + l.roleReason + ")\n";
            if (!l.encoding.empty())
                out += "    encoding: " + l.encoding + ", " + l.encodingDetail + "\n";
            if (!l.sourceCrs.empty())
                out += "    CRS: " + l.sourceCrs + ", " + l.crsDetail + "\n";
            if (!l.transformation.empty())
                out += "    transformation: " + l.transformation + "\n";
            out += "    read " + std::to_string(l.read) + ", written " + std::to_string(l.written) +
                   ", repaired " + std::to_string(l.repaired.size()) + ", rejected " +
                   std::to_string(l.rejected.size());
            if (l.version > 0)
                out += ", version " + std::to_string(l.version);
            out += ", " + seconds(l.seconds) + "\n";
            for (const auto &r : l.repaired)
                out += "    repaired feature " + std::to_string(r.fid) + ": " + r.reason + "\n";
            for (const auto &r : l.rejected)
                out += "    rejected feature " + std::to_string(r.fid) + ": " + r.reason + "\n";
            for (const auto &w : l.warnings)
                out += "    warning" +
                       (w.fid >= 0 ? " (feature " + std::to_string(w.fid) + ")" : std::string()) +
                       ": " + w.reason + "\n";
            if (!l.error.empty())
                out += "    error: " + l.error + "\n";
        }
    }
    return out;
}

} // namespace planlines::geodata::import
