#!/usr/bin/env bash
# Render benchmarks: `planlines render` of the land-use parcels at 1920×1080 (full extent and
# 1/16 of it) beside QGIS 3.22's parallel render job of the same layer and style
# (../shared/peers/qgis_render.py, or $QGIS_RENDER_PY), and the map window's pan frames and
# start-up (planlines_panbench). Never part of the tests. See bench/README.md.
#
#   bench/render_bench.sh [PATH/TO/planlines]
#
# Environment:
#   BENCH_RENDER_SIZES  parcel counts                              (default "200000 1000000")
#   BENCH_RUNS          timed runs of each job, median reported    (default 3)
#   BENCH_OUT           databases, logs and results                (default bench/out)
#   BENCH_NO_PEERS      1: time only our program
#   QGIS_RENDER_PY      the peer script       (default ../shared/peers/qgis_render.py if present)
#   PANBENCH            the pan/start-up program (default: planlines_panbench beside planlines)
#   BENCH_STARTUP_RUNS  start-ups of the window on the sample county, median reported (default 5)
#   BENCH_SAMPLE_DB     the county of the start-up figure   (default build/sample/gaoqing.sqlite)
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(dirname "$here")
bin=${1:-$top/build/bin/planlines}
sizes=$(tr ',' ' ' <<<"${BENCH_RENDER_SIZES:-200000 1000000}")
runs=${BENCH_RUNS:-3}
out=${BENCH_OUT:-$here/out}
peer=${QGIS_RENDER_PY:-}
for p in "$top/../shared/peers/qgis_render.py" /work/wt/shared/peers/qgis_render.py; do
    [[ -z $peer && -f $p ]] && peer=$p
done
panbench=${PANBENCH:-$(dirname "$bin")/planlines_panbench}

die() { echo "render_bench: $*" >&2; exit 2; }
[[ -x $bin ]] || die "no planlines binary at '$bin' (build first, or pass its path)"
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "BENCH_RUNS must be a positive whole number"
mkdir -p "$out" || die "cannot create $out"
stamp=$(date +%Y-%m-%d_%H%M%S)
results=$out/render-results-$stamp.txt
log=$out/render-bench-$stamp.log
: >"$log"
have_peer() {
    [[ ${BENCH_NO_PEERS:-0} != 1 && -f $peer ]] && command -v ogr2ogr >/dev/null &&
        /usr/bin/python3 -c 'import qgis.core' 2>/dev/null
}

median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "—"; exit }
    if (NR % 2) printf "%.3f", v[(NR + 1) / 2]; else printf "%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {
    if (a !~ /^[0-9.]+$/ || b !~ /^[0-9.]+$/ || b + 0 == 0) { print "—"; exit }
    printf "%.3f", a / b }'; }
# field KEY FILE: the value of KEY=… in FILE
field() { sed -n "s/^$1=//p" "$2" | tail -1; }

# The peer's style (../shared/peers/qgis_common.py: seven DLBM classes, #505050 outlines of
# 0.05 mm at every scale, nothing for other codes) as our landuse.json, over the built-in styles.
style_dir=$out/render-styles
mkdir -p "$style_dir"
cp "$top"/layers/styles/*.json "$style_dir"/
cat >"$style_dir/landuse.json" <<'JSON'
{
    "role": "landuse",
    "description": "The QGIS peer's style (bench/render_bench.sh), not the program's.",
    "group": "base",
    "drawOrder": 10,
    "visible": true,
    "symbol": {"fill": null, "outline": null},
    "categoryField": ["DLBM"],
    "categories": [
        {"value": "0101", "label": "水田", "fill": "#a6cee3", "outline": "#505050", "outlineWidthMm": 0.05},
        {"value": "0102", "label": "水浇地", "fill": "#f5e98c", "outline": "#505050", "outlineWidthMm": 0.05},
        {"value": "0103", "label": "旱地", "fill": "#f2c46d", "outline": "#505050", "outlineWidthMm": 0.05},
        {"value": "0201", "label": "果园", "fill": "#b2df8a", "outline": "#505050", "outlineWidthMm": 0.05},
        {"value": "0301", "label": "乔木林地", "fill": "#33a02c", "outline": "#505050", "outlineWidthMm": 0.05},
        {"value": "1104", "label": "坑塘水面", "fill": "#1f78b4", "outline": "#505050", "outlineWidthMm": 0.05},
        {"value": "203", "label": "村庄", "fill": "#e3757a", "outline": "#505050", "outlineWidthMm": 0.05}
    ],
    "label": null
}
JSON

rows=()
row() { rows+=("$1|$2|$3|$4"); }   # job|ours|peer|note
declare -A full_ours full_peer      # full-extent render medians by parcel count, for the targets

# run_ours OUTFILE ARGS…: one timed render; sets R_RENDER, R_LOAD, R_WALL, R_RSS_MB
run_ours() {
    local o=$1 t0 t1
    shift
    echo "+ $bin render $*" >>"$log"
    t0=$(date +%s%N)
    /usr/bin/time -f 'RSS_KB=%M' -o "$o.time" "$bin" render "$@" --timing >"$o" 2>>"$log" || return 1
    t1=$(date +%s%N)
    cat "$o" "$o.time" >>"$log"
    R_RENDER=$(field RENDER_S "$o")
    R_LOAD=$(field LOAD_S "$o")
    R_WALL=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
    R_RSS_MB=$(awk -F= '/RSS_KB/ { printf "%.0f", $2 / 1024 }' "$o.time")
}

bench_render() {
    local n=$1 db=$out/render-$n.sqlite pdb=$out/render-$n-qgis.sqlite ext
    echo "== render, $n parcels ==" >&2
    if [[ ! -f $db ]]; then
        "$bin" sample --out "$db" --parcels "$n" --quiet >>"$log" 2>&1 || { row "render $n" FAILED "" "sample failed, see $log"; return; }
    fi
    # The parcel layer's own extent, as QGIS frames it (not the townships').
    ext=$(sqlite3 -readonly "$db" "SELECT printf('%.3f,%.3f,%.3f,%.3f', min(xmin), min(ymin), max(xmax), max(ymax)) FROM idx_landuse_geom")
    [[ $ext =~ ^[0-9.,-]+$ ]] || { row "render $n" FAILED "" "no extent of landuse in $db"; return; }
    local peer_ok=0
    if have_peer; then
        if [[ ! -f $pdb ]]; then
            ogr2ogr -f SQLite -dsco SPATIALITE=YES -lco GEOMETRY_NAME=GEOMETRY -gt 65536 -nln parcels "$pdb" "$db" landuse >>"$log" 2>&1 && peer_ok=1
        else
            peer_ok=1
        fi
    fi
    local zoom
    for zoom in 1 4; do
        local e=$ext what="full extent"
        if [[ $zoom != 1 ]]; then
            e=$(awk -F, -v k="$zoom" '{ cx = ($1 + $3) / 2; cy = ($2 + $4) / 2; hw = ($3 - $1) / (2 * k); hh = ($4 - $2) / (2 * k)
                printf "%.3f,%.3f,%.3f,%.3f", cx - hw, cy - hh, cx + hw, cy + hh }' <<<"$ext")
            what="1/$((zoom * zoom)) extent"
        fi
        local i rr="" ww="" ll="" rss=0 pr="" ps="" pl=""
        for ((i = 0; i < runs; i++)); do
            run_ours "$out/render-$n-$zoom.txt" --db "$db" --out "$out/render-$n-$zoom.png" --size 1920x1080 \
                --extent "$e" --layers landuse --styles "$style_dir" --min-line-width 0 \
                || { row "render $n $what" FAILED "" "see $log"; continue 2; }
            rr+=" $R_RENDER" ww+=" $R_WALL" ll+=" $R_LOAD"
            ((R_RSS_MB > rss)) && rss=$R_RSS_MB
            if [[ $peer_ok == 1 ]]; then
                local po=$out/render-$n-$zoom-qgis.txt
                echo "+ qgis_render.py $pdb --zoom $zoom" >>"$log"
                if (cd "$(dirname "$peer")" && QT_QPA_PLATFORM=offscreen /usr/bin/python3 "$peer" "$pdb" \
                        "$out/render-$n-$zoom-qgis.png" --zoom "$zoom" --size 1920x1080) >"$po" 2>>"$log"; then
                    cat "$po" >>"$log"
                    pr+=" $(field RENDER_S "$po")" ps+=" $(field SCRIPT_S "$po")" pl+=" $(field LOAD_S "$po")"
                fi
            fi
        done
        if [[ $zoom == 1 ]]; then
            full_ours[$n]=$(median <<<"$rr") full_peer[$n]=$(median <<<"$pr")
        fi
        row "render $n $what: render" "$(median <<<"$rr")" "$(median <<<"$pr")" \
            "ours: drawing from memory; QGIS: its parallel render job, reading included"
        row "render $n $what: load+render" \
            "$(awk -v a="$(median <<<"$ll")" -v b="$(median <<<"$rr")" 'BEGIN { printf "%.3f", a + b }')" \
            "$(awk -v a="$(median <<<"$pl")" -v b="$(median <<<"$pr")" 'BEGIN { if (a ~ /[0-9]/ && b ~ /[0-9]/) printf "%.3f", a + b; else print "—" }')" \
            "ours: read $n parcels into memory + draw; QGIS: open layer + render job"
        row "render $n $what: whole process" "$(median <<<"$ww")" "$(median <<<"$ps")" \
            "start to exit, PNG written; our peak RSS $rss MB"
    done
}

for n in $sizes; do
    [[ $n =~ ^[0-9]+$ ]] || die "BENCH_RENDER_SIZES: '$n' is not a parcel count"
    bench_render "$n"
done

{
    echo "PlanLines render benchmarks, $(date '+%Y-%m-%d %H:%M:%S %z')"
    echo "machine: $(nproc) CPUs, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)," \
        "tree $(git -C "$top" rev-parse --short HEAD 2>/dev/null)"
    echo "load (uptime): $(uptime | sed 's/.*load average: //')"
    echo "1920x1080, landuse only, the QGIS peer's style; medians of $runs runs; ratio = ours / QGIS"
    printf '%-46s %9s %9s %7s  %s\n' job "ours (s)" "QGIS (s)" ratio notes
    for r in "${rows[@]}"; do
        IFS='|' read -r job ours q note <<<"$r"
        printf '%-46s %9s %9s %7s  %s\n' "$job" "$ours" "$q" "$(ratio "$ours" "$q")" "$note"
    done
} | tee "$results"

# The window: pan frames over the largest county, start-up on the sample county (median).
pan_p95=— pan_cpu=— rss_big=— startup=— big=$(for n in $sizes; do echo "$n"; done | sort -n | tail -1)
sample_db=${BENCH_SAMPLE_DB:-$top/build/sample/gaoqing.sqlite}
startup_runs=${BENCH_STARTUP_RUNS:-5}
[[ $startup_runs =~ ^[1-9][0-9]*$ ]] || die "BENCH_STARTUP_RUNS must be a positive whole number"
if [[ -x $panbench ]]; then
    echo | tee -a "$results"
    pan=$out/panbench-$big.txt
    if [[ -f $out/render-$big.sqlite ]] &&
        QT_QPA_PLATFORM=offscreen "$panbench" --db "$out/render-$big.sqlite" --frames 120 >"$pan" 2>>"$log"; then
        grep -v '=' "$pan" | tee -a "$results"
        pan_p95=$(field PAN_P95_MS "$pan") pan_cpu=$(field PAN_CPU_P95_MS "$pan") rss_big=$(field RSS_MB "$pan")
    else
        echo "pan frames over $big parcels: FAILED, see $log" | tee -a "$results"
    fi
    if [[ -f $sample_db ]]; then
        ss=""
        for ((i = 0; i < startup_runs; i++)); do
            QT_QPA_PLATFORM=offscreen "$panbench" --db "$sample_db" --frames 0 >"$out/startup.txt" 2>>"$log" &&
                ss+=" $(field STARTUP_S "$out/startup.txt")"
        done
        startup=$(median <<<"$ss")
        echo "start-up to the first complete frame of $sample_db: median $startup s of$ss s" | tee -a "$results"
    fi
else
    echo "(no $panbench: build the target planlines_panbench for pan frames and start-up)" | tee -a "$results"
fi

# The issue's targets, each with our figure and whether it is met.
target() { # what figure limit unit: met when figure <= limit
    local verdict
    verdict=$(awk -v a="$2" -v b="$3" 'BEGIN { if (a !~ /^[0-9.]+$/) print "not measured"; else if (a + 0 <= b + 0) print "met"; else print "NOT met" }')
    printf '%-52s %10s %10s  %s\n' "$1" "$2" "$4 $3" "$verdict"
}
{
    echo
    echo "targets (issue 4)                                        figure      limit"
    for n in $sizes; do
        target "full-extent render $n, ratio to QGIS" "$(ratio "${full_ours[$n]:-}" "${full_peer[$n]:-}")" 0.2 "≤"
    done
    target "pan/zoom frame p95 over $big parcels (ms, wall)" "$pan_p95" 16.7 "<"
    target "  the same in GUI-thread CPU time (ms)" "$pan_cpu" 16.7 "<"
    target "start-up to first complete frame, sample county (s)" "$startup" 1 "<"
    target "memory with $big parcels loaded, window (MB)" "$rss_big" 1024 "<"
} | tee -a "$results"
echo "results written to $results"
