"""The rule step of Meynen, Behzadi-Khormouji & Oramas (their notebook
`3_ProcessTransactions.ipynb`), re-implemented in plain Python from its description in
docs/units.md, to check `backbones units --confidence authors` on the same transactions.

    python units_authors.py transactions.csv [--min-support 2] [--min-confidence 0.5] [--top 10] > rules.json

Input: `instance,label,units` (units space-separated), as `backbones units` writes it.
Output: {"<label>": [[antecedent], support, antecedent_support], ...} per class, the kept rules
in rank order. Their steps: the class item is an item (here the string "c"); per class, Eclat
over that class's transactions at an absolute minimum support; every frequent itemset X is
re-counted over all transactions ignoring the class item; for every subset S of X of size 1 to
|X| - 2, the antecedent is S's units with id > 0, the consequent X \\ S's class items; a rule
needs one class item in the consequent, two or more antecedent units and confidence
s(X) / s(antecedent) >= the minimum; rules are a set of (antecedent, class, support,
confidence); the top `--top` per class by support x confidence; then a rule is dropped when
another of the class with equal support and confidence has an antecedent that holds it.
Ties in the ranking (their sort keeps a set's iteration order) are broken as docs/units.md
says: support descending, shorter antecedent, smaller antecedent.
"""
import argparse
import itertools
import json
import sys

CLASS = "c"


def eclat(items, minsup):
    """All frequent itemsets of a vertical database {item: set(tids)}, as {frozenset: support}."""
    out = {}

    def grow(prefix, candidates):
        for i, (item, tids) in enumerate(candidates):
            itemset = prefix | {item}
            out[frozenset(itemset)] = len(tids)
            suffix = [(other, tids & otids) for other, otids in candidates[i + 1:]]
            grow(itemset, [(o, t) for o, t in suffix if len(t) >= minsup])

    grow(frozenset(), sorted(((i, t) for i, t in items.items() if len(t) >= minsup), key=lambda p: str(p[0])))
    return out


def rules_for_class(rows, label, all_tids, minsup, minconf):
    vertical = {}
    for tid, (row_label, units) in enumerate(rows):
        if row_label != label:
            continue
        for item in list(units) + [CLASS]:
            vertical.setdefault(item, set()).add(tid)
    frequent = eclat(vertical, minsup)

    def count(itemset):  # label-agnostic support over every transaction
        sets = [all_tids[u] for u in itemset if u != CLASS]
        return len(set.intersection(*sets)) if sets else 0

    reweighed = {x: count(x) for x in frequent if count(x) > 0}
    rules = set()
    for x, s in reweighed.items():
        members = sorted(x, key=str)
        for size in range(1, len(members) - 1):
            for subset in itertools.combinations(members, size):
                antecedent = frozenset(u for u in subset if u != CLASS and u > 0)
                consequent = [i for i in x - set(subset) if i == CLASS]
                if len(consequent) != 1 or len(antecedent) < 2:
                    continue
                a = reweighed[antecedent]
                if s / a >= minconf:
                    rules.add((tuple(sorted(antecedent)), s, a))
    return rules


def rank_key(rule):
    antecedent, s, a = rule
    return (-(s * s / a), -s, len(antecedent), antecedent)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("transactions")
    ap.add_argument("--min-support", type=int, default=2)
    ap.add_argument("--min-confidence", type=float, default=0.5)
    ap.add_argument("--top", type=int, default=10)
    a = ap.parse_args()
    rows = []
    with open(a.transactions) as f:
        header = f.readline().strip()
        if header != "instance,label,units":
            sys.exit(f"{a.transactions}:1: expected the header instance,label,units, found {header!r}")
        for line in f:
            _, label, units = line.rstrip("\n").split(",")
            rows.append((int(label), [int(u) for u in units.split()]))
    all_tids = {}
    for tid, (_, units) in enumerate(rows):
        for u in units:
            all_tids.setdefault(u, set()).add(tid)
    result = {}
    for label in sorted({r[0] for r in rows}):
        top = sorted(rules_for_class(rows, label, all_tids, a.min_support, a.min_confidence), key=rank_key)[:a.top]
        kept = [r for r in top if not any(o != r and o[1] == r[1] and o[2] == r[2] and set(r[0]) <= set(o[0]) for o in top)]
        result[str(label)] = [[list(r[0]), r[1], r[2]] for r in kept]
    json.dump(result, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
