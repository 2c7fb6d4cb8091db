import BackboneCore
import BackboneData
import FileSupport
import Foundation
import Mining

/// `backbones heuristic`: the reference heuristic's backbone per group (and, optionally, the
/// greedy cover path), scored at each share — from activations (with the misclassified
/// clean-up and the authors' explanation file) or from FIMI files of one group each.
public struct HeuristicJob: Sendable {
    public struct GroupResult: Sendable {
        public var name: String
        public var instances: Int
        public var outcome: ReferenceHeuristic.Outcome
        /// Per share: instances the backbone covers (of `instances`).
        public var covered: [(rule: CoverageRule, covered: Int)]
        /// Misclassified groups: the neurons left after removing those of `cleanedOf`'s backbone.
        public var cleaned: [(neuron: Int, weight: Double)]?
        public var cleanedOf: String?
        /// Per share: the greedy path's steps (empty unless asked for).
        public var greedy: [(rule: CoverageRule, steps: [GreedyCoverPath.Step])]
    }

    public var rules: [CoverageRule]
    public var greedy: Bool

    public init(rules: [CoverageRule], greedy: Bool) {
        self.rules = rules
        self.greedy = greedy
    }

    /// From activations: every selected group, and the authors' explanation (three lines).
    public func run(_ loaded: LoadedActivations) throws -> (groups: [GroupResult], explanation: Explanation) {
        let result = try HeuristicExplanation(groups: loaded.groups, database: loaded.binarized.database, layout: loaded.layout)
        let groups = try result.entries.map { e in
            try score(name: e.group.name, database: loaded.database(of: e.group), layout: loaded.layout, outcome: e.outcome,
                      cleaned: e.cleaned, cleanedOf: "correct:" + { if case let .label(c) = e.group.key { return String(c) } else { return e.group.name } }())
        }
        return (groups, result.explanation)
    }

    /// From FIMI files, one group each, named by the file stem; every file is read (and
    /// checked) before the first search.
    public func run(transactionFiles paths: [String], layout: LayerLayout) throws -> [GroupResult] {
        var files: [(name: String, database: TransactionDatabase)] = []
        for path in paths {
            let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            if files.contains(where: { $0.name == name }) {
                throw InputError(file: path, "another transactions file has the stem '\(name)': the group names would clash")
            }
            files.append((name, try TransactionDatabase.readFIMI(path: path, itemCount: layout.neuronCount)))
        }
        return try files.map { try score(name: $0.name, database: $0.database, layout: layout,
                                         outcome: try ReferenceHeuristic().run($0.database, layout: layout), cleaned: nil, cleanedOf: nil) }
    }

    private func score(name: String, database: TransactionDatabase, layout: LayerLayout, outcome: ReferenceHeuristic.Outcome,
                       cleaned: [(neuron: Int, weight: Double)]?, cleanedOf: String?) throws -> GroupResult {
        let merged = GroupTransactions(database: database, layout: layout)
        var covered: [(CoverageRule, Int)] = []
        if case let .backbone(b) = outcome { covered = rules.map { ($0, merged.covered(by: b.neurons, rule: $0)) } }
        let paths = greedy ? try rules.map { ($0, try GreedyCoverPath(rule: $0).run(merged)) } : []
        return GroupResult(name: name, instances: database.count, outcome: outcome, covered: covered,
                           cleaned: cleaned, cleanedOf: cleaned == nil ? nil : cleanedOf, greedy: paths)
    }
}
