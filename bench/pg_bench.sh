#!/usr/bin/env bash
# The PostGIS engine beside the SpatiaLite engine (issue 17's speed targets), on one county
# published into a throwaway local cluster (tests/pgcluster/pgcluster.sh: a unix socket, fsync
# off, shared_buffers 4GB). Whole processes except the one-site latency; medians of RUNS;
# ratio = PostGIS / file. Both start warm: the file read once into the OS cache, the server's
# tables into its buffer cache (pg_prewarm), as on a machine that has been serving a while.
#
#   bench/pg_bench.sh PATH/TO/planlines DB [RUNS=3] [SITES=1000]
#
# DB: a county project file (e.g. `planlines sample --parcels 1000000 --out million.sqlite`).
# Rows, each with its target:
#   start-up   planlines_panbench --frames 0: the window from launch to the first complete frame
#              of the whole county (layers loaded), file vs server (target ≤ 1.5×)
#   pan        the same program's pan frames on the server: p95 (target < 16.7 ms)
#   one site   check_latency: one 1 km² site checked with the project open, median of 50
#              (target ≤ 2×)
#   batch      `planlines check SITES.geojson --csv` of SITES sites on the server, beside
#              PostGIS's own SQL doing the land-use overlap of the same sites (ST_Intersection
#              and ST_Area grouped by DLBM through the GiST index) on the same server (target
#              ≤ 1×), and beside the same check on the file. Ours does every constraint layer,
#              the rules and a stored record per site; the SQL only area by DLBM.
# Cross-check: the sites' cultivated (01xx) m² from the file, the server and the SQL.
set -uo pipefail

bin=${1:?planlines binary}
db=${2:?county project file}
runs=${3:-3}
nsites=${4:-1000}
here=$(cd "$(dirname "$0")" && pwd)
bindir=$(dirname "$bin")
work=$(mktemp -d "${TMPDIR:-/tmp}/pg_bench.XXXXXX")
state="$work/pg"
cleanup() {
    "$here/../tests/pgcluster/pgcluster.sh" stop "$state" >/dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT

# shellcheck source=bench/timing.sh
source "$here/timing.sh"
row() { printf '  %-34s %9s %9s %6s  %s\n' "$@"; }

for tool in sqlite3 psql python3; do
    command -v $tool >/dev/null || { echo "pg_bench: $tool is missing"; exit 1; }
done
# A server's buffer cache as a county's database server would size it (a quarter of its RAM),
# not the test cluster's 32 MB: the pages a site reads then stay in the server, as SQLite's
# stay in the OS cache for the file.
export PGCLUSTER_SHARED_BUFFERS=${PGCLUSTER_SHARED_BUFFERS:-4GB}
eval "$("$here/../tests/pgcluster/pgcluster.sh" start "$state")" || exit 1
sock=$(sed -n 's/^PGCLUSTER_DIR=//p' "$state/pg.env")
psql_() { psql -X -q -v ON_ERROR_STOP=1 -h "$sock" -U postgres "$@"; }
psql_ -d postgres -c "CREATE DATABASE bench TEMPLATE planlines_template" || exit 1
uri="postgresql:///bench?host=$sock&user=postgres"

parcels=$(sqlite3 "$db" "SELECT feature_count FROM layers WHERE role = 'landuse' LIMIT 1")
echo "PostGIS beside SpatiaLite on $(basename "$db") ($parcels parcels), $runs runs," \
    "$(nproc) cores, load $(load)"
file="$work/county.sqlite"
cp "$db" "$file"
t0=$(now)
"$bin" publish "$file" --to "$uri" >"$work/publish.log" 2>&1 || { cat "$work/publish.log"; exit 1; }
echo "  published in $(secs "$t0" "$(now)") s (bench/publish_bench.sh compares that with ogr2ogr)"

# The sites, imported into both as a site layer (the batch reads them from the GeoJSON).
python3 "$here/check_sites.py" "$db" "$nsites" "$work/sites.geojson" --seed "$nsites" || exit 1
for target in "$file" "$uri"; do
    "$bin" import "$work/sites.geojson" --db "$target" --role site --name bench_sites \
        >"$work/import.log" 2>&1 || { echo "  import of the sites failed"; cat "$work/import.log"; exit 1; }
done
psql_ -d bench -c "ANALYZE" >/dev/null
sites_table=$(psql_ -d bench -At -c "SELECT table_name FROM layers WHERE name = 'bench_sites'")
landuse=$(psql_ -d bench -At -c "SELECT table_name FROM layers WHERE role = 'landuse' LIMIT 1")

cat "$file" >/dev/null
psql_ -d bench -At -c "CREATE EXTENSION IF NOT EXISTS pg_prewarm" \
    -c "SELECT sum(pg_prewarm(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'i')" >/dev/null ||
    echo "  (pg_prewarm failed: the server starts cold)"

row "job" "file (s)" "server" "ratio" "notes"
# The window: start-up to the first complete frame, and pan frames on the server.
panbench=$bindir/planlines_panbench
if [[ -x $panbench ]]; then
    sf="" sp="" pan=""
    for ((i = 0; i < runs; i++)); do
        QT_QPA_PLATFORM=offscreen "$panbench" --db "$file" --frames 0 >"$work/s.txt" 2>>"$work/err" &&
            sf+=" $(sed -n 's/^STARTUP_S=//p' "$work/s.txt")"
        QT_QPA_PLATFORM=offscreen "$panbench" --db "$uri" --frames 0 >"$work/s.txt" 2>>"$work/err" &&
            sp+=" $(sed -n 's/^STARTUP_S=//p' "$work/s.txt")"
    done
    QT_QPA_PLATFORM=offscreen "$panbench" --db "$uri" --frames 120 >"$work/p.txt" 2>>"$work/err" &&
        pan=$(sed -n 's/^PAN_P95_MS=//p' "$work/p.txt")
    f=$(median <<<"$sf") p=$(median <<<"$sp")
    row "start-up to first frame" "$f" "$p" "$(ratio "$p" "$f")" "target ≤ 1.5; pan p95 on the server ${pan:-?} ms (target < 16.7)"
else
    echo "  (no $panbench: build planlines_panbench for the start-up row)"
fi

# One site with the project open.
latency=$bindir/check_latency
if [[ -x $latency ]]; then
    lf=$("$latency" "$file" 50 1000) || { echo "  check_latency failed on the file"; exit 1; }
    lp=$("$latency" "$uri" 50 1000) || { echo "  check_latency failed on the server"; exit 1; }
    f=$(sed -n 's/.*median \([0-9.]*\) ms.*/\1/p' <<<"$lf")
    p=$(sed -n 's/.*median \([0-9.]*\) ms.*/\1/p' <<<"$lp")
    row "one 1 km² site, open (ms)" "$f" "$p" "$(ratio "$p" "$f")" "target ≤ 2; $(sed -n 's/.*max [0-9.]* ms, \(.*\)/\1/p' <<<"$lp")"
else
    echo "  (no $latency: build check_latency for the one-site row)"
fi

# The batch, and PostGIS's own overlap SQL.
sql="SELECT s.fid, p.\"DLBM\", sum(ST_Area(ST_Intersection(s.geom, p.geom))) AS area
     FROM \"$sites_table\" s JOIN \"$landuse\" p ON p.geom && s.geom
     WHERE ST_Intersects(s.geom, p.geom) GROUP BY s.fid, p.\"DLBM\""
of="" op="" pq=""
for ((i = 0; i < runs; i++)); do
    for target in file server; do
        loc=$file
        [[ $target == server ]] && loc=$uri
        t0=$(now)
        "$bin" check "$work/sites.geojson" --db "$loc" --csv "$work/ours_$target.csv" >/dev/null 2>>"$work/err"
        rc=$?
        t1=$(now)
        [[ $rc == 0 || $rc == 3 || $rc == 4 ]] || { echo "  planlines check on the $target failed ($rc)"; tail -5 "$work/err"; exit 1; }
        if [[ $target == file ]]; then of+=" $(secs "$t0" "$t1")"; else op+=" $(secs "$t0" "$t1")"; fi
    done
    t0=$(now)
    psql_ -d bench -At -F, -c "$sql" >"$work/peer.csv" || { echo "  the PostGIS SQL failed"; exit 1; }
    pq+=" $(secs "$t0" "$(now)")"
done
cult() {
    python3 - "$1" <<'PY'
import csv, sys
rows = csv.DictReader(open(sys.argv[1], encoding="utf-8-sig"))
print("%.2f" % sum(float(r["cultivated_m2"]) for r in rows if r["site"].startswith("基准选址")))
PY
}
cult_peer=$(awk -F, '$2 ~ /^01/ { s += $3 } END { printf "%.2f", s }' "$work/peer.csv")
f=$(median <<<"$of") p=$(median <<<"$op") q=$(median <<<"$pq")
row "check $nsites sites --csv" "$f" "$p" "$(ratio "$p" "$f")" "the server run beside PostGIS SQL by DLBM $q s: $(ratio "$p" "$q") (target ≤ 1)"
echo "  cultivated m² of the sites: file $(cult "$work/ours_file.csv"), server $(cult "$work/ours_server.csv"), SQL $cult_peer; load $(load)"
