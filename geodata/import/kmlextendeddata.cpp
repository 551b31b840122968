#include "kmlextendeddata.h"

#include "../error.h"

#include <cpl_vsi.h>

#include <QXmlStreamReader>

#include <algorithm>
#include <memory>

namespace planlines::geodata::import {
namespace {

struct VsiCloser
{
    void operator()(VSILFILE *f) const { VSIFCloseL(f); }
};

QByteArray readAll(const std::string &path, std::size_t maxBytes)
{
    std::unique_ptr<VSILFILE, VsiCloser> f(VSIFOpenL(path.c_str(), "rb"));
    if (!f)
        throw Error("the KML cannot be read", path);
    QByteArray bytes;
    char buf[1 << 16];
    for (std::size_t n; (n = VSIFReadL(buf, 1, sizeof buf, f.get())) > 0;) {
        bytes.append(buf, static_cast<qsizetype>(n));
        if (static_cast<std::size_t>(bytes.size()) > maxBytes)
            throw Error("the KML is larger than " + std::to_string(maxBytes >> 20) + " MiB", path);
    }
    return bytes;
}

struct Container
{
    KmlContainerData data;
    int depth = 0;
};

} // namespace

std::vector<KmlContainerData> readKmlExtendedData(const std::string &gdalPath, std::size_t maxBytes)
{
    const QByteArray bytes = readAll(gdalPath, maxBytes);
    QXmlStreamReader xml(bytes);
    std::vector<Container> all;    // in order of their start tags
    std::vector<std::size_t> open; // indices into all of the containers we are inside
    std::optional<std::vector<std::pair<std::string, std::string>>> placemark;
    int depth = 0;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            ++depth;
            const QStringView name = xml.name();
            if (name == u"Document" || name == u"Folder") {
                all.push_back({{}, depth});
                open.push_back(all.size() - 1);
            } else if (name == u"Placemark") {
                placemark.emplace();
            } else if (name == u"name" && !placemark && !open.empty() &&
                       all[open.back()].depth == depth - 1) {
                all[open.back()].data.name =
                    xml.readElementText(QXmlStreamReader::SkipChildElements)
                        .trimmed()
                        .toStdString();
                --depth;
            } else if (placemark && (name == u"SimpleData" || name == u"Data")) {
                const std::string field =
                    xml.attributes().value(QLatin1String("name")).toString().toStdString();
                std::string value;
                if (name == u"SimpleData") {
                    value = xml.readElementText(QXmlStreamReader::SkipChildElements).toStdString();
                    --depth;
                } else {
                    // <Data name="…"><displayName/>?<value>…</value></Data>
                    const int at = depth;
                    while (!xml.atEnd()) {
                        const auto t = xml.readNext();
                        if (t == QXmlStreamReader::StartElement && xml.name() == u"value") {
                            value = xml.readElementText(QXmlStreamReader::SkipChildElements)
                                        .toStdString();
                        } else if (t == QXmlStreamReader::EndElement && xml.name() == u"Data") {
                            break;
                        }
                    }
                    depth = at - 1;
                }
                if (!field.empty())
                    placemark->emplace_back(field, value);
            }
        } else if (token == QXmlStreamReader::EndElement) {
            const QStringView name = xml.name();
            if ((name == u"Document" || name == u"Folder") && !open.empty()) {
                open.pop_back();
            } else if (name == u"Placemark" && placemark) {
                if (!open.empty()) {
                    KmlContainerData &c = all[open.back()].data;
                    std::vector<std::optional<std::string>> row(c.fields.size());
                    for (auto &[field, value] : *placemark) {
                        auto it = std::find(c.fields.begin(), c.fields.end(), field);
                        if (it == c.fields.end()) {
                            c.fields.push_back(field);
                            for (auto &r : c.rows)
                                r.emplace_back();
                            row.emplace_back(std::move(value));
                        } else {
                            row[static_cast<std::size_t>(it - c.fields.begin())] = std::move(value);
                        }
                    }
                    c.rows.push_back(std::move(row));
                }
                placemark.reset();
            }
            --depth;
        }
    }
    if (xml.hasError())
        throw Error("the KML is not well-formed XML (line " + std::to_string(xml.lineNumber()) +
                        ": " + xml.errorString().toStdString() + ")",
                    gdalPath);
    std::vector<KmlContainerData> out;
    for (auto &c : all)
        if (!c.data.rows.empty())
            out.push_back(std::move(c.data));
    return out;
}

} // namespace planlines::geodata::import
