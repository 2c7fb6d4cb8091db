#!/usr/bin/env bash
# The heuristic miner against python-clired (PyPI, pinned; its own venv by venv.sh) on
# ExItNeRdoM's data: all 64 units of networks 111 and 112 as targets, the same equal-frequency
# discretization, time and best JS per target (heuristic.py). Writes
# Benchmarks/results/redescribe-heuristic.json, .csv and .md.
#   BACKBONES_BIN=.build/release/backbones Benchmarks/redescribe/heuristic.sh   # reuse a built binary
set -euo pipefail
cd "$(dirname "$0")/../.."
REF="${BACKBONES_REFERENCE:-../shared/reference}/exitnerdom"
BIN="${BACKBONES_BIN:-.build/release/backbones}"
if [ ! -x "$BIN" ]; then swift build -c release --static-swift-stdlib; fi
PY="$(Benchmarks/redescribe/venv.sh)"
export LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
"$PY" Benchmarks/redescribe/heuristic.py "$BIN" "$REF" Benchmarks/results/redescribe-heuristic
