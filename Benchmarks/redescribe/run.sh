#!/usr/bin/env bash
# Exact mode against ExItNeRdoM on their published data (docs/redescriptions.md):
# every single-interval W1R target (network 111) of their Settings1 "individual" files,
# our certified best conjunction of ≤ 2 intervals on network 112 (MinSupport 10, CBC, 2 threads)
# beside their best JS; then an independent check (check.py: every pair of units, every pair of
# intervals, in NumPy) of every certified JS. Writes Benchmarks/results/redescribe.json and
# Benchmarks/results/redescribe.md.
#   BACKBONES_BIN=.build/release/backbones Benchmarks/redescribe/run.sh   # reuse a built binary
set -euo pipefail
cd "$(dirname "$0")/../.."
REF="${BACKBONES_REFERENCE:-../shared/reference}/exitnerdom"
BIN="${BACKBONES_BIN:-.build/release/backbones}"
if [ ! -x "$BIN" ]; then swift build -c release --static-swift-stdlib; fi
args=()
for f in "$REF"/rr/Settings1/*"MW trainedwdbc"*.rr; do args+=(--their "$f"); done
export LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
"$BIN" redescribe --left "$REF/arff/mlp-s-111.arff" --right "$REF/arff/mlp-s-112.arff" "${args[@]}" \
    --max-literals 2 --min-support 10 --solver cbc --threads 2 --output Benchmarks/results/redescribe.json > /dev/null
PY=python3
[ -x paper-repro/.venv/bin/python ] && PY=paper-repro/.venv/bin/python
"$PY" Benchmarks/redescribe/check.py Benchmarks/results/redescribe.json "$REF" Benchmarks/results/redescribe.md
