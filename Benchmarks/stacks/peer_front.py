"""The cover model's exact front for one group, built and solved with a Python stack.

    peer_front.py --solver mip|highs FILE.dat [--time-limit S] [--q Q --layers W1,W2,...]

The model is the one `CoverModel.maxCoverage(budget:)` builds (docs/models.md, docs/pareto.md),
row for row: identical transactions merged with their count as weight, one x per neuron that
occurs in the group, one z per distinct transaction, max sum w_t z_t, rows z_t <= x_i for every
activated neuron, sum x <= K, the core neurons (active in every transaction) fixed to 1 once
K >= the smallest transaction, and the clique rows (transactions t, u with |t u u| > K cannot
both be covered; cliques found greedily, heavier transactions first, exactly as the Swift code).
The sweep: K from the smallest transaction size upward, one solve per K, until every instance
is covered. mip: python-mip + CBC (1 thread), each point warm-started with the previous point's
solution. highs: SciPy `milp` (HiGHS), which takes no start. Prints one JSON object.

At q < 1 (with --layers) the model is the q < 1 one, also row for row: per transaction and layer
with active neurons, ceil(q*a - 1e-9)*z_t - sum of its x_i in that layer <= 0 (a = active
neurons of t in the layer), sum x <= K, no core fixing, no clique rows; the sweep starts at the
smallest sum of per-layer requirements. Every point is solved cold (as ours: a start handed to
CBC under a time limit can anchor it), and a point's covered count is the better of the solver's
and the previous point's (a front never falls), again as ours.
"""
import argparse
import json
import sys
import time
from collections import Counter

t_import = time.perf_counter()
ap = argparse.ArgumentParser()
ap.add_argument("file")
ap.add_argument("--solver", choices=["mip", "highs"], required=True)
ap.add_argument("--time-limit", type=float, default=60)
ap.add_argument("--q", type=float, default=1.0)
ap.add_argument("--layers", help="layer widths (needed when --q < 1)")
a = ap.parse_args()
if a.q < 1 and not a.layers:
    ap.error("--q < 1 needs --layers")
if a.solver == "mip":
    import mip
else:
    import numpy as np
    from scipy.optimize import milp, LinearConstraint, Bounds
    from scipy.sparse import csr_matrix
t_import = time.perf_counter() - t_import
sys.path.insert(0, __import__("os").path.dirname(__file__))
from common import read_fimi  # noqa: E402


def model(distinct, weights, neurons, core, K):
    """Columns: x (one per neuron), then z. Rows as (cols, coefs, ub) for <= rows."""
    col = {i: j for j, i in enumerate(neurons)}
    nx, nz = len(neurons), len(distinct)
    lower = [0] * (nx + nz)
    if K >= min(len(t) for t in distinct):
        for i in core:
            lower[col[i]] = 1
    rows = []
    for k, t in enumerate(distinct):
        for i in t:
            rows.append(([nx + k, col[i]], [1, -1], 0))
    rows.append((list(range(nx)), [1] * nx, K))
    if nz > 1:
        sets = [set(t) for t in distinct]
        conflict = [[False] * nz for _ in range(nz)]
        for x in range(nz):
            for y in range(x + 1, nz):
                if len(sets[x]) + len(sets[y]) > K and len(sets[x] | sets[y]) > K:
                    conflict[x][y] = conflict[y][x] = True
        covered = [[False] * nz for _ in range(nz)]
        order = sorted(range(nz), key=lambda t: (-weights[t], -t))  # weight desc, then index desc
        for x in order:
            for y in order:
                if conflict[x][y] and not covered[x][y]:
                    clique = [x, y]
                    for c in order:
                        if c != x and c != y and all(conflict[c][m] for m in clique):
                            clique.append(c)
                    for u in clique:
                        for v in clique:
                            if u != v:
                                covered[u][v] = True
                    cl = sorted(clique)
                    rows.append(([nx + c for c in cl], [1] * len(cl), 1))
    obj = [0] * nx + list(weights)
    return lower, rows, obj


def share_model(distinct, weights, neurons, layer_of, K):
    """The q < 1 cover model (CoverModel with q < 1): rows as (cols, coefs, ub) for <= rows."""
    import math
    col = {i: j for j, i in enumerate(neurons)}
    nx, nz = len(neurons), len(distinct)
    rows = []
    for k, t in enumerate(distinct):
        by_layer = {}
        for i in t:
            by_layer.setdefault(layer_of(i), []).append(i)
        for l in sorted(by_layer):
            need = max(1, math.ceil(a.q * len(by_layer[l]) - 1e-9))
            rows.append(([nx + k] + [col[i] for i in by_layer[l]], [need] + [-1] * len(by_layer[l]), 0))
    rows.append((list(range(nx)), [1] * nx, K))
    return [0] * (nx + nz), rows, [0] * nx + list(weights)


def main():
    t0 = time.perf_counter()
    tx = read_fimi(a.file)
    cnt = Counter(tuple(t) for t in tx)
    distinct = sorted(cnt)  # any order: the optimum does not depend on it
    weights = [cnt[t] for t in distinct]
    total = sum(weights)
    neurons = sorted(set(i for t in distinct for i in t))
    core = set(distinct[0]).intersection(*map(set, distinct[1:])) if distinct else set()
    read_s = time.perf_counter() - t0
    nx, nz = len(neurons), len(distinct)
    K = min(len(t) for t in distinct)
    share = a.q < 1
    if share:
        import math
        offsets = [0]
        for w in map(int, a.layers.split(",")):
            offsets.append(offsets[-1] + w)
        layer_of = lambda i: next(l for l in range(len(offsets) - 1) if offsets[l] <= i < offsets[l + 1])
        def smallest(t):
            counts = Counter(layer_of(i) for i in t)
            return sum(max(1, math.ceil(a.q * c - 1e-9)) for c in counts.values())
        K = min(smallest(t) for t in distinct)
    points, prev, prev_covered = [], None, 0
    while True:
        t0 = time.perf_counter()
        lower, rows, obj = share_model(distinct, weights, neurons, layer_of, K) if share else \
            model(distinct, weights, neurons, core, K)
        if a.solver == "mip":
            m = mip.Model(sense=mip.MAXIMIZE, solver_name=mip.CBC)
            m.verbose = 0
            m.threads = 1
            v = [m.add_var(var_type=mip.BINARY, lb=lower[j]) for j in range(nx + nz)]
            for cols, coefs, ub in rows:
                m += mip.xsum(c * v[j] for j, c in zip(cols, coefs)) <= ub
            m.objective = mip.xsum(obj[j] * v[j] for j in range(nx + nz) if obj[j])
            if prev is not None and not share:
                m.start = [(v[j], prev[j]) for j in range(nx + nz)]
            build_s = time.perf_counter() - t0
            t0 = time.perf_counter()
            st = m.optimize(max_seconds=a.time_limit)
            solve_s = time.perf_counter() - t0
            status = "optimal" if st == mip.OptimizationStatus.OPTIMAL else "time_limit"
            val = round(m.objective_value) if m.num_solutions else None
            bound = m.objective_bound
            if m.num_solutions:
                prev = [round(x.x) for x in v]
        else:
            data, ri, ci, ub = [], [], [], []
            for r, (cols, coefs, u) in enumerate(rows):
                ri += [r] * len(cols)
                ci += cols
                data += coefs
                ub.append(u)
            A = csr_matrix((data, (ri, ci)), shape=(len(rows), nx + nz))
            c = -np.array(obj, dtype=float)
            build_s = time.perf_counter() - t0
            t0 = time.perf_counter()
            r = milp(c, integrality=np.ones(nx + nz), bounds=Bounds(np.array(lower, float), np.ones(nx + nz)),
                     constraints=LinearConstraint(A, -np.inf, np.array(ub, float)),
                     options={"time_limit": a.time_limit})
            solve_s = time.perf_counter() - t0
            status = "optimal" if r.status == 0 else "time_limit"
            val = None if r.x is None else round(-r.fun)
            bound = None if getattr(r, "mip_dual_bound", None) is None else -r.mip_dual_bound
        if share:
            val = max(val or 0, prev_covered)
            prev_covered = val
        points.append({"budget": K, "covered": val, "status": status, "bound": bound, "build_s": build_s,
                       "solve_s": solve_s})
        if val == total or K >= nx:
            break
        K += 1
    print(json.dumps({"solver": a.solver, "instances": total, "distinct": nz, "neurons": nx, "import_s": t_import,
                      "read_s": read_s, "points": points}))


main()
