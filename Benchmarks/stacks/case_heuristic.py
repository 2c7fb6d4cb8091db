"""Case 3: our reference heuristic against the authors' procedure on mlxtend (peer_heuristic.py),
per correct group of digits and MNIST-5k; mlxtend capped at a stated limit per group."""
from bench import DATASETS, HERE, PY, ds_args, meta, timed, transactions
from common import log


def run(bin_, quick, limit):
    cases = []
    plan = [("digits", [0, 7])] if quick else [("digits", list(range(10))), ("mnist5k", list(range(10)))]
    for name, classes in plan:
        files = transactions(bin_, name)
        for c in classes:
            f = [p for p in files if p.stem == f"correct-{c}"][0]
            row = {"data": name, "group": f"correct:{c}", "contenders": {}}
            log(f"heuristic {name} correct:{c}: ours")
            r = timed([bin_, "heuristic", *ds_args(name), "--only", f"correct:{c}", "--q", "1", "--json"], 600, 3)
            if "out" in r:
                g = r.pop("out")["groups"][0]
                r.update(backbone=sorted(x[0] for x in g["neurons"]), levels=len(g["levels"]),
                         max_minsup=g["max_minsup"], instances=g["instances"])
            row["contenders"]["ours"] = r
            log(f"heuristic {name} correct:{c}: mlxtend")
            r = timed([PY, str(HERE / "peer_heuristic.py"), "--layers", DATASETS[name]["layers"], str(f)], limit, 1)
            if "out" in r:
                o = r.pop("out")
                r.update(backbone=o.get("backbone"), levels=len(o.get("levels", [])), search_s=o.get("search_s"),
                         prep_s=o.get("prep_s"), import_s=o.get("import_s"))
            row["contenders"]["mlxtend"] = r
            bbs = [v["backbone"] for v in row["contenders"].values() if "backbone" in v]
            row["agree"] = all(b == bbs[0] for b in bbs) and "backbone" in row["contenders"]["ours"]
            row["compared"] = len(bbs)
            if not row["agree"]:
                log(f"heuristic {name} correct:{c}: CHECK FAILED (backbones differ)")
            cases.append(row)
    return {"case": "heuristic", "meta": meta(), "mlxtend_limit_s": limit, "cases": cases}
