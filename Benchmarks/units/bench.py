"""Speed of `backbones units` (issue 12): rules for 10,000 relevance transactions, and the
ablation of 100 random sets per class on digits and MNIST-5k fold 0.

    Benchmarks/units/run.sh            # builds the tool in release, then runs this
    python bench.py --backbones BIN    # with a tool you already have

1. Rules: a seeded synthetic scores file of 10,000 rows (10 classes, 230 units in layers
   80,60,40,30,20 like the MNIST-5k MLP; each class favours 12 units, scores are exponential
   noise plus 2 for a favoured unit), `backbones units --scores … --k 5`, both confidences;
   and the Python re-implementation of their rule step (paper-repro/units_authors.py) on the
   same transactions, which must give the same rules as `--confidence authors`.
   The figure is `timing.rules_seconds` of units.json (mining, rules, pruning, sets, unit
   statistics; not the CSV reading), median of 3 runs, and the process's wall time.
2. Ablation: `backbones units --network … --activations train.csv --test test.csv --draws 100`
   on data/digits and on MNIST-5k fold 0 (paper-repro/work/mnist5k/fold0 or
   Benchmarks/data/mnist5k, skipped when neither exists); the figure is
   `timing.ablation_seconds` (reading test.csv, the intact pass, each class's set, its effect
   on the other classes, and 100 layer-matched random sets per class).

Prints a table and writes Benchmarks/results/units.json (temporary file, then rename).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
WIDTHS = [80, 60, 40, 30, 20]


def make_scores(path, rows=10_000, classes=10, seed=0):
    rng = np.random.default_rng(seed)
    units = sum(WIDTHS)
    favoured = [rng.choice(units, size=12, replace=False) for _ in range(classes)]
    with open(path, "w") as f:
        f.write("label," + ",".join(f"u{i}" for i in range(units)) + "\n")
        for r in range(rows):
            c = r % classes
            s = rng.exponential(1.0, units)
            s[favoured[c]] += 2.0
            f.write(f"{c}," + ",".join(f"{x:.4f}" for x in s) + "\n")


def run(bin_path, args, keep=None):
    with tempfile.TemporaryDirectory() as tmp:
        out = keep or tmp
        start = time.perf_counter()
        p = subprocess.run([bin_path, "units", *args, "--output", out], capture_output=True, text=True, cwd=REPO)
        wall = time.perf_counter() - start
        if p.returncode != 0:
            sys.exit(f"backbones units {' '.join(args)} failed ({p.returncode}): {p.stderr.strip()}")
        with open(os.path.join(out, "units.json")) as f:
            report = json.load(f)
    return report, wall


def python_authors(transactions):
    """The Python re-implementation of their rule step on our transactions: seconds, rules."""
    start = time.perf_counter()
    p = subprocess.run([sys.executable, os.path.join(REPO, "paper-repro/units_authors.py"), transactions],
                       capture_output=True, text=True, check=True)
    return time.perf_counter() - start, json.loads(p.stdout)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--backbones", required=True, help="the backbones binary (release)")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--output", default=os.path.join(REPO, "Benchmarks/results/units.json"))
    a = ap.parse_args()

    results = []
    with tempfile.TemporaryDirectory() as tmp:
        scores = os.path.join(tmp, "scores.csv")
        make_scores(scores)
        for confidence in ["standard", "authors"]:
            keep = os.path.join(tmp, confidence)
            runs = [run(a.backbones, ["--scores", scores, "--layers", ",".join(map(str, WIDTHS)), "--k", "5",
                                      "--confidence", confidence], keep=keep if i == 0 else None) for i in range(a.repeats)]
            rules = sum(len(c["rules"]) for c in runs[0][0]["classes"])
            results.append({"case": f"rules, 10,000 transactions, k = 5, {confidence}", "target_seconds": 1.0,
                            "seconds": statistics.median(r[0]["timing"]["rules_seconds"] for r in runs),
                            "process_seconds": statistics.median(r[1] for r in runs), "detail": f"{rules} rules"})
        # Their procedure in Python (paper-repro/units_authors.py) on the same transactions: same rules?
        seconds, theirs = python_authors(os.path.join(tmp, "authors", "transactions.csv"))
        with open(os.path.join(tmp, "authors", "units.json")) as f:
            ours = {str(c["label"]): [[r["antecedent"], r["support"], r["antecedent_support"]] for r in c["rules"]]
                    for c in json.load(f)["classes"]}
        same = ours == theirs
        results.append({"case": "rules, 10,000 transactions, k = 5, authors: Python re-implementation",
                        "target_seconds": None, "seconds": seconds, "process_seconds": seconds,
                        "detail": "same rules as ours" if same else "RULES DIFFER from ours"})
        if not same:
            sys.exit("the Python re-implementation's rules differ from ours")

    folds = [("digits", os.path.join(REPO, "data/digits"))]
    for candidate in ["paper-repro/work/mnist5k/fold0", "Benchmarks/data/mnist5k"]:
        if os.path.exists(os.path.join(REPO, candidate, "network.npz")):
            folds.append(("MNIST-5k fold 0", os.path.join(REPO, candidate)))
            break
    for name, d in folds:
        runs = [run(a.backbones, ["--network", f"{d}/network.npz", "--activations", f"{d}/train.csv",
                                  "--test", f"{d}/test.csv", "--draws", "100"]) for _ in range(a.repeats)]
        report = runs[0][0]
        n = sum(c["instances"] for c in report["ablation"]["classes"])
        results.append({"case": f"ablation, {name}, 100 random sets per class", "target_seconds": None,
                        "seconds": statistics.median(r[0]["timing"]["ablation_seconds"] for r in runs),
                        "process_seconds": statistics.median(r[1] for r in runs),
                        "detail": f"{len(report['ablation']['classes'])} classes, {n} held-out rows"})

    print(f"{'case':70} {'seconds':>8} {'process':>8}  detail")
    for r in results:
        target = f" (target < {r['target_seconds']:g} s)" if r["target_seconds"] else ""
        print(f"{r['case']:70} {r['seconds']:8.3f} {r['process_seconds']:8.3f}  {r['detail']}{target}")
    os.makedirs(os.path.dirname(a.output), exist_ok=True)
    tmp = a.output + ".tmp"
    with open(tmp, "w") as f:
        json.dump({"repeats": a.repeats, "results": results}, f, indent=1)
        f.write("\n")
    os.replace(tmp, a.output)
    print(f"wrote {os.path.relpath(a.output, REPO)}")


if __name__ == "__main__":
    main()
