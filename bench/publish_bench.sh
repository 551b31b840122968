#!/usr/bin/env bash
# Publishing benchmark (issue 17): `planlines publish` of a whole county project onto a local
# PostgreSQL/PostGIS server, whole process, beside `ogr2ogr -f PostgreSQL` copying the same
# layer tables (every kept version's) from the same file into the same server. Each run gets a
# fresh database (from the PostGIS template); the server is a throwaway cluster started here
# (tests/pgcluster/pgcluster.sh: a unix socket, fsync off, the same for both tools).
#
#   bench/publish_bench.sh PATH/TO/planlines [DB] [RUNS=3]
#
# DB: a project file; without it, `planlines sample --parcels $BENCH_PARCELS` (default
# 1000000, the million-parcel county of bench/README.md) is generated first (minutes). Medians
# of RUNS; ratio = ours / peer (the issue's target: at most 1). What ours does beyond the peer:
# one transaction for everything, the registry, fields, versions, overlapping pairs, records and
# audit rows, and (as ogr2ogr also does) a GiST index per table. The cross-check: features per
# table in the server after each tool. The machine may be shared: each row gives the load.
set -uo pipefail

bin=${1:?planlines binary}
db=${2:-}
runs=${3:-3}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/publish_bench.XXXXXX")
state="$work/pg"
cleanup() {
    "$here/../tests/pgcluster/pgcluster.sh" stop "$state" >/dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT

# shellcheck source=bench/timing.sh
source "$here/timing.sh"

for tool in sqlite3 ogr2ogr psql; do
    command -v $tool >/dev/null || { echo "publish_bench: $tool is missing"; exit 1; }
done
if [[ -z $db ]]; then
    db="$work/county.sqlite"
    parcels=${BENCH_PARCELS:-1000000}
    echo "generating a county of $parcels parcels …"
    "$bin" sample --quiet --out "$db" --parcels "$parcels" >"$work/sample.log" 2>&1 ||
        { cat "$work/sample.log"; exit 1; }
fi
eval "$("$here/../tests/pgcluster/pgcluster.sh" start "$state")" || exit 1
sock=$(sed -n 's/^PGCLUSTER_DIR=//p' "$state/pg.env")
psql_() { psql -X -q -v ON_ERROR_STOP=1 -h "$sock" -U postgres "$@"; }
fresh() { psql_ -d postgres -c "DROP DATABASE IF EXISTS bench WITH (FORCE)" \
              -c "CREATE DATABASE bench TEMPLATE planlines_template"; }
uri="postgresql:///bench?host=$sock&user=postgres"

tables=$(sqlite3 "$db" "SELECT table_name FROM layer_versions UNION SELECT table_name FROM layers")
features=$(sqlite3 "$db" "SELECT sum(feature_count) FROM layer_versions")
echo "publish of $(basename "$db"): $(echo $tables | wc -w) layer tables, $features features," \
    "$(du -m "$db" | cut -f1) MB, $runs runs, $(nproc) cores, load $(load)"

ours=() peer=()
for ((i = 1; i <= runs; i++)); do
    fresh
    t0=$(now)
    "$bin" publish "$db" --to "$uri" >"$work/publish.log" 2>&1 || { cat "$work/publish.log"; exit 1; }
    t1=$(now)
    ours+=("$(secs "$t0" "$t1")")
    got=$(psql_ -d bench -At -c "SELECT sum(feature_count) FROM layer_versions")

    fresh
    t0=$(now)
    # shellcheck disable=SC2086 # the table names are plain identifiers
    ogr2ogr -f PostgreSQL "PG:host=$sock dbname=bench user=postgres" "$db" $tables \
        -lco GEOMETRY_NAME=geom -lco FID=fid -lco SPATIAL_INDEX=GIST -gt 65536 \
        >"$work/ogr.log" 2>&1 || { cat "$work/ogr.log"; exit 1; }
    t1=$(now)
    peer+=("$(secs "$t0" "$t1")")
    peergot=0
    for t in $tables; do
        n=$(psql_ -d bench -At -c "SELECT count(*) FROM \"$t\"")
        peergot=$((peergot + n))
    done
    echo "  run $i: ours ${ours[-1]} s ($got features), ogr2ogr ${peer[-1]} s ($peergot features), load $(load)"
done
mo=$(echo "${ours[*]}" | median)
mp=$(echo "${peer[*]}" | median)
printf '%-34s %9s  %-30s %9s  %6s\n' job "ours (s)" peer "peer (s)" ratio
printf '%-34s %9s  %-30s %9s  %6s\n' "publish $features features" "$mo" \
    "ogr2ogr -f PostgreSQL" "$mp" "$(awk -v a="$mo" -v b="$mp" 'BEGIN { printf "%.2f", a / b }')"
