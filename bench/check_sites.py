#!/usr/bin/env python3
"""Writes N deterministic test sites for the check benchmark as GeoJSON in the project's working
CRS (EPSG:4548): squares of SIDE_MIN..SIDE_MAX metres (rotated a little) centred on land-use
parcels picked at random, so every site lies on the county's data.

    check_sites.py DB N OUT.geojson [--side-min 100] [--side-max 300] [--seed 1]
                   [--shape square|detailed|parts] [--vertices 100000] [--parts 20000]

--shape detailed: each site is about 1 km² with a surveyed-looking outline of VERTICES points
(a circle of 564 m whose radius wanders by up to 8 m, so the outline crosses the parcels along
it many times). --shape parts: each site is PARTS squares of 10 m, 15 m apart, in a square
block (a site made of many small plots).
"""
import argparse
import json
import math
import random
import sqlite3
import struct

p = argparse.ArgumentParser()
p.add_argument("db")
p.add_argument("n", type=int)
p.add_argument("out")
p.add_argument("--side-min", type=float, default=100)
p.add_argument("--side-max", type=float, default=300)
p.add_argument("--seed", type=int, default=1)
p.add_argument("--shape", choices=["square", "detailed", "parts"], default="square")
p.add_argument("--vertices", type=int, default=100000)
p.add_argument("--parts", type=int, default=20000)
a = p.parse_args()

con = sqlite3.connect(f"file:{a.db}?mode=ro", uri=True)
(count,) = con.execute("SELECT max(fid) FROM landuse").fetchone()
rng = random.Random(a.seed)
features = []
while len(features) < a.n:
    fid = rng.randint(1, count)
    row = con.execute("SELECT geom FROM landuse WHERE fid = ?", (fid,)).fetchone()
    if not row or row[0] is None:
        continue
    # SpatiaLite blob header: 0x00, endian, SRID, then the MBR as four doubles.
    blob = row[0]
    minx, miny, maxx, maxy = struct.unpack("<dddd" if blob[1] == 1 else ">dddd", blob[6:38])
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    if a.shape == "detailed":
        ring = []
        for k in range(a.vertices):
            ang = 2 * math.pi * k / a.vertices
            r = 564.0 + 5.0 * math.sin(ang * 997) + 3.0 * math.sin(ang * 61 + 1)
            ring.append([round(cx + r * math.cos(ang), 3), round(cy + r * math.sin(ang), 3)])
        ring.append(ring[0])
        geometry = {"type": "Polygon", "coordinates": [ring]}
    elif a.shape == "parts":
        per_row = math.ceil(math.sqrt(a.parts))
        x0, y0 = cx - per_row * 7.5, cy - per_row * 7.5
        squares = []
        for k in range(a.parts):
            x, y = x0 + (k % per_row) * 15.0, y0 + (k // per_row) * 15.0
            squares.append([[[x, y], [x + 10, y], [x + 10, y + 10], [x, y + 10], [x, y]]])
        geometry = {"type": "MultiPolygon", "coordinates": squares}
    if a.shape != "square":
        features.append({"type": "Feature",
                         "properties": {"XMMC": f"基准选址 {len(features) + 1}", "HYDM": "C3490",
                                        "GHYT": "工业用地"},
                         "geometry": geometry})
        continue
    side = rng.uniform(a.side_min, a.side_max)
    t = rng.uniform(0, math.pi / 2)
    ring = []
    for k in range(5):
        ang = t + (k % 4) * math.pi / 2 + math.pi / 4
        r = side / math.sqrt(2)
        ring.append([round(cx + r * math.cos(ang), 3), round(cy + r * math.sin(ang), 3)])
    features.append({"type": "Feature",
                     "properties": {"XMMC": f"基准选址 {len(features) + 1}", "HYDM": "C3490",
                                    "GHYT": "工业用地"},
                     "geometry": {"type": "Polygon", "coordinates": [ring]}})
with open(a.out, "w", encoding="utf-8") as f:
    json.dump({"type": "FeatureCollection", "name": "bench_sites",
               "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4548"}},
               "features": features}, f, ensure_ascii=False)
