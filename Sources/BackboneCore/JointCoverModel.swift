import LinearModel
import Mining

/// The joint cover model over several groups (DESIGN.md, "Exact models", 1, last paragraph):
/// each group's cover model (`CoverModel`'s rows) with its own backbone `x_g` of at most `K`
/// neurons, plus the reference model's diversity rows `x_gi + x_hi ≤ 1 + s_i` for every pair
/// `g < h` and shared neuron `i`, and the budget `Σ s_i ≤ ⌊β·n⌋`. Objective: the total number
/// of covered instances over all groups.
///
/// Choice written down: diversity rows are built only for neurons that occur in both groups
/// (a neuron one group never activates has no column in its backbone); covering other groups'
/// instances is not penalised (DESIGN.md says "may"; the per-group reports show it instead).
public struct JointCoverModel: Sendable {
    public let groups: [(name: String, cover: CoverModel)]
    public let budget: Int
    public let beta: Double
    public let neuronCount: Int

    public init(groups: [(name: String, transactions: GroupTransactions)], rule: CoverageRule,
                budget: Int, beta: Double) throws {
        guard beta.isFinite, beta >= 0, beta <= 1 else { throw CoreError.invalidArgument("beta must be in [0, 1], got \(beta)") }
        guard budget >= 0 else { throw CoreError.invalidArgument("the budget K must be at least 0") }
        guard let first = groups.first else { throw CoreError.invalidArgument("the joint model needs at least one group") }
        for g in groups where g.transactions.instanceCount == 0 { throw CoreError.emptyGroup(g.name) }
        self.groups = groups.map { ($0.name, CoverModel(group: $0.transactions, rule: rule)) }
        self.budget = budget
        self.beta = beta
        self.neuronCount = first.transactions.layout.neuronCount
    }

    /// Column offset of group `g`'s block (its `x` then its `z`, as in `CoverModel`).
    public func offset(_ g: Int) -> Int {
        groups.prefix(g).reduce(0) { $0 + $1.cover.xCount + $1.cover.zCount }
    }

    /// Column of `s_i` for neuron `i`.
    public func sharedColumn(_ i: Int) -> Int { offset(groups.count) + i }

    public func build() -> Model {
        var m = Model(name: "joint_cover_K\(budget)", sense: .maximize)
        var columnOf: [[Int: Int]] = []
        for (g, entry) in groups.enumerated() {
            // Reuse the group's own rows, shifted into its block (core neurons are not fixed here:
            // with a shared budget a group may be left with no coverage).
            let block = entry.cover.maxCoverage(budget: budget, fixCore: false)
            let base = m.variableCount
            for v in block.variables {
                var copy = v
                copy.name = v.name.map { "g\(g)_\($0)" }
                m.addVariable(copy)
            }
            for row in block.rows {
                m.addRow(Row(name: row.name.map { "g\(g)_\($0)" },
                             terms: row.terms.map { Term(VariableID($0.variable.index + base), $0.coefficient) },
                             lower: row.lower, upper: row.upper))
            }
            var map: [Int: Int] = [:]
            for (j, i) in entry.cover.neurons.enumerated() { map[i] = base + j }
            columnOf.append(map)
        }
        let s = (0..<neuronCount).map { m.addVariable(name: "s\($0)", kind: .binary) }
        for g in groups.indices {
            for h in (g + 1)..<groups.count {
                for i in 0..<neuronCount {
                    guard let a = columnOf[g][i], let b = columnOf[h][i] else { continue }
                    m.addRow(.lessOrEqual([Term(VariableID(a)), Term(VariableID(b)), Term(s[i], -1)], 1, name: "div_\(g)_\(h)_\(i)"))
                }
            }
        }
        m.addRow(.lessOrEqual(s.map { Term($0) }, Double(Share.floor(beta, of: neuronCount)), name: "budget_shared"))
        return m
    }

    /// Each group's backbone (tidied) from a solution vector.
    public func backbones(from values: [Double]) -> [[Int]] {
        groups.enumerated().map { g, entry in
            let base = offset(g)
            return entry.cover.backbone(from: Array(values[base ..< base + entry.cover.xCount + entry.cover.zCount]))
        }
    }
}
