import FileSupport
import Redescription
import Workflows

/// The terminal summary of `backbones redescribe`: one block per target, then the comparison.
public enum RedescribeTable {
    public static func text(_ r: RedescribeJob.Result) -> String {
        var out = ""
        for t in r.targets {
            out += t.attribute.map { "\($0) (every run of its bins)\n" } ?? "\(t.query.text)  (\(t.size) rows)\n"
            if let seconds = t.minedSeconds {
                if let m = t.mined.first {
                    if t.attribute != nil { out += "  heuristic left: \(m.left.text)  (\(m.measures.leftSupport) rows)\n" }
                    out += "  heuristic: \(m.right.text)\n  JS \(Format.fixed(m.measures.jaccard, 4)) = \(m.measures.intersection)/\(m.measures.union)"
                } else {
                    out += "  heuristic: no redescription passes the filters"
                }
                out += ", \(Format.count(t.mined.count, "redescription")), \(Format.fixed(seconds, 2)) s\n"
            }
            if let b = t.exact {
                let c = b.certificate
                out += "  \(t.minedSeconds == nil ? "best" : "exact"): \(b.query.text)\n"
                out += "  JS \(Format.fixed(b.measures.jaccard, 4)) = \(b.measures.intersection)/\(b.measures.union), "
                if b.startQuery != nil { out += b.keptStart ? "the start kept, " : "improved from \(b.start.intersection)/\(b.start.union), " }
                out += c.kind == .perfect ? "optimal (JS 1 is the largest possible)"
                    : c.proven ? "proven optimal (\(c.solver): last MILP optimum \(Format.exact(c.objective ?? 0)), \(c.status.rawValue))"
                    : "not proven: JS ≤ \(Format.fixed(c.jaccardUpperBound, 4)) (\(c.solver) \(c.status.rawValue))"
                out += ", \(Format.count(b.steps.count, "MILP")), \(Format.fixed(b.seconds, 2)) s\n"
                if t.passesMinerFilters == false {
                    out += "  note: this result fails the miner's filters (uncovered rows, Jaccard or p-value); the exact search enforces only the minimum support\n"
                }
            }
            if let theirs = t.theirs {
                out += "  theirs: JS \(Format.fixed(theirs.bestJaccard, 4))" + (theirs.best.right.isConjunction ? "" : " (NOT/OR)") + "\n"
            }
        }
        if let c = r.comparison {
            out += "\nagainst their best per target (\(c.targets) targets): ours ≥ theirs in \(c.atLeastTheirs) (better \(c.better), equal \(c.equal)), worse in \(c.worse); "
            out += "mean JS \(Format.fixed(c.meanTheirs, 3)) → \(Format.fixed(c.meanOurs, 3)); \(c.proven) proven; "
            out += "seconds per target: mean \(Format.fixed(c.secondsMean, 2)), median \(Format.fixed(c.secondsMedian, 2)), max \(Format.fixed(c.secondsMax, 2))\n"
        }
        return out
    }
}
