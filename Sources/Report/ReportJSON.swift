import BackboneCore
import FileSupport
import LinearModel

/// The whole Pareto report as JSON: nothing the report knows is left out (every front point
/// with its backbone, every heuristic point with its standing), so any other table or plot
/// can be made from this file alone. Schema: docs/report.md.
public enum ReportJSON {
    /// Identifies the layout below; bump when a field changes meaning or disappears.
    public static let schema = "backbones.pareto-report/1"

    public static func json(_ report: ParetoReport) -> JSON {
        var fields: [(String, JSON)] = [
            ("schema", .string(schema)),
            // An array of pairs, not an object: settings may repeat a key and their order matters.
            ("settings", .array(report.settings.map { .object([("name", .string($0.0)), ("value", .string($0.1))]) })),
        ]
        // Only in a report cut short: "interrupted" or "time_budget" (fronts say which, `stop`).
        if let stop = report.stop { fields.append(("stopped", .string(stop.rawValue))) }
        return .object(fields + [("groups", .array(report.groups.map(json)))])
    }

    /// Indented text with a final newline (what `report.json` holds).
    public static func text(_ report: ParetoReport) -> String {
        json(report).serialized(pretty: true) + "\n"
    }

    public static func json(_ group: GroupReport) -> JSON {
        .object([
            ("group", .string(group.groupName)),
            ("kind", .string(group.groupKind.rawValue)),
            ("q", .number(group.rule.share)),
            ("instances", .int(group.instanceCount)),
            ("distinct_transactions", .int(group.distinctTransactions)),
            ("notes", .array(group.notes.map { .string($0) })),
            ("fronts", .array(group.fronts.map(json))),
            ("heuristic_points", .array(group.heuristicPoints.map(json))),
        ])
    }

    public static func json(_ front: ExactFront) -> JSON {
        let flags = front.paretoFlags
        return .object([
            ("solver", .string(front.solver)),
            ("solver_version", .string(front.solverVersion)),
            // Repeated from the group so a front read alone is self-describing (and a
            // mismatch with the group would show).
            ("group", .string(front.groupName)),
            ("q", .number(front.rule.share)),
            ("instances", .int(front.instanceCount)),
            ("distinct_transactions", .int(front.distinctTransactions)),
            ("minimum_useful_size", .int(front.minimumUsefulSize)),
            ("point_count", .int(front.points.count)),
            ("proven_count", .int(front.provenCount)),
            ("pareto_count", .int(flags.filter { $0 }.count)),
            ("total_seconds", .number(front.totalSeconds)),
        ] + (front.stop.map { [("stop", JSON.string($0.rawValue))] } ?? []) + [
            ("points", .array(zip(front.points, flags).map { json($0, onPareto: $1) })),
        ])
    }

    public static func json(_ p: FrontPoint, onPareto: Bool) -> JSON {
        .object([
            ("budget", .int(p.budget)),
            ("size", .int(p.size)),
            ("covered", .int(p.covered)),
            ("coverage", .number(p.coverage)),
            ("status", .string(p.status.rawValue)),
            ("proven", .bool(p.isProvenOptimal)),
            ("bound", .number(p.bound)),
            ("gap", .number(p.gap)),
            ("seconds", .number(p.seconds)),
            ("solver", .string(p.solver)),
            ("on_pareto", .bool(onPareto)),
            ("backbone", .array(p.backbone.map { .int($0) })),
        ])
    }

    public static func json(_ h: HeuristicPoint) -> JSON {
        .object([
            ("method", .string(h.method.rawValue)),
            ("step", h.step.map { .int($0) } ?? .null),
            ("label", .string(h.label)),
            ("size", .int(h.size)),
            ("covered", .int(h.covered)),
            ("coverage", .number(h.coverage)),
            ("backbone", .array(h.backbone.map { .int($0) })),
            ("standing", h.standing.map(json) ?? .null),
        ])
    }

    public static func json(_ s: Standing) -> JSON {
        .object([
            ("verdict", .string(s.verdict.rawValue)),
            ("exact_covered_at_size", .int(s.exactCoveredAtSize)),
            ("coverage_lost", .int(s.coverageLost)),
            ("extra_neurons", .int(s.extraNeurons)),
            ("exact_proven", .bool(s.exactProven)),
            ("solver", .string(s.solver)),
        ])
    }
}
