#!/usr/bin/env bash
# Land-use change benchmark (issue 18): `planlines compare` of two versions of a county's
# 地类图斑 layer, whole process, beside SpatiaLite SQL doing the same overlay on the same
# database (spatial index join, ST_Intersection, ST_Area grouped by old and new DLBM).
#
#   bench/compare_bench.sh PATH/TO/planlines DB [RUNS=3] [MODE=changed]
#
# DB is a project with a land-use layer (`planlines sample --parcels N`, whose 地类图斑 holds
# 2023 as v1 and 2024 as v2; `--one-year` for 2023 alone); it is copied. A next version is
# written by SQL on the current one (ogr2ogr to a GeoPackage, then `planlines import`, as staff
# re-import a year's DLTB) and the two are compared, MODE:
#   changed  about 5 % of parcels changed: fid % 40 = 0 on 耕地 → 202 (same coordinates);
#            fid % 40 = 10 split at the box's vertical midline, both halves keep their class;
#            fid % 40 = 20 split the same way, the east half → 0301 (耕地) or 0103 (other)
#   redrawn  every parcel moved 1 cm east and north: no coordinates shared, everything overlaid
# Medians of RUNS; ratio = ours / peer. Cross-check: the largest difference of a matrix cell,
# ours vs the peer's (cells the peer has and we dropped as slivers under 1 cm² count too).
# Peak memory of ours from /usr/bin/time when installed. The machine may be shared: the header
# and each row give the 1-minute load average.
set -uo pipefail

bin=${1:?planlines binary}
db=${2:?project database}
runs=${3:-3}
mode=${4:-changed}
work=$(mktemp -d "${TMPDIR:-/tmp}/compare_bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

now() { date +%s%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b - a) / 1e9 }'; }
median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END {
    if (NR % 2) printf "%.3f", v[(NR + 1) / 2]; else printf "%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
load() { awk '{ print $1 }' /proc/loadavg; }

for tool in sqlite3 ogr2ogr python3; do
    command -v $tool >/dev/null || { echo "compare_bench: $tool is missing"; exit 1; }
done
cp "$db" "$work/db.sqlite"
table=$(sqlite3 "$work/db.sqlite" "SELECT table_name FROM layers WHERE role = 'landuse' LIMIT 1")
name=$(sqlite3 "$work/db.sqlite" "SELECT name FROM layers WHERE role = 'landuse' LIMIT 1")
[[ -n $table ]] || { echo "compare_bench: $db has no land-use layer"; exit 1; }
cols="BSM, TBBH, ZLDWDM, TBDLMJ, KCXS"
cult="('0101', '0102', '0103')"
half() { # $1: west or east
    local lo hi
    if [[ $1 == west ]]; then lo="MbrMinX(geom) - 1"; hi="(MbrMinX(geom) + MbrMaxX(geom)) / 2"
    else lo="(MbrMinX(geom) + MbrMaxX(geom)) / 2"; hi="MbrMaxX(geom) + 1"; fi
    echo "CastToMultiPolygon(CollectionExtract(ST_Intersection(geom, BuildMbr($lo,
          MbrMinY(geom) - 1, $hi, MbrMaxY(geom) + 1, SRID(geom))), 3))"
}
if [[ $mode == redrawn ]]; then
    sql="SELECT $cols, DLBM, ST_Translate(geom, 0.01, 0.01, 0) AS geom FROM \"$table\""
else
    sql="SELECT $cols, CASE WHEN fid % 40 = 0 AND DLBM IN $cult THEN '202' ELSE DLBM END AS DLBM,
                geom FROM \"$table\" WHERE fid % 40 NOT IN (10, 20)
         UNION ALL SELECT $cols, DLBM, $(half west) FROM \"$table\" WHERE fid % 40 IN (10, 20)
         UNION ALL SELECT $cols, CASE WHEN fid % 40 = 20 THEN CASE WHEN DLBM IN $cult
                THEN '0301' ELSE '0103' END ELSE DLBM END, $(half east)
                FROM \"$table\" WHERE fid % 40 IN (10, 20)"
fi
prev=$(sqlite3 "$work/db.sqlite" "SELECT version FROM layers WHERE name = '$name'")
next=$((prev + 1))
ogr2ogr -f GPKG "$work/dltb.gpkg" "$work/db.sqlite" -sql "$sql" -nln DLTB -nlt MULTIPOLYGON \
    2>"$work/ogr.log" || { cat "$work/ogr.log"; exit 1; }
"$bin" import --db "$work/db.sqlite" --name "$name" --role landuse "$work/dltb.gpkg" \
    >"$work/import.log" 2>&1 || { cat "$work/import.log"; exit 1; }
old=$(sqlite3 "$work/db.sqlite" "SELECT v.table_name FROM layer_versions v JOIN layers l ON
    l.id = v.layer_id WHERE l.name = '$name' AND v.version = $prev")
n1=$(sqlite3 "$work/db.sqlite" "SELECT count(*) FROM \"$old\"")
n2=$(sqlite3 "$work/db.sqlite" "SELECT count(*) FROM \"$table\"")
echo "land-use compare ($mode) on $(basename "$db"): v$prev $n1 / v$next $n2 parcels, $runs runs," \
    "$(nproc) cores, load $(load)"

cat >"$work/peer.sql" <<SQL
SELECT load_extension('mod_spatialite');
SELECT a.DLBM, b.DLBM, sum(ST_Area(ST_Intersection(a.geom, b.geom)))
  FROM "$old" AS a, "$table" AS b
 WHERE b.ROWID IN (SELECT ROWID FROM SpatialIndex
                    WHERE f_table_name = '$table' AND search_frame = a.geom)
   AND ST_Intersects(a.geom, b.geom)
 GROUP BY 1, 2;
SQL
timer=()
[[ -x /usr/bin/time ]] && timer=(/usr/bin/time -f %M -o "$work/rss")
ours="" peer="" rss=""
for ((i = 0; i < runs; ++i)); do
    t0=$(now)
    "${timer[@]}" "$bin" compare --db "$work/db.sqlite" --layer "$name" --from "v$prev" --to "v$next" --json \
        >"$work/ours.json" 2>"$work/ours.err" || { cat "$work/ours.err"; exit 1; }
    ours+=" $(secs "$t0" "$(now)")"
    [[ -f $work/rss ]] && rss+=" $(tail -1 "$work/rss")"
    t0=$(now)
    sqlite3 -separator '|' "$work/db.sqlite" <"$work/peer.sql" | grep . >"$work/peer.txt" \
        || { echo "peer failed"; exit 1; }
    peer+=" $(secs "$t0" "$(now)")"
done
o=$(echo "$ours" | median) p=$(echo "$peer" | median)
check=$(python3 - "$work/ours.json" "$work/peer.txt" <<'PY'
import json, sys
o = json.load(open(sys.argv[1]))
ours = {(c["from"] or "", c["to"] or ""): c["area_m2"] for c in o["matrix"]}
peer = {}
for line in open(sys.argv[2]):
    a, b, v = line.rstrip("\n").split("|")
    peer[(a, b)] = float(v)
worst = max(abs(ours.get(k, 0) - peer.get(k, 0)) for k in set(ours) | set(peer) if k[0] and k[1])
print(f"{o['changes']} change polygons, worst cell difference {worst:.4f} m²"
      + (" ok" if worst <= 0.01 else " MISMATCH"))
PY
)
printf '  %-24s %9s  %-22s %9s %6s  %s\n' "job" "ours (s)" "peer" "peer (s)" "ratio" "notes"
mem=""
[[ -n $rss ]] && mem="peak $(echo "$rss" | median | awk '{ printf "%.0f", $1 / 1024 }') MB, "
printf '  %-24s %9s  %-22s %9s %6s  %s\n' "compare v$prev v$next" "$o" "SpatiaLite SQL overlay" "$p" \
    "$(awk -v a="$o" -v b="$p" 'BEGIN { printf "%.2f", a / b }')" \
    "${mem}runs:$ours | peer:$peer; $check; load $(load)"
[[ $check == *" ok" ]]
