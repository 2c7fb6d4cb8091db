#!/usr/bin/env python3
"""Does a time limit change how fast a backend solves, and does it return on time? (issue 14)

Part 1, slowdown: each instance solved by GLPK (and CBC) without a limit and with
--time-limit 60, the median of --repeats runs each; the ratio limited/unlimited must stay
under 1.5 where both finish. Part 2, overrun: the hard instances with small limits (1, 2, 5 s
by default), the seconds each backend took past the limit (the target: under 1 s).

Writes Benchmarks/results/timelimit.json and timelimit.md and prints the tables. Standard
library only; `backbones solve FILE --json` is run as a child process for every solve.

    python3 Benchmarks/timelimit/bench.py --bin .build-compare/release/backbones

    # part 2 only, with the 60 s runs of the instances that hit the limit in the compare run,
    # beside an earlier run's overruns (the "before" column):
    python3 Benchmarks/timelimit/bench.py --bin .build-compare/release/backbones --overrun-only \
        --long-limit 60 --before Benchmarks/results/timelimit.json,OLD/results.json --out Benchmarks/results/timelimit-overrun
"""
import argparse, csv, json, os, platform, statistics, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
# Instances both backends prove without a limit, in about 0.3-30 s (the defect was seen on
# p0548 and scpb1).
SLOWDOWN = ["p0548", "scpb1", "scpa1", "scpa2", "scpc1", "scpd1", "scpe1", "scpe2", "bell3a", "bell5",
            "lseu", "mod008", "misc03", "stein27", "p0201", "rentacar", "dcmulti", "fixnet6", "blend2", "qnet1"]
# Instances neither backend closes in a few seconds (the overrun was seen on scpcyc06).
OVERRUN = ["scpcyc06", "scpclr10", "scpnre1", "scpd1", "scpe2", "bell5", "vpm2", "pp08a", "gesa2", "highs_issue-2446"]
# The instances that hit a 60 s limit in the compare run of the whole index (Benchmarks/results/compare).
LONG = ["scpnre1", "scpclr10", "scpcyc06"]


def solve(binary, path, solver, limit, timeout):
    args = [binary, "solve", path, "--solver", solver, "--time-limit", limit, "--json"]
    started = time.monotonic()
    try:
        out = subprocess.run(args, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"status": "killed", "seconds": time.monotonic() - started, "objective": None}
    r = json.loads(out.stdout)[0]
    return {"status": r["status"], "seconds": r["seconds"], "objective": r["objective"], "wall": time.monotonic() - started,
            "has_solution": r.get("has_solution"), "raw_status": r.get("raw_status", "")}


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--bin", default=os.path.join(REPO, ".build/release/backbones"))
    p.add_argument("--index", default=os.path.join(REPO, "../shared/reference/instances/index.csv"))
    p.add_argument("--limit", default="60", help="the limit of the limited runs (part 1)")
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--unlimited-timeout", type=float, default=300, help="kill an unlimited run after this many seconds")
    p.add_argument("--small-limits", default="1,2,5", help="part 2's limits")
    p.add_argument("--solvers", default="glpk,cbc")
    p.add_argument("--only", default="", help="comma-separated instance names (both parts)")
    p.add_argument("--out", default=os.path.join(REPO, "Benchmarks/results/timelimit"))
    p.add_argument("--render", action="store_true", help="only rewrite OUT.md from OUT.json")
    p.add_argument("--overrun-only", action="store_true", help="skip part 1")
    p.add_argument("--long-limit", default="", help="also this limit on the instances that hit 60 s in the compare run")
    p.add_argument("--before", default="", help="earlier runs' JSON (this script's, or compare's results.json), comma-separated: a 'before' column")
    a = p.parse_args()
    if a.render:
        write(a.out, "md", render(json.load(open(a.out + ".json"))))
        return
    folder = os.path.dirname(os.path.abspath(a.index))
    files = {r["name"]: os.path.join(folder, r["file"]) for r in csv.DictReader(open(a.index))}
    only = [n for n in a.only.split(",") if n]
    solvers = a.solvers.split(",")

    slowdown = []
    for name in ([] if a.overrun_only else (only or SLOWDOWN)):
        for solver in solvers:
            free = [solve(a.bin, files[name], solver, "none", a.unlimited_timeout) for _ in range(a.repeats)]
            limited = [solve(a.bin, files[name], solver, a.limit, float(a.limit) + 30) for _ in range(a.repeats)]
            t_free = statistics.median(r["seconds"] for r in free)
            t_lim = statistics.median(r["seconds"] for r in limited)
            both = all(r["status"] == "optimal" for r in free + limited)
            row = {"instance": name, "solver": solver, "unlimited_s": round(t_free, 3), "limited_s": round(t_lim, 3),
                   "ratio": round(t_lim / max(t_free, 1e-9), 2) if both else None,
                   "statuses": " ".join(sorted({r["status"] for r in free})) + " / " + " ".join(sorted({r["status"] for r in limited}))}
            slowdown.append(row)
            print(f"{name:10} {solver:5} unlimited {t_free:8.3f} s  limit {a.limit} s {t_lim:8.3f} s  ratio {row['ratio']}", file=sys.stderr)

    overrun = []
    before = {}
    for path in filter(None, a.before.split(",")):
        earlier = json.load(open(path))
        for x in earlier.get("overrun", []):
            before[(x["instance"], x["solver"], x["limit_s"])] = x
        for inst in earlier.get("instances", []):  # a `backbones compare` results.json
            for run in inst["runs"]:
                before[(inst["name"], run["solver"], earlier["time_limit"])] = {
                    "past_limit_s": round(max(0.0, run["seconds"] - earlier["time_limit"]), 3)}
    runs = [(name, limit) for name in (only or OVERRUN) for limit in a.small_limits.split(",")]
    runs += [(name, a.long_limit) for name in LONG if a.long_limit]
    for name, limit in runs:
        for solver in solvers:
                r = solve(a.bin, files[name], solver, limit, float(limit) + 60)
                row = {"instance": name, "solver": solver, "limit_s": float(limit), "seconds": round(r["seconds"], 3),
                       "past_limit_s": round(max(0.0, r["seconds"] - float(limit)), 3), "status": r["status"],
                       "has_solution": r.get("has_solution"), "watchdog": r.get("raw_status") == "watchdog"}
                old = before.get((name, solver, float(limit)))
                if old:
                    row["before_past_limit_s"] = old["past_limit_s"]
                overrun.append(row)
                print(f"{name:10} {solver:5} limit {limit:>3} s: {r['seconds']:7.3f} s {r['status']}", file=sys.stderr)

    result = {"case": "timelimit", "date": time.strftime("%Y-%m-%d"), "binary": a.bin, "limit_s": float(a.limit),
              "repeats": a.repeats, "machine": platform.platform(), "cpus": os.cpu_count(),
              "load_average_at_end": os.getloadavg(), "solvers": solvers, "slowdown": slowdown, "overrun": overrun}
    write(a.out, "json", json.dumps(result, indent=1) + "\n")
    write(a.out, "md", render(result))
    print(render(result))


def write(out, ext, text):
    os.makedirs(os.path.dirname(out), exist_ok=True)
    tmp = f"{out}.{ext}.tmp-{os.getpid()}"
    open(tmp, "w").write(text)
    os.replace(tmp, f"{out}.{ext}")


def render(r):
    if not r["slowdown"]:
        lines = [f"# Time limits: seconds past the limit ({r['date']})", "",
                 f"`python3 Benchmarks/timelimit/bench.py --overrun-only` on {r['machine']}, {r['cpus']} cores (load average "
                 f"at the end {r['load_average_at_end'][0]:.1f}: the machine is shared, timings are noisy). One run per row; "
                 "seconds are the backend's own wall clock (`backbones solve --json`). The limits of 1, 2 and 5 s on the "
                 "instances neither backend closes quickly, and 60 s on the three the compare run of the whole index "
                 "left open (Benchmarks/results/compare)."]
    else:
        lines = [f"# Time limits: slowdown and overrun ({r['date']})", "",
             f"`python3 Benchmarks/timelimit/bench.py` on {r['machine']}, {r['cpus']} cores (load average at the end "
             f"{r['load_average_at_end'][0]:.1f}: the machine is shared). Seconds are the backend's own wall clock "
             f"(`backbones solve --json`), medians of {r['repeats']} runs.", "",
             "Before issue 14, a limit switched GLPK from pseudocost to Driebeck–Tomlin branching: p0548 took "
             "0.78 s without a limit and was unsolved in 60 s with `--time-limit 60`; scpb1 went from 2.3 s to "
             "47.7 s. Now both runs follow the same search (docs/solvers.md, \"Time limits\").", "",
             ]
    if r["slowdown"]:
        lines += [f"## With and without `--time-limit {r['limit_s']:g}` (target: ratio ≤ 1.5 where both finish)", "",
                  "| instance | backend | no limit (s) | limit (s) | ratio | statuses (no limit / limit) |", "|---|---|---:|---:|---:|---|"]
    for x in r["slowdown"]:
        statuses = x["statuses"] if isinstance(x["statuses"], str) else " ".join(x["statuses"]).replace(" | ", " / ")
        lines.append(f"| {x['instance']} | {x['solver']} | {x['unlimited_s']:.3f} | {x['limited_s']:.3f} | "
                     f"{'-' if x['ratio'] is None else x['ratio']} | {statuses} |")
    for solver in r["solvers"]:
        ratios = [x["ratio"] for x in r["slowdown"] if x["ratio"] is not None and x["solver"] == solver]
        if ratios:
            lines += ["", f"{solver}: largest ratio {max(ratios):.2f}, median {statistics.median(ratios):.2f} over "
                          f"{len(ratios)} instances that finished both ways."]
    with_before = any("before_past_limit_s" in x for x in r["overrun"])
    lines += ["", "## Seconds past the limit (target: under 1 s)", ""]
    if with_before:
        lines += ["`before`: the same run in the earlier benchmark (before CBC's watchdog); `incumbent`: the run returned a "
                  "feasible point; `watchdog`: CBC did not return by 0.75 s past the limit and its process was killed "
                  "(docs/solvers.md, \"Time limits\").", "",
                  "| instance | backend | limit (s) | seconds | past the limit | before | status | incumbent |", "|---|---|---:|---:|---:|---:|---|---|"]
    else:
        lines += ["| instance | backend | limit (s) | seconds | past the limit | status |", "|---|---|---:|---:|---:|---|"]
    for x in r["overrun"]:
        if with_before:
            old = x.get("before_past_limit_s")
            status = x["status"] + (" (watchdog)" if x.get("watchdog") else "")
            lines.append(f"| {x['instance']} | {x['solver']} | {x['limit_s']:g} | {x['seconds']:.3f} | {x['past_limit_s']:.3f} | "
                         f"{'-' if old is None else f'{old:.3f}'} | {status} | {'yes' if x.get('has_solution') else 'no'} |")
        else:
            lines.append(f"| {x['instance']} | {x['solver']} | {x['limit_s']:g} | {x['seconds']:.3f} | {x['past_limit_s']:.3f} | {x['status']} |")
    for solver in r["solvers"]:
        mine = [x for x in r["overrun"] if x["solver"] == solver]
        worst = max(mine, key=lambda x: x["past_limit_s"], default=None)
        if worst:
            line = f"\n{solver}: worst {worst['past_limit_s']:.2f} s past the limit ({worst['instance']}, {worst['limit_s']:g} s limit)"
            old = [x for x in mine if "before_past_limit_s" in x]
            if old:
                w = max(old, key=lambda x: x["before_past_limit_s"])
                line += f"; before: {w['before_past_limit_s']:.2f} s ({w['instance']}, {w['limit_s']:g} s limit)"
            fired = [x for x in mine if x.get("watchdog")]
            if fired:
                line += f"; the watchdog stopped {len(fired)} of {len(mine)} runs (" + ", ".join(f"{x['instance']} at {x['limit_s']:g} s" for x in fired) + ")"
            lines.append(line + ".")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
