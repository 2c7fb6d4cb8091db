import FileSupport
import Workflows

/// `results.csv` of `backbones compare`: one row per instance and backend; numbers use the
/// JSON writer's text, so they equal `results.json`.
public enum CompareCSV {
    public static let header = "instance,file,known_optimum,solver,version,status,objective,bound,gap,seconds,has_solution,matches_known,message"

    public static func text(_ r: CompareJob.Result) -> String {
        var lines = [header]
        for row in r.rows {
            for case let run? in row.runs {
                let x = run.result
                lines.append(ReportCSV.line([
                    row.instance.name, row.instance.path, row.instance.knownOptimum.map(Format.exact) ?? "",
                    x.solver, x.version, x.status.rawValue, x.objective.map(Format.exact) ?? "", x.bound.map(Format.exact) ?? "",
                    x.gap.map(Format.exact) ?? "", Format.exact(x.seconds), x.hasSolution ? "true" : "false",
                    run.matchesKnown.map { $0 ? "true" : "false" } ?? "", x.message,
                ]))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
