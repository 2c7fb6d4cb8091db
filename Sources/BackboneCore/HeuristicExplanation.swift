import BackboneData
import Mining

/// The reference heuristic run over every group of a data set, assembled the way the authors'
/// `modelExplanation.py` does (DESIGN.md, "Heuristics", 1.4): correct-group backbones per class;
/// misclassified-group backbones with the same class's correct-group neurons removed;
/// confusion backbones keyed predicted → true.
public struct HeuristicExplanation: Sendable {
    public struct Entry: Sendable {
        public var group: Group
        public var outcome: ReferenceHeuristic.Outcome
        /// For misclassified groups: the neurons left after removing the class's
        /// correct-group backbone (nil for other kinds or when there is no backbone).
        public var cleaned: [(neuron: Int, weight: Double)]?
    }

    public var entries: [Entry]

    /// Runs the heuristic on each group's transactions (rows of `database`).
    public init(groups: [Group], database: TransactionDatabase, layout: LayerLayout,
                heuristic: ReferenceHeuristic = ReferenceHeuristic()) throws {
        var entries: [Entry] = []
        for g in groups {
            let outcome = try heuristic.run(database.selecting(g.instances), layout: layout)
            entries.append(Entry(group: g, outcome: outcome, cleaned: nil))
        }
        // Clean-up of misclassified groups (done on a copy: the authors' code removes from a
        // list while iterating over it and so skips neurons).
        for k in entries.indices where entries[k].group.kind == .misclassified {
            guard case let .backbone(b) = entries[k].outcome else { continue }
            let correct = entries.first { $0.group.kind == .correct && $0.group.key == entries[k].group.key }
            var drop = Set<Int>()
            if let correct, case let .backbone(c) = correct.outcome { drop = Set(c.neurons) }
            entries[k].cleaned = b.weightedNeurons.filter { !drop.contains($0.neuron) }
        }
        self.entries = entries
    }

    /// The authors' three-line explanation file content.
    public var explanation: Explanation {
        func key(_ c: Int) -> Explanation.Key { .string(String(c)) }
        func neurons(_ list: [(neuron: Int, weight: Double)]) -> [Explanation.WeightedNeuron] {
            list.map { Explanation.WeightedNeuron(neuron: $0.neuron, weight: $0.weight) }
        }
        var correct: [Explanation.Backbone] = []
        var misclassified: [Explanation.Backbone] = []
        var confusion: [Int: [Explanation.Backbone]] = [:]
        for e in entries {
            guard case let .backbone(b) = e.outcome else { continue }
            switch (e.group.kind, e.group.key) {
            case (.correct, .label(let c)):
                correct.append(.init(key: key(c), neurons: neurons(b.weightedNeurons)))
            case (.misclassified, .label(let c)):
                misclassified.append(.init(key: key(c), neurons: neurons(e.cleaned ?? b.weightedNeurons)))
            case (.confusion, .confusion(let t, let p)):
                confusion[p, default: []].append(.init(key: key(t), neurons: neurons(b.weightedNeurons)))
            default:
                continue
            }
        }
        let confusions = confusion.keys.sorted().map { p in
            Explanation.Confusion(predicted: key(p), byTrueClass: confusion[p]!)
        }
        return Explanation(correct: correct, misclassified: misclassified, confusion: confusions)
    }
}
