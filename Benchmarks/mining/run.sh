#!/usr/bin/env bash
# Mining benchmark: `backbones mine` vs pyfim vs mlxtend on the digit transactions.
#
#   Benchmarks/mining/run.sh [--quick] [more bench.py options, see bench.py --help]
#
# 1. makes/reuses the pinned venv (paper-repro/venv.sh; one venv for paper-repro and Benchmarks)
# 2. builds the Swift tool in release into .build-bench/ (own scratch folder; Swift runtime
#    linked statically, as Benchmarks/run.sh and `make build` do, so the two share one build)
# 3. writes the FIMI files under Benchmarks/data/digits/ from data/digits/ (prepare.py)
# 4. runs every case (bench.py) and writes Benchmarks/results/mining.json and mining.md
# If the Swift build fails, or the binary has no `mine` command, the Python contenders still
# run and the report says that ours was not available. Full run ≈ 15-25 min; --quick ≈ 2 min.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$repo"

py="$("$repo/paper-repro/venv.sh")"
echo "python: $py" >&2

bin="$repo/.build-bench/release/backbones"
ours=()
if [[ "${SKIP_BUILD:-0}" == 1 ]]; then
    echo "SKIP_BUILD=1: using the existing $bin" >&2
elif ! swift build -c release --static-swift-stdlib --scratch-path "$repo/.build-bench" --product backbones >&2; then
    echo "run.sh: the Swift build failed: benchmarking the Python contenders only" >&2
    bin=""
fi
if [[ -n "$bin" && -x "$bin" ]] && "$bin" mine --help >/dev/null 2>&1; then
    ours=(--backbones "$bin")
else
    echo "run.sh: no usable 'backbones mine': benchmarking the Python contenders only" >&2
fi

"$py" "$here/prepare.py" >&2
exec "$py" "$here/bench.py" "${ours[@]}" "$@"
