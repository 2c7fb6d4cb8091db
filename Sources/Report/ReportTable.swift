import FileSupport
import BackboneCore
import LinearModel

/// Terminal tables: per group the exact front's Pareto points (backends side by side) and the
/// heuristic points with their standing; a one-line summary per group for progress logs; an
/// overview with one row per group and q. Plain text, columns padded to fixed widths.
public enum ReportTable {
    /// Everything `summary.txt` holds: settings, the overview, then every group's tables.
    public static func text(_ report: ParetoReport) -> String {
        var lines: [String] = []
        if !report.settings.isEmpty {
            lines.append("Settings")
            let width = report.settings.map(\.0.count).max() ?? 0
            for (k, v) in report.settings {
                lines.append("  " + k + String(repeating: " ", count: width - k.count) + "  " + v)
            }
            lines.append("")
        }
        lines.append(overview(report))
        for g in report.groups {
            lines.append("")
            lines.append(group(g))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: One group

    /// The tables of one group (no final newline).
    public static func group(_ g: GroupReport) -> String {
        var lines = ["\(g.groupName)  q=\(g.shareText)  \(Format.count(g.instanceCount, "instance")), "
            + Format.count(g.distinctTransactions, "distinct transaction")]
        for f in g.fronts {
            lines.append("  \(f.solver) \(f.solverVersion): \(Format.count(f.points.count, "point")), "
                + "\(f.provenCount) proven optimal, \(Format.fixed(f.totalSeconds, 2)) s, "
                + "nothing coverable below \(f.minimumUsefulSize) neurons")
        }
        lines.append("")
        if g.fronts.isEmpty {
            lines.append("  Exact front: none (exact solving was skipped)")
        } else {
            lines.append("  Exact front, Pareto points")
            lines += frontTable(g).render(indent: "  ")
        }
        lines.append("")
        if g.heuristicPoints.isEmpty {
            lines.append("  Heuristic points: none")
        } else {
            let against = orderedUnique(g.heuristicPoints.compactMap { $0.standing?.solver })
            lines.append("  Heuristic points" + (against.isEmpty ? "" : " (standing against the \(against.joined(separator: ", ")) front)"))
            lines += heuristicTable(g).render(indent: "  ")
        }
        for note in g.notes { lines.append("  note: " + note) }
        return lines.joined(separator: "\n")
    }

    /// Pareto points per budget `K`, one block of columns per backend. Rows are the union of
    /// the backends' Pareto budgets, so equal budgets line up and differences stand out.
    static func frontTable(_ g: GroupReport) -> TextTable {
        var columns = [TextTable.Column("K")]
        var spans: [TextTable.Span] = []
        for f in g.fronts {
            let start = columns.count
            columns += [TextTable.Column("size", separator: g.fronts.count > 1 ? " | " : "  "),
                        TextTable.Column("covered"), TextTable.Column("coverage"),
                        TextTable.Column("status", .left), TextTable.Column("gap")]
            spans.append(.init(title: f.solver, columns: start..<columns.count))
        }
        var table = TextTable(columns: columns, spans: g.fronts.count > 1 ? spans : [])
        let pareto = g.fronts.map { Dictionary($0.paretoPoints.map { ($0.budget, $0) }, uniquingKeysWith: { a, _ in a }) }
        let budgets = Set(pareto.flatMap(\.keys)).sorted()
        for k in budgets {
            var row = [String(k)]
            for (f, byBudget) in zip(g.fronts, pareto) {
                if let p = byBudget[k] {
                    row += [String(p.size), String(p.covered), Format.percent(share(p.covered, f.instanceCount)),
                            p.status.rawValue, p.gap.map { Format.percent($0, 2) } ?? "-"]
                } else {
                    row += ["", "", "", "", ""]
                }
            }
            table.add(row)
        }
        return table
    }

    static func heuristicTable(_ g: GroupReport) -> TextTable {
        var table = TextTable(columns: [
            .init("source", .left), .init("size"), .init("covered"), .init("coverage"),
            .init("exact@size"), .init("verdict", .left), .init("comparison", .left),
        ])
        for h in g.heuristicPoints {
            guard let s = h.standing else {
                table.add([h.label, String(h.size), String(h.covered), Format.percent(h.coverage), "-", "-", ""])
                continue
            }
            // "?" marks an exact value that is only a feasible point, not a proven optimum.
            table.add([h.label, String(h.size), String(h.covered), Format.percent(h.coverage),
                       String(s.exactCoveredAtSize) + (s.exactProven ? "" : "?"), s.verdict.rawValue, comparison(s)])
        }
        return table
    }

    /// `lost 5 instances at equal size / 2 extra neurons`.
    public static func comparison(_ s: Standing) -> String {
        "lost \(Format.count(s.coverageLost, "instance")) at equal size / "
            + Format.count(s.extraNeurons, "extra neuron")
    }

    // MARK: One line per group

    /// One line for a progress log, e.g.
    /// `correct:3 q=1 (133 instances): glpk 33/33 proven 12.3 s, best 100.0 % at 81; reference 52 neurons 90.2 % vs exact 94.0 % (dominated: lost 5, +2 neurons); greedy 7 steps to 95.5 % at 60 (3 on front, 4 dominated)`.
    public static func summaryLine(_ g: GroupReport) -> String {
        var parts: [String] = []
        for f in g.fronts {
            var s = "\(f.solver) \(f.provenCount)/\(f.points.count) proven \(Format.fixed(f.totalSeconds, 1)) s"
            if let best = f.paretoPoints.last {
                s += ", best \(Format.percent(share(best.covered, f.instanceCount))) at \(best.size)"
            }
            parts.append(s)
        }
        if g.fronts.isEmpty { parts.append("no exact front") }
        if let r = g.referencePoint {
            var s = "reference \(Format.count(r.size, "neuron")) \(Format.percent(r.coverage))"
            if let st = r.standing {
                s += " vs exact \(Format.percent(share(st.exactCoveredAtSize, g.instanceCount)))\(st.exactProven ? "" : "?")"
                    + " (\(st.verdict.rawValue)"
                    + (st.verdict == .dominated ? ": lost \(st.coverageLost), +\(Format.count(st.extraNeurons, "neuron"))" : "")
                    + ")"
            }
            parts.append(s)
        }
        let steps = g.greedySteps
        if let last = steps.last {
            var s = "greedy \(Format.count(steps.count, "step")) to \(Format.percent(last.coverage)) at \(last.size)"
            let verdicts = steps.compactMap { $0.standing?.verdict }
            if !verdicts.isEmpty {
                let on = verdicts.filter { $0 == .onFront || $0 == .triviallyOnFront }.count
                let dominated = verdicts.filter { $0 == .dominated }.count
                let unproven = verdicts.filter { $0 == .notDominatedUnproven }.count
                s += " (\(on) on front, \(dominated) dominated" + (unproven > 0 ? ", \(unproven) unproven" : "") + ")"
            }
            parts.append(s)
        }
        return "\(g.groupName) q=\(g.shareText) (\(Format.count(g.instanceCount, "instance"))): "
            + parts.joined(separator: "; ")
    }

    // MARK: Overview

    /// One row per group and q: the reference heuristic's size and coverage, the exact
    /// coverage at that size, and per backend the proven/total points and solve seconds.
    public static func overview(_ report: ParetoReport) -> String {
        let solvers = orderedUnique(report.groups.flatMap { $0.fronts.map(\.solver) })
        var columns: [TextTable.Column] = [
            .init("group", .left), .init("q", .left), .init("instances"), .init("ref size"), .init("ref cov"),
            .init("exact@size"), .init("verdict", .left),
        ]
        var spans: [TextTable.Span] = []
        for s in solvers {
            let start = columns.count
            columns += [.init("proven", separator: " | "), .init("seconds")]
            spans.append(.init(title: s, columns: start..<columns.count))
        }
        var table = TextTable(columns: columns, spans: spans)
        for g in report.groups {
            var row = [g.groupName, g.shareText, String(g.instanceCount)]
            if let r = g.referencePoint {
                row += [String(r.size), Format.percent(r.coverage)]
                if let exact = exactCovered(g, size: r.size) {
                    row += [Format.percent(share(exact.covered, g.instanceCount)) + (exact.proven ? "" : "?"),
                            r.standing?.verdict.rawValue ?? "-"]
                } else {
                    row += ["-", r.standing?.verdict.rawValue ?? "-"]
                }
            } else {
                row += ["-", "-", "-", "-"]
            }
            for s in solvers {
                if let f = g.fronts.first(where: { $0.solver == s }) {
                    row += ["\(f.provenCount)/\(f.points.count)", Format.fixed(f.totalSeconds, 2)]
                } else {
                    row += ["-", "-"]
                }
            }
            table.add(row)
        }
        return (["Overview (\(Format.count(report.groups.count, "group report")))"]
            + table.render(indent: "  ")).joined(separator: "\n")
    }

    /// Best exact coverage with at most `size` neurons: the reference point's standing when it
    /// has one (the same number the verdict used), else read off the first front.
    static func exactCovered(_ g: GroupReport, size: Int) -> (covered: Int, proven: Bool)? {
        if let s = g.referencePoint?.standing { return (s.exactCoveredAtSize, s.exactProven) }
        return g.fronts.first?.bestCovered(atMost: size)
    }

    static func share(_ covered: Int, _ instances: Int) -> Double {
        instances == 0 ? 0 : Double(covered) / Double(instances)
    }

    static func orderedUnique(_ xs: [String]) -> [String] {
        var seen = Set<String>()
        return xs.filter { seen.insert($0).inserted }
    }
}
