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
        explanation file. --greedy also prints the greedy cover path at each --q.

        --transactions FILE[,FILE…] instead of --activations runs the heuristic on transactions \
        you already have (FIMI, as `backbones transactions --groups` writes them): each file is \
        one group, named by its file stem (correct-3.dat → correct-3). It needs --layers (item \
        ids must be below the layers' total). The files are already binarized and each is one \
        group, so the binarization, reading and group options (--weights, --k, --groups, --only, \
        …) do not apply, nor do the misclassified clean-up (after_cleanup) and --explanation, \
        which need to know what kind of group a file is. See docs/pareto.md.
        """
    )

    @Option(help: "Activation file (rows, .csv, .npy or .npz).")
    var activations: String?

    @Option(help: "Instead of --activations: FIMI transaction files (comma-separated), one group each, named by the file stem; needs --layers.")
    var transactions: String?

    @OptionGroup var input: ActivationOptions
    @OptionGroup var selection: GroupOptions

    @Option(help: "Coverage shares q to score the backbones with (comma-separated).")
    var q: String = "1,0.5"

    @Flag(help: "Also run the greedy cover path and print its steps.")
    var greedy = false

    @Option(help: "Write the authors' explanation file (3 lines of Python literals) here (not with --transactions).")
    var explanation: String?

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func validate() throws {
        _ = try CoverageRule.parseShares(q)
        switch (activations, transactions) {
        case (nil, nil):
            throw ValidationError("give --activations FILE, or --transactions FILE[,FILE…] (transactions already binarized)")
        case (.some, .some):
            throw ValidationError("give --activations or --transactions, not both")
        case (nil, .some):
            if input.layers == nil {
                throw ValidationError("--transactions needs the layer widths: add --layers W1,W2,…")
            }
            var misplaced = input.activationOnlyOptionsGiven
            if selection.groups != GroupOptions.defaultGroups { misplaced.append("--groups") }
            if selection.only != nil { misplaced.append("--only") }
            if explanation != nil { misplaced.append("--explanation") }
            if !misplaced.isEmpty {
                throw ValidationError("\(misplaced.joined(separator: ", ")) only apply to --activations: --transactions files are already binarized, one group each")
            }
        case (.some, nil):
            break
        }
    }

    /// One group's transactions and what the heuristic made of them.
    private struct Run {
        var name: String
        var database: TransactionDatabase
        var outcome: ReferenceHeuristic.Outcome
        /// Misclassified groups: the neurons left after removing those of `cleanedOf`'s backbone.
        var cleaned: [(neuron: Int, weight: Double)]?
        var cleanedOf: String?
    }

    func run() throws {
        let rules = try CoverageRule.parseShares(q)
        let layout: LayerLayout
        var runs: [Run] = []
        if let transactions {
            layout = try LayerLayout.fromOption(input.layers!)
            // Every file is read (and checked) before the first search.
            var files: [(name: String, database: TransactionDatabase)] = []
            for path in transactions.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
                if files.contains(where: { $0.name == name }) {
                    throw InputError(file: path, "another --transactions file has the stem '\(name)': the group names would clash")
                }
                files.append((name, try TransactionDatabase.readFIMI(path: path, itemCount: layout.neuronCount)))
            }
            runs = try files.map { Run(name: $0.name, database: $0.database, outcome: try ReferenceHeuristic().run($0.database, layout: layout)) }
        } else {
            let loaded = try input.spec(activations!).load(groups: selection.selection).printingNotes()
            let groups = loaded.groups
            layout = loaded.layout
            let result = try HeuristicExplanation(groups: groups, database: loaded.binarized.database, layout: layout)
            if let explanation { try TextFile.writeAtomically(result.explanation.text, to: explanation) }
            runs = result.entries.map {
                Run(name: $0.group.name, database: loaded.binarized.database.selecting($0.group.instances),
                    outcome: $0.outcome, cleaned: $0.cleaned, cleanedOf: "correct:\(keyText($0.group))")
            }
        }

        var jsonGroups: [JSON] = []
        for entry in runs {
            let merged = GroupTransactions(database: entry.database, layout: layout)
            var fields: [(String, JSON)] = [("group", .string(entry.name)), ("instances", .int(entry.database.count))]
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
                    print("\(entry.name): \(b.neurons.count) neurons, maxMinsup \(String(format: "%.3f", b.maxMinsup)), \(b.levels.filter(\.accepted).count) levels accepted (\(b.stopReason)); covers \(coverText)")
                    print("  neurons: " + b.weightedNeurons.map { "\($0.neuron)(\(String(format: "%.2f", $0.weight)))" }.joined(separator: " "))
                    if let cleaned = entry.cleaned, let cleanedOf = entry.cleanedOf {
                        print("  after removing \(cleanedOf) neurons: " + cleaned.map { String($0.neuron) }.joined(separator: " "))
                    }
                }
            case .noLayerCompleteItemset:
                fields.append(("note", .string("no layer-complete itemset at any support: no backbone")))
                if !json { print("\(entry.name): no layer-complete itemset at any support — no backbone (the authors' code would hang here)") }
            case .emptyGroup:
                fields.append(("note", .string("empty group")))
                if !json { print("\(entry.name): no transactions — no backbone") }
            }
            if greedy {
                var paths: [(String, JSON)] = []
                for rule in rules {
                    let steps = try GreedyCoverPath(rule: rule).run(merged)
                    paths.append(("q=\(rule.share)", .array(steps.map { .object([("size", .int($0.backbone.count)), ("covered", .int($0.covered)), ("source", .string($0.source.rawValue)), ("added", .array($0.added.map { .int($0) }))]) })))
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
