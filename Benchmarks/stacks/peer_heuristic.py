"""The authors' heuristic (DESIGN.md "Heuristics" 1, their modelExplanation.py) on mlxtend.

    peer_heuristic.py --layers 64,32,16 FILE.dat

One group's FIMI transactions. Support levels 1 - k*delta, delta = max(0.01, 1/|T|), each turned
into the count ceil(level*|T|) in exact integer arithmetic (the project's rule) and handed to
mlxtend as a fraction f with mlxtend's own ceil(f*|T|) equal to that count; `fpmax` is called
at every level (one-hot DataFrame from TransactionEncoder, built once). maxMinsup = the first
level whose maximal itemsets include a layer-complete one; from there, per level, P = the
layer-complete maximal itemsets, tp/fp/fn summed over transactions (fn over itemsets too),
F = 2PR/(P+R); a level is accepted while F >= best F; the first drop stops. The backbone is the
union of the accepted levels' itemsets. Prints one JSON object (backbone, levels, times).
"""
import argparse
import json
import math
import sys
import time
from fractions import Fraction

t0 = time.perf_counter()
import pandas as pd
from mlxtend.frequent_patterns import fpmax
from mlxtend.preprocessing import TransactionEncoder
import_s = time.perf_counter() - t0
sys.path.insert(0, __import__("os").path.dirname(__file__))
from common import read_fimi  # noqa: E402


def fraction_for(count, n):
    """A float f with math.ceil(f * n) == count (mlxtend's rule)."""
    f = count / n
    while math.ceil(f * n) > count:
        f = math.nextafter(f, 0)
    while math.ceil(f * n) < count:
        f = math.nextafter(f, 1)
    assert math.ceil(f * n) == count
    return f


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--layers", required=True)
    a = ap.parse_args()
    widths = [int(x) for x in a.layers.split(",")]
    bounds, s = [], 0
    for w in widths:
        bounds.append((s, s + w))
        s += w
    t0 = time.perf_counter()
    tx = read_fimi(a.file)
    n = len(tx)
    te = TransactionEncoder()
    df = pd.DataFrame(te.fit(tx).transform(tx), columns=te.columns_)
    prep_s = time.perf_counter() - t0
    delta = max(Fraction(1, 100), Fraction(1, n))
    tsets = [set(t) for t in tx]

    def complete(items):
        return all(any(lo <= i < hi for i in items) for lo, hi in bounds)

    def level_sets(k):
        level = 1 - k * delta
        count = max(1, math.ceil(level * n))
        res = fpmax(df, min_support=fraction_for(count, n), use_colnames=True)
        return level, count, [frozenset(x) for x in res["itemsets"]]

    t0 = time.perf_counter()
    levels, k = [], 0
    while True:  # maxMinsup
        level, count, sets = level_sets(k)
        P = [x for x in sets if complete(x)]
        levels.append({"support": float(level), "support_count": count, "itemsets": len(sets), "complete": len(P)})
        if P:
            break
        k += 1
        if 1 - k * delta <= 0:
            print(json.dumps({"error": "no layer-complete itemset at any support"}))
            return
    best, backbone = -1.0, set()
    while True:
        U = set().union(*P)
        tp = fp = fn = 0
        for t in tsets:
            tp += len(t & U)
            fp += len(t - U)
            fn += sum(len(x - t) for x in P)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        F = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        levels[-1]["f_score"] = F
        if F < best:
            levels[-1]["accepted"] = False
            break
        levels[-1]["accepted"] = True
        best = F
        backbone |= U
        k += 1
        if 1 - k * delta <= 0:
            break
        level, count, sets = level_sets(k)
        P = [x for x in sets if complete(x)]
        levels.append({"support": float(level), "support_count": count, "itemsets": len(sets), "complete": len(P)})
    mine_s = time.perf_counter() - t0
    print(json.dumps({"instances": n, "backbone": sorted(int(i) for i in backbone), "levels": levels,
                      "import_s": import_s, "prep_s": prep_s, "search_s": mine_s}))


main()
