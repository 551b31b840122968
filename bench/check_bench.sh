#!/usr/bin/env bash
# Site-check benchmarks on one project: one-site latency with the project open (check_latency),
# and batches of 1 000 and 5 000 sites, whole process, beside SpatiaLite SQL doing the land-use
# overlap of the same sites on the same database (../shared/peers/overlay_spatialindex.sql,
# adapted to the project's table and column names).
#
#   bench/check_bench.sh PATH/TO/planlines DB [RUNS=3] [BATCHES="1000 5000"]
#
# Then detailed sites (issue 16): a 1 km² site whose outline has 100 000 vertices and one of
# 20 000 parts, timed by check_latency --file (the engine, project open, median of RUNS+2)
# beside SpatiaLite SQL computing the same site's land-use area by DLBM through the spatial
# index (median of RUNS). Cross-check: the site's land-use area, ours vs peer.
#
# The machine may be shared: the header and each row give the 1-minute load average.
#
# Our run does more than the peer: every constraint layer (farmland, red line, urban boundary,
# corridor, control units, the levee distance), the rules, and a stored record per site. The
# peer computes only area by DLBM. We read the sites from their GeoJSON file (GDAL), the peer
# from the same sites imported as a table of the database. Medians of RUNS;
# ratio = ours / peer. Cross-check: total cultivated (01xx) area of the sites, ours vs peer.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bin=${1:?planlines binary}
db=${2:?project database}
runs=${3:-3}
batches=${4:-1000 5000}
latency=$(dirname "$bin")/check_latency
work=$(mktemp -d "${TMPDIR:-/tmp}/check_bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
peer_sql=$here/../../shared/peers/overlay_spatialindex.sql
[[ -f $peer_sql ]] || peer_sql=/work/wt/shared/peers/overlay_spatialindex.sql

now() { date +%s%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b - a) / 1e9 }'; }
median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END {
    if (NR % 2) printf "%.3f", v[(NR + 1) / 2]; else printf "%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

parcels=$(sqlite3 "$db" "SELECT feature_count FROM layers WHERE role = 'landuse' LIMIT 1")
load() { awk '{ print $1 }' /proc/loadavg; } # the machine is shared: say how busy it was
echo "site check on $(basename "$db") ($parcels parcels), $runs runs, $(nproc) cores, load $(load)"
if [[ -x $latency ]]; then
    echo "  one site, project open: $("$latency" "$db" 50 1000)"
else
    echo "  one site, project open: (build the check_latency target)"
fi
printf '  %-26s %9s  %-22s %9s %6s  %s\n' "job" "ours (s)" "peer" "peer (s)" "ratio" "notes"
for n in $batches; do
    table=bench_sites_$n
    base=$work/base_$n.sqlite
    cp "$db" "$base"
    python3 "$here/check_sites.py" "$db" "$n" "$work/sites_$n.geojson" --seed "$n" || exit 1
    "$bin" import "$work/sites_$n.geojson" --db "$base" --role site --name "$table" >/dev/null \
        || { echo "  import of the sites failed"; exit 1; }
    sed -e "s/JOIN parcels/JOIN landuse/; s/FROM sites/FROM $table/; s/GEOMETRY/geom/g" \
        -e "s/p\.dlbm/p.DLBM/g; s/s\.site_id/s.fid/g; s/'parcels'/'landuse'/" \
        "$peer_sql" >"$work/peer.sql"
    ours="" ours_json="" peer=""
    load_before=$(load)
    for ((i = 0; i < runs; ++i)); do
        cp "$base" "$work/run.sqlite" # each run records into a fresh copy (outside the timing)
        rm -f "$work/run.sqlite-wal" "$work/run.sqlite-shm"
        # The copy's own writeback too: else the run's first fsync waits for hundreds of MB.
        sync "$work/run.sqlite"
        t0=$(now)
        "$bin" check "$work/sites_$n.geojson" --db "$work/run.sqlite" --csv "$work/ours.csv" \
            >/dev/null 2>>"$work/err"
        rc=$?
        t1=$(now)
        [[ $rc == 0 || $rc == 3 || $rc == 4 ]] || { echo "  planlines check failed ($rc)"; cat "$work/err"; exit 1; }
        ours+=" $(secs "$t0" "$t1")"
        # The same batch printing the whole JSON document (issue 20: --json ≤ 0.5× the peer).
        cp "$base" "$work/run.sqlite"
        rm -f "$work/run.sqlite-wal" "$work/run.sqlite-shm"
        sync "$work/run.sqlite"
        t0=$(now)
        "$bin" check "$work/sites_$n.geojson" --db "$work/run.sqlite" --json >"$work/ours.json" \
            2>>"$work/err"
        rc=$?
        t1=$(now)
        [[ $rc == 0 || $rc == 3 || $rc == 4 ]] || { echo "  planlines check --json failed ($rc)"; cat "$work/err"; exit 1; }
        ours_json+=" $(secs "$t0" "$t1")"
        t0=$(now)
        spatialite -batch -bail -csv -header "$base" <"$work/peer.sql" >"$work/peer.csv" 2>>"$work/err" \
            || { echo "  spatialite failed"; exit 1; }
        t1=$(now)
        peer+=" $(secs "$t0" "$t1")"
    done
    o=$(median <<<"$ours")
    p=$(median <<<"$peer")
    cult_ours=$(python3 - "$work/ours.csv" <<'PY'
import csv, sys
rows = csv.DictReader(open(sys.argv[1], encoding="utf-8-sig"))
print("%.2f" % sum(float(r["cultivated_m2"]) for r in rows if r["site"].startswith("基准选址")))
PY
)
    cult_peer=$(awk -F, 'NR > 1 && $2 ~ /^01/ { s += $3 } END { printf "%.2f", s }' "$work/peer.csv")
    ratio=$(awk -v a="$o" -v b="$p" 'BEGIN { printf "%.2f", a / b }')
    printf '  %-26s %9s  %-22s %9s %6s  %s\n' "check $n sites --csv" "$o" "spatialite SQL by DLBM" \
        "$p" "$ratio" "cultivated m²: ours $cult_ours, peer $cult_peer; load $load_before→$(load)"
    oj=$(median <<<"$ours_json")
    json_mb=$(awk -v b="$(stat -c %s "$work/ours.json")" 'BEGIN { printf "%.1f", b / 1e6 }')
    valid=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["results"]))' \
        "$work/ours.json" 2>/dev/null || echo "INVALID")
    printf '  %-26s %9s  %-22s %9s %6s  %s\n' "check $n sites --json" "$oj" "spatialite SQL by DLBM" \
        "$p" "$(awk -v a="$oj" -v b="$p" 'BEGIN { printf "%.2f", a / b }')" \
        "$json_mb MB of JSON, $valid results parsed; goal ≤ 0.5"
done

if [[ -x $latency ]]; then
    for shape in detailed parts; do
        python3 "$here/check_sites.py" "$db" 1 "$work/$shape.geojson" --shape "$shape" --seed 7 || exit 1
        base=$work/base_$shape.sqlite
        cp "$db" "$base"
        "$bin" import "$work/$shape.geojson" --db "$base" --role site --name "bench_$shape" >/dev/null \
            || { echo "  import of the $shape site failed"; exit 1; }
        load_before=$(load)
        line=$("$latency" "$base" --file "$work/$shape.geojson" $((runs + 2))) || { echo "  check_latency failed"; exit 1; }
        o=$(sed -n 's/.*median \([0-9.]*\) ms.*/\1/p' <<<"$line" | awk '{ printf "%.3f", $1 / 1000 }')
        what=$(sed -n 's/^[^:]*: \([0-9]*\) vertices, \([0-9]*\) parts.*/\1 vertices, \2 parts/p' <<<"$line")
        sql="SELECT p.DLBM, SUM(ST_Area(ST_Intersection(s.geom, p.geom))) FROM bench_$shape AS s JOIN landuse AS p ON p.ROWID IN (SELECT ROWID FROM SpatialIndex WHERE f_table_name = 'landuse' AND f_geometry_column = 'geom' AND search_frame = s.geom) WHERE ST_Intersects(s.geom, p.geom) GROUP BY p.DLBM;"
        peer=""
        for ((i = 0; i < runs; ++i)); do
            t0=$(now)
            spatialite -batch -bail -csv "$base" "$sql" >"$work/peer_$shape.csv" 2>>"$work/err" \
                || { echo "  spatialite failed"; exit 1; }
            t1=$(now)
            peer+=" $(secs "$t0" "$t1")"
        done
        p=$(median <<<"$peer")
        area_peer=$(awk -F, '{ s += $2 } END { printf "%.2f", s }' "$work/peer_$shape.csv")
        "$bin" check "$work/$shape.geojson" --db "$base" --json >"$work/ours_$shape.json" 2>/dev/null
        area_ours=$(python3 -c '
import json, sys
print("%.2f" % sum(row["area_m2"] for row in json.load(open(sys.argv[1]))["landuse"]))' \
            "$work/ours_$shape.json" 2>/dev/null || echo "?")
        ratio=$(awk -v a="$o" -v b="$p" 'BEGIN { printf "%.2f", a / b }')
        printf '  %-26s %9s  %-22s %9s %6s  %s\n' "check 1 site, $shape" "$o" "spatialite SQL by DLBM" \
            "$p" "$ratio" "$what; land use m²: ours $area_ours, peer $area_peer; load $load_before→$(load)"
    done
fi
