import ArgumentParser
import BackboneCore
import BackboneData
import FileSupport
import Foundation
import Mining

struct HeuristicCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "heuristic",
        abstract: "The paper's pattern-mining heuristic: a backbone per group, and the greedy cover path.",
        discussion: """
        Runs the reference heuristic (maxMinsup search, F-score descent, neuron weights = support \
        where a neuron joined / maxMinsup) on every selected group; misclassified-group backbones \
        drop the neurons of the same class's correct-group backbone; confusion backbones are keyed \
        predicted → true. A group with no layer-complete itemset at any support is reported and \
        skipped (the authors' code hangs there). --explanation writes the authors' three-line \
        explanation file. --greedy also prints the greedy cover path at each --q. See docs/pareto.md.
        """
    )

    @OptionGroup var input: ActivationInput
    @OptionGroup var selection: GroupSelection

    @Option(help: "Coverage shares q to score the backbones with (comma-separated).")
    var q: String = "1,0.5"

    @Flag(help: "Also run the greedy cover path and print its steps.")
    var greedy = false

    @Option(help: "Write the authors' explanation file (3 lines of Python literals) here.")
    var explanation: String?

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        let loaded = try input.load()
        let groups = try selection.select(from: loaded.matrix, file: input.activations)
        let rules = try q.split(separator: ",").map { part -> CoverageRule in
            guard let v = Double(part.trimmingCharacters(in: .whitespaces)) else { throw InputError("--q: '\(part)' is not a number") }
            do { return try CoverageRule(share: v) } catch { throw InputError("--q: \(error)") }
        }
        let result = try HeuristicExplanation(groups: groups, database: loaded.binarized.database, layout: loaded.layout)
        if let explanation { try TextFile.writeAtomically(result.explanation.text, to: explanation) }

        var jsonGroups: [JSON] = []
        for entry in result.entries {
            let db = loaded.binarized.database.selecting(entry.group.instances)
            let merged = GroupTransactions(database: db, layout: loaded.layout)
            var fields: [(String, JSON)] = [("group", .string(entry.group.name)), ("instances", .int(entry.group.count))]
            switch entry.outcome {
            case let .backbone(b):
                let cover = rules.map { ($0, merged.covered(by: b.neurons, rule: $0)) }
                fields += [
                    ("size", .int(b.neurons.count)), ("max_minsup", .number(b.maxMinsup)),
                    ("stop_reason", .string(b.stopReason)),
                    ("neurons", .array(b.weightedNeurons.map { .array([.int($0.neuron), .number($0.weight)]) })),
                    ("levels", .array(b.levels.map { .object([("support", .number($0.support)), ("support_count", .int($0.supportCount)),
                                                               ("itemsets", .int($0.itemsets)), ("f_score", .number($0.fScore)),
                                                               ("accepted", .bool($0.accepted))]) })),
                    ("coverage", .object(cover.map { ("q=\($0.0.share)", .object([("covered", .int($0.1)), ("share", .number(Double($0.1) / Double(max(1, merged.instanceCount))))])) })),
                ]
                if let cleaned = entry.cleaned {
                    fields.append(("after_cleanup", .array(cleaned.map { .array([.int($0.neuron), .number($0.weight)]) })))
                }
                if !json {
                    let coverText = cover.map { "\($0.0): \($0.1)/\(merged.instanceCount)" }.joined(separator: ", ")
                    print("\(entry.group.name): \(b.neurons.count) neurons, maxMinsup \(String(format: "%.3f", b.maxMinsup)), \(b.levels.filter(\.accepted).count) levels accepted (\(b.stopReason)); covers \(coverText)")
                    print("  neurons: " + b.weightedNeurons.map { "\($0.neuron)(\(String(format: "%.2f", $0.weight)))" }.joined(separator: " "))
                    if let cleaned = entry.cleaned {
                        print("  after removing correct:\(keyText(entry.group)) neurons: " + cleaned.map { String($0.neuron) }.joined(separator: " "))
                    }
                }
            case .noLayerCompleteItemset:
                fields.append(("note", .string("no layer-complete itemset at any support: no backbone")))
                if !json { print("\(entry.group.name): no layer-complete itemset at any support — no backbone (the authors' code would hang here)") }
            case .emptyGroup:
                fields.append(("note", .string("empty group")))
            }
            if greedy {
                var paths: [(String, JSON)] = []
                for rule in rules {
                    let steps = try GreedyCoverPath(rule: rule).run(merged)
                    paths.append(("q=\(rule.share)", .array(steps.map { .object([("size", .int($0.backbone.count)), ("covered", .int($0.covered)), ("source", .string($0.source)), ("added", .array($0.added.map { .int($0) }))]) })))
                    if !json {
                        print("  greedy path \(rule): " + steps.map { "\($0.backbone.count)→\($0.covered)" }.joined(separator: " "))
                    }
                }
                fields.append(("greedy", .object(paths)))
            }
            jsonGroups.append(.object(fields))
        }
        if json { print(JSON.object([("groups", .array(jsonGroups))]).serialized(pretty: true)) }
        if let explanation, !json { print("wrote \(explanation)") }
    }

    private func keyText(_ g: Group) -> String {
        if case let .label(c) = g.key { return String(c) }
        return g.name
    }
}
