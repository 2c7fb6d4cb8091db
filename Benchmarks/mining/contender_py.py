"""One Python contender of the mining benchmark, run in its own process by bench.py.

    python contender_py.py {pyfim|mlxtend} {maximal|frequent} FILE COUNT [--repeat N] [--dump PATH]

FILE is a FIMI file (one transaction per line, space-separated integer items). COUNT is the
absolute minimum support: an itemset is reported when at least COUNT transactions hold it.
Prints one JSON object on stdout:

  count    number of itemsets found (the empty set is never reported)
  read_s   reading FILE into Python lists
  prep_s   building the contender's input (mlxtend: one-hot DataFrame; pyfim: 0)
  mine_s   the mining call itself, until its whole result is in memory; with --repeat N the
           call is made up to N times (stopping once the calls took 1 s together, as
           `backbones mine --repeat` does) and mine_s is their median
  first_s  the first mining call (in a fresh process: cold caches, first-use costs)
  mine_reps number of mining calls made
  total_s  read_s + prep_s + first_s  (in-process, one pass; excludes interpreter start-up and imports)
  import_s importing the library (numpy/pandas for mlxtend)

With --dump, the itemsets are written to PATH afterwards (not timed), one per line, in the
canonical form `i1 i2 … ik|support` with ascending items and lines sorted, so two
contenders' dumps can be compared byte for byte.
"""

import argparse
import json
import math
import statistics
import sys
import time


def read_fimi(path):
    with open(path) as f:
        return [[int(x) for x in line.split()] for line in f if line.strip()]


def dump(path, itemsets):
    lines = sorted(" ".join(map(str, sorted(items))) + "|" + str(int(s)) for items, s in itemsets)
    with open(path, "w") as f:
        f.write("".join(line + "\n" for line in lines))


def mlxtend_fraction(count, n):
    """A float f with math.ceil(f * n) == count, as mlxtend computes its count.

    count / n itself can miss: e.g. 13/130 * 130 gives 13.000000000000002, whose ceiling
    is 14. Step down one ulp at a time until mlxtend's own rule gives count back.
    """
    f = count / n
    for _ in range(64):
        if math.ceil(f * n) == count:
            return f
        f = math.nextafter(f, 0.0)
    raise AssertionError(f"no float f with ceil(f*{n}) == {count}")


def repeated(call, repeat):
    """Make `call()` up to `repeat` times, stopping once the calls took 1 s together.

    Returns the last result and the timings; each earlier result is dropped before the next
    call, so the peak memory is that of one call.
    """
    times, result = [], None
    while len(times) < repeat and (not times or sum(times) < 1.0):
        result = None
        t0 = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - t0)
    return result, {"mine_s": statistics.median(times), "first_s": times[0], "mine_reps": len(times)}


def run_pyfim(target, tracts, count, repeat):
    t0 = time.perf_counter()
    import fim
    t1 = time.perf_counter()
    # supp < 0 is an absolute count in pyfim (supp > 0 would be a percentage).
    result, timing = repeated(lambda: fim.fpgrowth(tracts, target={"maximal": "m", "frequent": "s"}[target],
                                                   supp=-count, zmin=1, report="a"), repeat)
    return {"import_s": t1 - t0, "prep_s": 0.0, **timing}, result


def run_mlxtend(target, tracts, count, repeat):
    t0 = time.perf_counter()
    import pandas as pd
    from mlxtend.frequent_patterns import fpgrowth, fpmax
    from mlxtend.preprocessing import TransactionEncoder
    t1 = time.perf_counter()
    enc = TransactionEncoder()
    onehot = enc.fit(tracts).transform(tracts)
    df = pd.DataFrame(onehot, columns=enc.columns_)
    f = mlxtend_fraction(count, len(df))
    assert math.ceil(f * len(df)) == count  # mlxtend's rule: minsup = ceil(min_support * n)
    t2 = time.perf_counter()
    fn = {"maximal": fpmax, "frequent": fpgrowth}[target]
    frame, timing = repeated(lambda: fn(df, min_support=f, use_colnames=True), repeat)
    n = len(df)
    # support column is count / n: round back to the integer count
    result = [(tuple(items), round(s * n)) for items, s in zip(frame["itemsets"], frame["support"])]
    return {"import_s": t1 - t0, "prep_s": t2 - t1, **timing}, result


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tool", choices=["pyfim", "mlxtend"])
    ap.add_argument("target", choices=["maximal", "frequent"])
    ap.add_argument("file")
    ap.add_argument("count", type=int)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--dump")
    a = ap.parse_args()

    t0 = time.perf_counter()
    tracts = read_fimi(a.file)
    read_s = time.perf_counter() - t0
    times, result = {"pyfim": run_pyfim, "mlxtend": run_mlxtend}[a.tool](a.target, tracts, a.count, a.repeat)
    out = {"tool": a.tool, "count": len(result), "read_s": read_s, **times,
           "total_s": read_s + times["prep_s"] + times["first_s"]}
    if a.dump:
        dump(a.dump, result)
    json.dump(out, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
