import FileSupport
import LinearModel
import Workflows

/// The terminal table of `backbones compare` (also `summary.txt`): one line per instance with
/// its size, the known optimum as the index gives it, and each backend's status (`limit`: an
/// incumbent, `limit, none`: none, `stopped`: killed past the limit), objective and seconds;
/// then the summary per backend and the contradictions.
public enum CompareTable {
    public static func text(_ r: CompareJob.Result) -> String {
        var columns: [TextTable.Column] = [.init("instance", .left), .init("rows×cols"), .init("known")]
        var spans: [TextTable.Span] = []
        for (b, name) in r.backends.enumerated() {
            let version = r.summaries[b].version
            spans.append(.init(title: version.isEmpty ? name : "\(name) \(version)", columns: 3 + 3 * b ..< 6 + 3 * b))
            columns += [.init("status", .left, separator: " | "), .init("objective"), .init("seconds")]
        }
        columns.append(.init("check", .left, separator: " | "))
        var table = TextTable(columns: columns, spans: spans)
        for row in r.rows {
            var cells = [row.instance.name, "\(row.rows)×\(row.columns)", row.instance.knownOptimum.map(Format.exact) ?? "-"]
            for run in row.runs {
                guard let run else { cells += ["", "", ""]; continue }  // the search on a model file
                let x = run.result
                cells += [status(run), x.objective.map(value) ?? "-", Format.fixed(x.seconds, 2)]
            }
            cells.append(check(row))
            table.add(cells)
        }
        var lines = table.render()
        lines.append("")
        lines += summary(r)
        if !r.problems.isEmpty {
            lines.append("")
            lines.append("contradictions:")
            lines += r.problems.map { "  " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The summary block: per backend, solved counts, agreement with known optima, the shifted
    /// geometric mean of time, wins and the worst overrun of the limit.
    public static func summary(_ r: CompareJob.Result) -> [String] {
        let n = r.rows.count
        var lines = ["\(Format.count(n, "instance")), time limit \(Format.exact(r.timeLimit)) s per run; "
            + "shifted geometric mean of seconds with shift \(Format.exact(r.shift)) s (an unsolved run counts as the limit)"]
        var table = TextTable(columns: [.init("backend", .left), .init("solved"), .init("optimal"), .init("time limit"), .init("errors"),
                                        .init("= known optimum"), .init("sgm s"), .init("wins"), .init("worst s past limit")])
        for s in r.summaries {
            table.add(["\(s.solver) \(s.version)", "\(s.solved)/\(s.instances)", String(s.optimal), String(s.timeLimit), String(s.errors),
                       "\(s.matchesKnown)/\(s.withKnown)", Format.fixed(s.shiftedGeometricMean, 2), String(s.wins),
                       Format.fixed(s.worstOverrun, 2)])
        }
        lines += table.render()
        lines.append(r.problems.isEmpty ? "no contradictions: every proven optimum agrees with the other backends and the known optima"
                                        : "\(Format.count(r.problems.count, "contradiction")) (exit 1)")
        return lines
    }

    static func status(_ run: CompareJob.Run) -> String {
        switch run.result.status {
        case .optimal: return "optimal"
        case .timeLimit: return run.killed ? "stopped" : (run.result.hasSolution ? "limit" : "limit, none")
        default: return run.result.status.rawValue
        }
    }

    static func check(_ row: CompareJob.Row) -> String {
        if !row.problems.isEmpty { return "CONTRADICTION" }
        let runs = row.runs.compactMap { $0 }
        let matches = runs.compactMap(\.matchesKnown)
        if !matches.isEmpty { return "= known" }
        if runs.filter(\.result.isProvenOptimal).count > 1 { return "agree" }
        return ""
    }

    /// An objective: integral values without decimals, others with 4.
    static func value(_ x: Double) -> String {
        abs(x - x.rounded()) <= 1e-9 * max(1, abs(x)) && abs(x) < 1e15 ? Format.fixed(x, 0) : Format.fixed(x, 4)
    }
}
