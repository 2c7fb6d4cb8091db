"""Digit transactions the authors' way, as FIMI files for the mining benchmark.

    python Benchmarks/mining/prepare.py [--data data/digits] [--out Benchmarks/data/digits]

Reads data/digits/train.csv and weights.csv (made by paper-repro/make_digits.py) and writes

  classC.fimi   the correctly predicted training instances of digit C (C = 0..9)
  all.fimi      all training instances (every row of train.csv, misclassified included)
  prepare.json  how many transactions each file holds, k, items per layer

One line per instance in train.csv order: the ids (0..111) of its activated neurons,
ascending, space-separated. Binarization (authors' `reference` rule, DESIGN.md): multiply
each activation by its neuron weight, then in each layer l keep the floor(k * w_l / n)
highest neurons, k = 50; ties go to the lower neuron index. Layers 64, 32, 16 of n = 112
give 28 + 14 + 7 = 49 items per transaction.
"""

import argparse
import csv
import json
from pathlib import Path

K = 50
WIDTHS = (64, 32, 16)


def top_items(weighted, widths=WIDTHS, k=K):
    """Per layer the floor(k*w/n) largest weighted activations; ties to the lower index."""
    n = sum(widths)
    items, start = [], 0
    for w in widths:
        keep = (k * w) // n
        layer = range(start, start + w)
        # sort key (-value, index): larger first, equal values by ascending neuron index
        chosen = sorted(layer, key=lambda i: (-weighted[i], i))[:keep]
        items.extend(sorted(chosen))
        start += w
    return items


def main():
    repo = Path(__file__).resolve().parents[2]
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=repo / "data" / "digits")
    ap.add_argument("--out", type=Path, default=repo / "Benchmarks" / "data" / "digits")
    args = ap.parse_args()

    with open(args.data / "weights.csv") as f:
        weights = [float(v) for v in f.read().strip().split(",")]
    n = sum(WIDTHS)
    assert len(weights) == n, f"weights.csv has {len(weights)} values, expected {n}"

    rows = []  # (label, predicted, items)
    with open(args.data / "train.csv", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        assert header[:2] == ["label", "predicted"] and len(header) == n + 2
        for r in reader:
            acts = [float(v) for v in r[2:]]
            weighted = [a * w for a, w in zip(acts, weights)]
            rows.append((int(r[0]), int(r[1]), top_items(weighted)))

    args.out.mkdir(parents=True, exist_ok=True)
    per_layer = [(K * w) // n for w in WIDTHS]
    info = {"source": str(args.data), "k": K, "layer_widths": list(WIDTHS),
            "items_per_layer": per_layer, "items_per_transaction": sum(per_layer), "files": {}}

    def write(name, selected):
        lines = "".join(" ".join(map(str, items)) + "\n" for _, _, items in selected)
        (args.out / name).write_text(lines)
        info["files"][name] = {"transactions": len(selected), "distinct": len({tuple(i) for *_, i in selected})}

    for c in sorted({lab for lab, _, _ in rows}):
        write(f"class{c}.fimi", [r for r in rows if r[0] == c and r[1] == c])
    write("all.fimi", rows)
    (args.out / "prepare.json").write_text(json.dumps(info, indent=1) + "\n")
    for name, v in info["files"].items():
        print(f"{args.out / name}: {v['transactions']} transactions ({v['distinct']} distinct)")


if __name__ == "__main__":
    main()
