"""Case 4: time and peak memory of transactions + mining + the front as instances, neurons and
groups grow, on structured synthetic activations (synth.py) and on MNIST-5k."""
import math
import shutil

import numpy as np

from bench import DATA, DATASETS, HERE, PY, meta, run_process
from common import log

STAGE_CAP = 600
FRONT_CAP = 300
POINT_LIMIT = 2


def series(quick):
    if quick:
        return [("instances", [(n, 1000, 10) for n in (1000, 3000, 10000)]),
                ("neurons", [(3000, m, 10) for m in (100, 300, 1000)]),
                ("groups", [(3000, 1000, g) for g in (2, 10)])]
    return [("instances", [(n, 1000, 10) for n in (1000, 3000, 10000, 30000, 100000)]),
            ("neurons", [(10000, m, 10) for m in (100, 300, 1000, 3000, 5000)]),
            ("groups", [(10000, 1000, g) for g in (2, 5, 10, 30, 100)])]


def stage(cmd, cap):
    r = run_process([str(c) for c in cmd], cap)
    ok = r["rc"] == 0 and not r["timed_out"]
    return {"s": r["wall_s"], "peak_mb": r["peak_mb"], "ok": ok, "timed_out": r["timed_out"],
            "err": None if ok else r["stderr"][-300:], "stdout": r["stdout"]}


def pipeline(bin_, src, layers, group_kind, front_group):
    """src: activation arguments. Returns dict of stage times/peaks."""
    tx = DATA / "scaling" / "tx"
    shutil.rmtree(tx, ignore_errors=True)
    res = {}
    t = stage([bin_, "transactions", *src, "--layers", layers, "--groups", group_kind, "--output", tx], STAGE_CAP)
    res["tx_s"], peaks, status = t["s"], [t["peak_mb"]], "ok" if t["ok"] else f"transactions failed: {t['err']}"
    mine_s, itemsets = 0.0, 0
    res["group_instances"] = sum(sum(1 for _ in open(f)) for f in tx.glob(f"{group_kind}-*.dat")) if t["ok"] else None
    if t["ok"]:
        for f in sorted(tx.glob(f"{group_kind}-*.dat")):
            m = stage([bin_, "mine", f, "--min-support", "0.5", "--target", "maximal", "--layers", layers,
                       "--layer-complete", "--limit", "0"], STAGE_CAP)
            mine_s += m["s"]
            peaks.append(m["peak_mb"])
            itemsets += sum(1 for line in m["stdout"].splitlines() if line.strip())
            if not m["ok"]:
                status = "mining over cap" if m["timed_out"] else f"mining failed: {m['err']}"
                break
    res["mine_s"], res["maximal_itemsets"] = mine_s, itemsets
    res["tx_mine_peak_mb"] = max(p or 0 for p in peaks)
    f = stage([bin_, "ilp", "--model", "cover", *src, "--layers", layers, "--groups", group_kind, "--only",
               front_group, "--q", "1", "--time-limit", str(POINT_LIMIT), "--json"], FRONT_CAP)
    if f["ok"]:
        import json
        pts = json.loads(f["stdout"])[0]["points"]
        res["front_points"] = len(pts)
        res["front_proven"] = sum(p["status"] == "optimal" for p in pts)
        res["front_s"] = f["s"]
    elif f["timed_out"]:
        res["front_s"] = None
        res["front_status"] = f"> {FRONT_CAP} s"
    else:
        res["front_status"] = f"failed: {f['err']}"
    peaks.append(f["peak_mb"])
    res["peak_mb"] = max(p or 0 for p in peaks)
    res["total_s"] = res["tx_s"] + res["mine_s"] + (res.get("front_s") or 0)
    res["tx_mine_s"] = res["tx_s"] + res["mine_s"]
    res["status"] = status if status != "ok" or "front_status" not in res else f"front {res['front_status']}"
    return res


def run(bin_, quick):
    runs = []
    for name, pts in series(quick):
        for n, m, g in pts:
            d = DATA / "synth" / f"n{n}-m{m}-g{g}"
            if not (d / "labels.npy").exists():
                log(f"scaling: generating {d.name}")
                r = run_process([PY, str(HERE / "synth.py"), "--instances", str(n), "--neurons", str(m), "--groups",
                                 str(g), "--seed", "1", "--out", str(d)], 1800)
                if r["rc"] != 0:
                    raise SystemExit(f"synth.py failed: {r['stderr'][-500:]}")
            log(f"scaling {name}: {n} instances, {m} neurons, {g} groups")
            w = m // 4
            res = pipeline(bin_, ["--activations", d / "activations.npy", "--labels", d / "labels.npy"],
                           f"{w},{w},{w},{w}", "class", "class:0")
            res.update(series=name, instances=n, neurons=m, groups=g)
            runs.append(res)
            if n >= 30000:  # large inputs: free the disk
                shutil.rmtree(d, ignore_errors=True)
    log("scaling: MNIST-5k")
    ds = DATASETS["mnist5k"]
    res = pipeline(bin_, ["--activations", ds["activations"], "--weights", ds["weights"]], ds["layers"], "correct",
                   "correct:0")
    res.update(series="mnist5k (real)", instances=res["group_instances"], neurons=230, groups=10)
    runs.append(res)
    slopes = {}
    for name, _ in series(quick):
        xs = [r for r in runs if r["series"] == name and r["status"] == "ok"]
        if len(xs) >= 2:
            x = np.log([r[name] for r in xs])
            slopes[name] = {"time": float(np.polyfit(x, np.log([r["total_s"] for r in xs]), 1)[0]),
                            "time_tx_mine": float(np.polyfit(x, np.log([r["tx_mine_s"] for r in xs]), 1)[0]),
                            "memory": float(np.polyfit(x, np.log([r["peak_mb"] for r in xs]), 1)[0])}
    target = next((r for r in runs if r["instances"] == 100000 and r["neurons"] == 1000), None)
    desc = ("Synthetic activations (`Benchmarks/stacks/synth.py`, seed 1): 4 equal layers; each group has a planted "
            "backbone of 12 neurons per layer (each on with probability 0.99, activation U(1.5, 2.5)) and a fringe "
            "of 2 neurons per layer (U(0.5, 1)); every other neuron U(0, 0.3); groups of equal size. The authors' "
            "binarization (k = 50, no weights: 12 per layer) gives transactions = the planted backbone with rare "
            "fringe substitutions. Stages, each a separate `backbones` process: `transactions --groups class` "
            "(reads the .npy, binarizes, writes one file per group), `mine` per group (maximal, support 0.5, "
            "layer-complete), and the exact q = 1 front of one group (`ilp --model cover --only class:0`: the "
            "combinatorial search, the default q = 1 method; "
            f"{POINT_LIMIT} s per point, stage cap {FRONT_CAP} s; it re-reads and re-binarizes the activations). "
            "Peak MB = the largest peak RSS of the stages (GNU time). Slopes are fitted on log(total s) and "
            "log(peak MB) against log(series variable) over the runs that finished.")
    return {"case": "scaling", "meta": meta(), "description": desc, "runs": runs, "slopes": slopes,
            "target_run": target and {"peak_mb": target["tx_mine_peak_mb"], "total_s": target["tx_mine_s"],
                                      "status": target["status"] if not target["status"].startswith("front") else "ok"}}
