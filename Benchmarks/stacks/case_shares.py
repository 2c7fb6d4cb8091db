"""Case 5: whole exact fronts at shares q < 1 (0.5, 0.7, 0.9), every class of digits (bundled),
MNIST-5k fold 0 and breast cancer fold 0: ours (the layer-join search, and the cover ILP with our
GLPK and CBC backends) against the same cover ILP built and solved with python-mip (CBC) and
SciPy milp (HiGHS), all at the same limit per point. One process per class and contender.

Per (data set, q) the limit per point is 10 s for MNIST-5k at q = 0.5 (the issue's target) and
2 s elsewhere (whole fronts of every ILP stack at 10 s a point would take about 12 hours);
BENCH_SHARES="mnist5k:0.5:10,digits:0.7:2" runs a chosen subset instead (the report says which).
"""
import json
import os

from bench import HERE, PY, RESULTS, DATASETS, ds_args, meta, timed, transactions
from common import log, write_atomically

PLAN = [("digits", 0.5, 2), ("digits", 0.7, 2), ("digits", 0.9, 2),
        ("breast_cancer", 0.5, 2), ("breast_cancer", 0.7, 2), ("breast_cancer", 0.9, 2),
        ("mnist5k", 0.5, 10), ("mnist5k", 0.7, 2), ("mnist5k", 0.9, 2)]
QUICK = [("digits", 0.5, 1), ("digits", 0.7, 1)]
QUICK_CLASSES = [0, 1]
ILP_CONTENDERS = ["ours-glpk", "ours-cbc", "mip-cbc", "scipy-highs"]


def front_of_ours(bin_, name, c, q, limit, method):
    how = ["--method", "search"] if method == "search" else ["--method", "ilp", "--solver", method]
    r = timed([bin_, "ilp", "--model", "cover", *ds_args(name), "--only", f"correct:{c}", "--q", str(q),
               *how, "--time-limit", str(limit), "--json"], 4 * 3600)
    if "out" in r:
        pts = r.pop("out")[0]["points"]
        r["points"] = [{"budget": p["budget"], "covered": p["covered"], "status": p["status"],
                        "bound": p["bound"], "solve_s": p["seconds"]} for p in pts]
    return r


def front_of_peer(file, name, q, limit, solver):
    r = timed([PY, str(HERE / "peer_front.py"), "--solver", solver, str(file), "--time-limit", str(limit),
               "--q", str(q), "--layers", DATASETS[name]["layers"]], 4 * 3600)
    if "out" in r:
        o = r.pop("out")
        r["points"] = [{"budget": p["budget"], "covered": p["covered"], "status": p["status"],
                        "bound": p["bound"], "solve_s": p["solve_s"], "build_s": p["build_s"]} for p in o["points"]]
        r["instances"] = o["instances"]
    return r


def check(row):
    """Every budget that two or more contenders prove must have one optimum; per contender:
    points, proven, seconds on the budgets every contender proved, and on the budgets each ILP
    contender proved together with ours-search."""
    cont = row["contenders"]
    budgets = sorted({p["budget"] for v in cont.values() for p in v.get("points", [])})
    mismatches, common = [], []
    for k in budgets:
        vals = {n: p["covered"] for n, v in cont.items() for p in v.get("points", [])
                if p["budget"] == k and p["status"] == "optimal"}
        if len(set(vals.values())) > 1:
            mismatches.append({"budget": k, "optima": vals})
        if len(vals) == len(cont):
            common.append(k)
    per = {}
    search = {p["budget"]: p for p in cont.get("ours-search", {}).get("points", [])}
    for n, v in cont.items():
        pts = v.get("points", [])
        pair = [p["budget"] for p in pts if p["status"] == "optimal"
                and search.get(p["budget"], {}).get("status") == "optimal"]
        per[n] = {"points": len(pts), "proven": sum(p["status"] == "optimal" for p in pts),
                  "solve_s": sum(p["solve_s"] for p in pts),
                  "solve_s_common": sum(p["solve_s"] for p in pts if p["budget"] in common),
                  "pair_budgets": len(pair),
                  "solve_s_pair": sum(p["solve_s"] for p in pts if p["budget"] in pair),
                  "search_s_pair": sum(search[k]["solve_s"] for k in pair),
                  "max_gap": max([(p["bound"] - p["covered"]) / max(1, p["covered"]) for p in pts
                                  if p["status"] != "optimal" and p.get("bound") is not None and p.get("covered") is not None],
                                 default=0)}
    row["agree"] = not mismatches and all("points" in v for v in cont.values())
    row["mismatches"] = mismatches
    row["common_budgets"] = common
    row["per_contender"] = per


def previous_cases(path, quick):
    """Classes a stopped run already finished, keyed by (data, q, limit, group), so that
    BENCH_SHARES_RESUME=1 goes on where it stopped instead of starting over; every kept row is
    the measured one, and meta() of the new file still names this machine."""
    if not os.environ.get("BENCH_SHARES_RESUME") or not path.exists():
        return {}
    old = json.loads(path.read_text())
    if old.get("quick") != quick:
        return {}
    return {(b["data"], float(b["q"]), float(b["point_limit_s"]), row["group"]): row
            for b in old["blocks"] for row in b["cases"]}


def run(bin_, quick, _limit):
    plan = QUICK if quick else PLAN
    if os.environ.get("BENCH_SHARES"):
        plan = [(d, float(q), float(l)) for d, q, l in (x.split(":") for x in os.environ["BENCH_SHARES"].split(","))]
    out = RESULTS / f"shares{'-quick' if quick else ''}.json"
    done = previous_cases(out, quick)
    blocks = []
    files = {}
    for name, q, limit in plan:
        if name not in files:
            files[name] = transactions(bin_, name)
        classes = [int(p.stem.split("-")[1]) for p in files[name]]
        if quick:
            classes = [c for c in classes if c in QUICK_CLASSES]
        block = {"data": name, "q": q, "point_limit_s": limit, "cases": []}
        for c in classes:
            if (name, q, limit, f"correct:{c}") in done:
                log(f"shares {name} q={q} correct:{c}: kept from the previous run")
                block["cases"].append(done[(name, q, limit, f"correct:{c}")])
                continue
            f = [p for p in files[name] if p.stem == f"correct-{c}"][0]
            row = {"group": f"correct:{c}", "contenders": {}}
            for method in ["search", "glpk", "cbc"]:
                log(f"shares {name} q={q} correct:{c}: ours {method}")
                row["contenders"][f"ours-{method}"] = front_of_ours(bin_, name, c, q, limit, method)
            for solver, key in [("mip", "mip-cbc"), ("highs", "scipy-highs")]:
                log(f"shares {name} q={q} correct:{c}: {key}")
                row["contenders"][key] = front_of_peer(f, name, q, limit, solver)
            check(row)
            if row["mismatches"]:
                log(f"shares {name} q={q} correct:{c}: CHECK FAILED: {row['mismatches']}")
            block["cases"].append(row)
            # Written after every class, so a run stopped early keeps what it finished.
            partial = {"case": "shares", "meta": meta(), "blocks": blocks + [block], "quick": quick,
                       "planned": [list(p) for p in plan]}
            write_atomically(out, json.dumps(partial, indent=1) + "\n")
        blocks.append(block)
    return {"case": "shares", "meta": meta(), "blocks": blocks, "planned": [list(p) for p in plan]}
