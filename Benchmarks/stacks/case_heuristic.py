"""Case 3: our reference heuristic against the authors' procedure on mlxtend (peer_heuristic.py),
per correct group of digits and MNIST-5k; mlxtend capped at a stated limit per group.

Two runs of ours per group: "ours" starts from the same per-group FIMI transactions file the
mlxtend peer reads (`heuristic --transactions FILE --layers …`: the like-for-like comparison),
"ours-csv" from the activation CSV (`heuristic --activations … --only correct:C`: the whole
pipeline, including parsing the CSV and binarizing the group's rows)."""
from bench import DATASETS, HERE, PY, ds_args, meta, timed, transactions
from common import log

OURS_REPS = 5  # a run of ours takes tens of milliseconds: the median of 5


def ours(cmd):
    r = timed(cmd, 600, OURS_REPS)
    if "out" in r:
        g = r.pop("out")["groups"][0]
        r.update(backbone=sorted(x[0] for x in g["neurons"]), levels=len(g["levels"]),
                 max_minsup=g["max_minsup"], instances=g["instances"])
    return r


def run(bin_, quick, limit):
    cases = []
    plan = [("digits", [0, 7])] if quick else [("digits", list(range(10))), ("mnist5k", list(range(10)))]
    for name, classes in plan:
        files = transactions(bin_, name)
        layers = DATASETS[name]["layers"]
        for c in classes:
            f = [p for p in files if p.stem == f"correct-{c}"][0]
            row = {"data": name, "group": f"correct:{c}", "contenders": {}}
            log(f"heuristic {name} correct:{c}: ours (transactions file)")
            row["contenders"]["ours"] = ours([bin_, "heuristic", "--transactions", str(f), "--layers", layers,
                                              "--q", "1", "--json"])
            log(f"heuristic {name} correct:{c}: ours (activation CSV)")
            row["contenders"]["ours-csv"] = ours([bin_, "heuristic", *ds_args(name), "--only", f"correct:{c}",
                                                  "--q", "1", "--json"])
            log(f"heuristic {name} correct:{c}: mlxtend")
            r = timed([PY, str(HERE / "peer_heuristic.py"), "--layers", layers, str(f)], limit, 1)
            if "out" in r:
                o = r.pop("out")
                r.update(backbone=o.get("backbone"), levels=len(o.get("levels", [])), search_s=o.get("search_s"),
                         prep_s=o.get("prep_s"), import_s=o.get("import_s"))
            row["contenders"]["mlxtend"] = r
            bbs = [v["backbone"] for v in row["contenders"].values() if "backbone" in v]
            row["agree"] = (all(b == bbs[0] for b in bbs) and "backbone" in row["contenders"]["ours"]
                            and "backbone" in row["contenders"]["ours-csv"])
            row["compared"] = len(bbs)
            if not row["agree"]:
                log(f"heuristic {name} correct:{c}: CHECK FAILED (backbones differ)")
            cases.append(row)
    return {"case": "heuristic", "meta": meta(), "mlxtend_limit_s": limit, "ours_reps": OURS_REPS, "cases": cases}
