import BackboneCore
import FileSupport
import LinearModel
import Workflows

/// What `backbones ilp` prints: text for people, JSON (`--json`) for scripts and benchmarks.
public enum ILPReport {
    // MARK: cover

    public static func text(_ results: [CoverILPJob.GroupResult], rule: CoverageRule, goal: CoverILPJob.Goal) -> String {
        var lines: [String] = []
        for g in results {
            if let note = g.note { lines.append("\(g.group) \(rule): \(note)") }
            for front in g.fronts {
                lines.append("\(g.group) \(rule) \(front.solver): \(front.points.count) points, \(front.provenCount) proven, \(Format.fixed(front.totalSeconds, 2)) s; Pareto points (size→covered): "
                             + front.paretoPoints.map { "\($0.size)→\($0.covered)\($0.isProvenOptimal ? "" : "?")" }.joined(separator: " "))
            }
            for s in g.solved {
                let r = s.result
                let what: String
                switch goal {
                case let .budget(k): what = "at most \(k) neurons"
                default: what = "covering ≥ \(g.target ?? 0) of \(g.instances)"
                }
                lines.append("\(g.group) \(rule) \(r.solver) (\(what)): \(r.status.rawValue), backbone \(s.backbone.count) neurons covering \(s.covered)/\(g.instances)\(r.gap.map { ", gap \(Format.fixed($0 * 100, 2))%" } ?? ""), \(Format.fixed(r.seconds, 2)) s")
                if !s.backbone.isEmpty { lines.append("  " + s.backbone.map(String.init).joined(separator: " ")) }
            }
        }
        return lines.joined(separator: "\n")
    }

    public static func json(_ results: [CoverILPJob.GroupResult]) -> JSON {
        var out: [JSON] = []
        for g in results {
            if let note = g.note { out.append(.object([("group", .string(g.group)), ("instances", .int(g.instances)), ("note", .string(note))])) }
            for front in g.fronts {
                out.append(.object([("group", .string(g.group)), ("solver", .string(front.solver)),
                                    ("points", .array(front.points.map(\.json)))]))
            }
            for s in g.solved {
                out.append(.object([("group", .string(g.group))] + s.result.jsonFields + [
                    ("size", .int(s.backbone.count)), ("covered", .int(s.covered)),
                    ("instances", .int(g.instances)), ("backbone", .array(s.backbone.map { .int($0) })),
                ]))
            }
        }
        return .array(out)
    }

    // MARK: joint

    public static func text(_ results: [JointILPJob.Solved]) -> String {
        var lines: [String] = []
        for s in results {
            let r = s.result
            lines.append("\(r.solver): \(r.status.rawValue), \(r.objective.map { String(Int($0)) } ?? "-") instances covered in total\(r.gap.map { ", gap \(Format.fixed($0 * 100, 2))%" } ?? ""), \(Format.fixed(r.seconds, 2)) s")
            for g in s.groups ?? [] { lines.append("  \(g.group): \(g.backbone.count) neurons, covers \(g.covered)/\(g.instances)") }
        }
        return lines.joined(separator: "\n")
    }

    public static func json(_ results: [JointILPJob.Solved]) -> JSON {
        .array(results.map { s in
            var fields = s.result.jsonFields
            if let groups = s.groups {
                fields.append(("groups", .object(groups.map { g in
                    (g.group, .object([("size", .int(g.backbone.count)), ("covered", .int(g.covered)), ("instances", .int(g.instances)),
                                       ("backbone", .array(g.backbone.map { .int($0) }))]))
                })))
            }
            return .object(fields)
        })
    }

    // MARK: reference

    public static func modelLine(_ built: ReferenceILPJob.Built) -> String {
        "model: \(built.reduced ? "reduced (exact: same optimum as the plain model)" : "plain (not reduced)"), \(built.compiled.rowCount) rows, \(built.compiled.columnCount) columns, \(built.compiled.nonzeroCount) non-zeros"
    }

    public static func text(_ results: [ReferenceILPJob.Solved], groups: [String], neurons: Int) -> String {
        var lines: [String] = []
        for s in results {
            let r = s.result
            guard let solution = s.solution else { lines.append("\(r.solver): \(r.status.rawValue) \(r.message)"); continue }
            lines.append("\(r.solver): \(r.status.rawValue), objective \(r.objective.map { String(Int($0)) } ?? "-"), \(Format.fixed(r.seconds, 2)) s")
            for (g, b) in zip(groups, solution.backbones) { lines.append("  \(g): \(b.count) neurons") }
            let union = Set(solution.backbones.joined()).count
            let overlap = solution.backbones.count == 2 ? ", overlap \(Set(solution.backbones[0]).intersection(solution.backbones[1]).count)" : ""
            lines.append("  sizes sum \(solution.backbones.reduce(0) { $0 + $1.count }), union \(union) of \(neurons), shared (s_i = 1) \(solution.sharedNeurons.count)" + overlap + ", excused neurons \(solution.excusedNeurons.count), excused instances \(solution.excusedInstances.reduce(0) { $0 + $1.count })")
        }
        return lines.joined(separator: "\n")
    }

    public static func json(_ results: [ReferenceILPJob.Solved], built: ReferenceILPJob.Built, groups: [String]) -> JSON {
        let model: JSON = .object([("reduced", .bool(built.reduced)), ("build_seconds", .number(built.buildSeconds)),
                                   ("rows", .int(built.compiled.rowCount)), ("columns", .int(built.compiled.columnCount)),
                                   ("nonzeros", .int(built.compiled.nonzeroCount))])
        return .array(results.map { s in
            var fields = s.result.jsonFields + [("model", model)]
            if let solution = s.solution {
                fields += [
                    ("backbones", .object(zip(groups, solution.backbones).map { ($0, .array($1.map { .int($0) })) })),
                    ("sizes", .array(solution.backbones.map { .int($0.count) })),
                    ("union", .int(Set(solution.backbones.joined()).count)), ("shared_variables", .int(solution.sharedNeurons.count)),
                    ("excused_neurons", .array(solution.excusedNeurons.map { .int($0) })),
                    ("excused_instances", .int(solution.excusedInstances.reduce(0) { $0 + $1.count })),
                ]
            }
            return .object(fields)
        })
    }
}

extension FrontPoint {
    /// A front point as `ilp --json` reports it (budget, size, covered, status, bound, seconds, backbone).
    public var json: JSON {
        .object([("budget", .int(budget)), ("size", .int(size)), ("covered", .int(covered)), ("status", .string(status.rawValue)),
                 ("bound", .number(bound)), ("seconds", .number(seconds)), ("backbone", .array(backbone.map { .int($0) }))])
    }
}
