"""Case 2: the cover model's whole exact front per digit class (q = 1), ours (the combinatorial search,
and the cover ILP with GLPK and CBC) against
the same models built and solved with python-mip (CBC) and SciPy milp (HiGHS).
Each contender runs one process per class under the same per-point time limit."""
import json
import os

from bench import DATA, HERE, PY, RESULTS, ds_args, meta, timed, transactions
from common import log, write_atomically

CLASSES_QUICK = [0, 7]


def run(bin_, quick, limit):
    files = transactions(bin_, "digits")
    classes = CLASSES_QUICK if quick else list(range(10))
    if os.environ.get("BENCH_FRONT_CLASSES"):  # e.g. "0,1,2": a subset (the report says which)
        classes = [int(x) for x in os.environ["BENCH_FRONT_CLASSES"].split(",")]
    cases = []
    for c in classes:
        f = [p for p in files if p.stem == f"correct-{c}"][0]
        row = {"group": f"correct:{c}", "contenders": {}}
        # ours-search: the combinatorial branch and bound (the default for q = 1); ours-glpk/cbc: the
        # same cover ILP as the peers build, solved by our backends (--q1-method ilp).
        for solver in ["search", "glpk", "cbc"]:
            log(f"front correct:{c}: ours {solver}")
            how = ["--q1-method", "search"] if solver == "search" else ["--q1-method", "ilp", "--solver", solver]
            r = timed([bin_, "ilp", "--model", "cover", *ds_args("digits"), "--only", f"correct:{c}", "--q", "1",
                       *how, "--time-limit", str(limit), "--json"], 3600)
            if "out" in r:
                pts = r.pop("out")[0]["points"]
                r["points"] = [{"budget": p["budget"], "covered": p["covered"], "status": p["status"],
                                "bound": p["bound"], "solve_s": p["seconds"]} for p in pts]
            row["contenders"][f"ours-{solver}"] = r
        for solver in ["mip", "highs"]:
            log(f"front correct:{c}: {solver}")
            r = timed([PY, str(HERE / "peer_front.py"), "--solver", solver, str(f), "--time-limit", str(limit)], 3600)
            if "out" in r:
                o = r.pop("out")
                r["points"] = [{"budget": p["budget"], "covered": p["covered"], "status": p["status"],
                                "bound": p["bound"], "solve_s": p["solve_s"], "build_s": p["build_s"]}
                               for p in o["points"]]
                r["instances"] = o["instances"]
            row["contenders"]["mip-cbc" if solver == "mip" else "scipy-highs"] = r
        # Check: every budget proven optimal by two or more contenders has one optimum.
        budgets = sorted({p["budget"] for v in row["contenders"].values() for p in v.get("points", [])})
        mismatches, common, proven = [], [], {}
        for k in budgets:
            vals = {name: p["covered"] for name, v in row["contenders"].items() for p in v.get("points", [])
                    if p["budget"] == k and p["status"] == "optimal"}
            if len(set(vals.values())) > 1:
                mismatches.append({"budget": k, "optima": vals})
            if len(vals) == len(row["contenders"]):
                common.append(k)
        for name, v in row["contenders"].items():
            pts = v.get("points", [])
            proven[name] = {"points": len(pts), "proven": sum(p["status"] == "optimal" for p in pts),
                            "solve_s_common": sum(p["solve_s"] for p in pts if p["budget"] in common)}
        row["agree"] = not mismatches and all("points" in v for v in row["contenders"].values())
        row["mismatches"] = mismatches
        row["common_budgets"] = common
        row["per_contender"] = proven
        if mismatches:
            log(f"front correct:{c}: CHECK FAILED: {mismatches}")
        cases.append(row)
        # Written after every class, so a run stopped early still leaves its finished classes.
        partial = {"case": "front", "meta": meta(), "point_limit_s": limit, "cases": cases, "quick": quick,
                   "classes_planned": classes}
        write_atomically(RESULTS / f"front{'-quick' if quick else ''}.json", json.dumps(partial, indent=1) + "\n")
    return {"case": "front", "meta": meta(), "point_limit_s": limit, "cases": cases, "classes_planned": classes}
