import FileSupport
import BackboneCore
import Foundation
import LinearModel

/// One row per point (exact front points, then heuristic points), for spreadsheets and
/// data frames. Cells that do not apply to a row are empty. Numbers use the JSON writer's
/// shortest round-trip text, so they equal the values in `report.json` exactly.
public enum ReportCSV {
    public static let columns = [
        "group", "kind", "q", "source", "solver", "budget", "size", "covered", "instances", "coverage",
        "status", "bound", "gap", "seconds", "on_pareto", "verdict", "coverage_lost", "extra_neurons",
    ]

    /// The header and every row, LF line ends, final newline.
    public static func text(_ report: ParetoReport) -> String {
        var lines = [columns.joined(separator: ",")]
        for group in report.groups { lines += rows(group).map(line) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The rows of one group, as unquoted cells (in `columns` order).
    public static func rows(_ g: GroupReport) -> [[String]] {
        let head = [g.groupName, g.groupKind.rawValue, g.shareText]
        var out: [[String]] = []
        for front in g.fronts {
            for (p, pareto) in zip(front.points, front.paretoFlags) {
                out.append(head + [
                    "exact", front.solver, String(p.budget), String(p.size), String(p.covered),
                    String(front.instanceCount), Format.exact(p.coverage), p.status.rawValue,
                    p.bound.map(Format.exact) ?? "", p.gap.map(Format.exact) ?? "",
                    Format.exact(p.seconds), pareto ? "true" : "false", "", "", "",
                ])
            }
        }
        for h in g.heuristicPoints {
            let s = h.standing
            // `solver` names the front the standing was judged against.
            out.append(head + [
                h.label, s?.solver ?? "", "", String(h.size), String(h.covered), String(g.instanceCount),
                Format.exact(h.coverage), "", "", "", "", "",
                s?.verdict.rawValue ?? "", s.map { String($0.coverageLost) } ?? "",
                s.map { String($0.extraNeurons) } ?? "",
            ])
        }
        return out
    }

    /// RFC 4180: a cell holding a comma, a quote, CR or LF is quoted, quotes doubled.
    /// A leading or trailing space is quoted too, so no reader trims it away.
    public static func quote(_ cell: String) -> String {
        let needs = cell.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || cell.first == " " || cell.last == " "
        return needs ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
    }

    static func line(_ cells: [String]) -> String { cells.map(quote).joined(separator: ",") }
}
