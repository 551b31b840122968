#!/usr/bin/env bash
# make bench: every benchmark, each run even when one before it failed (a failed cross-check
# in one must not hide the figures of the others); exits 1 if any failed.
#   bench/all_bench.sh PATH/TO/planlines
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bin=${1:?planlines binary}
failed=()
for script in run_bench.sh render_bench.sh sheet_bench.sh; do
    echo "== bench/$script"
    bash "$here/$script" "$bin" || failed+=("$script")
done
if ((${#failed[@]})); then
    echo "benchmarks that failed: ${failed[*]} (see their logs in bench/out/)"
    exit 1
fi
echo "all benchmarks ran"
