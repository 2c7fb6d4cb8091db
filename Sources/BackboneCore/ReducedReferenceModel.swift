import LinearModel
import Mining

/// The reference model (`ReferenceModel`, DESIGN.md "Exact models", 2) with fewer rows and
/// columns and **the same optimum**: an exact reduction made before solving. `build()` of
/// `ReferenceModel` stays the plain model (one slack `u_gt` per instance, one coverage row per
/// group, instance and active neuron); this type builds the reduced one and maps its solutions
/// back to the plain model's variables.
///
/// Notation: `B2 = ⌊ρ2·U⌋` is the instance-slack budget of the plain model, `U` the number of
/// instances over all groups (the plain model's number of `u`). In each group `g` the
/// transactions are partitioned into **classes** `C` of identical transactions (the same set
/// of active neurons). The reduction rests on five facts; each keeps every optimal value of
/// `e`, `a`, `s` reachable and adds none, so the optimum (either sense) is unchanged.
///
/// 1. *Identical transactions are excused together or not at all, without loss of generality.*
///    Take any feasible point of the plain model and a class `C` of group `g`. If some
///    `t' ∈ C` has `u_gt' = 0`, its rows give `a_i + e_gi ≥ 1` for every neuron `i` of the
///    class, and these are all the rows of every other member too: setting `u_gt = 0` for
///    every `t ∈ C` keeps the point feasible, uses no more of the budget, and does not touch
///    the objective (which is `Σ e` only). So the optimum is reached with `u` constant on each
///    class: one binary `v_gC` per class, weighted by the class size in the budget row
///    `Σ |C|·v_gC ≤ B2`, and one coverage row per (g, class, neuron).
/// 2. *A class larger than the budget is never excused*: `v_gC = 1` alone would spend
///    `|C| > B2`. Its `v` is fixed at 0, i.e. not created, and its rows become
///    `a_i + e_gi ≥ 1`. With `ρ2 = 0` (the authors' code) `B2 = 0`: there is no `u` at all,
///    and the coverage rows are one per group and neuron active in some transaction of the
///    group (digits, ten classes: 64,533 coverage rows → 766).
/// 3. *Implied rows are dropped*: where `a_i + e_gi ≥ 1` is a row, every row
///    `a_i + v_gC + e_gi ≥ 1` for the same group and neuron is implied (`v ≥ 0`), and the
///    same row coming from several fixed classes is written once.
/// 4. *A slack with nothing left to excuse is not created*: if every neuron of a class already
///    has its row `a_i + e_gi ≥ 1`, its `v` appears only in the budget row, and `v = 0` is as
///    good. Its instances are reported as not excused.
/// 5. *One diversity row per neuron*: the `G(G−1)/2` rows `e_gi + e_hi ≤ 1 + s_i` of neuron `i`
///    (G groups) are replaced by `Σ_g e_gi ≤ 1 + (G−1)·s_i`. For binary values both say the
///    same: with `s_i = 1` neither restricts anything (`e_gi + e_hi ≤ 2`, `Σ_g e_gi ≤ G`), with
///    `s_i = 0` both say that at most one group holds `i`. So the integer feasible set is
///    unchanged; only the LP relaxation differs (neither form's contains the other's), and the
///    aggregated form is much tighter when the objective spreads `e` over the groups: on digits
///    the max sense's LP bound drops from 865 to the optimum 661, and both backends prove it
///    in under a second (with the pairwise form CBC is at bound 744 after 60 s, Benchmarks/README.md).
///
/// Mapping back (`plainValues(from:)`): `e`, `a`, `s` are copied (same columns as the plain
/// model), and `u_gt = v_gC` for each instance `t` of class `C` (0 where `v` was not
/// created). That point is feasible for the plain model (its coverage rows are the reduced
/// rows or implied by them; `Σ u = Σ |C|·v ≤ B2`) and has the same objective; the tests
/// check it on random instances with both backends.
public struct ReducedReferenceModel: Sendable {
    /// Identical transactions of one group.
    public struct TransactionClass: Sendable, Equatable {
        /// The active neurons, ascending, without repeats.
        public var items: [Int]
        /// Indices of the group's transactions with exactly these neurons (ascending).
        public var instances: [Int]
        /// Column of the class's shared instance slack, or nil when it is fixed at 0 (facts 2, 4).
        public var slackColumn: Int?
    }

    public let reference: ReferenceModel
    /// Per group, its transaction classes in order of first occurrence.
    public let classes: [[TransactionClass]]
    /// Per group, the neurons with an unconditional row `a_i + e_gi ≥ 1` (ascending).
    public let forced: [[Int]]
    /// `⌊ρ2·U⌋`, the plain model's instance-slack budget.
    public let instanceBudget: Double
    /// Columns: the plain model's `e`, `a`, `s`, then one per class slack.
    public let columnCount: Int

    public init(_ reference: ReferenceModel) {
        self.reference = reference
        let n = reference.neuronCount
        let instances = reference.groups.reduce(0) { $0 + $1.transactions.count }
        let budget = reference.floorBudget(reference.budgets.rho2, of: instances)
        instanceBudget = budget
        var column = reference.uStart
        var allClasses: [[TransactionClass]] = []
        var allForced: [[Int]] = []
        for group in reference.groups {
            var index: [[Int]: Int] = [:]
            var list: [TransactionClass] = []
            for (t, raw) in group.transactions.enumerated() {
                let items = Array(Set(raw)).sorted()
                if let c = index[items] { list[c].instances.append(t) } else {
                    index[items] = list.count
                    list.append(TransactionClass(items: items, instances: [t], slackColumn: nil))
                }
            }
            // Fact 2: classes that cannot be excused force all their neurons.
            var isForced = [Bool](repeating: false, count: n)
            for c in list where Double(c.instances.count) > budget { for i in c.items { isForced[i] = true } }
            // Fact 4: a slack is created only where some neuron of the class is not forced.
            for c in list.indices where Double(list[c].instances.count) <= budget {
                if list[c].items.contains(where: { !isForced[$0] }) { list[c].slackColumn = column; column += 1 }
            }
            allClasses.append(list)
            allForced.append((0..<n).filter { isForced[$0] })
        }
        classes = allClasses
        forced = allForced
        columnCount = column
    }

    public var slackCount: Int { columnCount - reference.uStart }

    public func build() -> Model {
        let r = reference
        let n = r.neuronCount
        var m = Model(name: "reference_reduced_\(r.sense.rawValue)", sense: r.sense)
        for g in r.groups.indices {
            for i in 0..<n { m.addVariable(name: "e_\(g)_\(i)", kind: .binary, cost: 1) }
        }
        for i in 0..<n { m.addVariable(name: "a_\(i)", kind: .binary) }
        for i in 0..<n { m.addVariable(name: "s_\(i)", kind: .binary) }
        for (g, list) in classes.enumerated() {
            for (c, cls) in list.enumerated() where cls.slackColumn != nil {
                let id = m.addVariable(name: "u_\(g)_c\(c)", kind: .binary)
                assert(id.index == cls.slackColumn)
            }
        }
        for (g, list) in classes.enumerated() {
            for i in forced[g] {
                m.addRow(.greaterOrEqual([Term(VariableID(r.a(i))), Term(VariableID(r.e(g, i)))], 1, name: "cov_\(g)_\(i)"))
            }
            var isForced = [Bool](repeating: false, count: n)
            for i in forced[g] { isForced[i] = true }
            for (c, cls) in list.enumerated() {
                guard let v = cls.slackColumn else { continue }
                for i in cls.items where !isForced[i] {
                    m.addRow(.greaterOrEqual([Term(VariableID(r.a(i))), Term(VariableID(v)), Term(VariableID(r.e(g, i)))], 1,
                                             name: "cov_\(g)_c\(c)_\(i)"))
                }
            }
        }
        // Fact 5: one diversity row per neuron instead of one per pair of groups.
        let groupCount = r.groups.count
        if groupCount >= 2 {
            for i in 0..<n {
                m.addRow(.lessOrEqual((0..<groupCount).map { Term(VariableID(r.e($0, i))) } + [Term(VariableID(r.s(i)), -Double(groupCount - 1))], 1,
                                      name: "div_\(i)"))
            }
        }
        for g in 0..<r.groups.count {
            for l in 0..<r.layout.layerCount {
                m.addRow(.greaterOrEqual(r.layout.range(ofLayer: l).map { Term(VariableID(r.e(g, $0))) }, 1, name: "conn_\(g)_L\(l + 1)"))
            }
        }
        m.addRow(.lessOrEqual((0..<n).map { Term(VariableID(r.a($0))) }, r.floorBudget(r.budgets.rho1, of: n), name: "budget_excused_neurons"))
        let slackTerms = classes.joined().compactMap { c in c.slackColumn.map { Term(VariableID($0), Double(c.instances.count)) } }
        if !slackTerms.isEmpty {
            m.addRow(.lessOrEqual(slackTerms, instanceBudget, name: "budget_excused_instances"))
        }
        m.addRow(.lessOrEqual((0..<n).map { Term(VariableID(r.s($0))) }, r.floorBudget(r.budgets.rho3, of: n), name: "budget_shared"))
        return m
    }

    /// A solution of the reduced model as a point of the plain model (`reference.build()`):
    /// the same `e`, `a`, `s`, and each instance's `u` equal to its class's slack (0 where
    /// the slack was not created).
    public func plainValues(from values: [Double]) -> [Double] {
        precondition(values.count == columnCount, "expected \(columnCount) values, got \(values.count)")
        var out = Array(values[0..<reference.uStart])
        for (g, list) in classes.enumerated() {
            var u = [Double](repeating: 0, count: reference.groups[g].transactions.count)
            for cls in list {
                guard let v = cls.slackColumn else { continue }
                for t in cls.instances { u[t] = values[v] }
            }
            out += u
        }
        return out
    }

    /// Backbones and slacks of a solution; `excusedInstances` lists every original instance
    /// index (in its group) whose class is excused.
    public func solution(from values: [Double]) -> ReferenceModel.Solution {
        reference.solution(from: plainValues(from: values))
    }
}

extension ReferenceModel {
    /// The exact reduction of this model (`ReducedReferenceModel`): same optimum, fewer rows.
    public func reduced() -> ReducedReferenceModel { ReducedReferenceModel(self) }
}
