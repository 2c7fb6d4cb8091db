"""Benchmarks/RESULTS.md from Benchmarks/results/{ilp,front,heuristic,scaling,shares}.json (the full runs;
a case without a full run falls back to its -quick file and says so). Also prints it."""
import json
import math
from pathlib import Path

from common import write_atomically


def load(d, case):
    for name, quick in ((f"{case}.json", False), (f"{case}-quick.json", True)):
        p = d / name
        if p.exists():
            return json.loads(p.read_text()), quick
    return None, None


def fs(x, nd=2):
    if x is None:
        return "–"
    if x >= 100:
        return f"{x:.0f}"
    return f"{x:.{nd}f}"


def wall(v):
    """Process seconds, or '> limit' text."""
    if v.get("status") == "over_limit":
        return f"> {v['limit_s']:.0f}"
    return fs(v.get("wall_s"))


def ratio(num, den, over=False):
    """num/den as 'N×' ('≥ N×' when num is a limit)."""
    if num is None or den in (None, 0):
        return "–"
    r = num / den
    return ("≥ " if over else "") + (f"{r:.1f}×" if r < 100 else f"{r:.0f}×")


def w_or_limit(v):
    if v.get("status") == "over_limit":
        return v["limit_s"], True
    return v.get("wall_s"), False


def render_ilp(res, quick, out, summary):
    out.append("## 1. Reference ILP, same model, different stacks" + (" (quick run)" if quick else ""))
    out.append("")
    out.append(f"The authors' Section 3 model (DESIGN.md), all ten correct-prediction groups, sense min (set "
               f"cover), ρ = 0.28 / 0 / 0.55; limit {res['limit_s']:.0f} s per solve. `proc s` = whole process "
               "(ours: from the activation CSV, including binarization; Python: interpreter start, imports, reading "
               "the transactions, build, solve). Ratios = contender's proc s / ours' proc s. "
               "(a), (b), (c'), (d') and the plain MPS build the plain model (one slack per instance; (a) also the "
               "rows of inactive neurons); (c), (d) and the reduced MPS its exact reduction (`backbones ilp`'s "
               "default, same optimum: identical transactions share a slack, a slack the ρ2 budget cannot afford is "
               "dropped — with ρ2 = 0 all of them — as are rows implied by another, and the pairwise diversity rows "
               "of a neuron become one row Σ_g e_gi ≤ 1 + (G−1)·s_i with the same binary solutions; docs/models.md).")
    out.append("")
    labels = {"mip-authors": "(a) python-mip, authors' rows", "mip-active": "(b) python-mip, active rows",
              "ours-glpk": "(c) ours, GLPK, reduced", "ours-glpk-plain": "(c') ours, GLPK, plain (`--no-reduce`)",
              "ours-cbc": "(d) ours, CBC, reduced", "ours-cbc-plain": "(d') ours, CBC, plain (`--no-reduce`)",
              "mps-highs": "our plain MPS → SciPy milp (HiGHS)", "mps-pulp": "our plain MPS → PuLP (CBC)",
              "mps-highs-reduced": "our reduced MPS → SciPy milp (HiGHS)"}
    for c in res["cases"]:
        chk = (f"check: all {len(c['proven_by'])} contenders proved the same optimum {c['optimum']}"
               if c["agree"] and not c["not_proven"]
               else f"check: every contender that proved optimality found {c['optimum']}; not proven: {c['not_proven']}"
               if c["agree"]
               else f"**check failed or incomplete**: proven by {c['proven_by']}, not proven: {c['not_proven']}")
        out.append(f"**{c['data']}** ({c['groups']} groups, {c['neurons']} neurons) — {chk}")
        out.append("")
        out.append("| contender | status | objective | build s | solve s | proc s | rows | columns | non-zeros | peak MB | (a)/this | (b)/this |")
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|")
        C = c["contenders"]
        a, aover = w_or_limit(C.get("mip-authors", {}))
        b, bover = w_or_limit(C.get("mip-active", {}))
        for k in labels:
            v = C.get(k)
            if v is None:
                continue
            label = labels[k]
            if k == "ours-glpk" and "ours-glpk-plain" not in C and "ours-cbc-plain" not in C:
                label = "(c) ours, GLPK"  # a run from before the reduction: the plain model
            if k == "ours-cbc" and "ours-glpk-plain" not in C and "ours-cbc-plain" not in C:
                label = "(d) ours, CBC"
            if k == "mps-highs" and "mps-highs-reduced" not in C:
                label = "our MPS → SciPy milp (HiGHS)"
            if k == "mps-pulp" and "mps-highs-reduced" not in C:
                label = "our MPS → PuLP (CBC)"
            st = v.get("status")
            t, _ = w_or_limit(v)
            out.append(f"| {label} | {st} | {v.get('objective', '–')} | {fs(v.get('build_s'))} | "
                       f"{fs(v.get('solve_s'))} | {wall(v)} | {v.get('rows', '–')} | {v.get('columns', '–')} | "
                       f"{v.get('nonzeros') or '–'} | {fs(v.get('peak_mb'), 0)} | {ratio(a, t, aover)} | "
                       f"{ratio(b, t, bover)} |")
        out.append("")
        ours = [k for k in ("ours-glpk", "ours-cbc", "ours-glpk-plain", "ours-cbc-plain")
                if C.get(k, {}).get("status") == "optimal"]
        best = min(ours, key=lambda k: C[k]["wall_s"], default=None)
        plain = [k for k in ours if not C[k].get("reduced")]
        best_plain = min(plain, key=lambda k: C[k]["wall_s"], default=None)
        if best and a:
            r = a / C[best]["wall_s"]
            short = {"ours-glpk": "(c) GLPK", "ours-cbc": "(d) CBC", "ours-glpk-plain": "(c') GLPK",
                     "ours-cbc-plain": "(d') CBC"}
            model = "reduced model" if C[best].get("reduced") else "plain model"
            extra = (f"; best on the plain model: {a / C[best_plain]['wall_s']:.1f}×"
                     if best_plain and best_plain != best else "")
            summary.append((f"Reference ILP end-to-end vs python-mip built the authors' way ({c['data']})",
                            "≥ 20×", f"{r:.1f}× (best of ours: {short[best]}, {model}{extra}; "
                                     f"same optimum: {'yes' if c['agree'] else 'NO'})",
                            r >= 20 and c["agree"]))
    out.append("(a) and (b) read the per-group transaction files that `backbones transactions` wrote (binarization "
               "not timed for them); HiGHS and PuLP read the MPS file that `backbones ilp --write-mps` wrote "
               "(`--no-reduce` for the plain one): their `build s` is reading that file into the stack. PuLP's `rows` "
               "are its constraints.")
    out.append("")


def render_front(res, quick, out, summary):
    out.append("## 2. Pareto front end-to-end (cover model, q = 1, digits)" + (" (quick run)" if quick else ""))
    out.append("")
    out.append(f"One point per budget K from the smallest transaction until every instance is covered; "
               f"{res['point_limit_s']:g} s limit per point for every contender; one process per class and "
               "contender. `proc s` = whole process per class; `proven` = points proven optimal / points; "
               "`common s` = solve seconds summed over the budgets that **every** contender proved (where all "
               "of them must agree: the check). Ratios: peer / ours.")
    done = [c["group"] for c in res["cases"]]
    planned = res.get("classes_planned")
    if planned and len(done) < len(planned):
        out.append("")
        out.append(f"**Partial run: {len(done)} of the {len(planned)} planned classes finished** ({', '.join(done)}); "
                   "the totals and ratios below are over these classes only.")
    out.append("")
    names = [n for n in ["ours-search", "ours-glpk", "ours-cbc", "mip-cbc", "scipy-highs"]
             if any(n in c["contenders"] for c in res["cases"])]
    ours_names = [n for n in names if n.startswith("ours-")]
    out.append("| class | " + " | ".join(f"{n} proc s | {n} proven" for n in names) +
               " | common points | " + " | ".join(f"{n} common s" for n in names) + " | agree |")
    out.append("|---" * (2 * len(names) + len(names) + 3) + "|")
    tot = {n: 0.0 for n in names}
    totc = {n: 0.0 for n in names}
    pr = {n: [0, 0] for n in names}
    ncommon, agree_all = 0, True
    for c in res["cases"]:
        C = c["contenders"]
        cells = []
        for n in names:
            v = C.get(n, {})
            p = c["per_contender"].get(n, {})
            cells.append(f"{wall(v)} | {p.get('proven', 0)}/{p.get('points', 0)}")
            tot[n] += v.get("wall_s") or v.get("limit_s") or 0
            totc[n] += p.get("solve_s_common", 0)
            pr[n][0] += p.get("proven", 0)
            pr[n][1] += p.get("points", 0)
        ncommon += len(c["common_budgets"])
        agree_all &= c["agree"]
        out.append(f"| {c['group']} | " + " | ".join(cells) + f" | {len(c['common_budgets'])} | " +
                   " | ".join(fs(c["per_contender"].get(n, {}).get("solve_s_common")) for n in names) +
                   f" | {'yes' if c['agree'] else '**NO**'} |")
    out.append(f"| **total** | " + " | ".join(f"{fs(tot[n])} | {pr[n][0]}/{pr[n][1]}" for n in names) +
               f" | {ncommon} | " + " | ".join(fs(totc[n]) for n in names) + f" | {'yes' if agree_all else '**NO**'} |")
    out.append("")
    out.append("| ratio (peer / ours) | proc s, whole fronts | solve s, commonly proven points |")
    out.append("|---|---|---|")
    for peer in ["mip-cbc", "scipy-highs"]:
        for ours in ours_names:
            out.append(f"| {peer} / {ours} | {ratio(tot[peer], tot[ours])} | {ratio(totc[peer], totc[ours])} |")
    out.append("")
    out.append("A point a contender did not prove within the limit still costs it the limit; the proven counts "
               "say how many each closed. Totals over unproven points are not a like-for-like comparison: the "
               "commonly proven points are.")
    out.append("")
    if not quick or True:
        best = min(ours_names, key=lambda n: tot[n])
        bo = tot[best]
        r1, r2 = tot["mip-cbc"] / bo if bo else 0, tot["scipy-highs"] / bo if bo else 0
        bc = totc[best]
        c1 = totc["mip-cbc"] / bc if bc else 0
        c2 = totc["scipy-highs"] / bc if bc else 0
        summary.append((f"Whole exact front (q = 1, digits, {len(res['cases'])} of 10 classes) vs python-mip/CBC and HiGHS", "≥ 5× each, same optima",
                        f"whole fronts {r1:.1f}× / {r2:.1f}×; commonly proven points {c1:.1f}× / {c2:.1f}× "
                        f"({best}, the fastest of ours; proven {pr[best][0]}/{pr[best][1]} vs "
                        f"{pr['mip-cbc'][0]} / {pr['scipy-highs'][0]} points; optima agree: "
                        f"{'yes' if agree_all else 'NO'})",
                        min(r1, r2) >= 5 and min(c1, c2) >= 5 and agree_all))


def render_heuristic(res, quick, out, summary):
    out.append("## 3. Heuristic end-to-end (reference heuristic vs the mlxtend procedure)" +
               (" (quick run)" if quick else ""))
    out.append("")
    out.append(f"Per correct group; mlxtend capped at {res['mlxtend_limit_s']:.0f} s per group (reported as "
               "`> limit`). `proc s`: whole process. **ours**: from the same per-group transactions file "
               "mlxtend reads (`heuristic --transactions FILE --layers …`); **ours from CSV**: from the activation "
               "CSV (`heuristic --activations … --only correct:C`: parsing, binarizing the group's rows, search); "
               "mlxtend: interpreter, pandas import, reading the file, one-hot, every `fpmax` call. `search s`: "
               "mlxtend's level search inside its process (no start-up). Ratios: mlxtend proc s / ours proc s "
               f"(ours: median of {res.get('ours_reps', 3)} runs; mlxtend: 1 run).")
    out.append("")
    out.append("| data | group | levels | backbone | ours proc s | ours from CSV proc s | mlxtend proc s | "
               "mlxtend search s | ratio (same input) | ratio (from CSV) | search / ours | same backbone |")
    out.append("|---|---|---|---|---|---|---|---|---|---|---|---|")
    tot_o = tot_c = tot_m = tot_s = 0.0
    over_any, agree_all = False, True
    for c in res["cases"]:
        o, m = c["contenders"]["ours"], c["contenders"]["mlxtend"]
        oc = c["contenders"].get("ours-csv", {})
        mt, over = w_or_limit(m)
        over_any |= over
        agree_all &= c["agree"] or over
        tot_o += o.get("wall_s") or 0
        tot_c += oc.get("wall_s") or 0
        tot_m += mt or 0
        tot_s += m.get("search_s") or (mt if over else 0)
        out.append(f"| {c['data']} | {c['group']} | {o.get('levels', '–')} | {len(o.get('backbone', []))} | "
                   f"{fs(o.get('wall_s'), 3)} | {fs(oc.get('wall_s'), 3)} | {wall(m)} | {fs(m.get('search_s'), 3)} | "
                   f"{ratio(mt, o.get('wall_s'), over)} | {ratio(mt, oc.get('wall_s'), over)} | "
                   f"{ratio(m.get('search_s'), o.get('wall_s'))} | "
                   f"{'yes' if c['agree'] else ('not compared (> limit)' if over else '**NO**')} |")
    out.append(f"| **total** | | | | {fs(tot_o, 3)} | {fs(tot_c or None, 3)} | {('≥ ' if over_any else '') + fs(tot_m)} | "
               f"{fs(tot_s)} | {ratio(tot_m, tot_o, over_any)} | {ratio(tot_m, tot_c or None, over_any)} | "
               f"{ratio(tot_s, tot_o)} | {'yes' if agree_all else '**NO**'} |")
    out.append("")
    r = tot_m / tot_o if tot_o else 0
    rc = tot_m / tot_c if tot_c else 0
    rs = tot_s / tot_o if tot_o else 0
    ge = "≥ " if over_any else ""
    summary.append(("Heuristic end-to-end vs the mlxtend procedure", "≥ 100×",
                    f"{ge}{r:.0f}× whole process, both from the same transactions file (like for like); "
                    f"{ge}{rc:.0f}× with ours starting from the activation CSV (parsing and binarizing too); "
                    f"{rs:.1f}× against mlxtend's search alone (same backbones: {'yes' if agree_all else 'NO'})",
                    r >= 100 and agree_all))


def render_scaling(res, quick, out, summary):
    out.append("## 4. Scaling: transactions + mining + front" + (" (quick run)" if quick else ""))
    out.append("")
    out.append(res.get("description", ""))
    out.append("")
    out.append("| series | instances | neurons | groups | transactions s | mining s | front s | total s | peak MB | status |")
    out.append("|---|---|---|---|---|---|---|---|---|---|")
    for r in res["runs"]:
        out.append(f"| {r['series']} | {r['instances']} | {r['neurons']} | {r['groups']} | {fs(r.get('tx_s'), 3)} | "
                   f"{fs(r.get('mine_s'), 3)} | {fs(r.get('front_s'), 3)} | {fs(r.get('total_s'), 3)} | "
                   f"{fs(r.get('peak_mb'), 0)} | {r.get('status', 'ok')} |")
    out.append("")
    if res.get("slopes"):
        out.append("| series | fitted log-log slope of total time | of transactions + mining time | of peak memory |")
        out.append("|---|---|---|---|")
        for k, v in res["slopes"].items():
            out.append(f"| {k} | {fs(v.get('time'))} | {fs(v.get('time_tx_mine'))} | {fs(v.get('memory'))} |")
        out.append("")
        out.append("The front is one group's, and a group holds instances / groups instances: in the groups series "
                   "the front gets cheaper as groups grow while mining (one process per group) gets dearer.")
        out.append("")
    big = res.get("target_run")
    if big:
        ok = big.get("status") == "ok" and (big.get("peak_mb") or 1e9) < 24 * 1024
        summary.append(("100k instances × 1k neurons through transactions and mining", "< 24 GiB",
                        f"peak {fs((big.get('peak_mb') or 0) / 1024)} GiB, {fs(big.get('total_s'))} s "
                        f"({big.get('status')})", ok))


SHARE_NAMES = ["ours-search", "ours-glpk", "ours-cbc", "mip-cbc", "scipy-highs"]
DATA_LABEL = {"digits": "digits (bundled)", "mnist5k": "MNIST-5k fold 0", "breast_cancer": "breast cancer fold 0"}


def render_shares(res, quick, out, summary):
    out.append("## 5. Whole exact fronts at q < 1 (cover model, every class)" + (" (quick run)" if quick else ""))
    out.append("")
    out.append("One point per budget K from the smallest useful size until every instance is covered; the same "
               "limit per point for every contender (10 s for MNIST-5k at q = 0.5, 2 s elsewhere); one process per "
               "class and contender. `proven` = points proven optimal / points; `s` = solve seconds summed over "
               "the front (a point stopped by the limit costs the limit); `max gap` = largest (bound − covered) / "
               "covered of an unproven point. `with search` = solve seconds of an ILP contender on the budgets it "
               "and ours-search both proved, against ours-search's seconds on the same budgets (the like-for-like "
               "comparison). Every budget two contenders prove must have one optimum (the check).")
    out.append("")
    planned = res.get("planned") or []
    if planned and len(res["blocks"]) < len(planned):
        done = [f"{b['data']} q={b['q']}" for b in res["blocks"]]
        out.append(f"**Partial run: {len(res['blocks'])} of the {len(planned)} planned blocks** ({', '.join(done)}).")
        out.append("")
    out.append("| data | q | limit s | classes | " + " | ".join(f"{n} proven | {n} s" for n in SHARE_NAMES) +
               " | max gap ours-search | best ILP stack | its s / ours-search s on points both proved | agree |")
    out.append("|---" * (4 + 2 * len(SHARE_NAMES) + 4) + "|")
    for b in res["blocks"]:
        tot = {n: [0, 0, 0.0] for n in SHARE_NAMES}
        pair = {n: [0.0, 0.0, 0] for n in SHARE_NAMES}
        gap, agree = 0.0, True
        per_class_ok = {n: True for n in SHARE_NAMES}
        for c in b["cases"]:
            agree &= c["agree"]
            pc = c["per_contender"]
            for n in SHARE_NAMES:
                p = pc.get(n, {})
                tot[n][0] += p.get("proven", 0)
                tot[n][1] += p.get("points", 0)
                tot[n][2] += p.get("solve_s", 0)
                pair[n][0] += p.get("solve_s_pair", 0)
                pair[n][1] += p.get("search_s_pair", 0)
                pair[n][2] += p.get("pair_budgets", 0)
            gap = max(gap, pc.get("ours-search", {}).get("max_gap", 0))
            for n in ILP_NAMES:
                if pc.get(n, {}).get("proven", 0) > pc.get("ours-search", {}).get("proven", 0):
                    per_class_ok[n] = False
        best = max(ILP_NAMES, key=lambda n: (tot[n][0], -tot[n][2]))
        r = pair[best][0] / pair[best][1] if pair[best][1] else None
        cells = " | ".join(f"{tot[n][0]}/{tot[n][1]} | {fs(tot[n][2])}" for n in SHARE_NAMES)
        out.append(f"| {DATA_LABEL.get(b['data'], b['data'])} | {b['q']:g} | {b['point_limit_s']:g} | {len(b['cases'])} | "
                   f"{cells} | {100 * gap:.1f} % | {best} | {fs(pair[best][0])} / {fs(pair[best][1], 3)} "
                   f"({ratio(pair[best][0], pair[best][1])}, {pair[best][2]} points) | {'yes' if agree else '**NO**'} |")
        ours = tot["ours-search"]
        if b["data"] == "mnist5k" and b["q"] == 0.5:
            share = ours[0] / ours[1] if ours[1] else 0
            summary.append((f"MNIST-5k fold 0, q = 0.5, all ten classes, whole fronts, {b['point_limit_s']:g} s per point",
                            "≥ 95 % proven, no unproven gap > 2 %",
                            f"{ours[0]}/{ours[1]} proven ({100 * share:.1f} %), largest gap {100 * gap:.1f} %, "
                            f"{fs(ours[2])} s in all", share >= 0.95 and gap <= 0.02 and b["point_limit_s"] <= 10))
        summary.append((f"{DATA_LABEL.get(b['data'], b['data'])}, q = {b['q']:g}: ours-search vs the best ILP stack "
                        f"({best}) at {b['point_limit_s']:g} s per point",
                        "≥ 10× less time on commonly proven points, ≥ as many proven on every class, same optima",
                        f"{ratio(pair[best][0], pair[best][1])} on {pair[best][2]} points; proven {ours[0]} vs "
                        f"{tot[best][0]} of {ours[1]}; every class: {'yes' if per_class_ok[best] else 'no'}; "
                        f"agree: {'yes' if agree else 'NO'}",
                        (r is None or r >= 10) and per_class_ok[best] and agree))
    out.append("")
    for b in res["blocks"]:
        out.append(f"<details><summary>{DATA_LABEL.get(b['data'], b['data'])}, q = {b['q']:g}: per class</summary>")
        out.append("")
        out.append("| class | " + " | ".join(f"{n} proven | {n} s" for n in SHARE_NAMES) + " | agree |")
        out.append("|---" * (2 + 2 * len(SHARE_NAMES)) + "|")
        for c in b["cases"]:
            pc = c["per_contender"]
            out.append(f"| {c['group']} | " + " | ".join(
                f"{pc.get(n, {}).get('proven', 0)}/{pc.get(n, {}).get('points', 0)} | {fs(pc.get(n, {}).get('solve_s'))}"
                for n in SHARE_NAMES) + f" | {'yes' if c['agree'] else '**NO**'} |")
        out.append("")
        out.append("</details>")
        out.append("")


ILP_NAMES = ["ours-glpk", "ours-cbc", "mip-cbc", "scipy-highs"]


def render(d):
    d = Path(d)
    out, summary = [], []
    body = []
    for case, fn in (("ilp", render_ilp), ("front", render_front), ("heuristic", render_heuristic),
                     ("scaling", render_scaling), ("shares", render_shares)):
        res, quick = load(d, case)
        if res is None:
            body.append(f"## {case}: not run yet\n")
            continue
        fn(res, quick, body, summary)
        m = res["meta"]
        body.append(f"<sub>{case}: run {m['date']}, {m['cpus']} CPUs, load {m['load_start']:.1f} → "
                    f"{m.get('load_end', float('nan')):.1f}, Python {m['python']}.</sub>")
        body.append("")
    out.append("# Benchmark results")
    out.append("")
    out.append("Generated by `Benchmarks/stacks/bench.py --render` from `Benchmarks/results/*.json` (do not edit). "
               "Method and columns: `Benchmarks/README.md`. The machine is shared and noisy: read the ratios, "
               "not the seconds.")
    out.append("")
    out.append("## Targets")
    out.append("")
    out.append("| target | wanted | measured | met |")
    out.append("|---|---|---|---|")
    for name, want, got, ok in summary:
        out.append(f"| {name} | {want} | {got} | {'**yes**' if ok else 'no'} |")
    out.append("")
    mining = d / "mining.md"
    if mining.exists():
        out.append("Mining (ours vs pyfim vs mlxtend) has its own report: `Benchmarks/results/mining.md` "
                   "(`make bench-mining`).")
        out.append("")
    out.extend(body)
    text = "\n".join(out) + "\n"
    write_atomically(d.parent / "RESULTS.md", text)
    print(text)
