"""Reference model (DESIGN.md "Exact models" 2) built and solved with python-mip + CBC.

    peer_ilp.py --mode authors|active --n N --layers 64,32,16 --sense min FILE.dat ... [--time-limit S]

Each FILE is one group's FIMI transactions (from `backbones transactions`), in group order.
--mode authors: the authors' way (ILP.py of BackbonesSDM24): one coverage row per group,
instance and neuron, a_i + u_gt + T[t][i]·e_gi >= T[t][i] (for a neuron the instance does not
activate the row is a_i + u_gt >= 0: built, always satisfied).
--mode active: the same model with only the rows of activated neurons.
Both: diversity e_gi + e_hi <= 1 + s_i (g < h, every neuron), connectivity, budgets
floor(rho1 n), floor(rho2 #u), floor(rho3 n) (the code's fixes of DESIGN.md: the objective sums
all groups, the rho2 budget all instance slacks). Prints one JSON object.
"""
import argparse
import json
import math
import sys
import time

t_import = time.perf_counter()
import mip  # noqa: E402
t_import = time.perf_counter() - t_import

sys.path.insert(0, __import__("os").path.dirname(__file__))
from common import read_fimi  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+")
    ap.add_argument("--mode", choices=["authors", "active"], required=True)
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--layers", required=True)
    ap.add_argument("--sense", choices=["min", "max"], default="min")
    ap.add_argument("--rho1", type=float, default=0.28)
    ap.add_argument("--rho2", type=float, default=0.0)
    ap.add_argument("--rho3", type=float, default=0.55)
    ap.add_argument("--time-limit", type=float, default=600)
    a = ap.parse_args()
    widths = [int(x) for x in a.layers.split(",")]
    n = a.n
    assert sum(widths) == n, "layers must sum to n"

    t0 = time.perf_counter()
    groups = [read_fimi(f) for f in a.files]
    read_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    m = mip.Model(sense=mip.MINIMIZE if a.sense == "min" else mip.MAXIMIZE, solver_name=mip.CBC)
    m.verbose = 0
    m.threads = 1
    G = range(len(groups))
    N = range(n)
    e = [[m.add_var(var_type=mip.BINARY) for i in N] for g in G]
    av = [m.add_var(var_type=mip.BINARY) for i in N]
    s = [m.add_var(var_type=mip.BINARY) for i in N]
    u = [[m.add_var(var_type=mip.BINARY) for t in groups[g]] for g in G]
    for g in G:
        for t, items in enumerate(groups[g]):
            if a.mode == "authors":
                row = [0] * n
                for i in items:
                    row[i] = 1
                for i in N:
                    m += av[i] + u[g][t] + row[i] * e[g][i] >= row[i]
            else:
                for i in items:
                    m += av[i] + u[g][t] + e[g][i] >= 1
    for g in G:
        for h in G:
            if g < h:
                for i in N:
                    m += e[g][i] + e[h][i] <= 1 + s[i]
    start = 0
    for w in widths:
        for g in G:
            m += mip.xsum(e[g][i] for i in range(start, start + w)) >= 1
        start += w
    nu = sum(len(x) for x in groups)
    m += mip.xsum(av) <= math.floor(a.rho1 * n + 1e-9)
    m += mip.xsum(u[g][t] for g in G for t in range(len(groups[g]))) <= math.floor(a.rho2 * nu + 1e-9)
    m += mip.xsum(s) <= math.floor(a.rho3 * n + 1e-9)
    m.objective = mip.xsum(e[g][i] for g in G for i in N)
    build_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    st = m.optimize(max_seconds=a.time_limit)
    solve_s = time.perf_counter() - t0
    status = {mip.OptimizationStatus.OPTIMAL: "optimal", mip.OptimizationStatus.INFEASIBLE: "infeasible",
              mip.OptimizationStatus.FEASIBLE: "time_limit", mip.OptimizationStatus.NO_SOLUTION_FOUND: "time_limit"}.get(st, str(st))
    obj = m.objective_value if st in (mip.OptimizationStatus.OPTIMAL, mip.OptimizationStatus.FEASIBLE) else None
    print(json.dumps({"mode": a.mode, "status": status, "objective": None if obj is None else round(obj),
                      "bound": m.objective_bound, "rows": m.num_rows, "columns": m.num_cols, "nonzeros": m.num_nz,
                      "import_s": t_import, "read_s": read_s, "build_s": build_s, "solve_s": solve_s,
                      "mip_version": mip.__version__ if hasattr(mip, "__version__") else None}))


if __name__ == "__main__":
    main()
