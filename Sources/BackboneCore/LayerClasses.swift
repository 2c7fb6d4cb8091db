/// A group's neurons seen layer by layer, as the `q < 1` search needs them.
///
/// At share `q` a backbone covers transaction `t` when, in every layer `l`, it holds at least
/// `r_tl = max(1, ⌈q·|t ∩ L_l|⌉)` of `t`'s neurons there (0 where `t` has none). Within one
/// layer only a neuron's *tidset* (the distinct transactions that activate it) matters, so:
///
/// - **Classes**: neurons with the same tidset are interchangeable; a backbone takes some
///   number `0…multiplicity` of a class (its first neurons, by id).
/// - **Dominance**: if class `b`'s tidset is a strict subset of class `a`'s (same layer), a
///   neuron of `b` can be swapped for an unused neuron of `a` without losing coverage (every
///   transaction counting the one counts the other). Repeating such swaps ends, so some optimal
///   backbone takes a class only when every class dominating it is taken whole. Classes are
///   ordered by tidset size, largest first, so dominators come before the classes they dominate.
struct LayerClasses {
    struct NeuronClass {
        /// Neuron ids, ascending.
        var neurons: [Int]
        /// Distinct transactions (indices into the group's `distinct`) that activate them.
        var transactions: [Int32]
        /// Indices (in this layer's class list) of the classes whose tidset strictly contains this one's.
        var dominators: [Int]
        var multiplicity: Int { neurons.count }
    }

    let transactionCount: Int
    let weights: [Int]
    let layerCount: Int
    /// `classes[l]`: layer `l`'s classes, dominators first.
    let classes: [[NeuronClass]]
    /// `requirement[l * transactionCount + t]` = `r_tl`.
    let requirement: [Int32]
    /// Per layer, the smallest `r_tl` over transactions (a backbone covering anything holds at
    /// least this many neurons of the layer).
    let minimumRequirement: [Int]

    init(group: GroupTransactions, rule: CoverageRule) {
        let layout = group.layout
        let count = group.distinct.count
        transactionCount = count
        weights = group.weights
        layerCount = layout.layerCount
        var requirement = [Int32](repeating: 0, count: layout.layerCount * count)
        var tidsets: [Int: [Int32]] = [:]
        for (t, items) in group.distinct.enumerated() {
            let need = rule.requirements(of: items, layout: layout)
            for l in 0..<layout.layerCount { requirement[l * count + t] = Int32(need[l]) }
            for i in items { tidsets[i, default: []].append(Int32(t)) }
        }
        self.requirement = requirement
        minimumRequirement = (0..<layout.layerCount).map { l in
            (0..<count).map { Int(requirement[l * count + $0]) }.min() ?? 0
        }
        var classes: [[NeuronClass]] = []
        for l in 0..<layout.layerCount {
            var byTidset: [[Int32]: [Int]] = [:]
            for i in layout.range(ofLayer: l) { if let tids = tidsets[i] { byTidset[tids, default: []].append(i) } }
            var list = byTidset.map { NeuronClass(neurons: $0.value.sorted(), transactions: $0.key, dominators: []) }
            list.sort { ($0.transactions.count, -$0.neurons[0]) > ($1.transactions.count, -$1.neurons[0]) }
            let members = list.map { Set($0.transactions) }
            for b in list.indices {
                for a in 0..<b where list[a].transactions.count > list[b].transactions.count
                    && members[b].isSubset(of: members[a]) {
                    list[b].dominators.append(a)
                }
            }
            classes.append(list)
        }
        self.classes = classes
    }
}
