import Mining

/// The greedy cover path (DESIGN.md, "Heuristics", 2): the coverage loop the authors left
/// commented out, made to work and scored by coverage at share `q`.
///
/// Start from an empty backbone. At each step the candidates are the layer-complete maximal
/// itemsets of the still-uncovered transactions at their `maxMinsup`, and the uncovered
/// transactions themselves; add the candidate with the most newly covered instances per added
/// neuron (ties: fewer added neurons, then the lexicographically smaller candidate). Stop at
/// the coverage target or when nothing is left. Every step is a point `(|B|, coverage)`.
public struct GreedyCoverPath: Sendable {
    public var rule: CoverageRule
    /// Stop once this share of the group is covered (1 = everything).
    public var target: Double

    public init(rule: CoverageRule, target: Double = 1) {
        self.rule = rule
        self.target = target
    }

    public struct Step: Sendable, Equatable {
        /// The backbone after this step, ascending.
        public var backbone: [Int]
        public var covered: Int
        /// What was added: a mined itemset or an uncovered instance's own transaction.
        public var source: Source
        public var added: [Int]
    }

    /// Where a step's candidate came from.
    public enum Source: String, Sendable {
        case itemset, transaction
    }

    public func run(_ group: GroupTransactions) throws -> [Step] {
        let layout = group.layout
        let n = group.instanceCount
        guard n > 0 else { return [] }
        let goal = Share.count(target, of: n)
        var mask = [Bool](repeating: false, count: layout.neuronCount)
        var backbone: [Int] = []
        var steps: [Step] = []
        var coveredFlags = group.distinct.map { rule.covers($0, backbone: mask, layout: layout) }
        var covered = 0

        while covered < goal {
            let uncovered = group.distinct.indices.filter { !coveredFlags[$0] }
            if uncovered.isEmpty { break }
            // Candidates: mined itemsets of the uncovered instances (with multiplicity) ...
            var rows: [[Int]] = []
            for k in uncovered { rows.append(contentsOf: repeatElement(group.distinct[k], count: group.weights[k])) }
            let db = try TransactionDatabase(itemCount: layout.neuronCount, transactions: rows)
            var ladder = SupportLadder(database: db, layout: layout)
            var candidates: [(items: [Int], source: Source)] = []
            if let top = try ladder.maxMinsup() {
                candidates = try ladder.layerCompleteMaximal(at: top.level).map { ($0.items, Source.itemset) }
            }
            // ... and the uncovered transactions themselves.
            candidates += uncovered.map { (group.distinct[$0], Source.transaction) }

            var bestChoice: (gain: Int, added: [Int], items: [Int], source: Source)?
            for candidate in candidates {
                let added = candidate.items.filter { !mask[$0] }
                guard !added.isEmpty else { continue }
                for i in added { mask[i] = true }
                var gain = 0
                for k in uncovered where rule.covers(group.distinct[k], backbone: mask, layout: layout) { gain += group.weights[k] }
                for i in added { mask[i] = false }
                if let b = bestChoice {
                    // Compare gain/added as fractions without division; then fewer neurons; then lexicographic.
                    let lhs = gain * b.added.count, rhs = b.gain * added.count
                    if lhs < rhs { continue }
                    if lhs == rhs {
                        if added.count > b.added.count { continue }
                        if added.count == b.added.count && !candidate.items.lexicographicallyPrecedes(b.items) { continue }
                    }
                }
                bestChoice = (gain, added, candidate.items, candidate.source)
            }
            guard let choice = bestChoice, choice.gain > 0 else { break }
            for i in choice.added { mask[i] = true }
            backbone = (backbone + choice.added).sorted()
            coveredFlags = group.distinct.map { rule.covers($0, backbone: mask, layout: layout) }
            covered = zip(coveredFlags, group.weights).reduce(0) { $0 + ($1.0 ? $1.1 : 0) }
            steps.append(Step(backbone: backbone, covered: covered, source: choice.source, added: choice.added))
        }
        return steps
    }
}
