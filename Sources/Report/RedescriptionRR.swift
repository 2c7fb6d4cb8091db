import FileSupport
import Redescription
import Workflows

/// Our redescriptions as an ExItNeRdoM `.rr` file (`RRFile`'s layout): per target, the exact
/// search's (W1R the target, W2R our query), then the heuristic's; p-values theirs, `P(X > |∩|)`.
public enum RedescribeRR {
    public static func file(_ r: RedescribeJob.Result) -> RRFile {
        var records: [RRRecord] = []
        for t in r.targets {
            var seen: Set<[String]> = []
            if let e = t.exact {
                let rows = (try? t.query.rows(in: r.left)) ?? RowSet(count: r.left.rowCount)
                let q = (try? e.query.rows(in: r.right)) ?? RowSet(count: r.right.rowCount)
                records.append(MinedRedescription(left: t.query, right: e.query, leftRows: rows, rightRows: q).record(ids: r.left))
                seen.insert([t.query.text, e.query.text])
            }
            for m in t.mined where seen.insert([m.left.text, m.right.text]).inserted { records.append(m.record(ids: r.left)) }
        }
        let mode = r.settings.heuristic == nil ? "exact" : r.settings.heuristic!.prove ? "heuristic, proved by the exact search" : "heuristic"
        return RRFile(records: records, footer: [
            "Found: \(records.count) redescriptions (backbones redescribe, \(mode); \(r.targets.count) targets)", "",
            "Elapsed time: \(Format.fixed(r.seconds, 3)) seconds.",
        ])
    }

    public static func text(_ r: RedescribeJob.Result) -> String { file(r).text }
}
