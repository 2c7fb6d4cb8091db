"""The CNN track's comparison table: Swift's `backbones units` runs (rule sets, the heuristic's
backbones, their size-matched random sets) beside VEBI-style sets ablated here on the same head.

    python=$(paper-repro/cnn/venv.sh)
    $python paper-repro/cnn/analyze.py            # after run.sh has written results/patches, results/relevance

Reads paper-repro/cnn/export/ (network.npz, test.npz, train_norms.npz) and results/*/units.json;
writes results/vebi.json, results/comparison.json and prints the Markdown tables of README.md
(numpy and scikit-learn's lars_path, no JAX).

VEBI (Oramas et al., ICLR 2019, as the authors ran it in vebi_2.py: spams.lasso(L, D=X, pos=True,
lambda1=10, mode=0)): per class c, min ||y_c - X a||^2 subject to a >= 0 and ||a||_1 <= 10, with
y_c the class indicator and X the per-image Frobenius norms of the last conv layer's channels (no
intercept: spams fits none); the class's set is the non-zero coefficients. Computed on the
positive LARS-lasso path: the constrained solution is the path point of L1 norm 10 (or the path's
end). On our features this gives 1-4 units, and the uncentred positive path stops after 1-4
units, so for a size-matched comparison we also take the centred fit (an intercept: X and y_c
centred) and, for a target size n, its active set at the first path point with n active units
(the smallest budget giving n units; else the largest set on the path below n).

The ablation here is the head's own arithmetic: zeroing channel u before global average pooling
is zeroing GAP feature u, so the ablated logits are g' W1 + b1 with g'_u = 0 (network.npz's
W0 is the identity). Every Swift set is ablated here too and must give Swift's accuracy (a check
of the two implementations against each other). VEBI sets' random twins are drawn here
(numpy default_rng(SEED), DRAWS sets of the same size from the 32 channels), as Swift draws the
rule sets' twins (its own generator, same distribution).
"""

import json
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
EXPORT = HERE / "export"
RESULTS = HERE / "results"
DRAWS = 1000
SEED = 1


def lasso_path_sets(X, y):
    """Active sets along the positive lasso path: {size: the first active set of that size}, and
    the coefficients at each breakpoint (columns)."""
    from sklearn.linear_model import lars_path

    _, _, path = lars_path(X, y, method="lasso", positive=True)
    by_size = {}
    for j in range(path.shape[1]):
        by_size.setdefault(int((path[:, j] > 0).sum()), [int(u) for u in np.flatnonzero(path[:, j] > 0)])
    return by_size, path


def vebi_fit(norms, labels, budget=10.0):
    """Their setting: no intercept, L1 budget `budget`; and the centred paths' sets by size."""
    fixed, coefs, centred = {}, {}, {}
    Xc = norms - norms.mean(axis=0)
    for c in range(10):
        y = (labels == c).astype(np.float64)
        _, path = lasso_path_sets(norms, y)
        l1 = np.abs(path).sum(axis=0)
        if l1[-1] <= budget:
            a = path[:, -1]
        else:
            j = int(np.searchsorted(l1, budget))  # l1[j-1] < budget <= l1[j]; l1 rises along the path
            t = (budget - l1[j - 1]) / (l1[j] - l1[j - 1])
            a = path[:, j - 1] + t * (path[:, j] - path[:, j - 1])
        fixed[c] = [int(u) for u in np.flatnonzero(a > 1e-12)]
        coefs[c] = [float(a[u]) for u in fixed[c]]
        centred[c], _ = lasso_path_sets(Xc, y - y.mean())
    return fixed, coefs, centred


def main():
    net = np.load(EXPORT / "network.npz")
    W, b = net["W1"], net["b1"]
    assert np.array_equal(net["W0"], np.eye(W.shape[0]))
    C = W.shape[0]
    test = np.load(EXPORT / "test.npz")
    G, y = test["activations"].astype(np.float64), test["labels"]
    z0 = G @ W + b

    def softmax(z):
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    p0 = softmax(z0)[np.arange(len(y)), y]

    def ablate(units, rows):
        g = G[rows].copy()
        g[:, list(units)] = 0
        z = g @ W + b
        correct = int((z.argmax(1) == y[rows]).sum())
        drop = float((p0[rows] - softmax(z)[np.arange(len(rows)), y[rows]]).mean())
        return correct, drop

    tn = np.load(EXPORT / "train_norms.npz")
    fixed, coefs, centred = vebi_fit(tn["norms"].astype(np.float64), tn["labels"])
    with open(RESULTS / "vebi.json", "w") as f:
        json.dump({"their_setting": {"budget": 10.0, "intercept": False, "sets": {str(c): fixed[c] for c in fixed},
                                     "coefficients": {str(c): coefs[c] for c in coefs}},
                   "centred_by_size": {str(c): {str(n): u for n, u in sorted(centred[c].items())} for c in centred}},
                  f, indent=1)
    labels = {"patches": "rules (patches)", "patches-k3": "rules (patches, k = 3)", "patches-k10": "rules (patches, k = 10)",
              "patches-authors": "rules (patches, their confidence)", "relevance": "rules (relevance)"}
    runs = {name: json.load(open(RESULTS / name / "units.json")) for name in labels if (RESULTS / name / "units.json").exists()}
    rng = np.random.default_rng(SEED)

    methods = {}  # method -> class -> record
    for run, units_json in runs.items():
        label = labels[run]
        for c in units_json["ablation"]["classes"]:
            for m in c["methods"]:
                name = label if m["method"] == "rules" else m["method"]
                rows = np.flatnonzero(y == c["label"])
                correct, drop = ablate(m["units"], rows)
                assert correct == round(m["accuracy"] * len(rows)), (name, c["label"], correct, m["accuracy"])
                assert abs(drop - m["probability_drop"]) < 1e-9, (name, c["label"], drop, m["probability_drop"])
                methods.setdefault(name, {})[c["label"]] = dict(
                    units=m["units"], size=len(m["units"]), intact=c["intact_accuracy"], accuracy=m["accuracy"],
                    drop=m["accuracy_drop"], random_drop_mean=m["random"]["accuracy_drop_mean"],
                    random_sd=m["random"]["accuracy_sd"], p=m["random"]["empirical_p"],
                    others_drop=m["others_accuracy_drop"], source="swift")

    patch_sets = {c: r["units"] for c, r in methods["rules (patches)"].items()}

    def vebi_of_size(c, n):
        """The centred path's first active set of n units, else of the most units below n."""
        return centred[c][max(k for k in centred[c] if k <= n)]
    # smaller sets, below the ceiling: the best rule's antecedent alone, against VEBI of that size
    top_rule = {c["label"]: c["rules"][0]["antecedent"] for c in runs["patches"]["classes"] if c["rules"]}
    vebi_sets = {
        "VEBI (their setting)": fixed,
        "VEBI centred (size of rules (patches))": {c: vebi_of_size(c, len(patch_sets[c])) for c in patch_sets},
        "top rule (patches)": top_rule,
        "VEBI centred (size of the top rule)": {c: vebi_of_size(c, len(top_rule[c])) for c in top_rule},
    }
    for k in ("k = 3", "k = 10"):
        name = f"rules (patches, {k})"
        if name in methods:
            vebi_sets[f"VEBI centred (size of {name})"] = {c: vebi_of_size(c, len(r["units"])) for c, r in methods[name].items()}
    for name, sets in vebi_sets.items():  # ablated here
        for c, units in sorted(sets.items()):
            rows = np.flatnonzero(y == c)
            others = np.flatnonzero(y != c)
            intact = ablate([], rows)[0] / len(rows)
            correct, pdrop = ablate(units, rows)
            acc = correct / len(rows)
            rand = np.array([ablate(rng.choice(C, size=len(units), replace=False), rows)[0] / len(rows)
                             for _ in range(DRAWS)]) if units else np.full(DRAWS, intact)
            methods.setdefault(name, {})[c] = dict(
                units=units, size=len(units), intact=intact, accuracy=acc, drop=intact - acc, probability_drop=pdrop,
                random_drop_mean=float(intact - rand.mean()), random_sd=float(rand.std(ddof=1)),
                p=float((1 + (rand <= acc).sum()) / (DRAWS + 1)),
                others_drop=ablate([], others)[0] / len(others) - ablate(units, others)[0] / len(others),
                correct=correct, source="numpy")

    summary = {}
    for name, per in methods.items():
        rs = list(per.values())
        summary[name] = dict(classes=len(rs), mean_size=float(np.mean([r["size"] for r in rs])),
                             mean_drop=float(np.mean([r["drop"] for r in rs])),
                             mean_random_drop=float(np.mean([r["random_drop_mean"] for r in rs])),
                             mean_random_sd=float(np.mean([r["random_sd"] for r in rs])),
                             more_harmful_than_random=int(sum(r["drop"] > r["random_drop_mean"] for r in rs)),
                             p_at_most_005=int(sum(r["p"] <= 0.05 for r in rs)),
                             mean_others_drop=float(np.mean([r["others_drop"] for r in rs])))
    # head-to-head: rules (patches) against each other method, class by class
    versus = {}
    for name in methods:
        if name == "rules (patches)":
            continue
        common = sorted(set(methods[name]) & set(methods["rules (patches)"]))
        a = [methods["rules (patches)"][c]["drop"] for c in common]
        o = [methods[name][c]["drop"] for c in common]
        versus[name] = dict(classes=len(common), rules_more=int(sum(x > z for x, z in zip(a, o))),
                            equal=int(sum(x == z for x, z in zip(a, o))), rules_less=int(sum(x < z for x, z in zip(a, o))))
    # the same at the other sizes: each rule set against the VEBI set of its size
    pairs = [("top rule (patches)", "VEBI centred (size of the top rule)")]
    pairs += [(f"rules (patches, {k})", f"VEBI centred (size of rules (patches, {k}))") for k in ("k = 3", "k = 10")]
    for x, v in pairs:
        if x not in methods:
            continue
        a, o = methods[x], methods[v]
        common = sorted(set(a) & set(o))
        versus[f"{x} vs {v}"] = dict(
            classes=len(common), rules_more=int(sum(a[c]["drop"] > o[c]["drop"] for c in common)),
            equal=int(sum(a[c]["drop"] == o[c]["drop"] for c in common)),
            rules_less=int(sum(a[c]["drop"] < o[c]["drop"] for c in common)))
    out = dict(draws=DRAWS, seed=SEED, methods={k: {str(c): r for c, r in v.items()} for k, v in methods.items()},
               summary=summary, rules_patches_versus=versus)
    with open(RESULTS / "comparison.json", "w") as f:
        json.dump(out, f, indent=1)

    pct = lambda x: f"{100 * x:.1f} %"
    print("| method | classes | mean size | mean accuracy drop | random twins' drop (mean of class means; mean sd) | classes more harmful than random | p ≤ 0.05 | other classes' drop |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, s in summary.items():
        print(f"| {name} | {s['classes']} | {s['mean_size']:.1f} | {pct(s['mean_drop'])} | {pct(s['mean_random_drop'])} ± {pct(s['mean_random_sd'])} | "
              f"{s['more_harmful_than_random']} | {s['p_at_most_005']} | {pct(s['mean_others_drop'])} |")
    print()
    names = list(methods)
    print("| class | intact | " + " | ".join(f"{n}: size, drop (random mean ± sd)" for n in names) + " |")
    print("|---:|---:|" + "---|" * len(names))
    for c in range(10):
        cells = []
        for n in names:
            r = methods[n].get(c)
            cells.append("—" if r is None else f"{r['size']}: {pct(r['drop'])} ({pct(r['random_drop_mean'])} ± {pct(r['random_sd'])})")
        intact = methods["rules (patches)"][c]["intact"]
        print(f"| {c} | {pct(intact)} | " + " | ".join(cells) + " |")
    print()
    print("rules (patches) against each method, per class (accuracy drop more / equal / less):",
          json.dumps(versus))
    return 0


if __name__ == "__main__":
    sys.exit(main())
