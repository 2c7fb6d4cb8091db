#!/usr/bin/env bash
# Redescriptions on the toolkit's own networks (paper-repro/REDESCRIPTIONS.md): the digits MLP
# (64-32-16, data/digits/test.csv, 450 rows, committed) and the breast-cancer MLP (256-32,
# paper-repro/work/breast_cancer/fold0/train.csv, 512 rows, made by `make repro`):
# activations against labels (exact, then the heuristic proved by the exact search) and
# layer against layer (the heuristic, every unit a target). Views are columns of one CSV
# (--left-columns/--right-columns); layer against layer keeps 20 % of the rows outside the union
# (--min-uncovered; their MaxSupport is 80 % of the rows). Writes Benchmarks/results/redescribe-networks/*.json, *.rr, *.txt.
#   BACKBONES_BIN=.build/release/backbones Benchmarks/redescribe/networks.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN="${BACKBONES_BIN:-.build/release/backbones}"
if [ ! -x "$BIN" ]; then swift build -c release --static-swift-stdlib; fi
OUT=Benchmarks/results/redescribe-networks
mkdir -p "$OUT"
run() {   # name, then the arguments of `backbones redescribe`
    local name="$1"; shift
    echo "== $name" >&2
    "$BIN" redescribe "$@" --threads 2 --time-limit 60 --output "$OUT/$name.json" --rr "$OUT/$name.rr" > "$OUT/$name.txt"
}
D=data/digits/test.csv
labels=(); for k in 0 1 2 3 4 5 6 7 8 9; do labels+=(--target "label >= $k <= $k"); done
run digits-labels-layer3-exact --left $D --right $D --left-columns label --right-columns n96..n111 "${labels[@]}" --max-literals 2 --min-support 10
run digits-labels-layer3-heuristic --left $D --right $D --left-columns label --right-columns n96..n111 "${labels[@]}" \
    --heuristic --prove --max-literals 2 --min-support 10
run digits-labels-layer2-exact --left $D --right $D --left-columns label --right-columns n64..n95 "${labels[@]}" --max-literals 2 --min-support 10
run digits-layer3-layer2-heuristic --left $D --right $D --left-columns n96..n111 --right-columns n64..n95 \
    --heuristic --target-bins equal-frequency --max-literals 3 --min-support 10 --min-uncovered 90 --max-p-value 0.01
B=paper-repro/work/breast_cancer/fold0/train.csv
if [ -f "$B" ]; then
    both=(--target "label >= 0 <= 0" --target "label >= 1 <= 1")
    run breast-labels-layer2-exact --left $B --right $B --left-columns label --right-columns n256..n287 "${both[@]}" --max-literals 2 --min-support 10
    run breast-labels-layer2-heuristic --left $B --right $B --left-columns label --right-columns n256..n287 "${both[@]}" \
        --heuristic --prove --max-literals 2 --min-support 10
    run breast-layer2-layer1-heuristic --left $B --right $B --left-columns n256..n287 --right-columns n0..n255 \
        --heuristic --target-bins equal-frequency --max-literals 3 --min-support 10 --min-uncovered 102 --max-p-value 0.01
else
    echo "skipped breast cancer: $B is missing (make repro makes it)" >&2
fi
