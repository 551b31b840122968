#!/usr/bin/env python3
"""Writes N deterministic test sites for the check benchmark as GeoJSON in the project's working
CRS (EPSG:4548): squares of SIDE_MIN..SIDE_MAX metres (rotated a little) centred on land-use
parcels picked at random, so every site lies on the county's data.

    check_sites.py DB N OUT.geojson [--side-min 100] [--side-max 300] [--seed 1]
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
