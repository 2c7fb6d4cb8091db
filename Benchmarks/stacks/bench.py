"""Backbones against the Python stack: ILP stacks, Pareto fronts, the heuristic, scaling.

    bench.py --backbones BIN [--case ilp,front,heuristic,scaling,shares] [--quick] [--out DIR]
    bench.py --render            # rewrite Benchmarks/RESULTS.md from Benchmarks/results/*.json

Called by Benchmarks/run.sh (which makes the venv and the release build). Every case first
checks that the contenders agree (same optimum / same backbone) and records the check; a
contender over its limit is reported as "> limit". Results: Benchmarks/results/<case>.json.
See Benchmarks/README.md for the method and every column.
"""
import argparse
import json
import math
import os
import platform
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))
from common import log, run_process, write_atomically, last_json  # noqa: E402

PY = sys.executable
DATA = REPO / "Benchmarks" / "data"
RESULTS = REPO / "Benchmarks" / "results"

DATASETS = {
    "digits": {"activations": REPO / "data/digits/train.csv", "weights": REPO / "data/digits/weights.csv",
               "layers": "64,32,16"},
    "mnist5k": {"activations": DATA / "mnist5k/fold0/train.csv", "weights": DATA / "mnist5k/fold0/weights.csv",
                "layers": "80,60,40,30,20"},
    "breast_cancer": {"activations": DATA / "breast_cancer/fold0/train.csv",
                      "weights": DATA / "breast_cancer/fold0/weights.csv", "layers": "256,32"},
}


def ds_args(name):
    d = DATASETS[name]
    return ["--activations", str(d["activations"]), "--layers", d["layers"], "--weights", str(d["weights"])]


def n_of(name):
    return sum(int(x) for x in DATASETS[name]["layers"].split(","))


def meta():
    return {"date": time.strftime("%Y-%m-%d %H:%M:%S %Z"), "machine": platform.machine(),
            "cpus": os.cpu_count(), "python": platform.python_version(), "load_start": os.getloadavg()[0]}


def transactions(bin_, name):
    """Per-group FIMI files (correct groups) of a data set, made by `backbones transactions`."""
    out = DATA / "tx" / name
    r = run_process([bin_, "transactions", *ds_args(name), "--groups", "correct", "--output", str(out)], 600)
    if r["rc"] != 0:
        raise SystemExit(f"bench.py: backbones transactions failed on {name}: {r['stderr'][-500:]}")
    return sorted(out.glob("correct-*.dat"), key=lambda p: int(p.stem.split("-")[1]))


def timed(cmd, limit, reps=1, parse=True):
    """Run cmd up to reps times (fewer once a run took 5 s); median wall; last parsed JSON."""
    walls, runs = [], []
    for k in range(reps):
        r = run_process(cmd, limit)
        runs.append(r)
        if r["timed_out"] or r["rc"] != 0:
            break
        walls.append(r["wall_s"])
        if r["wall_s"] > 5:
            break
    last = runs[-1]
    res = {"cmd": " ".join(str(c) for c in cmd), "runs": len(runs), "peak_mb": max((x["peak_mb"] or 0) for x in runs)}
    if last["timed_out"]:
        res.update(status="over_limit", limit_s=limit)
        return res
    if last["rc"] != 0:
        res.update(status="error", rc=last["rc"], stderr=last["stderr"][-800:])
        return res
    res["wall_s"] = statistics.median(walls)
    if parse:
        res["out"] = last_json(last["stdout"])
    else:
        res["stdout"] = last["stdout"]
        res["stderr"] = last["stderr"]
    return res


# ---------------------------------------------------------------- case 1: ILP stacks
# Ours: (c)/(d) solve the reference model's exact reduction (the CLI's default,
# ReducedReferenceModel: same optimum), (c')/(d') the plain model (--no-reduce), which is the
# model the peers build: (a) the authors' way, (b) with active rows only, and the plain MPS
# that ours exports, read by HiGHS and PuLP. One more row: the reduced MPS read by HiGHS.
OURS = [("ours-glpk", "glpk", []), ("ours-glpk-plain", "glpk", ["--no-reduce"]),
        ("ours-cbc", "cbc", []), ("ours-cbc-plain", "cbc", ["--no-reduce"])]
MPS = [("mps-highs", "highs", "plain"), ("mps-pulp", "pulp", "plain"), ("mps-highs-reduced", "highs", "reduced")]


def case_ilp(bin_, quick, limit):
    cases = []
    for name in (["digits"] if quick else ["digits", "mnist5k"]):
        files = transactions(bin_, name)
        n = n_of(name)
        c = {"data": name, "groups": len(files), "neurons": n, "sense": "min", "contenders": {}, "mps": {}}
        for kind, extra in (("plain", ["--no-reduce"]), ("reduced", [])):
            mps = DATA / "mps" / f"reference-{name}{'' if kind == 'plain' else '-reduced'}.mps"
            mps.parent.mkdir(parents=True, exist_ok=True)
            log(f"ilp {name}: exporting the {kind} MPS")
            exp = timed([bin_, "ilp", "--model", "reference", *ds_args(name), "--sense", "min", "--solver", "cbc",
                         "--json", "--write-mps", str(mps), *extra], limit)
            if "out" not in exp or exp["out"][0]["model"]["reduced"] != (kind == "reduced"):
                raise SystemExit(f"bench.py: exporting the {kind} MPS of {name} failed: {exp.get('stderr', '')[-500:]}")
            c["mps"][kind] = str(mps)
        reps = 1 if quick else 3
        for key, solver, extra in OURS:
            log(f"ilp {name}: {key}")
            r = timed([bin_, "ilp", "--model", "reference", *ds_args(name), "--sense", "min", "--solver", solver,
                       "--time-limit", str(limit), "--json", *extra], limit + 30, reps)
            if "out" in r:
                o = r.pop("out")[0]
                r.update(status=o["status"], objective=o["objective"], build_s=o["model"]["build_seconds"],
                         solve_s=o["seconds"], rows=o["model"]["rows"], columns=o["model"]["columns"],
                         nonzeros=o["model"]["nonzeros"], reduced=o["model"]["reduced"])
            c["contenders"][key] = r
        for mode in ["authors", "active"]:
            log(f"ilp {name}: python-mip {mode}")
            r = timed([PY, str(HERE / "peer_ilp.py"), "--mode", mode, "--n", str(n), "--layers",
                       DATASETS[name]["layers"], "--sense", "min", "--time-limit", str(limit), *map(str, files)],
                      limit + 600)
            if "out" in r:
                o = r.pop("out")
                r.update({k: o[k] for k in ("status", "objective", "rows", "columns", "nonzeros", "build_s", "solve_s",
                                            "read_s", "import_s")})
            c["contenders"][f"mip-{mode}"] = r
        for key, solver, kind in MPS:
            log(f"ilp {name}: {solver} on our {kind} MPS")
            r = timed([PY, str(HERE / "peer_mps.py"), "--solver", solver, c["mps"][kind], "--time-limit", str(limit)],
                      limit + 300)
            if "out" in r:
                o = r.pop("out")
                r.update({k: o.get(k) for k in ("status", "objective", "rows", "columns", "nonzeros", "solve_s",
                                                "read_s", "import_s")})
                r["build_s"] = r["read_s"]
            r["reduced"] = kind == "reduced"
            c["contenders"][key] = r
        objs = {k: v.get("objective") for k, v in c["contenders"].items() if v.get("status") == "optimal"}
        c["agree"] = len(set(objs.values())) == 1 and len(objs) > 0
        c["optimum"] = next(iter(objs.values())) if c["agree"] else None
        c["proven_by"] = sorted(objs)
        c["not_proven"] = sorted(k for k, v in c["contenders"].items() if v.get("status") != "optimal")
        if not c["agree"]:
            log(f"ilp {name}: CHECK FAILED: optima differ: {objs}")
        cases.append(c)
    return {"case": "ilp", "meta": meta(), "limit_s": limit, "cases": cases}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--backbones", help="the release binary")
    ap.add_argument("--case", default="ilp,front,heuristic,scaling")
    ap.add_argument("--quick", action="store_true", help="small subset (a few minutes)")
    ap.add_argument("--render", action="store_true", help="only rewrite Benchmarks/RESULTS.md from the JSON")
    ap.add_argument("--ilp-limit", type=float, default=300, help="time limit per ILP solve (s)")
    ap.add_argument("--point-limit", type=float, default=None,
                    help="front: time limit per point (s; default 2, with --quick 1)")
    ap.add_argument("--mlxtend-limit", type=float, default=300, help="heuristic: mlxtend limit per group (s)")
    ap.add_argument("--results", default=str(RESULTS))
    a = ap.parse_args()
    import render
    if a.render:
        render.render(Path(a.results))
        return
    if not a.backbones:
        ap.error("--backbones BIN is required (Benchmarks/run.sh passes it)")
    out = Path(a.results)
    failed = False
    for case in a.case.split(","):
        case = case.strip()
        log(f"=== case {case}{' (quick)' if a.quick else ''}")
        if case == "ilp":
            res = case_ilp(a.backbones, a.quick, a.ilp_limit)
        elif case == "front":
            import case_front
            res = case_front.run(a.backbones, a.quick, a.point_limit or (1 if a.quick else 2))
        elif case == "heuristic":
            import case_heuristic
            res = case_heuristic.run(a.backbones, a.quick, a.mlxtend_limit)
        elif case == "scaling":
            import case_scaling
            res = case_scaling.run(a.backbones, a.quick)
        elif case == "shares":
            import case_shares
            res = case_shares.run(a.backbones, a.quick, None)
        else:
            ap.error(f"unknown case {case!r} (ilp, front, heuristic, scaling, shares)")
        res["quick"] = a.quick
        res["meta"]["load_end"] = os.getloadavg()[0]
        failed |= not all(c.get("agree", True) for c in res.get("cases", []))
        failed |= not all(c.get("agree", True) for b in res.get("blocks", []) for c in b["cases"])
        write_atomically(out / f"{case}{'-quick' if a.quick else ''}.json", json.dumps(res, indent=1) + "\n")
    render.render(out)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
