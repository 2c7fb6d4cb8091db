import BackboneCore
import FileSupport
import Workflows

/// What `backbones heuristic` prints: a few lines per group, or JSON.
public enum HeuristicReport {
    public static func text(_ groups: [HeuristicJob.GroupResult]) -> String {
        var lines: [String] = []
        for g in groups {
            switch g.outcome {
            case let .backbone(b):
                let cover = g.covered.map { "\($0.rule): \($0.covered)/\(g.instances)" }.joined(separator: ", ")
                lines.append("\(g.name): \(b.neurons.count) neurons, maxMinsup \(Format.fixed(b.maxMinsup, 3)), \(b.levels.filter(\.accepted).count) levels accepted (\(b.stopReason)); covers \(cover)")
                lines.append("  neurons: " + b.weightedNeurons.map { "\($0.neuron)(\(Format.fixed($0.weight, 2)))" }.joined(separator: " "))
                if let cleaned = g.cleaned, let of = g.cleanedOf {
                    lines.append("  after removing \(of) neurons: " + cleaned.map { String($0.neuron) }.joined(separator: " "))
                }
            case .noLayerCompleteItemset:
                lines.append("\(g.name): no layer-complete itemset at any support — no backbone (the authors' code would hang here)")
            case .emptyGroup:
                lines.append("\(g.name): no transactions — no backbone")
            }
            for path in g.greedy {
                lines.append("  greedy path \(path.rule): " + path.steps.map { "\($0.backbone.count)→\($0.covered)" }.joined(separator: " "))
            }
        }
        return lines.joined(separator: "\n")
    }

    public static func json(_ groups: [HeuristicJob.GroupResult]) -> JSON {
        .object([("groups", .array(groups.map { g in
            var fields: [(String, JSON)] = [("group", .string(g.name)), ("instances", .int(g.instances))]
            switch g.outcome {
            case let .backbone(b):
                fields += [
                    ("size", .int(b.neurons.count)), ("max_minsup", .number(b.maxMinsup)), ("stop_reason", .string(b.stopReason)),
                    ("neurons", .array(b.weightedNeurons.map { .array([.int($0.neuron), .number($0.weight)]) })),
                    ("levels", .array(b.levels.map { .object([("support", .number($0.support)), ("support_count", .int($0.supportCount)),
                                                               ("itemsets", .int($0.itemsets)), ("f_score", .number($0.fScore)),
                                                               ("accepted", .bool($0.accepted))]) })),
                    ("coverage", .object(g.covered.map { c in
                        ("q=\(c.rule.share)", .object([("covered", .int(c.covered)), ("share", .number(Double(c.covered) / Double(max(1, g.instances))))]))
                    })),
                ]
                if let cleaned = g.cleaned { fields.append(("after_cleanup", .array(cleaned.map { .array([.int($0.neuron), .number($0.weight)]) }))) }
            case .noLayerCompleteItemset: fields.append(("note", .string("no layer-complete itemset at any support: no backbone")))
            case .emptyGroup: fields.append(("note", .string("empty group")))
            }
            if !g.greedy.isEmpty {
                fields.append(("greedy", .object(g.greedy.map { path in
                    ("q=\(path.rule.share)", .array(path.steps.map { .object([("size", .int($0.backbone.count)), ("covered", .int($0.covered)),
                                                                               ("source", .string($0.source.rawValue)), ("added", .array($0.added.map { .int($0) }))]) }))
                })))
            }
            return .object(fields)
        }))])
    }
}
