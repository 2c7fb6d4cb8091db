"""Solve an MPS file written by `backbones ilp --write-mps` with a generic stack.

    peer_mps.py --solver highs|pulp FILE.mps [--time-limit S]

highs: highspy reads the file (the matrix only), SciPy `milp` (HiGHS) solves it.
pulp:  `pulp.LpProblem.fromMPS`, solved with PuLP's bundled CBC (PULP_CBC_CMD, 1 thread).
PuLP reports "Optimal" also when CBC stops at its time limit, so a solve that reaches the limit
is reported as time_limit here. Prints one JSON object.
"""
import argparse
import json
import time

ap = argparse.ArgumentParser()
ap.add_argument("mps")
ap.add_argument("--solver", choices=["highs", "pulp"], required=True)
ap.add_argument("--time-limit", type=float, default=600)
a = ap.parse_args()

if a.solver == "highs":
    t0 = time.perf_counter()
    import numpy as np
    import highspy
    from scipy.optimize import milp, LinearConstraint, Bounds
    from scipy.sparse import csc_matrix
    import_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.readModel(a.mps)
    lp = h.getLp()
    A = csc_matrix((np.array(lp.a_matrix_.value_), np.array(lp.a_matrix_.index_), np.array(lp.a_matrix_.start_)),
                   shape=(lp.num_row_, lp.num_col_))
    sign = -1.0 if lp.sense_ == highspy.ObjSense.kMaximize else 1.0
    c = sign * np.array(lp.col_cost_)
    integrality = np.array([1 if int(x) != 0 else 0 for x in lp.integrality_]) if len(lp.integrality_) else np.zeros(lp.num_col_)
    bounds = Bounds(np.array(lp.col_lower_), np.array(lp.col_upper_))
    cons = LinearConstraint(A, np.array(lp.row_lower_), np.array(lp.row_upper_))
    read_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    r = milp(c, integrality=integrality, bounds=bounds, constraints=cons,
             options={"time_limit": a.time_limit, "presolve": True})
    solve_s = time.perf_counter() - t0
    status = {0: "optimal", 1: "time_limit", 2: "infeasible"}.get(r.status, f"status{r.status}")
    obj = None if r.x is None else sign * r.fun + lp.offset_
    bound = getattr(r, "mip_dual_bound", None)
    print(json.dumps({"solver": "highs", "status": status, "objective": None if obj is None else round(obj),
                      "bound": None if bound is None else sign * bound, "rows": lp.num_row_, "columns": lp.num_col_,
                      "nonzeros": A.nnz, "import_s": import_s, "read_s": read_s, "solve_s": solve_s}))
else:
    t0 = time.perf_counter()
    import pulp
    import_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    _, prob = pulp.LpProblem.fromMPS(a.mps)
    read_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    prob.solve(pulp.PULP_CBC_CMD(msg=0, timeLimit=a.time_limit, threads=1))
    solve_s = time.perf_counter() - t0
    st = pulp.LpStatus[prob.status]
    status = {"Optimal": "optimal", "Infeasible": "infeasible"}.get(st, st)
    if status == "optimal" and solve_s >= 0.98 * a.time_limit:
        status = "time_limit"
    obj = pulp.value(prob.objective)
    print(json.dumps({"solver": "pulp", "status": status, "objective": None if obj is None else round(obj),
                      "rows": len(prob.constraints), "columns": len(prob.variables()),
                      "import_s": import_s, "read_s": read_s, "solve_s": solve_s}))
