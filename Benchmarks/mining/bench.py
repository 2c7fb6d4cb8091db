"""Mining benchmark: `backbones mine` against pyfim (Borgelt's C fim) and mlxtend.

Run through Benchmarks/mining/run.sh (which makes the venv, the Swift binary and the FIMI
files); see Benchmarks/README.md for what is measured and how.

    python bench.py --backbones PATH [--quick] [--data DIR] [--out DIR] [options]
"""

import argparse
import hashlib
import json
import math
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from fractions import Fraction
from importlib.metadata import version
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
PY = sys.executable
LOAD_AT_START = os.getloadavg()
CONTENDER = str(HERE / "contender_py.py")

SUPPORTS = ("0.5", "0.3", "0.2", "0.1")
EXTRA_FREQUENT = ("0.7", "0.6")  # on all.fimi only: frequent cases small enough for everyone
FREQUENT_CAP = 50_000_000


# ---------------------------------------------------------------- child processes

TIME = "/usr/bin/time"  # GNU time: measures the peak RSS of exactly the command it runs


class Run:
    """One child process: wall time, peak RSS, time and memory limits.

    The peak RSS comes from GNU time wrapped around the command. Reading `ru_maxrss` from
    `os.wait4` on a child of this (large) Python process would not do: Linux keeps the
    high-water mark of the address space a child had before `exec`, i.e. the harness's own
    size at fork time, so every small contender would seem as large as the harness.
    GNU time is small (about 1 MB), so its child's figure is the contender's own.
    """

    def __init__(self, argv, time_limit, mem_cap_kb, stdout_path=None):
        self.argv, self.time_limit, self.mem_cap_kb = argv, time_limit, mem_cap_kb
        self.stdout_path = stdout_path

    def go(self):
        out = open(self.stdout_path or os.devnull, "wb")
        err = tempfile.TemporaryFile()
        rss_file = tempfile.NamedTemporaryFile(delete=False)
        rss_file.close()
        argv = [TIME, "-f", "%M", "-o", rss_file.name] + list(self.argv)
        # own session/process group, so a kill reaches GNU time and the contender
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out, stderr=err, start_new_session=True)
        done = {}

        def waiter():
            _, status, _ = os.wait4(proc.pid, 0)
            done["wall"] = time.perf_counter() - start
            done["status"] = status

        t = threading.Thread(target=waiter, daemon=True)
        t.start()
        killed, peak_seen = None, 0
        while True:
            t.join(0.02)
            if not t.is_alive():
                break
            rss = _tree_rss_kb(proc.pid)
            peak_seen = max(peak_seen, rss)
            if rss > self.mem_cap_kb:
                killed = "memory"
            elif time.perf_counter() - start > self.time_limit:
                killed = "time"
            if killed:
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                t.join()
                break
        proc.returncode = os.waitstatus_to_exitcode(done["status"])  # reaped by wait4 above
        out.close()
        err.seek(0)
        stderr = err.read().decode(errors="replace")
        err.close()
        peak = None
        try:
            last = Path(rss_file.name).read_text().strip().splitlines()
            peak = int(last[-1]) if last and last[-1].isdigit() else None
        finally:
            os.unlink(rss_file.name)
        return {
            "wall_s": done["wall"],
            "peak_rss_kb": peak if peak is not None else peak_seen,
            "exit": proc.returncode,
            "killed": killed,
            "stderr": stderr,
        }


def _tree_rss_kb(pid):
    """RSS of a process and its direct children (GNU time and the contender)."""
    total = _rss_kb(pid)
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            for child in f.read().split():
                total += _rss_kb(int(child))
    except (FileNotFoundError, ProcessLookupError):
        pass
    return total


def _rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0


def run_captured(argv, time_limit, mem_cap_kb):
    """Run a child whose stdout is small (JSON): return (measurement, stdout text)."""
    with tempfile.NamedTemporaryFile(delete=False) as tmp:
        path = tmp.name
    try:
        m = Run(argv, time_limit, mem_cap_kb, stdout_path=path).go()
        return m, Path(path).read_text()
    finally:
        os.unlink(path)


# ---------------------------------------------------------------- contenders

OURS_TIME_FLOOR = 5e-7  # half the last printed digit of ours' time (%.6f s)
OURS_SUMMARY = re.compile(
    r"mine: (\d+) (\w+) itemsets at support ≥ (\d+) of (\d+) transactions \((\d+) items\) in ([0-9.]+) s")


OURS_RUNS = re.compile(r"mine: (\d+) runs: first ([0-9.]+) s, median ([0-9.]+) s")
OURS_HAS_LIMIT = {}
OURS_HAS_REPEAT = {}
INNER_REPS = 15  # in-process repetitions of the mining call (all contenders; set by --inner-reps)


def ours_argv(binary, file, frac, target, repeat=1):
    # The CLI as defined in Sources/BackbonesCLI/MineCommand.swift: itemsets on stdout
    # ("support: i1 i2 …"), a one-line summary with the mining time on stderr.
    # `--limit 0` lifts its default stop at 5 million itemsets (the harness caps instead).
    if binary not in OURS_HAS_LIMIT:
        help_text = subprocess.run([binary, "mine", "--help"], capture_output=True, text=True).stdout
        OURS_HAS_LIMIT[binary] = "--limit" in help_text
        OURS_HAS_REPEAT[binary] = "--repeat" in help_text
    extra = ["--limit", "0"] if OURS_HAS_LIMIT[binary] else []
    if repeat > 1 and OURS_HAS_REPEAT[binary]:
        extra += ["--repeat", str(repeat)]
    return [binary, "mine", str(file), "--min-support", frac, "--target", target] + extra


def run_ours(binary, file, frac, target, limit, mem_cap_kb, dump=None, repeat=1):
    m = Run(ours_argv(binary, file, frac, target, repeat), limit, mem_cap_kb, stdout_path=dump).go()
    res = {"wall_s": m["wall_s"], "peak_rss_kb": m["peak_rss_kb"]}
    if m["killed"]:
        return {**res, "status": m["killed"]}
    hit = OURS_SUMMARY.search(m["stderr"])
    if m["exit"] != 0 or not hit:
        return {**res, "status": "error", "error": m["stderr"].strip()[-500:]}
    res |= {"status": "ok", "count": int(hit.group(1)), "min_count": int(hit.group(3)),
            "mine_s": float(hit.group(6)), "first_s": float(hit.group(6)), "mine_reps": 1}
    runs = OURS_RUNS.search(m["stderr"])
    if runs:
        res |= {"mine_s": float(runs.group(3)), "mine_reps": int(runs.group(1))}
    return res


def run_python(tool, file, count, target, limit, mem_cap_kb, dump=None, repeat=1):
    argv = [PY, CONTENDER, tool, target, str(file), str(count), "--repeat", str(repeat)] + (["--dump", dump] if dump else [])
    m, out = run_captured(argv, limit, mem_cap_kb)
    res = {"wall_s": m["wall_s"], "peak_rss_kb": m["peak_rss_kb"]}
    if m["killed"]:
        return {**res, "status": m["killed"]}
    if m["exit"] != 0:
        return {**res, "status": "error", "error": m["stderr"].strip()[-500:]}
    r = json.loads(out)
    return {**res, "status": "ok", "count": r["count"], "mine_s": r["mine_s"], "first_s": r["first_s"],
            "mine_reps": r["mine_reps"],
            "inproc_s": r["total_s"], "read_s": r["read_s"], "prep_s": r["prep_s"],
            "import_s": r["import_s"]}


def pyfim_spectrum_count(file, count, target, algorithm, limit, mem_cap_kb):
    """Number of itemsets from pyfim's pattern spectrum (report='#': counted, not materialized)."""
    code = ("import fim,sys,json;T=[list(map(int,l.split())) for l in open(sys.argv[1]) if l.strip()];"
            "r=getattr(fim,sys.argv[4])(T,target=sys.argv[3],supp=-int(sys.argv[2]),zmin=1,report='#');"
            "print(json.dumps(int(round(sum(r.values())))))")
    t = {"maximal": "m", "frequent": "s"}[target]
    m, out = run_captured([PY, "-c", code, str(file), str(count), t, algorithm], limit, mem_cap_kb)
    if m["killed"] or m["exit"] != 0:
        return None
    return json.loads(out)


def pyfim_frequent_count(file, count, limit, mem_cap_kb):
    return pyfim_spectrum_count(file, count, "frequent", "fpgrowth", limit, mem_cap_kb)


def measure(fn, reps, budget_s):
    """Run fn() up to reps times (stopping once the runs used budget_s); medians."""
    runs = []
    while len(runs) < reps:
        r = fn()
        runs.append(r)
        if r["status"] != "ok" or sum(x["wall_s"] for x in runs) > budget_s:
            break
    ok = [r for r in runs if r["status"] == "ok"]
    if not ok:
        return runs[-1] | {"reps": len(runs)}
    best = dict(ok[0])
    for key in ("wall_s", "mine_s", "first_s", "inproc_s", "read_s", "prep_s", "import_s"):
        if key in best:
            best[key] = statistics.median(r[key] for r in ok)
    best["peak_rss_kb"] = max(r["peak_rss_kb"] for r in ok)
    best["reps"] = len(ok)
    best["mine_reps"] = sum(r.get("mine_reps", 1) for r in ok)
    if len({r["count"] for r in ok}) != 1:
        best["status"] = "error"
        best["error"] = "itemset count differs between repetitions"
    return best


# ---------------------------------------------------------------- itemset comparison

def canonical_ours(path):
    lines = []
    with open(path) as f:
        for line in f:
            sup, _, items = line.partition(":")
            lines.append(" ".join(map(str, sorted(int(x) for x in items.split()))) + "|" + sup.strip())
    lines.sort()
    return lines


def canonical_dump(path):
    with open(path) as f:
        return sorted(line.rstrip("\n") for line in f)


def digest(lines):
    h = hashlib.sha256()
    for line in lines:
        h.update(line.encode() + b"\n")
    return h.hexdigest()


# ---------------------------------------------------------------- the benchmark

def universal_items(path):
    """Items contained in every transaction of a FIMI file."""
    common = None
    with open(path) as f:
        for line in f:
            if line.strip():
                items = set(map(int, line.split()))
                common = items if common is None else common & items
    return sorted(common or ())


def pyfim_completed(lines, target, universal, n):
    """pyfim's itemsets plus those pyfim never reports (see README: pyfim quirk).

    pyfim (every algorithm, 6.28) treats items that occur in every transaction as perfect
    extensions of the empty set and, never reporting the empty set, drops every itemset that
    consists of such items only: for the frequent target, the 2^u - 1 non-empty subsets of
    the u universal items (support |T|); for the maximal target, the set of universal items
    when it is the only maximal itemset.
    """
    extra = []
    if universal and target == "frequent":
        u = len(universal)
        for mask in range(1, 1 << u):
            sub = [universal[b] for b in range(u) if mask >> b & 1]
            extra.append(" ".join(map(str, sub)) + "|" + str(n))
    elif universal and target == "maximal" and not lines:
        extra.append(" ".join(map(str, universal)) + "|" + str(n))
    return sorted(lines + extra)


def pyfim_missing_count(target, universal, pyfim_count):
    if not universal:
        return 0
    if target == "frequent":
        return 2 ** len(universal) - 1
    return 1 if pyfim_count == 0 else 0


def exact_count(frac, n):
    """⌈f·|T|⌉ in exact arithmetic: the rounding rule of DESIGN.md, without float error."""
    return max(1, math.ceil(Fraction(frac) * n))


def build_cases(data, quick):
    files = sorted(data.glob("class*.fimi"), key=lambda p: int(p.stem[5:])) + [data / "all.fimi"]
    if quick:
        files = [data / "class0.fimi", data / "class8.fimi", data / "all.fimi"]
    cases = []
    for target in ("maximal", "frequent"):
        for f in files:
            sups = SUPPORTS
            if quick:
                sups = ("0.5",) if f.stem == "all" else ("0.5", "0.3")
            for s in sups:
                cases.append({"file": f, "target": target, "support": s, "extra": False})
    for s in (EXTRA_FREQUENT if not quick else EXTRA_FREQUENT[:1]):
        cases.append({"file": data / "all.fimi", "target": "frequent", "support": s, "extra": True})
    return cases


def ratio(a, b):
    if a is None or b is None or b <= 0:
        return None
    return a / b


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--backbones", help="path of the built `backbones` binary (omit: Python side only)")
    ap.add_argument("--data", type=Path, default=REPO / "Benchmarks" / "data" / "digits")
    ap.add_argument("--out", type=Path, default=REPO / "Benchmarks" / "results")
    ap.add_argument("--quick", action="store_true", help="3 files, supports 0.5/0.3, one repetition, mlxtend limit 30 s")
    ap.add_argument("--reps", type=int, default=3, help="repetitions per contender and case (median), default 3")
    ap.add_argument("--rep-budget", type=float, default=5.0, help="stop repeating once the runs took this many seconds")
    ap.add_argument("--inner-reps", type=int, default=15,
                    help="mining calls per process, every contender (stopping once they took 1 s), default 15")
    ap.add_argument("--limit", type=float, default=300.0, help="wall-time limit per run of ours/pyfim, s")
    ap.add_argument("--mlxtend-limit", type=float, default=120.0, help="wall-time limit per mlxtend run, s")
    ap.add_argument("--mem-cap-gb", type=float, default=6.0, help="kill a run whose RSS exceeds this, GB")
    ap.add_argument("--verify-max", type=int, default=2_000_000,
                    help="compare actual itemsets (ours, pyfim, mlxtend) when there are at most this many")
    ap.add_argument("--no-mlxtend", action="store_true")
    ap.add_argument("--render", type=Path, metavar="JSON",
                    help="only rewrite mining.md (and the summary) from an existing mining.json")
    args = ap.parse_args()
    if args.render:
        report = json.loads(args.render.read_text())
        report["summary"] = summarize(report["cases"])
        args.render.write_text(json.dumps(report, indent=1) + "\n")
        args.render.with_suffix(".md").write_text(markdown(report))
        print(f"rewrote {args.render.with_suffix('.md')}")
        return
    if args.quick:
        args.reps, args.mlxtend_limit, args.inner_reps = 1, 30.0, 3
    reps_in = args.inner_reps
    mem_cap_kb = int(args.mem_cap_gb * 1024 * 1024)
    have_ours = bool(args.backbones) and Path(args.backbones).exists()
    prep = json.loads((args.data / "prepare.json").read_text())

    cases = build_cases(args.data, args.quick)
    scratch = Path(tempfile.mkdtemp(prefix="mining-bench-"))
    results = []
    mlxtend_gave_up = {}  # (file, target) -> support at which mlxtend hit its limit
    over_cap = {}  # file -> (support, count) of a frequent case over the cap
    started = time.perf_counter()
    try:
        for i, case in enumerate(cases, 1):
            f, target, frac = case["file"], case["target"], case["support"]
            n = prep["files"][f.name]["transactions"]
            count = exact_count(frac, n)
            universal = universal_items(f)
            rec = {"file": f.name, "transactions": n, "target": target, "support": frac,
                   "min_count": count, "extra": case["extra"], "universal_items": universal, "contenders": {}}
            label = f"[{i}/{len(cases)}] {f.stem} {target} {frac} (≥ {count} of {n})"

            over = over_cap.get(f.name)
            if target == "frequent" and over is not None and Fraction(frac) < Fraction(over[0]):
                # fewer transactions needed -> at least as many frequent itemsets
                rec["skipped"] = f"≥ {over[1]:,} frequent itemsets (already at support {over[0]}) > cap {FREQUENT_CAP:,}"
                print(f"{label}: skipped, {rec['skipped']}", flush=True)
                results.append(rec)
                continue
            if target == "frequent":
                expected = pyfim_frequent_count(f, count, args.limit, mem_cap_kb)
                if expected is not None:
                    expected += pyfim_missing_count(target, universal, expected)
                rec["pyfim_spectrum_count"] = expected
                if expected is not None and expected > FREQUENT_CAP:
                    over_cap[f.name] = (frac, expected)
                if expected is None or expected > FREQUENT_CAP:
                    rec["skipped"] = (f"{expected:,} frequent itemsets > cap {FREQUENT_CAP:,}" if expected
                                      else "pyfim's pattern spectrum did not finish within the limits")
                    print(f"{label}: skipped, {rec['skipped']}", flush=True)
                    results.append(rec)
                    continue

            c = rec["contenders"]
            if have_ours:
                c["ours"] = measure(lambda: run_ours(args.backbones, f, frac, target, args.limit, mem_cap_kb, repeat=reps_in),
                                    args.reps, args.rep_budget)
            c["pyfim"] = measure(lambda: run_python("pyfim", f, count, target, args.limit, mem_cap_kb, repeat=reps_in),
                                 args.reps, args.rep_budget)
            key = (f.name, target)
            if args.no_mlxtend:
                c["mlxtend"] = {"status": "not run", "reason": "--no-mlxtend"}
            elif key in mlxtend_gave_up and Fraction(frac) < Fraction(mlxtend_gave_up[key]):
                c["mlxtend"] = {"status": "not run",
                                "reason": f"hit its limit at support {mlxtend_gave_up[key]} on this file (lower supports are harder)"}
            else:
                # one process (its calls repeated like everyone's): mlxtend is 2-3 orders of
                # magnitude slower, process-to-process noise does not matter;
                # the run also writes its itemsets (after the timed call) for the comparison
                p_count = c["pyfim"].get("count") if c["pyfim"].get("status") == "ok" else None
                m_dump = str(scratch / "mlxtend.txt") if p_count is not None and p_count <= args.verify_max else None
                c["mlxtend"] = run_python("mlxtend", f, count, target, args.mlxtend_limit, mem_cap_kb, dump=m_dump,
                                          repeat=reps_in)
                c["mlxtend"]["reps"] = 1
                if c["mlxtend"]["status"] in ("time", "memory"):
                    mlxtend_gave_up[key] = frac

            # ---- checks: same counts, same rounding, same itemsets
            check = {}
            counts = {k: v["count"] for k, v in c.items() if v.get("status") == "ok"}
            if "pyfim" in counts:
                missing = pyfim_missing_count(target, universal, counts["pyfim"])
                c["pyfim"]["count_reported"] = counts["pyfim"]
                c["pyfim"]["count"] = counts["pyfim"] = counts["pyfim"] + missing
                rec["pyfim_unreported"] = missing
            check["counts_equal"] = len(set(counts.values())) <= 1
            if "ours" in c and c["ours"].get("status") == "ok":
                check["ours_min_count_equal"] = c["ours"]["min_count"] == count
            ref = counts.get("pyfim")
            if ref is not None and ref <= args.verify_max:
                pf = scratch / "pyfim.txt"
                run_python("pyfim", f, count, target, args.limit, mem_cap_kb, dump=str(pf))
                ref_lines = pyfim_completed(canonical_dump(pf), target, universal, n)
                rec["itemsets_sha256"] = digest(ref_lines)
                if counts.get("ours") is not None:
                    of = scratch / "ours.txt"
                    run_ours(args.backbones, f, frac, target, args.limit, mem_cap_kb, dump=str(of))
                    check["itemsets_equal_ours_pyfim"] = canonical_ours(of) == ref_lines
                mf = scratch / "mlxtend.txt"
                if counts.get("mlxtend") is not None and mf.exists():
                    check["itemsets_equal_mlxtend_pyfim"] = canonical_dump(mf) == ref_lines
            if c["pyfim"].get("status") != "ok" and counts.get("ours") is not None:
                # pyfim's default fpgrowth ran out of time or memory: count with pyfim's eclat
                # (pattern spectrum, no itemsets materialized; untimed) to check ours' count
                alt = pyfim_spectrum_count(f, count, target, "eclat", args.limit, mem_cap_kb)
                rec["pyfim_eclat_count"] = None if alt is None else alt + pyfim_missing_count(target, universal, alt)
                check["count_equal_pyfim_eclat"] = rec["pyfim_eclat_count"] == counts["ours"] if alt is not None else None
            for p in scratch.iterdir():
                p.unlink()
            rec["settings_mlxtend_limit"] = args.mlxtend_limit
            rec["check"] = check
            rec["ok"] = all(v for v in check.values() if v is not None)

            o, p, m = c.get("ours", {}), c["pyfim"], c["mlxtend"]
            okv = lambda d, k: d.get(k) if d.get("status") == "ok" else None
            # ours' mine_s is printed with 6 decimals (3 in early versions): a printed 0 means
            # below the last digit; half of it is used and the ratio marked as an upper bound
            ours_mine = okv(o, "mine_s")
            ours_mine_eff = None if ours_mine is None else max(ours_mine, OURS_TIME_FLOOR)
            rec["ratios"] = {
                "ours_over_pyfim_mining": ratio(ours_mine_eff, okv(p, "mine_s")),
                "ours_over_pyfim_mining_is_upper_bound": ours_mine is not None and ours_mine < OURS_TIME_FLOOR,
                "ours_over_pyfim_process": ratio(okv(o, "wall_s"), okv(p, "wall_s")),
                "ours_over_pyfim_inprocess": ratio(okv(o, "wall_s"), okv(p, "inproc_s")),
                "ours_over_mlxtend_mining": ratio(ours_mine_eff, okv(m, "mine_s")),
                "ours_over_mlxtend_first": ratio(okv(o, "first_s"), okv(m, "first_s")),
                "ours_over_pyfim_peak_rss": ratio(okv(o, "peak_rss_kb"), okv(p, "peak_rss_kb")),
            }
            results.append(rec)
            print(f"{label}: " + ", ".join(
                f"{k} {v.get('count', v['status'])}" + (f" {v['mine_s']:.3f}s/{v['wall_s']:.2f}s {v['peak_rss_kb'] // 1024}MB"
                                                          if v.get("status") == "ok" else "")
                for k, v in c.items()) + ("" if rec["ok"] else f"  CHECK FAILED {check}"), flush=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    report = {
        "benchmark": "itemset mining on digit transactions (authors' rule, k = 50)",
        "date_utc": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "quick": args.quick,
        "settings": {"reps": args.reps, "rep_budget_s": args.rep_budget, "inner_reps": args.inner_reps, "limit_s": args.limit,
                     "mlxtend_limit_s": args.mlxtend_limit, "mem_cap_gb": args.mem_cap_gb,
                     "frequent_cap": FREQUENT_CAP, "verify_max": args.verify_max},
        "environment": environment(args.backbones if have_ours else None),
        "data": prep,
        "ours_available": have_ours,
        "elapsed_s": time.perf_counter() - started,
        "cases": results,
        "summary": summarize(results),
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "mining.json").write_text(json.dumps(report, indent=1) + "\n")
    (args.out / "mining.md").write_text(markdown(report))
    print(f"wrote {args.out / 'mining.json'} and {args.out / 'mining.md'} ({report['elapsed_s']:.0f} s)")
    if not all(r.get("ok", True) for r in results):
        print("SOME CHECKS FAILED: see the 'check' entries", file=sys.stderr)
        sys.exit(1)


def environment(binary):
    env = {"python": platform.python_version(), "platform": platform.platform(),
           "cpus": os.cpu_count(), "cpu": _cpu_model(),
           "packages": {p: version(p) for p in ("pyfim", "mlxtend", "pandas", "numpy")}}
    try:
        env["git_commit"] = subprocess.run(["git", "-C", str(REPO), "rev-parse", "HEAD"],
                                           capture_output=True, text=True).stdout.strip()
        env["git_dirty_sources"] = bool(subprocess.run(
            ["git", "-C", str(REPO), "status", "--porcelain", "Sources", "Package.swift"],
            capture_output=True, text=True).stdout.strip())
    except OSError:
        pass
    try:
        env["swift"] = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.strip().splitlines()[0]
    except (OSError, IndexError):
        pass
    if binary:
        env["backbones"] = str(binary)
        env["backbones_sha256"] = hashlib.sha256(Path(binary).read_bytes()).hexdigest()
    try:
        env["load_avg_at_end"] = os.getloadavg()
        env["load_avg_at_start"] = LOAD_AT_START
    except OSError:
        pass
    return env


def _cpu_model():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return None


def summarize(results):
    ran = [r for r in results if "skipped" not in r]
    mx = [r for r in ran if r["target"] == "maximal"]

    def vals(rs, key):
        return [r["ratios"][key] for r in rs if r.get("ratios", {}).get(key) is not None]

    def med(v):
        return statistics.median(v) if v else None

    s = {
        "cases": len(results), "cases_run": len(ran),
        "cases_skipped": [f"{r['file']} {r['target']} {r['support']}: {r['skipped']}" for r in results if "skipped" in r],
        "all_checks_passed": all(r.get("ok", True) for r in ran),
        "itemsets_compared_ours_pyfim": sum(1 for r in ran if "itemsets_equal_ours_pyfim" in r.get("check", {})),
        "itemsets_compared_mlxtend_pyfim": sum(1 for r in ran if "itemsets_equal_mlxtend_pyfim" in r.get("check", {})),
        "median_ours_over_pyfim_mining_maximal": med(vals(mx, "ours_over_pyfim_mining")),
        "median_ours_over_pyfim_process_maximal": med(vals(mx, "ours_over_pyfim_process")),
        "median_ours_over_pyfim_inprocess_maximal": med(vals(mx, "ours_over_pyfim_inprocess")),
        "max_ours_over_pyfim_mining_maximal": max(vals(mx, "ours_over_pyfim_mining"), default=None),
        "median_ours_over_pyfim_peak_rss": med(vals(ran, "ours_over_pyfim_peak_rss")),
        "max_ours_over_pyfim_peak_rss": max(vals(ran, "ours_over_pyfim_peak_rss"), default=None),
    }
    both = [r for r in mx if r.get("ratios", {}).get("ours_over_pyfim_mining") is not None]
    s["aggregate_ours_over_pyfim_mining_maximal"] = (
        sum(r["contenders"]["ours"]["mine_s"] for r in both) / sum(r["contenders"]["pyfim"]["mine_s"] for r in both)
        if both else None)
    big = [r for r in both if r["contenders"]["pyfim"]["mine_s"] >= 0.01 and r["contenders"]["ours"]["mine_s"] >= 0.01]
    s["median_ours_over_pyfim_mining_maximal_10ms"] = med([r["ratios"]["ours_over_pyfim_mining"] for r in big])
    s["maximal_cases_10ms"] = len(big)
    s["pyfim_unreported"] = [f"{r['file']} {r['target']} {r['support']}: {r['pyfim_unreported']}"
                             for r in ran if r.get("pyfim_unreported")]
    sp = [1 / v for v in vals(mx, "ours_over_mlxtend_mining")]
    s["min_speedup_over_mlxtend_fpmax"] = min(sp) if sp else None
    s["median_speedup_over_mlxtend_fpmax"] = med(sp)
    s["mlxtend_fpmax_finished"] = len(sp)
    sp1 = [1 / v for v in vals(mx, "ours_over_mlxtend_first") if v > 0]
    s["min_speedup_over_mlxtend_fpmax_first_call"] = min(sp1) if sp1 else None
    s["median_speedup_over_mlxtend_fpmax_first_call"] = med(sp1)
    lower = [r["settings_mlxtend_limit"] / r["contenders"]["ours"]["mine_s"] for r in mx
             if r["contenders"].get("mlxtend", {}).get("status") == "time"
             and r["contenders"].get("ours", {}).get("status") == "ok" and r["contenders"]["ours"]["mine_s"] > 0]
    s["speedup_over_mlxtend_fpmax_lower_bounds_where_it_timed_out"] = lower
    heavy = [r for r in ran if r.get("ratios", {}).get("ours_over_pyfim_peak_rss") is not None
             and max(r["contenders"]["ours"]["peak_rss_kb"], r["contenders"]["pyfim"]["peak_rss_kb"]) >= 100 * 1024]
    s["ours_over_pyfim_peak_rss_100mb"] = {f"{r['file']} {r['target']} {r['support']}": r["ratios"]["ours_over_pyfim_peak_rss"]
                                           for r in heavy}
    fr = [r for r in ran if r["target"] == "frequent" and r.get("ratios", {}).get("ours_over_pyfim_mining") is not None]
    s["ours_over_pyfim_mining_frequent"] = {f"{r['file']} {r['support']}": r["ratios"]["ours_over_pyfim_mining"] for r in fr}
    s["unverified"] = [f"{r['file']} {r['target']} {r['support']}" for r in ran
                       if r.get("check", {}).get("count_equal_pyfim_eclat", False) is None]
    s["mlxtend_not_finished"] = [f"{r['file']} {r['target']} {r['support']}: {r['contenders']['mlxtend']['status']}"
                                 for r in ran if r["contenders"].get("mlxtend", {}).get("status") != "ok"]
    s["not_finished"] = [f"{r['file']} {r['target']} {r['support']} {k}: {v['status']}"
                         for r in ran for k, v in r["contenders"].items()
                         if k != "mlxtend" and v.get("status") != "ok"]
    return s


def _fmt_t(s):
    if s is None:
        return "–"
    return f"{s * 1000:.1f} ms" if s < 1 else f"{s:.2f} s"


def _cell(d, key, limit_note):
    st = d.get("status")
    if st == "ok":
        return _fmt_t(d[key])
    if st == "time":
        return f"> {limit_note} s"
    if st == "memory":
        return "> mem cap"
    if st == "not run":
        return "not run"
    return st or "–"


def _mb(d):
    return f"{d['peak_rss_kb'] / 1024:.0f}" if d.get("status") == "ok" else "–"


def _n(x):
    return "?" if x is None else f"{x:,}"


def _r(x, upper=False):
    if x is None:
        return "–"
    return ("≤ " if upper else "") + (f"{x:.3f}" if x < 0.1 else f"{x:.2f}")


def _x(ratio_ours_over_other, lower_bound=False):
    """A speed-up `other / ours` from the ratio ours/other, e.g. "370×"."""
    if not ratio_ours_over_other:
        return "–"
    return ("≥ " if lower_bound else "") + f"{1 / ratio_ours_over_other:.0f}×"


def markdown(rep):
    st = rep["settings"]
    lim, mlim = int(st["limit_s"]), int(st["mlxtend_limit_s"])
    env = rep["environment"]
    out = [
        "# Mining benchmark: `backbones mine` vs pyfim vs mlxtend",
        "",
        f"Generated by `Benchmarks/mining/run.sh{' --quick' if rep['quick'] else ''}` on {rep['date_utc']} "
        f"({env.get('cpu')}, {env.get('cpus')} CPUs, shared; 1/5/15-min load average "
        f"{tuple(round(x, 2) for x in env.get('load_avg_at_start', ()))} at the start, "
        f"{tuple(round(x, 2) for x in env.get('load_avg_at_end', ()))} at the end), "
        f"git {env.get('git_commit', '?')[:10]}{' with uncommitted Sources' if env.get('git_dirty_sources') else ''}; "
        f"pyfim {env['packages']['pyfim']}, mlxtend {env['packages']['mlxtend']}, Python {env['python']}. "
        f"Total {rep['elapsed_s'] / 60:.1f} min. See `Benchmarks/README.md` for the method.",
        "",
        "Transactions: digits MLP (64, 32, 16), authors' weighted top-k rule with k = 50 (49 items each); "
        "`classC` = correctly predicted training instances of digit C, `all` = all 1347 training instances. "
        "Minimum support count = ⌈f·|T|⌉, passed to pyfim as `supp=-count` and to mlxtend as a fraction that "
        "mlxtend rounds back to the same count; ours gets `--min-support f` and its reported count is checked.",
        "",
        "Columns: **mine** = the mining call alone (ours: the time the CLI prints, mining + sorting; "
        "pyfim: `fim.fpgrowth` until its Python list is built; mlxtend: `fpmax`/`fpgrowth` on the one-hot "
        f"DataFrame), the same way for every contender: the call is repeated in its process up to {st.get('inner_reps', 1)} "
        "times (stopping once the calls took 1 s together) and the median taken; that is done in up to "
        f"{st['reps']} processes (mlxtend: one) and the median of those taken; **1st** = the first call in a fresh process "
        "(cold caches and first-use costs included; median over the processes); "
        "**× mlxtend** = mlxtend mine / ours mine, the speed-up; **proc** = whole-process wall time (start-up, reading "
        "the file, mining, ours also printing every itemset to /dev/null; pyfim includes interpreter start-up); "
        "**read+mine** = pyfim's reading of the file plus mining, timed inside its process; "
        "**MB** = peak RSS of the process. Ratios < 1 mean ours is faster / smaller. "
        "`ours/pyfim` uses the mine columns; `proc` ratio uses whole processes.",
        "",
    ]
    if not rep["ours_available"]:
        out += ["**`backbones mine` was not available for this run: Python contenders only.**", ""]
    s = rep["summary"]
    out += ["## Summary", ""]
    def line(k, v):
        out.append(f"- {k}: {v}")
    line("cases run / skipped", f"{s['cases_run']} / {len(s['cases_skipped'])}")
    line("all checks passed (equal counts everywhere; equal itemsets where compared; same support count)",
         "**yes**" if s["all_checks_passed"] else "**NO**")
    line("itemset lists compared byte for byte", f"ours vs pyfim in {s['itemsets_compared_ours_pyfim']} cases, "
         f"mlxtend vs pyfim in {s['itemsets_compared_mlxtend_pyfim']} cases")
    line("median ours/pyfim mining time, maximal cases", _r(s["median_ours_over_pyfim_mining_maximal"]))
    line("same, only cases where both take ≥ 10 ms (timer noise dominates below)",
         f"{_r(s['median_ours_over_pyfim_mining_maximal_10ms'])} ({s['maximal_cases_10ms']} cases)")
    line("total ours / total pyfim mining time over the maximal cases both finished",
         _r(s["aggregate_ours_over_pyfim_mining_maximal"]))
    line("largest ours/pyfim mining time, maximal cases", _r(s["max_ours_over_pyfim_mining_maximal"]))
    line("median ours/pyfim whole-process time, maximal cases", _r(s["median_ours_over_pyfim_process_maximal"]))
    line("conservative view, median ours whole process (start-up, read, mine, print) / pyfim in-process "
         "read + mine (no interpreter start-up), maximal cases",
         _r(s["median_ours_over_pyfim_inprocess_maximal"]))
    if s.get("ours_over_pyfim_mining_frequent"):
        line("ours/pyfim mining time, frequent cases",
             ", ".join(f"{k}: {_r(v)}" for k, v in s["ours_over_pyfim_mining_frequent"].items()))
    line("speed-up over mlxtend fpmax (mining time), where mlxtend finished",
         f"min {_r(s['min_speedup_over_mlxtend_fpmax'])}×, median {_r(s['median_speedup_over_mlxtend_fpmax'])}× "
         f"({s['mlxtend_fpmax_finished']} cases)")
    if s.get("min_speedup_over_mlxtend_fpmax_first_call") is not None:
        line("same, first calls in fresh processes only (cold: both sides pay first-use costs)",
             f"min {_r(s['min_speedup_over_mlxtend_fpmax_first_call'])}×, "
             f"median {_r(s['median_speedup_over_mlxtend_fpmax_first_call'])}×")
    if s["speedup_over_mlxtend_fpmax_lower_bounds_where_it_timed_out"]:
        line(f"where mlxtend fpmax hit its {mlim} s limit, the speed-up is at least",
             ", ".join(f"{x:.0f}×" for x in s["speedup_over_mlxtend_fpmax_lower_bounds_where_it_timed_out"]))
    line("peak memory ours/pyfim", f"median {_r(s['median_ours_over_pyfim_peak_rss'])}, max {_r(s['max_ours_over_pyfim_peak_rss'])}")
    if s.get("ours_over_pyfim_peak_rss_100mb"):
        v = list(s["ours_over_pyfim_peak_rss_100mb"].values())
        line("peak memory ours/pyfim where either needs ≥ 100 MB (small cases are start-up: ours ~26 MB, pyfim ~13 MB)",
             f"median {_r(statistics.median(v))}, range {_r(min(v))}–{_r(max(v))} ({len(v)} cases)")
    if s["mlxtend_not_finished"]:
        line("mlxtend did not finish / not run", "; ".join(s["mlxtend_not_finished"]))
    if s["not_finished"]:
        line("ours or pyfim did not finish", "; ".join(s["not_finished"]))
    if s["unverified"]:
        line("cases where no other miner could check ours' result (pyfim out of memory/time, eclat count too)",
             "; ".join(s["unverified"]))
    if s["pyfim_unreported"]:
        line("itemsets pyfim does not report (made only of items present in every transaction; "
             "added back before every comparison, see README)", "; ".join(s["pyfim_unreported"]))
    if s["cases_skipped"]:
        line("skipped frequent cases (pyfim's pattern-spectrum count over the cap)", "; ".join(s["cases_skipped"]))
    out.append("")

    for target in ("maximal", "frequent"):
        rows = [r for r in rep["cases"] if r["target"] == target]
        out += [f"## {target.capitalize()} itemsets", "",
                "| case | f | count ≥ | itemsets | ours mine | ours 1st | ours proc | ours MB | pyfim mine | pyfim read+mine | pyfim proc | pyfim MB "
                "| mlxtend mine | mlxtend 1st | mlxtend MB | ours/pyfim | proc ratio | MB ratio | × mlxtend | × mlxtend 1st | check |",
                "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
        for r in rows:
            name = r["file"].removesuffix(".fimi") + (" (extra)" if r["extra"] else "")
            if "skipped" in r:
                out.append(f"| {name} | {r['support']} | {r['min_count']} | {_n(r.get('pyfim_spectrum_count'))} "
                           f"| skipped: over {FREQUENT_CAP // 1_000_000} M (count: pyfim's pattern spectrum) | | | | | | | | | | | | | | | | |")
                continue
            c = r["contenders"]
            o, p, m = c.get("ours", {"status": "n/a"}), c["pyfim"], c["mlxtend"]
            counts = [v["count"] for v in c.values() if v.get("status") == "ok"]
            ra = r["ratios"]
            chk = r["check"]
            mark = "ok" if r["ok"] else "FAIL"
            if "itemsets_equal_ours_pyfim" in chk or "itemsets_equal_mlxtend_pyfim" in chk:
                mark += " (sets)"
            if "count_equal_pyfim_eclat" in chk:
                mark += " (count unchecked)" if chk["count_equal_pyfim_eclat"] is None else " (eclat count)"
            out.append(
                f"| {name} | {r['support']} | {r['min_count']} | {_n(counts[0] if counts else None)} "
                f"| {_cell(o, 'mine_s', lim)} | {_cell(o, 'first_s', lim)} | {_cell(o, 'wall_s', lim)} | {_mb(o)} "
                f"| {_cell(p, 'mine_s', lim)} | {_cell(p, 'inproc_s', lim)} | {_cell(p, 'wall_s', lim)} | {_mb(p)} "
                f"| {_cell(m, 'mine_s', mlim)} | {_cell(m, 'first_s', mlim)} | {_mb(m)} "
                f"| {_r(ra['ours_over_pyfim_mining'], ra['ours_over_pyfim_mining_is_upper_bound'])} "
                f"| {_r(ra['ours_over_pyfim_process'])} | {_r(ra['ours_over_pyfim_peak_rss'])} "
                f"| {_x(ra['ours_over_mlxtend_mining'], ra['ours_over_pyfim_mining_is_upper_bound'])} "
                f"| {_x(ra.get('ours_over_mlxtend_first'))} | {mark} |")
        out.append("")
    out += ["`(sets)`: the itemsets themselves (items and supports) were compared, not only their number. "
            "`(eclat count)`: pyfim's default fpgrowth exceeded a limit; ours' count was checked against "
            "pyfim's eclat (pattern spectrum, untimed). "
            "`≤`: ours printed a time of 0 (below its 1 µs resolution); 0.5 µs was used, so the ratio is an upper bound.",
            ""]
    return "\n".join(out)


if __name__ == "__main__":
    main()
