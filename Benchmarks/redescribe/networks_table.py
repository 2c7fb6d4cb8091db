"""Markdown tables of Benchmarks/results/redescribe-networks/*.json (paper-repro/REDESCRIPTIONS.md)."""
import json, glob, os, sys

root = sys.argv[1] if len(sys.argv) > 1 else "Benchmarks/results/redescribe-networks"
for path in sorted(glob.glob(f"{root}/*.json")):
    r = json.load(open(path))
    name = os.path.basename(path)[:-5]
    print(f"\n### {name}\n")
    T = r["targets"]
    if any("attribute" in t and t["attribute"] for t in T):
        found = [t for t in T if t.get("heuristic", {}).get("redescriptions")]
        js = sorted(t["jaccard"] for t in found)
        secs = [t["heuristic"]["seconds"] for t in T]
        print(f"{len(T)} targets, {len(found)} with a redescription; JS min {js[0]:.3f}, median {js[len(js)//2]:.3f}, "
              f"max {js[-1]:.3f}; ≥ 0.9 in {sum(j >= 0.9 for j in js)}; miner seconds total {sum(secs):.2f}, max {max(secs):.2f}\n")
        print("| target | JS | ∩/∪ | target side | other side |\n|---|---|---|---|---|")
        for t in sorted(found, key=lambda t: -t["jaccard"])[:8]:
            b = t["heuristic"]["redescriptions"][0]
            print(f"| {t['attribute']} | {b['jaccard']:.3f} | {b['intersection']}/{b['union']} | `{b['left']}` | `{b['right']}` |")
        continue
    print("| target | rows | heuristic JS | exact JS | ∩/∪ | certificate | MILPs | s | query |\n|---|---|---|---|---|---|---|---|---|")
    for t in T:
        h = t.get("heuristic", {}).get("redescriptions")
        hj = f"{h[0]['jaccard']:.3f}" if h else ("—" if "heuristic" not in t else "none")
        c = t.get("certificate")
        cert = "—" if c is None else ("proven" if c["proven"] else f"≤ {c['jaccard_upper_bound']:.3f} ({c['status']})")
        q = t.get("query") or (h[0]["right"] if h else "")
        inter = f"{t['intersection']}/{t['union']}" if "intersection" in t else (f"{h[0]['intersection']}/{h[0]['union']}" if h else "")
        ej = f"{t['jaccard']:.3f}" if c else "—"
        steps = len(t.get("steps", []))
        secs = t.get("seconds", t.get("heuristic", {}).get("seconds", 0))
        print(f"| `{t['target']}` | {t['target_size']} | {hj} | {ej} | {inter} | {cert} | {steps} | {secs:.1f} | `{q}` |")
