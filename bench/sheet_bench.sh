#!/usr/bin/env bash
# Map-sheet benchmark: an A3 landscape sheet of the whole county at 300 dpi, all parcels
# visible, as PDF and PNG by `planlines export`, beside QGIS 3.22's layout exporter producing
# its sheet of the same parcels (map, Chinese title, legend, scale bar, north arrow;
# ../shared/peers/qgis_layout_pdf.py) in the same run. Medians of SHEET_RUNS runs (default 3).
#
#   bench/sheet_bench.sh [planlines] [county.sqlite] [peers-dir]
#
# Two figures per job: the sheet alone (ours: drawing, encoding and writing, as the command
# prints it; QGIS: EXPORT_S, exportToPdf alone) and the whole process (start-up and loading
# included). ratio = ours / QGIS; the issue asks for at most 0.5 and a PDF no larger.
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(dirname "$here")
bin=${1:-$top/build/bin/planlines}
db=${2:-$top/build/sample/gaoqing.sqlite}
peers=${3:-$top/../shared/peers}
runs=${SHEET_RUNS:-3}
out=$(mktemp -d /tmp/sheet_bench.XXXXXX)
trap 'rm -rf "$out"' EXIT
[[ -x $bin && -f $db ]] || { echo "sheet_bench: need $bin and $db (build first)" >&2; exit 2; }

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
now() { date +%s.%N; }
declare -A sheet whole bytes
run_ours() { # NAME ARGS...: one run; appends the sheet time, whole time and size
    local name=$1 t0 t1 line
    shift
    t0=$(now)
    line=$("$bin" export --db "$db" --quiet "$@" 2>/dev/null) || { echo "sheet_bench: planlines export $* failed" >&2; exit 1; }
    t1=$(now)
    sheet[$name]+="$(sed -E 's/.*\(([0-9.]+) s;.*/\1/' <<<"$line") "
    whole[$name]+="$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }') "
    bytes[$name]=$(stat -c %s "${@: -1}" 2>/dev/null || true)
}
have_qgis=0
QT_QPA_PLATFORM=offscreen /usr/bin/python3 -c 'import qgis.core' 2>/dev/null && [[ -f $peers/qgis_layout_pdf.py ]] && have_qgis=1
for ((i = 0; i < runs; ++i)); do
    run_ours pdf --layers landuse --dpi 300 --out "$out/ours.pdf"
    run_ours png --layers landuse --dpi 300 --out "$out/ours.png"
    run_ours pdf_all --dpi 300 --out "$out/ours_all.pdf"
    run_ours png_all --dpi 300 --out "$out/ours_all.png"
    if ((have_qgis)); then
        t0=$(now)
        res=$(cd "$peers" && QT_QPA_PLATFORM=offscreen /usr/bin/python3 qgis_layout_pdf.py "$db" "$out/qgis.pdf" \
              --layer landuse --provider ogr --dpi 300 2>/dev/null)
        t1=$(now)
        sheet[qgis]+="$(sed -n 's/^EXPORT_S=//p' <<<"$res") "
        whole[qgis]+="$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }') "
        bytes[qgis]=$(sed -n 's/^PDF_BYTES=//p' <<<"$res")
    fi
done
m() { tr ' ' '\n' | grep . | median; }
q_sheet=$( ((have_qgis)) && m <<<"${sheet[qgis]}" || echo "")
q_whole=$( ((have_qgis)) && m <<<"${whole[qgis]}" || echo "")
ratio() { [[ -n $2 ]] && awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }' || echo "-"; }
echo "A3 landscape, 300 dpi, whole county: $db ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)), median of $runs"
printf '%-34s %9s %9s %9s  %7s %7s\n' job "sheet s" "whole s" "MB" "ratio" "ratio"
printf '%-34s %9s %9s %9s  %7s %7s\n' "" "" "" "" "sheet" "whole"
for job in pdf png pdf_all png_all; do
    s=$(m <<<"${sheet[$job]}"); w=$(m <<<"${whole[$job]}")
    case $job in
        pdf) label="planlines PDF, parcels only";; png) label="planlines PNG, parcels only";;
        pdf_all) label="planlines PDF, all default layers";; png_all) label="planlines PNG, all default layers";;
    esac
    printf '%-34s %9.2f %9.2f %9.2f  %7s %7s\n' "$label" "$s" "$w" "$(awk -v b="${bytes[$job]}" 'BEGIN { print b / 1e6 }')" \
        "$(ratio "$s" "$q_sheet")" "$(ratio "$w" "$q_whole")"
done
if ((have_qgis)); then
    printf '%-34s %9.2f %9.2f %9.2f\n' "QGIS layout exporter PDF (peer)" "$q_sheet" "$q_whole" \
        "$(awk -v b="${bytes[qgis]}" 'BEGIN { print b / 1e6 }')"
else
    echo "QGIS not installed (sudo packaging/install-deps.sh --bench): no peer figures"
fi
