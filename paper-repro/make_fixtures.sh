#!/usr/bin/env bash
# Small real inputs the tests use, cut from the k-fold exports (paper-repro/README.md,
# "Test fixtures"). Deterministic: the exports are (fixed seeds), and so is `transactions`.
#
#   paper-repro/make_fixtures.sh [BIN]     BIN: the backbones binary (default .build/release/backbones)
#
# Writes data/fixtures/mnist5k-fold0-correct-2.dat: the authors' transactions (k = 50,
# weighted by the network's outgoing weights) of the correctly predicted training rows of
# class 2 in MNIST-5k fold 0 (80-60-40-30-20): the group of the exact-fronts issue.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
bin="${1:-$root/.build/release/backbones}"
fold="$root/paper-repro/work/mnist5k/fold0"
if [[ ! -f "$fold/train.csv" ]]; then
    py="$("$here/venv.sh")"
    "$py" "$here/train_folds.py" --case mnist5k
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$bin" transactions --activations "$fold/train.csv" --network "$fold/network.npz" --groups correct --output "$tmp" >/dev/null
mkdir -p "$root/data/fixtures"
cp "$tmp/correct-2.dat" "$root/data/fixtures/mnist5k-fold0-correct-2.dat.tmp"
mv "$root/data/fixtures/mnist5k-fold0-correct-2.dat.tmp" "$root/data/fixtures/mnist5k-fold0-correct-2.dat"
echo "wrote data/fixtures/mnist5k-fold0-correct-2.dat ($(wc -l < "$root/data/fixtures/mnist5k-fold0-correct-2.dat") transactions)"
