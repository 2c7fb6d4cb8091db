import FileSupport
import LinearModel
import Workflows

/// `results.json` of `backbones compare` (docs/solvers.md, "Comparison runs"): the settings,
/// one object per instance with one run per backend, the summary per backend, the problems.
public enum CompareJSON {
    public static func json(_ r: CompareJob.Result) -> JSON {
        .object([
            ("time_limit", .number(r.timeLimit)),
            ("shift", .number(r.shift)),
            ("tolerance", .number(CompareJob.tolerance)),
            ("backends", .array(r.backends.map(JSON.string))),
            ("instances", .array(r.rows.map(row))),
            ("summary", .array(r.summaries.map(summary))),
            ("problems", .array(r.problems.map(JSON.string))),
        ])
    }

    public static func text(_ r: CompareJob.Result) -> String { json(r).serialized(pretty: true) + "\n" }

    static func row(_ row: CompareJob.Row) -> JSON {
        .object([
            ("name", .string(row.instance.name)), ("file", .string(row.instance.path)), ("format", .string(row.instance.formatName)),
            ("known_optimum", .number(row.instance.knownOptimum)), ("sense", .string(row.sense.rawValue)),
            ("columns", .int(row.columns)), ("integer_columns", .int(row.integers)), ("rows", .int(row.rows)),
            ("nonzeros", .int(row.nonzeros)),
            // Only the engines that ran (the search runs on cover models only).
            ("runs", .array(row.runs.compactMap { $0 }.map(run))),
            ("problems", .array(row.problems.map(JSON.string))),
        ])
    }

    static func run(_ run: CompareJob.Run) -> JSON {
        let r = run.result
        return .object([
            ("solver", .string(r.solver)), ("version", .string(r.version)), ("status", .string(r.status.rawValue)),
            ("objective", .number(r.objective)), ("bound", .number(r.bound)), ("gap", .number(r.gap)),
            ("seconds", .number(r.seconds)), ("has_solution", .bool(r.hasSolution)),
            ("matches_known", run.matchesKnown.map(JSON.bool) ?? .null), ("stopped", .bool(run.killed)),
            ("message", .string(r.message)), ("raw_status", .string(r.rawStatus)),
        ])
    }

    static func summary(_ s: CompareJob.BackendSummary) -> JSON {
        .object([
            ("solver", .string(s.solver)), ("version", .string(s.version)), ("instances", .int(s.instances)),
            ("solved", .int(s.solved)), ("optimal", .int(s.optimal)), ("time_limit", .int(s.timeLimit)), ("errors", .int(s.errors)),
            ("matches_known", .int(s.matchesKnown)), ("with_known_optimum", .int(s.withKnown)),
            ("shifted_geometric_mean_seconds", .number(s.shiftedGeometricMean)), ("wins", .int(s.wins)),
            ("worst_seconds_past_limit", .number(s.worstOverrun)),
        ])
    }
}
