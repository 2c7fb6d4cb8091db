#!/usr/bin/env bash
# Speed of `backbones units` (issue 12): rules for 10,000 transactions (target < 1 s) and the
# ablation of 100 random sets per class on digits and MNIST-5k fold 0. A few minutes.
#
#   Benchmarks/units/run.sh [--repeats N]
#
# 1. makes/reuses the pinned venv (paper-repro/venv.sh)
# 2. builds the tool in release into .build-bench/ (as the other benchmarks do);
#    BACKBONES_BIN=path reuses a binary instead
# 3. runs bench.py: prints the figures, writes Benchmarks/results/units.json
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$repo"

py="$("$repo/paper-repro/venv.sh")"
bin="${BACKBONES_BIN:-$repo/.build-bench/release/backbones}"
if [[ -z "${BACKBONES_BIN:-}" ]]; then
    swift build -c release --static-swift-stdlib --scratch-path "$repo/.build-bench" --product backbones >&2
fi
exec "$py" "$here/bench.py" --backbones "$bin" "$@"
