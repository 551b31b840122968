#include "boundaryimporter.h"

#include "boundaryfile.h"
#include "crsresolver.h"
#include "geometrycleaner.h"
#include "plausiblearea.h"
#include "sourcelocator.h"
#include "textencoding.h"

#include "../coordinatetransform.h"
#include "../layerwriter.h"

#include <QElapsedTimer>

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

namespace fs = std::filesystem;

namespace planlines::geodata::import {

namespace {

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string readHead(const std::string &path, std::size_t limit)
{
    std::ifstream in(path, std::ios::binary);
    std::string head(limit, '\0');
    in.read(head.data(), static_cast<std::streamsize>(limit));
    head.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
    return head;
}

// The fields of a boundary layer: the parcel line's attributes, in file order.
struct BoundaryField
{
    const char *name;
    FieldType type;
    const char *alias;
};
constexpr std::array<BoundaryField, 7> kFields{{
    {"DKBH", FieldType::Text, "地块编号"},
    {"DKMC", FieldType::Text, "地块名称"},
    {"TXSX", FieldType::Text, "图形属性"},
    {"TFH", FieldType::Text, "图幅号"},
    {"DKYT", FieldType::Text, "地块用途"},
    {"DLBM", FieldType::Text, "地类编码"},
    {"MJ", FieldType::Real, "面积(公顷)"},
}};

Value text(const std::string &s)
{
    if (s.empty())
        return std::monostate{};
    return s;
}

// --srs for a boundary file: an EPSG code of BoundaryFile's Gauss-Krüger tables.
int epsgOf(const std::string &srs)
{
    const std::string s = lower(srs);
    if (s.rfind("epsg:", 0) == 0) {
        const std::string digits = s.substr(5);
        if (!digits.empty() && digits.size() <= 6 &&
            std::all_of(digits.begin(), digits.end(),
                        [](unsigned char c) { return std::isdigit(c); }))
            return std::stoi(digits);
    }
    throw Error("--srs " + srs +
                ": a boundary coordinate file needs the EPSG code of a Gauss-Krüger CRS "
                "(EPSG:4527, EPSG:4548, …)");
}

GeometryKind kindOf(const BoundaryFile &file)
{
    std::size_t polygons = 0, lines = 0, points = 0;
    for (const auto &p : file.parcels) {
        if (p.shape == "线")
            ++lines;
        else if (p.shape == "点")
            ++points;
        else
            ++polygons;
    }
    if (polygons >= lines && polygons >= points)
        return GeometryKind::Polygon;
    return lines >= points ? GeometryKind::Line : GeometryKind::MultiPoint;
}

// The parcel a BoundaryFile warning ("line 12: …") is about: its 1-based index, or -1.
std::int64_t parcelOfWarning(const BoundaryFile &file, const std::string &warning)
{
    if (warning.rfind("line ", 0) != 0)
        return -1;
    const int line = std::atoi(warning.c_str() + 5);
    for (std::size_t i = 0; i < file.parcels.size(); ++i)
        if (file.parcels[i].line == line)
            return static_cast<std::int64_t>(i + 1);
    return -1;
}

} // namespace

BoundaryImporter::BoundaryImporter(Project &project, const ImportOptions &options)
    : m_project(project), m_options(options)
{
}

bool BoundaryImporter::recognises(const std::string &path)
{
    if (path.rfind("/vsi", 0) == 0 || path.find("://") != std::string::npos)
        return false;
    std::error_code ec;
    if (!fs::is_regular_file(fs::path(path), ec))
        return false;
    const std::string ext = lower(fs::path(path).extension().string());
    if (ext == ".txt")
        return true;
    std::istringstream known(SourceLocator::supportedExtensions());
    for (std::string e; known >> e;)
        if (lower(e) == ext)
            return false;
    static const std::string utf8 = "[地块坐标]";
    static const std::string gbk = fromUtf8(utf8, "GBK");
    const std::string head = readHead(path, 65536);
    static const std::string utf16le = fromUtf8(utf8, "UTF-16LE");
    static const std::string utf16be = fromUtf8(utf8, "UTF-16BE");
    for (const std::string *marker : {&utf8, &gbk, &utf16le, &utf16be})
        if (head.find(*marker) != std::string::npos)
            return true;
    return false;
}

void BoundaryImporter::run(const std::string &path, FileReport &report)
{
    QElapsedTimer timer;
    timer.start();
    report.driver = kDriver;
    LayerReport &lr = report.layers.emplace_back();
    lr.sourceLayer = fs::path(path).stem().string();
    try {
        // Read: encoding and CRS as the file says, unless overridden.
        BoundaryReadOptions read;
        if (m_options.encoding)
            read.encoding = *m_options.encoding;
        if (m_options.srs)
            read.epsg = epsgOf(*m_options.srs);
        const BoundaryFile file = BoundaryFile::read(path, read);

        lr.encoding = file.encoding.name;
        lr.encodingHow = m_options.encoding ? "override" : "detected";
        lr.encodingCertain = file.encoding.certain;
        lr.encodingDetail = m_options.encoding ? "given by --encoding"
                                               : "detected from the bytes: " + file.encoding.reason;

        const std::string sourceCrs = file.crs.id();
        lr.sourceCrs = sourceCrs + " (" + crsName(sourceCrs) + ")";
        lr.crsHow = m_options.srs ? "override" : "source";
        lr.crsDetail =
            (m_options.srs ? std::string("--srs: ") : std::string("from the [属性描述] header: ")) +
            file.crsReason;
        for (const auto &w : file.warnings)
            lr.warnings.push_back({parcelOfWarning(file, w), w});

        // Role: site unless --role.
        const Role role = m_options.role.value_or(Role::Site);
        lr.role = std::string(roleId(role));
        lr.roleReason = m_options.role ? "given by the user (--role)"
                                       : "a boundary coordinate file is a project site";

        const std::string working = m_project.workingCrs();
        std::unique_ptr<CoordinateTransform> transform;
        if (sourceCrs == working) {
            lr.transformation = "none (already in the working CRS " + working + ")";
        } else {
            transform = std::make_unique<CoordinateTransform>(sourceCrs, working);
            lr.transformation = transform->description();
        }
        const PlausibleArea area = PlausibleArea::of(m_project);
        const GeometryKind kind = kindOf(file);
        lr.geometryType = columnType(kind);

        LayerSpec spec;
        spec.name = m_options.name.value_or(lr.sourceLayer);
        spec.role = role;
        spec.geometryType = lr.geometryType;
        for (const auto &f : kFields)
            spec.fields.push_back({f.name, f.type, f.alias});
        spec.source = path;
        spec.description = "界址点坐标文件 " + fs::path(path).filename().string();
        spec.replaceKeepingHistory = true;
        const auto existing = m_project.layerNamed(spec.name);
        spec.table = existing ? existing->table : newTableName(m_project, spec.name, role);
        LayerWriter writer(m_project, spec);
        lr.name = spec.name;
        lr.table = writer.previous() ? writer.previous()->table : spec.table;

        const GeometryCleaner cleaner(kind, transform.get(), area);
        std::vector<Value> values(kFields.size());
        Envelope extent{1e300, 1e300, -1e300, -1e300};
        std::int64_t outside = 0;
        for (std::size_t i = 0; i < file.parcels.size(); ++i) {
            const BoundaryParcel &p = file.parcels[i];
            const auto fid = static_cast<std::int64_t>(i + 1);
            ++lr.read;
            if (m_options.cancelled && m_options.cancelCheckEvery > 0 &&
                lr.read % m_options.cancelCheckEvery == 0 && m_options.cancelled())
                throw ImportCancelled{};
            const std::string where = "line " + std::to_string(p.line) + ": " + p.label();
            GeometryHandle source;
            if (p.geometry && !p.geometry.isEmpty()) {
                std::vector<unsigned char> wkb = p.geometry.wkb();
                OGRGeometryH g = nullptr;
                if (OGR_G_CreateFromWkb(wkb.data(), nullptr, &g, static_cast<int>(wkb.size())) ==
                    OGRERR_NONE)
                    source.reset(g);
            }
            CleanedGeometry g = cleaner.clean(std::move(source));
            if (g.geometry.isNull()) {
                lr.rejected.push_back({fid, where + ": " + g.rejection});
                outside += g.outsideArea ? 1 : 0;
                continue;
            }
            if (!g.repair.empty())
                lr.repaired.push_back(
                    {fid, where + ": invalid polygon repaired (" + g.repair + ")"});
            values = {text(p.number),
                      text(p.name),
                      text(p.shape),
                      text(p.mapSheet),
                      text(p.use),
                      text(p.landUseCode),
                      p.declaredAreaHa ? Value{*p.declaredAreaHa} : Value{std::monostate{}}};
            const Envelope e = g.geometry.envelope();
            extent = {std::min(extent.minX, e.minX), std::min(extent.minY, e.minY),
                      std::max(extent.maxX, e.maxX), std::max(extent.maxY, e.maxY)};
            writer.add(g.geometry, values);
            ++lr.written;
        }
        if (outside > 0 && outside * 2 >= lr.read)
            throw Error(std::to_string(outside) + " of " + std::to_string(lr.read) +
                        " parcels lie outside the working CRS's area of use after "
                        "transformation from " +
                        lr.sourceCrs + ": the CRS is probably wrong (give --srs EPSG:N)");
        if (lr.written > 0 && !area.nearExisting(extent))
            throw Error("the parcels lie more than 100 km from the project's other layers after "
                        "transformation from " +
                        lr.sourceCrs + ": the CRS is probably wrong (give --srs EPSG:N)");
        if (lr.written == 0)
            throw Error("no parcel could be imported (" + lr.rejected.front().reason + ")");
        const LayerInfo info = writer.commit();
        lr.version = info.version;
        lr.table = info.table;
    } catch (const Error &e) {
        lr.seconds = static_cast<double>(timer.elapsed()) / 1000.0;
        // BoundaryFile's errors name the file (and line) already.
        const Error named = e.context().rfind(path, 0) == 0 ? e : Error(e.cause(), path);
        lr.error = named.what();
        throw named;
    }
    lr.seconds = static_cast<double>(timer.elapsed()) / 1000.0;
}

} // namespace planlines::geodata::import
