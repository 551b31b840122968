#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets into tests/fuzz/corpus/<target>/ (committed; rerun
only to change them). Sources are small GeoJSON layers written here, converted by ogr2ogr
(gdal-bin: packaging/install-deps.sh --fuzz); boundary coordinate files and CSVs are written by
hand. Multi-file sets are packed as fuzzsupport.h's splitParts reads them: per part a 4-byte
little-endian length, then the bytes."""
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")


def square(x, y, size):
    return [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]


def fc(features, crs=None):
    out = {"type": "FeatureCollection", "features": features}
    if crs:
        out["crs"] = {"type": "name", "properties": {"name": crs}}
    return out


def feature(props, geom):
    return {"type": "Feature", "properties": props, "geometry": geom}


# EPSG:4548 (CGCS2000 3° CM 117E, no zone prefix): the sample county's working CRS.
PROJECTED = fc([
    feature({"DLBM": "0101", "DLMC": "水田", "TBMJ": 10000.0, "QSDWMC": "高青县田镇"},
            {"type": "Polygon", "coordinates": [square(571000, 4115600, 100)]}),
    feature({"DLBM": "0601", "DLMC": "工业用地", "TBMJ": 37500.0, "QSDWMC": "黑里寨镇"},
            {"type": "Polygon", "coordinates": [square(572000, 4116000, 200),
                                                square(572050, 4116050, 50)[::-1]]}),
    feature({"DLBM": "1001", "DLMC": "铁路用地", "TBMJ": None, "QSDWMC": ""},
            {"type": "MultiPolygon", "coordinates": [[square(573000, 4117000, 30)],
                                                     [square(573100, 4117000, 30)]]}),
], "urn:ogc:def:crs:EPSG::4548")

GEOGRAPHIC = fc([
    feature({"XMMC": "高青县化工园区项目", "XMBH": "GQ-2024-001", "YDMJ": 1.2},
            {"type": "Polygon", "coordinates": [[[117.80, 37.17], [117.81, 37.17],
                                                 [117.81, 37.18], [117.80, 37.18],
                                                 [117.80, 37.17]]]}),
    feature({"XMMC": "自相交地块", "XMBH": "GQ-2024-002", "YDMJ": 0.4},
            {"type": "Polygon", "coordinates": [[[117.82, 37.17], [117.83, 37.18],
                                                 [117.83, 37.17], [117.82, 37.18],
                                                 [117.82, 37.17]]]}),
])

LINES = fc([
    feature({"NAME": "黄河大堤", "ZH": "K0+000"},
            {"type": "LineString", "coordinates": [[571000, 4115600], [571500, 4115900],
                                                   [572000, 4116400]]}),
    feature({"NAME": "界桩", "ZH": "K0+500"},
            {"type": "Point", "coordinates": [571250, 4115750]}),
], "urn:ogc:def:crs:EPSG::4548")

SOURCES = {"projected": PROJECTED, "geographic": GEOGRAPHIC, "lines": LINES}

BOUNDARY_HEADER = ("[属性描述]\n格式版本号=1.00版本\n数据产生单位=高青县自然资源局\n"
                   "数据产生日期=2024-05-20\n坐标系=2000国家大地坐标系\n几度分带=3\n"
                   "投影类型=高斯克吕格\n计量单位=米\n带号=39\n精度=0.001\n转换参数=,,,,,,\n"
                   "[地块坐标]\n")
BOUNDARY_SQUARE = ("5,1.0000,1,地块1,面,,工业用地,,@\n"
                   "J1,1,4115600.000,39571000.000\nJ2,1,4115600.000,39571100.000\n"
                   "J3,1,4115700.000,39571100.000\nJ4,1,4115700.000,39571000.000\n"
                   "J1,1,4115600.000,39571000.000\n")
BOUNDARY_HOLE = ("10,3.7500,A1,有洞地块,面,,工业用地,201A,@\n"
                 "J1,1,4116000.000,39572000.000\nJ2,1,4116000.000,39572200.000\n"
                 "J3,1,4116200.000,39572200.000\nJ4,1,4116200.000,39572000.000\n"
                 "J1,1,4116000.000,39572000.000\n"
                 "J5,2,4116050.000,39572050.000\nJ6,2,4116100.000,39572050.000\n"
                 "J7,2,4116100.000,39572100.000\nJ8,2,4116050.000,39572100.000\n"
                 "J5,2,4116050.000,39572050.000\n")
BOUNDARY_LINE = ("3,,L1,道路中线,线,,,,@\nJ1,1,4115600.000,39571000.000\n"
                 "J2,1,4115650.000,39571050.000\nJ3,1,4115700.000,39571080.000\n")

CSV_WKT = "WKT,XMMC,YDMJ\n\"POLYGON((571000 4115600,571100 4115600,571100 4115700,571000 4115700,571000 4115600))\",化工项目,1.0\n\"POLYGON((117.80 37.17,117.81 37.17,117.81 37.18,117.80 37.17))\",经纬度地块,0.5\n"
CSV_XY = "点号,东坐标,北坐标,名称\nJ1,571000.0,4115600.0,界桩1\nJ2,571100.0,4115600.0,界桩2\nJ3,571100.0,4115700.0,界桩3\n"
CSV_LONLAT = "id,lon,lat,name\n1,117.80,37.17,a\n2,117.81,37.175,b\n"

KML_EXTENDED = """<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>项目红线</name>
<Schema name="site" id="site"><SimpleField name="XMMC" type="string"/><SimpleField name="YDMJ" type="double"/></Schema>
<Folder><name>一期</name>
<Placemark><name>地块一</name><ExtendedData><SchemaData schemaUrl="#site"><SimpleData name="XMMC">化工园区</SimpleData><SimpleData name="YDMJ">1.2</SimpleData></SchemaData></ExtendedData>
<Polygon><outerBoundaryIs><LinearRing><coordinates>117.80,37.17,0 117.81,37.17,0 117.81,37.18,0 117.80,37.18,0 117.80,37.17,0</coordinates></LinearRing></outerBoundaryIs>
<innerBoundaryIs><LinearRing><coordinates>117.802,37.172 117.804,37.172 117.804,37.174 117.802,37.172</coordinates></LinearRing></innerBoundaryIs></Polygon></Placemark>
</Folder>
<Folder><name>二期</name>
<Placemark><name>地块二</name><ExtendedData><Data name="XMBH"><value>GQ-2</value></Data></ExtendedData>
<MultiGeometry><Polygon><outerBoundaryIs><LinearRing><coordinates>117.82,37.17 117.83,37.17 117.83,37.18 117.82,37.17</coordinates></LinearRing></outerBoundaryIs></Polygon>
<LineString><coordinates>117.82,37.17 117.83,37.18</coordinates></LineString></MultiGeometry></Placemark>
</Folder></Document></kml>
"""

DXF_MINIMAL = """0
SECTION
2
ENTITIES
0
LWPOLYLINE
8
DLTB
90
4
70
1
10
571000.0
20
4115600.0
10
571100.0
20
4115600.0
10
571100.0
20
4115700.0
10
571000.0
20
4115700.0
0
LINE
8
ROAD
10
571000.0
20
4115600.0
11
571100.0
21
4115700.0
0
ENDSEC
0
EOF
"""


def run(*args):
    r = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        sys.exit(" ".join(args) + ": " + r.stderr)


def put(target, name, data):
    d = os.path.join(CORPUS, target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    assert len(data) < 50 * 1024, (target, name, len(data))
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def read(path):
    if not os.path.exists(path):
        return b""
    with open(path, "rb") as f:
        return f.read()


def pack(parts):
    return b"".join(struct.pack("<I", len(p)) + p for p in parts)


def shrink_sqlite(path):
    # GDAL writes 4 KiB pages: a 512-byte page size keeps a GeoPackage seed under 50 KB.
    run("sqlite3", path, "PRAGMA page_size=512; VACUUM;")


def main():
    if shutil.which("ogr2ogr") is None:
        sys.exit("ogr2ogr is missing: packaging/install-deps.sh --fuzz")
    shutil.rmtree(CORPUS, ignore_errors=True)
    tmp = tempfile.mkdtemp()
    try:
        src = {}
        for name, data in SOURCES.items():
            src[name] = os.path.join(tmp, name + ".geojson")
            with open(src[name], "w", encoding="utf-8") as f:
                json.dump(data, f, ensure_ascii=False)
            put("geojson", name + ".geojson", read(src[name]))
        put("geojson", "deep_nesting.geojson",
            '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"a":'
            + '[' * 40 + ']' * 40 + '},"geometry":null}]}')

        for name in ("projected", "geographic", "lines"):
            for enc in ("UTF-8", "GBK"):
                out = os.path.join(tmp, f"{name}_{enc}")
                # -skipfailures: a Shapefile holds one geometry type (the point of "lines" is left out).
                run("ogr2ogr", "-skipfailures", "-f", "ESRI Shapefile", "-lco", "ENCODING=" + enc,
                    out, src[name])
                for layer in sorted({os.path.splitext(f)[0] for f in os.listdir(out)}):
                    base = os.path.join(out, layer)
                    parts = [read(base + e) for e in (".shp", ".shx", ".dbf", ".prj", ".cpg")]
                    put("shapefile", f"{name}_{enc}_{layer}.bin", pack(parts))

            out = os.path.join(tmp, name + ".kml")
            run("ogr2ogr", "-f", "KML", out, src[name])
            put("kml", name + ".kml", read(out))

            out = os.path.join(tmp, name + ".gpkg")
            run("ogr2ogr", "-f", "GPKG", out, src[name])
            shrink_sqlite(out)
            put("gpkg", name + ".gpkg", read(out))

            out = os.path.join(tmp, name + ".dxf")
            run("ogr2ogr", "-f", "DXF", out, src[name])
            put("dxf", name + ".dxf", read(out))

            for kind in ("tab", "mif"):
                out = os.path.join(tmp, f"{name}_{kind}")
                opts = ["-dsco", "FORMAT=MIF"] if kind == "mif" else []
                run("ogr2ogr", "-f", "MapInfo File", *opts, out, src[name])
                base = os.path.join(out, name)
                parts = [read(base + e) for e in (".tab", ".dat", ".map", ".id", ".mif", ".mid")]
                put("mapinfo", f"{name}_{kind}.bin", pack(parts))

            out = os.path.join(tmp, name + ".csv")
            run("ogr2ogr", "-f", "CSV", "-lco", "GEOMETRY=AS_WKT", out, src[name])
            put("csv", name + ".csv", read(out))
        put("kml", "extended_data.kml", KML_EXTENDED)
        # Two layers in one GeoPackage and an attribute-only table (QGIS's layer_styles).
        two = os.path.join(tmp, "two.gpkg")
        run("ogr2ogr", "-f", "GPKG", two, src["projected"], "-nln", "DLTB")
        run("ogr2ogr", "-update", "-f", "GPKG", two, src["geographic"], "-nln", "sites")
        run("sqlite3", two,
            "CREATE TABLE layer_styles(id INTEGER PRIMARY KEY, f_table_name TEXT);"
            "INSERT INTO gpkg_contents(table_name, data_type, identifier)"
            " VALUES ('layer_styles', 'attributes', 'layer_styles');")
        shrink_sqlite(two)
        put("gpkg", "two_layers.gpkg", read(two))
        put("dxf", "minimal.dxf", DXF_MINIMAL)
        put("csv", "wkt.csv", CSV_WKT)
        put("csv", "xy_gbk.csv", CSV_XY.encode("gbk"))
        put("csv", "lonlat.csv", CSV_LONLAT)

        square = BOUNDARY_HEADER + BOUNDARY_SQUARE
        put("boundary", "square_utf8.txt", square)
        put("boundary", "square_gbk_crlf.txt", square.replace("\n", "\r\n").encode("gbk"))
        put("boundary", "hole_and_line.txt", BOUNDARY_HEADER + BOUNDARY_HOLE + BOUNDARY_LINE)
        put("boundary", "utf16_bom.txt", b"\xff\xfe" + square.encode("utf-16-le"))

        # The site reader: the first byte picks .geojson (0), .kml (1), .txt (2), .csv (3).
        put("sitereader", "geojson.bin", b"\x00" + read(src["geographic"]))
        put("sitereader", "projected.bin", b"\x00" + read(src["projected"]))
        put("sitereader", "kml.bin", b"\x01" + KML_EXTENDED.encode())
        put("sitereader", "boundary.bin",
            b"\x02" + (BOUNDARY_HEADER + BOUNDARY_HOLE).encode("gbk"))
        put("sitereader", "csv.bin", b"\x03" + read(os.path.join(tmp, "projected.csv")))
    finally:
        shutil.rmtree(tmp)
    for t in sorted(os.listdir(CORPUS)):
        files = os.listdir(os.path.join(CORPUS, t))
        size = sum(os.path.getsize(os.path.join(CORPUS, t, f)) for f in files)
        print(f"{t}: {len(files)} files, {size} bytes")


if __name__ == "__main__":
    main()
