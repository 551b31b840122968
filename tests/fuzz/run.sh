#!/usr/bin/env bash
# Runs every fuzz target of BUILD/fuzz/ for SECONDS each (the Makefile's `fuzz`), from its seed
# corpus tests/fuzz/corpus/<target>/ plus the inputs that once failed, into a working corpus
# BUILD/corpus/<target>/. A crash or an input over 5 s is saved to BUILD/artifacts/ and the target
# started again for the time left, so one finding does not end its run. Prints per target the
# executions, crashes, timeouts and slowest input (wall and CPU time), then the totals; exits 1 on any finding.
#   tests/fuzz/run.sh BUILD SECONDS [TARGET…]
set -uo pipefail

build=${1:?usage: run.sh BUILD SECONDS [TARGET…]}
seconds=${2:?usage: run.sh BUILD SECONDS [TARGET…]}
shift 2
here=$(cd "$(dirname "$0")" && pwd)
targets=("$@")
[[ ${#targets[@]} -eq 0 ]] && targets=(shapefile geojson kml gpkg dxf mapinfo csv boundary sitereader)
# Shared machine: leave the other people's work its share (FUZZ_NICE=0 to run at full speed).
nice_level=${FUZZ_NICE:-10}
# libFuzzer's timeout is wall-clock time: on a machine loaded by others (and at nice 10) an input
# of 2 s of CPU can pass 5 s. FUZZ_TIMEOUT raises it there; the slowest input is also reported
# in CPU time.
timeout=${FUZZ_TIMEOUT:-5}

# A smaller quarantine and shorter allocation stacks: a third of the system time and of the
# memory (GDAL, PROJ and SQLite allocate through ASan's allocator too), use-after-free still found.
export ASAN_OPTIONS=${ASAN_OPTIONS:-quarantine_size_mb=64:malloc_context_size=5}

mkdir -p "$build/artifacts" "$build/logs"
rows=()
total_execs=0 total_crashes=0 total_timeouts=0
for t in "${targets[@]}"; do
    bin="$build/fuzz/fuzz_$t"
    [[ -x $bin ]] || { echo "run.sh: $bin is missing (build fuzz_targets)" >&2; exit 2; }
    corpus="$build/corpus/$t"
    mkdir -p "$corpus"
    seeds=("$here/corpus/$t")
    [[ -d $here/regressions/$t ]] && seeds+=("$here/regressions/$t")
    execs=0 crashes=0 timeouts=0 slowest=0 slowest_cpu=0 run=0 last=
    end=$(($(date +%s) + seconds))
    while left=$((end - $(date +%s))); ((left > 0)); do
        run=$((run + 1))
        log="$build/logs/$t.$run.log"
        # -detect_leaks=0: GDAL's drivers keep caches that LeakSanitizer cannot tell from leaks
        # at the per-input check; the sanitizer build of `make sanitize` looks for leaks.
        nice -n "$nice_level" "$bin" "$corpus" "${seeds[@]}" -max_total_time="$left" -timeout="$timeout" \
            -rss_limit_mb=2048 -detect_leaks=0 -print_final_stats=1 \
            -artifact_prefix="$build/artifacts/$t-" >"$log" 2>&1
        rc=$?
        n=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
        execs=$((execs + ${n:-0}))
        stat=$(grep -o 'planlines-fuzz: [0-9]* inputs, slowest [0-9.]* ms wall, [0-9.]* ms' "$log" | tail -1)
        if [[ -n $stat ]]; then
            slowest=$(awk -v a="$(awk '{print $5}' <<<"$stat")" -v b="$slowest" 'BEGIN{print (a > b ? a : b)}')
            slowest_cpu=$(awk -v a="$(awk '{print $8}' <<<"$stat")" -v b="$slowest_cpu" 'BEGIN{print (a > b ? a : b)}')
        fi
        if ((rc != 0)); then
            if grep -q 'ERROR: libFuzzer: timeout' "$log"; then
                timeouts=$((timeouts + 1))
            else
                crashes=$((crashes + 1))
            fi
            echo "run.sh: $t: finding, see $log" >&2
            unit=$(grep -m1 -o "Test unit written to .*" "$log" | sed 's/Test unit written to //')
            echo "  $unit" >&2
            # The working corpus names inputs by their SHA-1, as the artifact is named: without
            # it the next start does not stop on the same input again. The same input twice (a
            # seed) ends this target's run.
            rm -f "$corpus/${unit##*-}"
            [[ -n $unit && $unit == "$last" ]] && break
            last=$unit
        fi
    done
    rows+=("$(printf '%-11s %12s %8s %9s %10s %10s' "$t" "$execs" "$crashes" "$timeouts" "$slowest" "$slowest_cpu")")
    total_execs=$((total_execs + execs))
    total_crashes=$((total_crashes + crashes))
    total_timeouts=$((total_timeouts + timeouts))
done

printf '%-11s %12s %8s %9s %10s %10s\n' target execs crashes timeouts "slowest ms" "(cpu ms)"
printf '%s\n' "${rows[@]}"
printf '%-11s %12s %8s %9s\n' total "$total_execs" "$total_crashes" "$total_timeouts"
((total_crashes + total_timeouts == 0))
