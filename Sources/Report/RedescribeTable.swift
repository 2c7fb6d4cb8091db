import FileSupport
import Redescription
import Workflows

/// The terminal summary of `backbones redescribe`: one line per target, then the comparison.
public enum RedescribeTable {
    public static func text(_ r: RedescribeJob.Result) -> String {
        var out = ""
        for t in r.targets {
            let b = t.best, c = b.certificate
            out += "\(t.query.text)  (\(t.size) rows)\n"
            out += "  best: \(b.query.text)\n"
            out += "  JS \(Format.fixed(b.measures.jaccard, 4)) = \(b.measures.intersection)/\(b.measures.union), "
            out += c.kind == .perfect ? "optimal (JS 1 is the largest possible)"
                : c.proven ? "proven optimal (\(c.solver): last MILP optimum \(Format.exact(c.objective ?? 0)), \(c.status.rawValue))"
                : "not proven: JS ≤ \(Format.fixed(c.jaccardUpperBound, 4)) (\(c.solver) \(c.status.rawValue))"
            out += ", \(Format.count(b.steps.count, "MILP")), \(Format.fixed(b.seconds, 2)) s\n"
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
