#!/usr/bin/env bash
# The CNN track end to end (paper-repro/cnn/README.md):
#
#   paper-repro/cnn/run.sh            # units runs + comparison on the committed exports
#   paper-repro/cnn/run.sh --train    # first retrain and re-export (about 3 minutes on 2 cores)
#
# BACKBONES_BIN selects the backbones binary (default: the release build, `make build`).
# Writes results/patches/ and results/relevance/ (backbones units) and results/comparison.json
# and comparison.md (analyze.py). Not part of `make test`.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="${BACKBONES_BIN:-$root/.build/release/backbones}"
py="$("$here/venv.sh")"
cd "$root"  # relative paths in the reports
E=paper-repro/cnn/export
R=paper-repro/cnn/results
if [[ "${1:-}" == "--train" || ! -f "$E/network.npz" ]]; then
    "$py" paper-repro/cnn/cnn_track.py --output "$E"
fi
# The authors' transactions: per Grad-CAM patch, its 5 channels of highest patch-summed activation
"$bin" units --network "$E/network.npz" --scores "$E/patches_train.csv" --test "$E/test.npz" \
    --k 5 --draws 1000 --seed 1 --output "$R/patches"
# the same transactions with the exact sets beside the rules: exact backbones (cover model) and
# exact class-specific sets (at most ε = 0 of the other classes' transactions covered), K = 5…10
"$bin" units --network "$E/network.npz" --scores "$E/patches_train.csv" --test "$E/test.npz" \
    --k 5 --draws 1000 --seed 1 --exact --output "$R/patches-exact"
# k = 3 and 10 (theirs: 5, 10, 25 of 512 channels)
for k in 3 10; do
    "$bin" units --network "$E/network.npz" --scores "$E/patches_train.csv" --test "$E/test.npz" \
        --k $k --draws 1000 --seed 1 --output "$R/patches-k$k"
done
# the same with their notebook's confidence (label-agnostic, unit 0 never in an antecedent)
"$bin" units --network "$E/network.npz" --scores "$E/patches_train.csv" --test "$E/test.npz" \
    --k 5 --draws 1000 --seed 1 --confidence authors --output "$R/patches-authors"
# Swift's own: per image, the 5 GAP channels of highest gradient x activation; and the SDM 2024 heuristic
"$bin" units --network "$E/network.npz" --activations "$E/train.npz" --test "$E/test.npz" \
    --k 5 --draws 1000 --seed 1 --heuristic --output "$R/relevance"
"$py" paper-repro/cnn/analyze.py | tee "$R/comparison.md"
