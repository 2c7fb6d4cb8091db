#!/usr/bin/env python3
"""Ablation tables of issue 12 (`backbones units`): every method beside its size-matched random
sets, on the held-out split of digits (data/digits) and MNIST-5k fold 0, and per fold over every
fold of paper-repro/work/{digits,mnist5k}. Writes the markdown tables and copies the plots and
CSVs into paper-repro/units-results/.

    python3 Benchmarks/units/ablation_folds.py --backbones .build/release/backbones [--work /tmp/units-folds]

Each run: --heuristic --exact --vebi (q = 1, eps = 0, GLPK, 60 s per point), network scope, k = 5,
100 random sets, seed 1; and the held-out split again at --share 0.5 and with --scope 1.
"""
import argparse, json, os, shutil, subprocess, sys, time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "paper-repro" / "units-results"
METHODS = ["rules", "heuristic", "exact-backbone", "exact-specific", "vebi"]


def run(binary, data, out, extra=()):
    args = [binary, "units", "--network", f"{data}/network.npz", "--activations", f"{data}/train.csv",
            "--test", f"{data}/test.csv", "--heuristic", "--exact", "--vebi", "--output", str(out), *extra]
    start = time.monotonic()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    seconds = time.monotonic() - start
    return json.loads((Path(out) / "units.json").read_text()), seconds


def pct(x):
    return f"{100 * x:.1f} %"


def method_rows(u):
    """Per method: mean size, accuracy drop, random drop mean and mean sd, others' drop, > random, p <= 0.05."""
    rows = {}
    classes = u["ablation"]["classes"]
    for m in METHODS:
        entries = [(c, x) for c in classes for x in c["methods"] if x["method"] == m]
        if not entries:
            continue
        n = len(entries)
        mean = lambda f: sum(f(c, x) for c, x in entries) / n
        rows[m] = dict(
            classes=n, size=mean(lambda c, x: x["size"]), drop=mean(lambda c, x: x["accuracy_drop"]),
            random=mean(lambda c, x: x["random"]["accuracy_drop_mean"]), sd=mean(lambda c, x: x["random"]["accuracy_sd"]),
            others=mean(lambda c, x: x["others_accuracy_drop"]),
            harmful=sum(1 for c, x in entries if x["accuracy"] < x["random"]["accuracy_mean"]),
            significant=sum(1 for c, x in entries if x["random"]["empirical_p"] <= 0.05))
    return rows


def front_at(u, method, budget):
    for m in u.get("front", {}).get("means", []):
        if m["method"] == method and m["budget"] == budget:
            return m
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--backbones", required=True)
    ap.add_argument("--work", default="/tmp/units-folds")
    a = ap.parse_args()
    work = Path(a.work)
    OUT.mkdir(parents=True, exist_ok=True)
    lines = []
    # Held-out split: digits (bundled) and MNIST-5k fold 0, q = 1 and q = 0.5.
    lines.append("| data | q | method | classes | mean size | accuracy drop | random drop (mean ± sd) | others' drop | > random | p ≤ 0.05 |")
    lines.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|")
    heldout = [("digits", REPO / "data/digits"), ("MNIST-5k fold 0", REPO / "paper-repro/work/mnist5k/fold0")]
    fronts = []
    timings = []
    for name, data in heldout:
        for q, extra in [("1", []), ("0.5", ["--share", "0.5"]), ("1, layer 1", ["--scope", "1"])]:
            suffix = {"1": "q1", "0.5": "q0.5"}.get(q, "layer1")
            tag = f"{'digits' if name == 'digits' else 'mnist5k-fold0'}-{suffix}"
            u, secs = run(a.backbones, data, work / tag, extra)
            timings.append((tag, secs, u["timing"]))
            for m, r in method_rows(u).items():
                if q == "0.5" and m not in ("exact-backbone", "exact-specific"):
                    continue
                lines.append(f"| {name} | {q} | {m} | {r['classes']} | {r['size']:.1f} | {pct(r['drop'])} | {pct(r['random'])} ± {pct(r['sd'])} | {pct(r['others'])} | {r['harmful']}/{r['classes']} | {r['significant']}/{r['classes']} |")
            for f in ("front.svg", "front.csv", "ablation.csv", "summary.txt"):
                shutil.copy(work / tag / f, OUT / f"{tag}-{f}")
            fronts.append((name, q, u))
    lines.append("")
    lines.append("Fronts (mean over the classes at each K; random: size-matched, same layers):")
    lines.append("")
    lines.append("| data | q | method | K | classes | mean size | accuracy drop | random drop (mean ± sd) | others' drop | class covered | others covered |")
    lines.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, q, u in fronts:
        for m in u["front"]["means"]:
            if q == "0.5" and m["method"] == "vebi":
                continue
            if m["budget"] not in (1, 3, 5, 7, 10):
                continue
            cov = "" if m["mean_coverage"] is None else pct(m["mean_coverage"])
            ocov = "" if m["mean_others_coverage"] is None else f"{100 * m['mean_others_coverage']:.2f} %"
            lines.append(f"| {name} | {q} | {m['method']} | {m['budget']} | {m['classes']} | {m['mean_size']:.1f} | {pct(m['mean_accuracy_drop'])} | {pct(m['mean_random_accuracy_drop'])} ± {pct(m['mean_random_accuracy_sd'])} | {pct(m['mean_others_accuracy_drop'])} | {cov} | {ocov} |")
    lines.append("")
    # Per fold, every fold.
    lines.append("Per fold (q = 1, ε = 0; exact and VEBI at the rule sets' sizes, and the fronts at K = 5):")
    lines.append("")
    lines.append("| data | fold | method | classes | mean size | accuracy drop | random drop (mean ± sd) | others' drop | > random | p ≤ 0.05 |")
    lines.append("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    for case in ["digits", "mnist5k"]:
        for fold in range(5):
            data = REPO / "paper-repro/work" / case / f"fold{fold}"
            if not (data / "network.npz").exists():
                print(f"missing {data}", file=sys.stderr)
                continue
            tag = f"{case}-fold{fold}"
            u, secs = run(a.backbones, data, work / tag)
            timings.append((tag, secs, u["timing"]))
            rows = method_rows(u)
            for m, r in rows.items():
                lines.append(f"| {case} | {fold} | {m} | {r['classes']} | {r['size']:.1f} | {pct(r['drop'])} | {pct(r['random'])} ± {pct(r['sd'])} | {pct(r['others'])} | {r['harmful']}/{r['classes']} | {r['significant']}/{r['classes']} |")
            for m in ["exact-backbone", "exact-specific", "vebi"]:
                f = front_at(u, m, 5)
                if f:
                    lines.append(f"| {case} | {fold} | {m}, K = 5 | {f['classes']} | {f['mean_size']:.1f} | {pct(f['mean_accuracy_drop'])} | {pct(f['mean_random_accuracy_drop'])} ± {pct(f['mean_random_accuracy_sd'])} | {pct(f['mean_others_accuracy_drop'])} | {f['classes_more_harmful_than_random']}/{f['classes']} | |")
            shutil.copy(work / tag / "front.csv", OUT / f"{tag}-front.csv")
    lines.append("")
    lines.append("Seconds per run (whole command; exact fronts; VEBI; ablation):")
    lines.append("")
    for tag, secs, t in timings:
        lines.append(f"- {tag}: {secs:.1f} s; exact {t['exact_seconds']:.2f} s, VEBI {t['vebi_seconds']:.2f} s, ablation {t['ablation_seconds']:.2f} s")
    text = "\n".join(lines) + "\n"
    (OUT / "tables.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
