import LinearModel
import Mining

/// The authors' Section 3 "relaxed ILP" over several groups (DESIGN.md, "Exact models", 2).
/// All variables binary: `e_gi` neuron `i` in backbone `g`; `a_i` neuron excused; `u_gt`
/// instance `t` of group `g` excused; `s_i` neuron shared.
///
/// - coverage: `a_i + u_gt + e_gi ≥ 1` for every group `g`, transaction `t ∈ g`, neuron `i ∈ t`.
///   Only active neurons get a row (the code's rows for `i ∉ t` always hold): a sparse build.
/// - diversity: `e_gi + e_hi ≤ 1 + s_i` for every pair `g < h` and neuron `i`;
/// - connectivity: `Σ_{i ∈ L_l} e_gi ≥ 1` for every group and layer;
/// - budgets: `Σ a_i ≤ ⌊ρ1·n⌋`, `Σ u ≤ ⌊ρ2·(number of u)⌋`, `Σ s_i ≤ ⌊ρ3·n⌋`
///   (the right-hand sides are rounded down: the variables are integral, so this is the
///   same feasible set, stated exactly);
/// - objective: `max` (the code's sense) or `min Σ_g Σ_i e_gi`.
///
/// Two bugs of the authors' code are fixed: the objective sums over *all* groups (the code
/// sums over the first m groups, m = number of layers), and the `ρ2` budget covers *every*
/// instance slack (the code's sum covers only some).
public struct ReferenceModel: Sendable {
    public struct Budgets: Sendable, Equatable {
        public var rho1: Double
        public var rho2: Double
        public var rho3: Double
        /// The values in the authors' code: 0.28, 0, 0.55.
        public static let code = Budgets(rho1: 0.28, rho2: 0, rho3: 0.55)
        public init(rho1: Double, rho2: Double, rho3: Double) {
            self.rho1 = rho1; self.rho2 = rho2; self.rho3 = rho3
        }
    }

    public let groups: [(name: String, transactions: [[Int]])]
    public let layout: LayerLayout
    public let budgets: Budgets
    public let sense: ObjectiveSense

    public init(groups: [(name: String, transactions: [[Int]])], layout: LayerLayout,
                budgets: Budgets = .code, sense: ObjectiveSense = .maximize) throws {
        for (name, value) in [("rho1", budgets.rho1), ("rho2", budgets.rho2), ("rho3", budgets.rho3)] {
            guard value.isFinite, value >= 0, value <= 1 else {
                throw CoreError.invalidArgument("\(name) must be in [0, 1], got \(value)")
            }
        }
        for g in groups where g.transactions.isEmpty { throw CoreError.emptyGroup(g.name) }
        self.groups = groups
        self.layout = layout
        self.budgets = budgets
        self.sense = sense
    }

    public var neuronCount: Int { layout.neuronCount }

    /// Column of `e_gi`.
    public func e(_ g: Int, _ i: Int) -> Int { g * neuronCount + i }
    /// Column of `a_i`.
    public func a(_ i: Int) -> Int { groups.count * neuronCount + i }
    /// Column of `s_i`.
    public func s(_ i: Int) -> Int { (groups.count + 1) * neuronCount + i }
    /// First column of the `u` block; `u_gt` follows in group, then transaction order.
    public var uStart: Int { (groups.count + 2) * neuronCount }

    public func build() -> Model {
        let n = neuronCount
        var m = Model(name: "reference_\(sense.rawValue)", sense: sense)
        for g in groups.indices {
            for i in 0..<n { m.addVariable(name: "e_\(g)_\(i)", kind: .binary, cost: 1) }
        }
        for i in 0..<n { m.addVariable(name: "a_\(i)", kind: .binary) }
        for i in 0..<n { m.addVariable(name: "s_\(i)", kind: .binary) }
        var uCount = 0
        for (g, group) in groups.enumerated() {
            for (t, items) in group.transactions.enumerated() {
                let u = VariableID(m.addVariable(name: "u_\(g)_\(t)", kind: .binary).index)
                uCount += 1
                for i in items {
                    m.addRow(.greaterOrEqual([Term(VariableID(a(i))), Term(u), Term(VariableID(e(g, i)))], 1,
                                             name: "cov_\(g)_\(t)_\(i)"))
                }
            }
        }
        for g in 0..<groups.count {
            for h in (g + 1)..<groups.count {
                for i in 0..<n {
                    m.addRow(.lessOrEqual([Term(VariableID(e(g, i))), Term(VariableID(e(h, i))), Term(VariableID(s(i)), -1)], 1,
                                          name: "div_\(g)_\(h)_\(i)"))
                }
            }
        }
        for g in 0..<groups.count {
            for l in 0..<layout.layerCount {
                m.addRow(.greaterOrEqual(layout.range(ofLayer: l).map { Term(VariableID(e(g, $0))) }, 1, name: "conn_\(g)_L\(l + 1)"))
            }
        }
        m.addRow(.lessOrEqual((0..<n).map { Term(VariableID(a($0))) }, floorBudget(budgets.rho1, of: n), name: "budget_excused_neurons"))
        m.addRow(.lessOrEqual((0..<uCount).map { Term(VariableID(uStart + $0)) }, Double(Share.floor(budgets.rho2, of: uCount)), name: "budget_excused_instances"))
        m.addRow(.lessOrEqual((0..<n).map { Term(VariableID(s($0))) }, Double(Share.floor(budgets.rho3, of: n)), name: "budget_shared"))
        return m
    }

    /// `⌊ρ·count⌋` by the toolkit's share rounding (0.29·100 = 28.999… still gives 29; shared
    /// with GMPLData and the reduced model).
    func floorBudget(_ rho: Double, of count: Int) -> Double { Double(Share.floor(rho, of: count)) }

    public struct Solution: Sendable, Equatable {
        public var backbones: [[Int]]
        public var excusedNeurons: [Int]
        public var sharedNeurons: [Int]
        public var excusedInstances: [[Int]]
    }

    /// Reads the backbones and slacks out of a solution vector.
    public func solution(from values: [Double]) -> Solution {
        let n = neuronCount
        let backbones = (0..<groups.count).map { g in (0..<n).filter { values[e(g, $0)] > 0.5 } }
        var excused: [[Int]] = []
        var column = uStart
        for group in groups {
            var list: [Int] = []
            for t in group.transactions.indices { if values[column] > 0.5 { list.append(t) }; column += 1 }
            excused.append(list)
        }
        return Solution(backbones: backbones, excusedNeurons: (0..<n).filter { values[a($0)] > 0.5 },
                        sharedNeurons: (0..<n).filter { values[s($0)] > 0.5 }, excusedInstances: excused)
    }
}
