#!/usr/bin/env bash
# PlanLines benchmarks: time our hot paths on generated counties beside the same work done by
# the established tools (GDAL's ogrinfo/ogr2ogr, the SpatiaLite shell). Never part of the tests.
#
#   bench/run_bench.sh [PATH/TO/planlines]        (cmake --build build --target bench)
#
# Environment:
#   BENCH_SIZES       parcel counts, space or comma separated   (default "80000 1000000")
#   BENCH_RUNS        timed runs of each generation job         (default 3)
#   BENCH_INFO_RUNS   timed runs of each summary job            (default 5)
#   BENCH_OUT         where databases, logs and results go      (default bench/out)
#   BENCH_NO_INSTALL  1: do not call packaging/install-deps.sh --bench
#   BENCH_NO_PEERS    1: time only our program
#   BENCH_IMPORT      parcels of the GBK Shapefile import job, 0 to skip   (default 200000)
# Every figure is the median of its runs, in seconds of wall-clock time; ratio = ours / peer
# (below 1: we are faster). See bench/README.md.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(dirname "$here")
bin=${1:-$top/build/bin/planlines}
sizes=$(tr ',' ' ' <<<"${BENCH_SIZES:-80000 1000000}")
runs=${BENCH_RUNS:-3}
info_runs=${BENCH_INFO_RUNS:-5}
out=${BENCH_OUT:-$here/out}

die() { echo "run_bench: $*" >&2; exit 2; }
[[ -x $bin ]] || die "no planlines binary at '$bin' (build first, or pass its path)"
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
[[ $runs =~ ^[1-9][0-9]*$ && $info_runs =~ ^[1-9][0-9]*$ ]] \
    || die "BENCH_RUNS and BENCH_INFO_RUNS must be positive whole numbers"
for n in $sizes; do [[ $n =~ ^[0-9]+$ ]] || die "BENCH_SIZES: '$n' is not a parcel count"; done
mkdir -p "$out" || die "cannot create $out"

stamp=$(date +%Y-%m-%d_%H%M%S)
results=$out/results-$stamp.txt
log=$out/bench-$stamp.log
: >"$log"

# The peer tools, from Debian packages only. Offline or without root this may fail; the
# benchmark then times whatever peers are already installed and says which are missing.
if [[ ${BENCH_NO_INSTALL:-0} != 1 && ${BENCH_NO_PEERS:-0} != 1 ]]; then
    if ! "$top/packaging/install-deps.sh" --bench >>"$log" 2>&1; then
        echo "run_bench: install-deps.sh --bench failed (offline?); using the tools present" >&2
    fi
fi
have() { [[ ${BENCH_NO_PEERS:-0} != 1 ]] && command -v "$1" >/dev/null 2>&1; }

# ---- timing ---------------------------------------------------------------------------------

# run_timed CMD...: run once, output to the log; sets LAST_S (seconds) and LAST_RSS_MB.
LAST_S=0 LAST_RSS_MB=
run_timed() {
    local t0 t1 rc rssfile
    rssfile=$(mktemp)
    echo "+ $*" >>"$log"
    t0=$(date +%s%N)
    if [[ -x /usr/bin/time ]]; then
        /usr/bin/time -f %M -o "$rssfile" "$@" >>"$log" 2>&1
    else
        "$@" >>"$log" 2>&1
    fi
    rc=$?
    t1=$(date +%s%N)
    LAST_S=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
    LAST_RSS_MB=$(awk '/^[0-9]+$/ { printf "%.0f", $1 / 1024 }' "$rssfile" 2>/dev/null)
    rm -f "$rssfile"
    return $rc
}

median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END {
    if (NR == 0) exit 1
    if (NR % 2) printf "%.3f", v[(NR + 1) / 2]; else printf "%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# time_median RUNS WARMUP CMD...: prints "MEDIAN PEAK_RSS_MB", fails if any run fails.
# If BEFORE_EACH names files, they are deleted before every run, outside the timing.
BEFORE_EACH=()
time_median() {
    local n=$1 warm=$2 i times="" rss=0
    shift 2
    if [[ $warm == 1 ]]; then run_timed "$@" || return 1; fi
    for ((i = 0; i < n; i++)); do
        [[ ${#BEFORE_EACH[@]} -gt 0 ]] && rm -f "${BEFORE_EACH[@]}"
        run_timed "$@" || return 1
        times+=" $LAST_S"
        [[ -n $LAST_RSS_MB && $LAST_RSS_MB -gt $rss ]] && rss=$LAST_RSS_MB
    done
    echo "$(median <<<"$times") $rss"
}

# ---- the table ------------------------------------------------------------------------------

rows=()          # job|ours|peer|peer_s|note
failed=0
row() { rows+=("$1|$2|$3|$4|$5"); }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {
    if (a !~ /^[0-9.]+$/ || b !~ /^[0-9.]+$/ || b + 0 == 0) { print "—"; exit }
    printf "%.2f", a / b }'; }

print_table() {
    local r job ours peer ps note
    printf '%-32s %9s  %-27s %9s %6s  %s\n' "job" "ours (s)" "peer" "peer (s)" "ratio" "notes"
    printf '%s\n' "-------------------------------------------------------------------------------------------------------------"
    for r in "${rows[@]}"; do
        IFS='|' read -r job ours peer ps note <<<"$r"
        printf '%-32s %9s  %-27s %9s %6s  %s\n' "$job" "$ours" "$peer" "$ps" "$(ratio "$ours" "$ps")" "$note"
    done
}

# ---- the machine ----------------------------------------------------------------------------

machine() {
    local cpu mem os rev
    cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
    mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
    # shellcheck disable=SC1091
    os=$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME")
    rev=$(git -C "$top" rev-parse --short HEAD 2>/dev/null)
    [[ -n $rev && -n $(git -C "$top" status --porcelain -uno 2>/dev/null | head -1) ]] && rev+="+dirty"
    echo "date:      $(date '+%Y-%m-%d %H:%M:%S %z')"
    echo "machine:   $(nproc) CPUs (nproc), ${cpu:-unknown CPU}, $mem RAM, $os, $(uname -r)"
    echo "planlines: $("$bin" --version 2>/dev/null | head -1) ($bin, tree ${rev:-unknown})"
    if have ogrinfo; then echo "gdal:      $(ogrinfo --version)"; else echo "gdal:      not installed (gdal-bin): no GDAL peers"; fi
    if have spatialite; then
        echo "spatialite: $(spatialite -batch :memory: "SELECT 'SpatiaLite ' || spatialite_version() ||
            ', SQLite ' || sqlite_version() || ', GEOS ' || geos_version() ||
            ', PROJ ' || proj_version()" 2>/dev/null)"
    else
        echo "spatialite: not installed (spatialite-bin): no SpatiaLite peer"
    fi
    echo "runs:      generation median of $runs, summaries median of $info_runs after one warm-up"
}

# ---- peers' inputs --------------------------------------------------------------------------

# The SQL that computes what `planlines info` shows per layer: feature count and total area
# (polygons) or length (lines), straight from the layer tables.
summary_sql() {
    local db=$1 t g f sep=""
    while IFS='|' read -r t g; do
        case $g in
            *POLYGON*) f="ST_Area(geom)" ;;
            *LINESTRING*) f="ST_Length(geom)" ;;
            *) f="0" ;;
        esac
        printf '%sSELECT '\''%s'\'', count(*), printf('\''%%.2f'\'', coalesce(sum(%s), 0)) FROM "%s"\n' \
            "$sep" "$t" "$f" "${t//\"/\"\"}"
        sep="UNION ALL "
    done < <(sqlite3 -readonly -separator '|' "$db" \
                 "SELECT table_name, geometry_type FROM layers ORDER BY sort_order, id")
    echo ";"
}

# Compare our JSON with the SpatiaLite figures (table|count|sum): prints a one-line verdict.
check_against_spatialite() {
    local json=$1 peer=$2
    command -v python3 >/dev/null || { echo "not checked (no python3)"; return; }
    python3 - "$json" "$peer" <<'EOF'
import json, sys
ours = {l["table"]: l for l in json.load(open(sys.argv[1]))["layers"]}
bad = []
n = 0
for line in open(sys.argv[2], encoding="utf-8"):
    parts = line.strip().split("|")
    if len(parts) != 3 or parts[0] not in ours:
        continue
    n += 1
    t, count, total = parts[0], int(parts[1]), float(parts[2])
    o = ours[t]
    mine = o.get("length_m") or o["area_m2"]
    if o["count"] != count:
        bad.append(f"{t}: count {o['count']} vs {count}")
    if abs(mine - total) > max(0.02, 1e-9 * abs(total)):
        bad.append(f"{t}: {mine:.2f} vs {total:.2f}")
if n == 0:
    print("not checked (no layers matched)")
elif bad:
    print("MISMATCH " + "; ".join(bad[:4]))
else:
    print(f"agree on {n} layers")
EOF
}

# ---- the jobs -------------------------------------------------------------------------------

bench_size() {
    local n=$1 db r r2 ours size sql json peerout copy tables
    db=$out/sample_$n.sqlite
    echo "== $n parcels ==" >&2
    # Each run writes a new file: the old one is deleted first, untimed (--force is kept, so the
    # command is what staff type).
    BEFORE_EACH=("$db" "$db-wal" "$db-shm" "$db-journal")
    r=$(time_median "$runs" 0 "$bin" sample --out "$db" --parcels "$n" --force --quiet)
    local rc=$?
    BEFORE_EACH=()
    if [[ $rc != 0 ]]; then
        row "sample $n" "FAILED" "" "" "see $log"
        failed=1
        return
    fi
    ours=${r% *}
    size=$(stat -c %s "$db")
    [[ -f $db-wal ]] && size=$((size + $(stat -c %s "$db-wal")))
    size=$(awk -v b="$size" 'BEGIN { printf "%.1f", b / 1e6 }')

    # The generation has no direct peer; ogr2ogr writing the same layers into a new SpatiaLite
    # file (with spatial indexes) is the established tool's share of that work.
    if have ogr2ogr; then
        copy=$out/ogr2ogr_copy_$n.sqlite
        mapfile -t tables < <(sqlite3 -readonly "$db" "SELECT table_name FROM layers ORDER BY id")
        BEFORE_EACH=("$copy" "$copy-journal")
        r2=$(time_median "$runs" 0 ogr2ogr -f SQLite -dsco SPATIALITE=YES -gt 65536 \
                 "$copy" "$db" "${tables[@]}")
        rc=$?
        BEFORE_EACH=()
        if [[ $rc == 0 ]]; then
            row "sample $n (generate+write)" "$ours" "ogr2ogr copy of the layers" "${r2% *}" \
                "$size MB, peak ${r#* } MB"
        else
            row "sample $n (generate+write)" "$ours" "ogr2ogr copy (failed)" "" "$size MB, peak ${r#* } MB"
        fi
        rm -f "$copy"
    else
        row "sample $n (generate+write)" "$ours" "—" "" "$size MB, peak ${r#* } MB"
    fi

    json=$out/info_$n.json
    if ! r=$(time_median "$info_runs" 1 "$bin" info --db "$db" --json); then
        row "info $n --json" "FAILED" "" "" "see $log"
        failed=1
        return
    fi
    ours=${r% *}
    "$bin" info --db "$db" --json >"$json" 2>>"$log"

    local peers=0 note
    if have ogrinfo; then
        peers=1
        if r2=$(time_median "$info_runs" 1 ogrinfo -ro -so -al "$db"); then
            row "info $n --json" "$ours" "ogrinfo -ro -so -al" "${r2% *}" "peak ${r#* } MB"
        else
            row "info $n --json" "$ours" "ogrinfo (failed)" "" "see $log"
        fi
    fi
    if have spatialite && have sqlite3; then
        peers=1
        sql=$out/summary_$n.sql
        summary_sql "$db" >"$sql"
        peerout=$out/summary_$n.spatialite.txt
        if r2=$(time_median "$info_runs" 1 bash -c 'spatialite -batch -bail "$1" <"$2"' _ "$db" "$sql"); then
            spatialite -batch -bail "$db" <"$sql" >"$peerout" 2>>"$log"
            note="check: $(check_against_spatialite "$json" "$peerout")"
            [[ $note == *MISMATCH* ]] && failed=1
            row "info $n --json" "$ours" "spatialite count+area SQL" "${r2% *}" "$note"
        else
            row "info $n --json" "$ours" "spatialite (failed)" "" "see $log"
        fi
    fi
    [[ $peers == 0 ]] && row "info $n --json" "$ours" "—" "" "peak ${r#* } MB"
}

# Import of a GBK Shapefile without .cpg (as staff receive them) into a new project, with and
# without reprojection, beside ogr2ogr writing SpatiaLite with its spatial index.
bench_import() {
    local n=$1 src=$out/import_src.sqlite dir=$out/import r r2 ours
    have ogr2ogr || { row "import $n GBK shp" "—" "ogr2ogr (not installed)" "" ""; return; }
    rm -rf "$dir" && mkdir -p "$dir"
    "$bin" sample --out "$src" --parcels "$n" --force --quiet || { failed=1; return; }
    # Two sources: in the working CRS (EPSG:4548) and in CGCS2000 lon/lat (EPSG:4490).
    for crs in 4548 4490; do
        ogr2ogr -f "ESRI Shapefile" -lco ENCODING=CP936 -t_srs "EPSG:$crs" -nln "parcels_$crs" \
            "$dir/parcels_$crs.shp" "$src" landuse >>"$log" 2>&1 || { failed=1; return; }
        rm -f "$dir/parcels_$crs.cpg"
    done
    for crs in 4548 4490; do
        local what="import $n GBK shp"
        [[ $crs == 4490 ]] && what="$what +reproject"
        if r=$(time_median "$runs" 0 bash -c 'rm -f "$2"*; "$1" import "$3" --db "$2" --role landuse >/dev/null' \
                _ "$bin" "$dir/ours_$crs.sqlite" "$dir/parcels_$crs.shp"); then
            ours=${r% *}
        else
            row "$what" "failed" "" "" "see $log"; failed=1; continue
        fi
        if r2=$(time_median "$runs" 0 bash -c 'rm -f "$2"; ogr2ogr -f SQLite -dsco SPATIALITE=YES -gt 65536 \
                -oo ENCODING=CP936 -t_srs EPSG:4548 "$2" "$1"' _ "$dir/parcels_$crs.shp" "$dir/peer_$crs.sqlite"); then
            row "$what" "$ours" "ogr2ogr -gt 65536" "${r2% *}" "peak ${r#* } MB"
        else
            row "$what" "$ours" "ogr2ogr (failed)" "" "see $log"
        fi
    done
}

{
    echo "PlanLines benchmarks"
    machine
    echo
} | tee "$results"

for n in $sizes; do
    bench_size "$n"
done
[[ ${BENCH_IMPORT:-200000} != 0 ]] && bench_import "${BENCH_IMPORT:-200000}"

{
    print_table
    echo
    echo "ratio = ours / peer (below 1: PlanLines is faster). Sizes in MB of 10^6 bytes."
    echo "databases: $out/sample_N.sqlite   log: $log"
} | tee -a "$results"
# Site checks: one-site latency and batches beside SpatiaLite SQL (BENCH_CHECK=0 skips).
if [[ ${BENCH_CHECK:-1} != 0 ]] && have spatialite; then
    for n in $sizes; do
        [[ -f $out/sample_$n.sqlite ]] && "$here/check_bench.sh" "$bin" "$out/sample_$n.sqlite" \
            "$runs" | tee -a "$results"
    done
fi
echo "results written to $results"
exit $failed
