import LinearModel
import Mining

/// Exact class-specific unit sets (issue 12, item 4): the cover model of one class's
/// transactions (`CoverModel`, coverage rule `q`) with one more row, which lets the set cover at
/// most a share `ε` of the **other** classes' transactions.
///
/// Covering is the cover model's rule (DESIGN.md, "Coverage"; `CoverageRule`): a set `B` covers
/// a transaction `t` when, in every layer where `t` has units, `B` holds at least
/// `max(1, ⌈q·|t ∩ L_l|⌉)` of them (`q = 1`: `t ⊆ B`). The same rule judges the class's
/// transactions (maximized) and the others' (bounded): `Σ_{u other, covered} w_u ≤ ⌊ε·N_o⌋`,
/// `N_o` the other classes' transactions. `ε = 1` leaves the row out: the plain cover model.
///
/// Rows for the others: an indicator `y_u ≥ [B covers u]` for every distinct other transaction
/// that some set of at most `K` units of the class can cover (the others can never be covered
/// and need no row). At `q = 1`, `y_u ≥ Σ_{i∈u} x_i − (|u| − 1)` (`y_u` continuous in [0, 1]:
/// the right side is an integer ≤ 1). At `q < 1`, per layer `l` of `u` a binary
/// `v_ul` with `(a_l − r_l + 1)·v_ul ≥ Σ_{i∈u∩L_l} x_i − r_l + 1` (`a_l` units of `u` in the layer,
/// `r_l` required): `v_ul = 1` once the layer's requirement is met; and
/// `y_u ≥ Σ_l v_ul − (L_u − 1)` (one binary `y_u` with the layer's row when `u` has one layer).
/// `y` appears only in the bounding row, so the solver sets it as low as these rows allow:
/// exactly the coverage indicator. The core neurons of `CoverModel` are **not** fixed here —
/// a set that covers something might then cover too many others, and covering nothing (the empty
/// set) is always feasible.
public struct ClassSpecificModel: Sendable {
    public let cover: CoverModel
    /// The other classes' transactions (same layout).
    public let others: GroupTransactions
    /// The share of the other classes' transactions a set may cover, in [0, 1].
    public let epsilon: Double
    /// `⌊ε·N_o⌋`: other transactions (instances) a set may cover.
    public let allowance: Int

    public init(group: GroupTransactions, others: GroupTransactions, rule: CoverageRule, epsilon: Double) throws {
        guard epsilon >= 0, epsilon <= 1 else { throw CoreError.invalidArgument("ε (the others' share) must be in [0, 1], got \(epsilon)") }
        guard group.layout == others.layout else { throw CoreError.invalidArgument("the class's and the others' transactions have different layers") }
        cover = CoverModel(group: group, rule: rule)
        self.others = others
        self.epsilon = epsilon
        allowance = Share.floor(epsilon, of: others.instanceCount)
    }

    public var group: GroupTransactions { cover.group }
    public var rule: CoverageRule { cover.rule }
    /// Whether the bounding row is built (`ε < 1` and it can bind).
    public var bounds: Bool { allowance < others.instanceCount }

    /// Other instances `backbone` covers.
    public func othersCovered(by backbone: [Int]) -> Int { others.covered(by: backbone, rule: rule) }

    /// Whether `backbone` keeps within the allowance.
    public func isFeasible(_ backbone: [Int]) -> Bool { othersCovered(by: backbone) <= allowance }

    /// Distinct other transactions that a set of at most `budget` of the class's units can cover.
    func coverableOthers(budget: Int) -> [Int] {
        let layout = group.layout
        let columns = Set(cover.neurons)
        return others.distinct.indices.filter { k in
            let u = others.distinct[k]
            let need = rule.requirements(of: u, layout: layout)
            guard need.reduce(0, +) <= budget else { return false }
            var held = [Int](repeating: 0, count: layout.layerCount)
            for i in u where columns.contains(i) { held[layout.layer(of: i)] += 1 }
            return (0 ..< layout.layerCount).allSatisfy { held[$0] >= need[$0] }
        }
    }

    /// `max Σ w_t z_t` subject to the cover rows, `Σ x_i ≤ budget` and the others' row.
    public func maxCoverage(budget: Int) -> Model {
        var m = cover.maxCoverage(budget: budget, fixCore: false)
        m.name = "class_specific_K\(budget)"
        guard bounds else { return m }
        let layout = group.layout
        var column: [Int: Int] = [:]
        for (j, i) in cover.neurons.enumerated() { column[i] = j }
        var bound: [Term] = []
        for k in coverableOthers(budget: budget) {
            let u = others.distinct[k]
            let y: VariableID
            if rule.share == 1 {
                y = m.addVariable(name: "y\(k)", kind: .continuous, lower: 0, upper: 1)
                m.addRow(.greaterOrEqual([Term(y)] + u.map { Term(VariableID(column[$0]!), -1) }, Double(1 - u.count), name: "other\(k)"))
            } else {
                let need = rule.requirements(of: u, layout: layout)
                let layers = (0 ..< layout.layerCount).filter { need[$0] > 0 }
                func layerRow(_ v: VariableID, _ l: Int, _ name: String) {
                    let inLayer = u.filter { layout.layer(of: $0) == l }
                    let terms = inLayer.compactMap { column[$0].map { Term(VariableID($0), -1) } }
                    m.addRow(.greaterOrEqual([Term(v, Double(inLayer.count - need[l] + 1))] + terms, Double(1 - need[l]), name: name))
                }
                if layers.count == 1 {
                    y = m.addVariable(name: "y\(k)", kind: .binary)
                    layerRow(y, layers[0], "other\(k)")
                } else {
                    y = m.addVariable(name: "y\(k)", kind: .continuous, lower: 0, upper: 1)
                    var terms = [Term(y)]
                    for l in layers {
                        let v = m.addVariable(name: "v\(k)_L\(l + 1)", kind: .binary)
                        layerRow(v, l, "other\(k)_L\(l + 1)")
                        terms.append(Term(v, -1))
                    }
                    m.addRow(.greaterOrEqual(terms, Double(1 - layers.count), name: "other\(k)"))
                }
            }
            bound.append(Term(y, Double(others.weights[k])))
        }
        if !bound.isEmpty { m.addRow(.lessOrEqual(bound, Double(allowance), name: "others")) }
        return m
    }
}
