import Mining

/// A group's transactions with identical ones merged: each distinct item set once, with the
/// number of instances that produced it. Coverage counts instances, so weights matter.
public struct GroupTransactions: Sendable, Equatable {
    public let layout: LayerLayout
    /// Distinct transactions, each ascending; sorted lexicographically for determinism.
    public let distinct: [[Int]]
    /// `weights[k]` instances have transaction `distinct[k]`.
    public let weights: [Int]
    /// Number of instances (sum of weights).
    public let instanceCount: Int

    public init(transactions: [[Int]], layout: LayerLayout) {
        var counts: [[Int]: Int] = [:]
        for t in transactions { counts[Array(Set(t)).sorted(), default: 0] += 1 }  // a transaction is a set
        let keys = counts.keys.sorted { $0.lexicographicallyPrecedes($1) }
        self.layout = layout
        self.distinct = keys
        self.weights = keys.map { counts[$0]! }
        self.instanceCount = transactions.count
    }

    public init(database: TransactionDatabase, layout: LayerLayout) {
        self.init(transactions: database.itemLists, layout: layout)
    }

    /// Neurons that occur in at least one transaction, ascending.
    public var usedNeurons: [Int] { Array(Set(distinct.joined())).sorted() }

    /// Instances covered by `backbone` under `rule`.
    public func covered(by backbone: [Int], rule: CoverageRule) -> Int {
        var mask = [Bool](repeating: false, count: layout.neuronCount)
        for i in backbone { mask[i] = true }
        var total = 0
        for (k, t) in distinct.enumerated() where rule.covers(t, backbone: mask, layout: layout) { total += weights[k] }
        return total
    }

    /// Coverage share of `backbone` in [0, 1] (0 for an empty group).
    public func coverage(of backbone: [Int], rule: CoverageRule) -> Double {
        instanceCount == 0 ? 0 : Double(covered(by: backbone, rule: rule)) / Double(instanceCount)
    }
}
