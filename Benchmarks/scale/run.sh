#!/usr/bin/env bash
# Case 6 (issue 17): transactions of 1 M instances × 10 k neurons from a streamed .npy in bounded
# memory. Makes the float32 file if missing (40 GB, seeded; not committed: BIG=path to place it),
# runs `backbones transactions --stream` and the NumPy peer (peer_stream.py) on it under
# /usr/bin/time, checks both write the same transactions, and writes
# Benchmarks/results/scale-stream.json: seconds, peak RSS, the ratio.
#   Benchmarks/scale/run.sh [ROWS NEURONS]    (default 1000000 10000; BACKBONES_BIN, BIG)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
py="$("$repo/paper-repro/venv.sh")"
rows="${1:-1000000}"; neurons="${2:-10000}"
big="${BIG:-/tmp/backbones-big-${rows}x${neurons}.npy}"
bin="${BACKBONES_BIN:-$repo/.build/release/backbones}"
[[ -x "$bin" ]] || (cd "$repo" && swift build -c release --product backbones >&2)
layers="$((neurons * 4 / 10)),$((neurons * 3 / 10)),$((neurons * 2 / 10)),$((neurons - neurons * 9 / 10))"
if [[ ! -f "$big" ]]; then
    echo "scale: writing $big ($rows × $neurons float32)" >&2
    "$py" "$here/make_big_npy.py" "$big" --rows "$rows" --neurons "$neurons"
fi
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
measure() {  # name, command…: seconds and peak RSS (KiB) from GNU time
    local name="$1"; shift
    /usr/bin/time -f "%e %M" -o "$work/$name.time" "$@" > "$work/$name.log" 2>&1 || { cat "$work/$name.log" >&2; exit 1; }
    read -r secs rss < "$work/$name.time"; echo "$secs $rss"
}
echo "scale: ours" >&2
read -r ours_s ours_kb < <(measure ours "$bin" transactions --activations "$big" --layers "$layers" --binarize reference --k 50 --stream --output "$work/ours.dat")
echo "scale: numpy peer" >&2
read -r peer_s peer_kb < <(measure peer "$py" "$here/peer_stream.py" "$big" --layers "$layers" --k 50 --output "$work/peer.dat")
same=$(cmp -s "$work/ours.dat" "$work/peer.dat" && echo true || echo false)
lines=$(wc -l < "$work/ours.dat")
"$py" - "$repo/Benchmarks/results/scale-stream.json" <<PY
import json, sys, platform, os
r = {"case": "scale-stream", "rows": $rows, "neurons": $neurons, "layers": "$layers", "rule": "reference k=50",
     "file_bytes": os.path.getsize("$big"), "transactions": $lines, "same_transactions": "$same" == "true",
     "ours": {"seconds": $ours_s, "peak_rss_mib": round($ours_kb / 1024, 1)},
     "numpy": {"seconds": $peer_s, "peak_rss_mib": round($peer_kb / 1024, 1)},
     "ratio_time": round($peer_s / max($ours_s, 1e-9), 2), "machine": platform.platform(), "cpus": os.cpu_count()}
open(sys.argv[1], "w").write(json.dumps(r, indent=1) + "\n")
print(json.dumps(r, indent=1))
PY
[[ "$same" == true ]] || { echo "scale: the transactions differ from the peer's" >&2; exit 1; }
