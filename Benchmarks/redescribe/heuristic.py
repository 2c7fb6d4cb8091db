"""The heuristic miner against python-clired (ReReMi) on ExItNeRdoM's data, in one script.

Every unit of network 111 is a target described by network 112, and every unit of 112 by 111
(64 targets; a unit constant on the 171 rows is no target). Both tools see the same
discretization: each unit cut into equal-frequency bins over its distinct values (their mode 2,
`m = ceil(2 d^(1/3))` bins; `backbones` `equal-frequency`). clired gets the data coded by bin
index (0..m-1), so its intervals are runs of bins, exactly our literals. Same limits: one
literal on the target side, three on the other, AND/OR and negation there, |∩| >= 10,
n - |∪| >= 10, initial pairs 100, beam 4, p-value (ReReMi's, P(X >= |∩|)) <= 0.01.

Times: ours, the miner's seconds per target from the JSON (one `backbones redescribe` process
per direction, its wall time also recorded); clired's, `full_run()` per target in this process
(data loading excluded). Usage:
  heuristic.py BACKBONES_BIN REFERENCE_DIR OUT_PREFIX
writes OUT_PREFIX.json, OUT_PREFIX.csv, OUT_PREFIX.md.
"""
import csv, io, json, math, os, re, subprocess, sys, tempfile, time, contextlib

BIN, REF, OUT = sys.argv[1], sys.argv[2], sys.argv[3]
ARFF = {"111": f"{REF}/arff/mlp-s-111.arff", "112": f"{REF}/arff/mlp-s-112.arff"}
LITERALS_TARGET, LITERALS_OTHER, MIN_SUPPORT, MIN_UNCOVERED, MAX_P, PAIRS, BEAM = 1, 3, 10, 10, 0.01, 100, 4


def read_arff(path):
    names, rows, data = [], [], False
    for line in open(path):
        s = line.strip()
        if not s or s.startswith("%"):
            continue
        if s.lower().startswith("@attribute"):
            names.append(s.split()[1])
        elif s.lower().startswith("@data"):
            data = True
        elif data:
            rows.append(s.split(","))
    return names[1:], [[float(x) for x in r[1:]] for r in rows]


def equal_frequency(col):
    """Bin index of each value and the bins' (lower, upper): Discretization.equalFrequency."""
    d = sorted(set(col)); D = len(d)
    m = min(D, math.ceil(2 * D ** (1 / 3)))
    index, bins = {}, []
    for k in range(m):
        vals = d[k * D // m:(k + 1) * D // m]
        if vals:
            bins.append((vals[0], vals[-1]))
            for v in vals:
                index[v] = len(bins) - 1
    return [index[v] for v in col], bins


views = {k: read_arff(p) for k, p in ARFF.items()}
coded = {k: [equal_frequency([r[j] for r in rows]) for j in range(len(names))] for k, (names, rows) in views.items()}


def run_ours(left, right):
    out = tempfile.mktemp(suffix=".json")
    args = [BIN, "redescribe", "--left", ARFF[left], "--right", ARFF[right], "--heuristic", "--target-bins", "equal-frequency",
            "--query-bins", "equal-frequency", "--max-target-literals", str(LITERALS_TARGET), "--max-literals", str(LITERALS_OTHER),
            "--min-support", str(MIN_SUPPORT), "--min-uncovered", str(MIN_UNCOVERED), "--max-p-value", str(MAX_P),
            "--initial-pairs", str(PAIRS), "--beam-width", str(BEAM), "--output", out]
    t = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    report = json.load(open(out)); os.unlink(out)
    return report, wall


CONF = """<root>
<parameter><name>LHS_data</name><value>{d}/left.csv</value></parameter>
<parameter><name>RHS_data</name><value>{d}/right.csv</value></parameter>
<parameter><name>result_rep</name><value>{d}/</value></parameter>
<parameter><name>out_base</name><value>out</value></parameter>
<parameter><name>delim_in</name><value>,</value></parameter>
<parameter><name>max_var_s0</name><value>{l0}</value></parameter>
<parameter><name>max_var_s1</name><value>{l1}</value></parameter>
<parameter><name>min_itm_in</name><value>{s}</value></parameter>
<parameter><name>min_itm_out</name><value>{u}</value></parameter>
<parameter><name>max_inits</name><value>{pairs}</value></parameter>
<parameter><name>batch_cap</name><value>{beam}</value></parameter>
<parameter><name>max_fin_pval</name><value>{p}</value></parameter>
<parameter><name>method_pval</name><value>marg</value></parameter>
<parameter><name>ops_query_s1</name><value>conjunction</value><value>disjunction</value></parameter>
<parameter><name>neg_query_s1_3</name><value>positive</value><value>negative</value></parameter>
<parameter><name>nb_processes</name><value>1</value></parameter>
<parameter><name>verbosity</name><value>0</value></parameter>
</root>
"""


def run_clired(target_codes, other_codes, workdir):
    from blocks.mine import exec_clired as ec
    with open(f"{workdir}/left.csv", "w") as f:
        f.write("t\n" + "\n".join(map(str, target_codes)) + "\n")
    with open(f"{workdir}/right.csv", "w") as f:
        f.write(",".join(f"u{j}" for j in range(len(other_codes))) + "\n")
        for i in range(len(target_codes)):
            f.write(",".join(str(c[i]) for c in other_codes) + "\n")
    with open(f"{workdir}/conf.xml", "w") as f:
        f.write(CONF.format(d=workdir, l0=LITERALS_TARGET, l1=LITERALS_OTHER, s=MIN_SUPPORT, u=MIN_UNCOVERED, pairs=PAIRS, beam=BEAM, p=MAX_P))
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        ok, loaded = ec.IOTools.loadAll(["clired", f"{workdir}/conf.xml"], ec.CONF_DEFS, ec.TASKS_METH.keys(), ec.TASKS_DEFAULT,
                                        ec.TASKS_LOAD, ec.CONF_FILTER)
        assert ok, loaded
        params, data, logger, filenames = loaded["params"], loaded["data"], loaded["logger"], loaded["filenames"]
        t = time.perf_counter()
        miner = ec.instMiner(data, params, logger, filenames=filenames)
        miner.full_run()
        seconds = time.perf_counter() - t
        ec.IOTools.outputResults(filenames, miner.rcollect.getItems("F"), data)
    best = None
    with open(f"{workdir}/out.queries") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            inter, a, b = int(row["card_Exx"]), int(row["card_Exo"]), int(row["card_Eox"])
            js = inter / (inter + a + b)
            if best is None or js > best["jaccard"]:
                best = dict(jaccard=js, left=row["query_LHS"], right=row["query_RHS"], intersection=inter, union=inter + a + b,
                            p_value=float(row["pval"]))
    os.unlink(f"{workdir}/out.queries")
    return best, seconds


rows, walls = [], {}
work = tempfile.mkdtemp()
for left, right in [("111", "112"), ("112", "111")]:
    report, wall = run_ours(left, right)
    walls[left] = wall
    names_l, names_r = views[left][0], views[right][0]
    other = [coded[right][j][0] for j in range(len(names_r)) if len(coded[right][j][1]) > 1]
    other_names = [names_r[j] for j in range(len(names_r)) if len(coded[right][j][1]) > 1]
    ours = {t["attribute"]: t for t in report["targets"]}
    for j, name in enumerate(names_l):
        codes, bins = coded[left][j]
        if len(bins) < 2:
            rows.append(dict(target=name, network=left, constant=True))
            continue
        t = ours[name]
        best = t["heuristic"]["redescriptions"][0] if t["heuristic"]["redescriptions"] else None
        if best:   # our target side is a run of the same bins
            lo, hi = re.match(r".* >= (\S+) <= (\S+)", best["left"]).groups()
            assert float(lo) in [b[0] for b in bins] and float(hi) in [b[1] for b in bins], (name, best["left"], bins)
        theirs, seconds = run_clired(codes, other, work)
        if theirs:   # their variable names u<k> back to the units'
            theirs["right"] = re.sub(r"v(\d+)", lambda m: other_names[int(m.group(1))].replace("trainedwdbcmlps", ""), theirs["right"])
        rows.append(dict(target=name, network=left, constant=False, bins=len(bins),
                         ours_jaccard=best["jaccard"] if best else None, ours_seconds=t["heuristic"]["seconds"],
                         ours_left=best["left"] if best else None, ours_right=best["right"] if best else None,
                         ours_intersection=best["intersection"] if best else None, ours_union=best["union"] if best else None,
                         clired_jaccard=theirs["jaccard"] if theirs else None, clired_seconds=seconds,
                         clired_left=theirs["left"] if theirs else None, clired_right=theirs["right"] if theirs else None,
                         clired_intersection=theirs["intersection"] if theirs else None, clired_union=theirs["union"] if theirs else None))
        print(f"{name}: ours {rows[-1]['ours_jaccard']} in {t['heuristic']['seconds']:.3f} s, clired {rows[-1]['clired_jaccard']} in {seconds:.2f} s",
              file=sys.stderr)

import blocks
clired_version = next((l.split("==")[1].strip() for l in open(os.path.join(os.path.dirname(__file__), "requirements-clired.txt")) if l.startswith("python-clired==")), "?")
R = [r for r in rows if not r["constant"]]
ours_s, clired_s = sum(r["ours_seconds"] for r in R), sum(r["clired_seconds"] for r in R)
js = lambda x: -1 if x is None else x
better = sum(js(r["ours_jaccard"]) > js(r["clired_jaccard"]) + 1e-12 for r in R)
worse = sum(js(r["ours_jaccard"]) < js(r["clired_jaccard"]) - 1e-12 for r in R)
mean = lambda xs: sum(xs) / len(xs)
summary = dict(targets=len(R), constant=len(rows) - len(R), ours_better=better, equal=len(R) - better - worse, ours_worse=worse,
               ours_found=sum(r["ours_jaccard"] is not None for r in R), clired_found=sum(r["clired_jaccard"] is not None for r in R),
               mean_jaccard_ours=mean([js(r["ours_jaccard"]) if r["ours_jaccard"] is not None else 0 for r in R]),
               mean_jaccard_clired=mean([r["clired_jaccard"] if r["clired_jaccard"] is not None else 0 for r in R]),
               seconds_ours=ours_s, seconds_clired=clired_s, ratio=clired_s / ours_s, wall_ours=walls,
               load_before=os.environ.get("LOAD_BEFORE"), clired_version=clired_version,
               settings=dict(literals_target=LITERALS_TARGET, literals_other=LITERALS_OTHER, min_support=MIN_SUPPORT,
                             min_uncovered=MIN_UNCOVERED, max_p_value_reremi=MAX_P, initial_pairs=PAIRS, beam=BEAM,
                             binning="equal-frequency"))
json.dump(dict(summary=summary, targets=rows), open(OUT + ".json", "w"), indent=1)
with open(OUT + ".csv", "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=["target", "network", "constant", "bins", "ours_jaccard", "ours_seconds", "clired_jaccard", "clired_seconds",
                                      "ours_intersection", "ours_union", "clired_intersection", "clired_union", "ours_left", "ours_right",
                                      "clired_left", "clired_right"])
    w.writeheader()
    for r in rows:
        w.writerow(r)
f3 = lambda x: "—" if x is None else f"{x:.3f}"
lines = [f"# Heuristic miner against python-clired {clired_version} (ReReMi) on ExItNeRdoM's networks 111 and 112", "",
         "Generated by `Benchmarks/redescribe/heuristic.sh` (docs/redescriptions.md). Every unit of one network is a target described by "
         "the other; equal-frequency bins on both sides (clired gets the bin codes); one literal on the target side, up to three "
         f"(AND/OR, negation) on the other; |∩| ≥ {MIN_SUPPORT}, n − |∪| ≥ {MIN_UNCOVERED}, ReReMi p ≤ {MAX_P}; 100 initial pairs, beam 4. "
         f"Times measured in the same script, one after the other (load average before: {summary['load_before']}).", "",
         "| targets | ours > clired | equal | ours < clired | mean JS clired → ours | time clired / ours (s) | ratio |",
         "|---|---|---|---|---|---|---|",
         f"| {len(R)} ({len(rows) - len(R)} constant units skipped) | {better} | {len(R) - better - worse} | {worse} | "
         f"{summary['mean_jaccard_clired']:.3f} → {summary['mean_jaccard_ours']:.3f} | {clired_s:.1f} / {ours_s:.2f} | {clired_s / ours_s:.0f}× |", "",
         f"Ours: the miner's seconds summed over targets (the two `backbones` processes took {walls['111']:.2f} s and {walls['112']:.2f} s wall, "
         "reading included); clired: `full_run()` per target, data loading excluded.", "",
         "| target | bins | JS clired | JS ours | s clired | s ours | our best (target side; other side) |", "|---|---|---|---|---|---|---|"]
for r in rows:
    t = r["target"].replace("trainedwdbcmlps", "")
    if r["constant"]:
        lines.append(f"| {t} | 1 | — | — | — | — | constant on these rows: no target |")
        continue
    q = "—" if r["ours_left"] is None else (r["ours_left"].replace("trainedwdbcmlps", "") + "; " + r["ours_right"].replace("trainedwdbcmlps", ""))
    lines.append(f"| {t} | {r['bins']} | {f3(r['clired_jaccard'])} | {f3(r['ours_jaccard'])} | {r['clired_seconds']:.2f} | {r['ours_seconds']:.3f} | `{q}` |")
open(OUT + ".md", "w").write("\n".join(lines) + "\n")
print(json.dumps(summary, indent=1))
