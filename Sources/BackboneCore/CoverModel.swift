import LinearModel
import Mining

/// The per-group cover ILP of DESIGN.md ("Exact models", 1).
///
/// Columns: `x_i` (neuron `i` in the backbone) for every neuron that occurs in the group —
/// a neuron no instance activates can never help — then `z_t` (distinct transaction `t`
/// covered), weighted by how many instances share it.
///
/// Rows, for `q = 1`: `z_t ≤ x_i` for every `i ∈ t` (disaggregated). They imply the
/// aggregated per-layer row `|t∩L_l|·z_t ≤ Σ x_i` and their LP relaxation is tighter
/// (`z_t ≤ min x_i` rather than `z_t ≤ mean x_i`), which is what makes branch and bound
/// close these models. For `q < 1` a single neuron is not required, so the per-layer rows
/// `⌈q·|t∩L_l|⌉·z_t ≤ Σ_{i∈t∩L_l} x_i` are the formulation.
///
/// Two forms: `maxCoverage(budget: K)` — `max Σ w_t z_t` s.t. `Σ x_i ≤ K`; and the twin
/// `minSize(covering: c)` — `min Σ x_i` s.t. `Σ w_t z_t ≥ c`.
public struct CoverModel: Sendable {
    public let group: GroupTransactions
    public let rule: CoverageRule
    /// Neuron id of each `x` column.
    public let neurons: [Int]
    /// Neurons every transaction activates: with `q = 1` any backbone that covers anything
    /// holds them, so they are fixed to 1 once coverage is possible (an exact reduction).
    public let coreNeurons: [Int]
    /// The smallest budget at which some instance can be covered.
    public let minimumUsefulSize: Int

    private let columnOfNeuron: [Int: Int]

    public init(group: GroupTransactions, rule: CoverageRule) {
        self.group = group
        self.rule = rule
        self.neurons = group.usedNeurons
        var column: [Int: Int] = [:]
        for (j, i) in neurons.enumerated() { column[i] = j }
        self.columnOfNeuron = column
        if rule.share == 1, var common = group.distinct.first.map(Set.init) {
            for t in group.distinct.dropFirst() { common.formIntersection(t) }
            coreNeurons = common.sorted()
        } else {
            coreNeurons = []
        }
        minimumUsefulSize = group.distinct.map { rule.minimumSize(of: $0, layout: group.layout) }.min() ?? 0
    }

    public var xCount: Int { neurons.count }
    public var zCount: Int { group.distinct.count }

    /// `max Σ w_t z_t` subject to coverage rows and `Σ x_i ≤ budget`.
    public func maxCoverage(budget: Int) -> Model {
        maxCoverage(budget: budget, fixCore: true)
    }

    /// `fixCore: false` leaves the core neurons free (for models where a group may end up
    /// covering nothing, such as the joint model).
    func maxCoverage(budget: Int, fixCore: Bool) -> Model {
        var m = base(name: "cover_max_K\(budget)", sense: .maximize, fixCore: fixCore && budget >= minimumUsefulSize)
        for k in 0..<zCount { m.setCost(VariableID(xCount + k), Double(group.weights[k])) }
        m.addRow(.lessOrEqual((0..<xCount).map { Term(VariableID($0)) }, Double(budget), name: "size"))
        addConflicts(to: &m, budget: budget)
        return m
    }

    /// Conflict rows: two transactions whose union exceeds the budget (`|t ∪ u| > K`, for
    /// `q = 1`) cannot both be covered. The pairwise conflicts are grouped into cliques —
    /// `Σ_{t ∈ C} z_t ≤ 1` for a set `C` of mutually conflicting transactions — chosen greedily
    /// until every conflicting pair lies in some clique. The rows are valid (no backbone of
    /// size `K` covers two members of `C`) and they cut off the fractional points that make
    /// the plain relaxation weak: at `K = |t|` it otherwise lets every `z` be about `K/n`.
    func addConflicts(to m: inout Model, budget: Int) {
        guard rule.share == 1, zCount > 1 else { return }
        let sets = group.distinct.map { Set($0) }
        var conflict = [[Bool]](repeating: [Bool](repeating: false, count: zCount), count: zCount)
        var uncovered = 0
        for a in 0..<zCount {
            for b in (a + 1)..<zCount where sets[a].count + sets[b].count > budget && sets[a].union(sets[b]).count > budget {
                conflict[a][b] = true; conflict[b][a] = true
                uncovered += 1
            }
        }
        var covered = [[Bool]](repeating: [Bool](repeating: false, count: zCount), count: zCount)
        // Heavier transactions first, so the cliques that matter most are found first.
        let order = (0..<zCount).sorted { (group.weights[$0], $1) > (group.weights[$1], $0) }
        var cliques = 0
        for a in order {
            for b in order where conflict[a][b] && !covered[a][b] {
                var clique = [a, b]
                for c in order where c != a && c != b && clique.allSatisfy({ conflict[c][$0] }) {
                    clique.append(c)
                }
                for u in clique { for v in clique where u != v { covered[u][v] = true } }
                cliques += 1
                m.addRow(.lessOrEqual(clique.sorted().map { Term(VariableID(xCount + $0)) }, 1, name: "clique\(cliques)"))
            }
        }
    }

    /// `min Σ x_i` subject to coverage rows and `Σ w_t z_t ≥ covered`.
    public func minSize(covering covered: Int) -> Model {
        var m = base(name: "cover_min_c\(covered)", sense: .minimize, fixCore: covered > 0)
        for j in 0..<xCount { m.setCost(VariableID(j), 1) }
        m.addRow(.greaterOrEqual((0..<zCount).map { Term(VariableID(xCount + $0), Double(group.weights[$0])) },
                                 Double(covered), name: "coverage"))
        return m
    }

    private func base(name: String, sense: ObjectiveSense, fixCore: Bool) -> Model {
        var m = Model(name: name, sense: sense)
        let core = Set(fixCore ? coreNeurons : [])
        for i in neurons {
            m.addVariable(name: "x\(i)", kind: .binary, lower: core.contains(i) ? 1 : 0, upper: 1)
        }
        for k in 0..<zCount { m.addVariable(name: "z\(k)", kind: .binary) }
        let layout = group.layout
        for (k, t) in group.distinct.enumerated() {
            let z = VariableID(xCount + k)
            if rule.share == 1 {
                for i in t { m.addRow(.lessOrEqual([Term(z), Term(VariableID(columnOfNeuron[i]!), -1)], 0, name: "cov\(k)_\(i)")) }
            } else {
                let need = rule.requirements(of: t, layout: layout)
                for l in 0..<layout.layerCount where need[l] > 0 {
                    var terms = [Term(z, Double(need[l]))]
                    for i in t where layout.layer(of: i) == l { terms.append(Term(VariableID(columnOfNeuron[i]!), -1)) }
                    m.addRow(.lessOrEqual(terms, 0, name: "cov\(k)_L\(l + 1)"))
                }
            }
        }
        return m
    }

    /// The backbone a solution selects, tidied: for `q = 1` the union of the transactions
    /// it covers (any other selected neuron is dead weight); otherwise neurons are dropped
    /// one by one while coverage does not fall.
    public func backbone(from values: [Double]) -> [Int] {
        let chosen = (0..<xCount).filter { values[$0] > 0.5 }.map { neurons[$0] }
        return tidy(chosen)
    }

    /// Removes neurons that do not contribute to coverage (see `backbone(from:)`).
    public func tidy(_ backbone: [Int]) -> [Int] {
        let covered = group.covered(by: backbone, rule: rule)
        if rule.share == 1 {
            var mask = [Bool](repeating: false, count: group.layout.neuronCount)
            for i in backbone { mask[i] = true }
            let union = Set(group.distinct.filter { rule.covers($0, backbone: mask, layout: group.layout) }.joined())
            return union.sorted()
        }
        var current = backbone.sorted()
        var index = current.count - 1
        while index >= 0 {
            var trial = current
            trial.remove(at: index)
            if group.covered(by: trial, rule: rule) >= covered { current = trial }
            index -= 1
        }
        return current
    }

    /// The best-covering backbone with at most `budget` neurons among `previous` (always
    /// taken, even if larger, as the fallback) and `seeds`: a sweep's start at `budget`.
    public func bestStart(previous: [Int], seeds: [[Int]], budget: Int) -> (backbone: [Int], covered: Int) {
        var best = (backbone: previous, covered: group.covered(by: previous, rule: rule))
        for seed in seeds where seed.count <= budget {
            let c = group.covered(by: seed, rule: rule)
            if c > best.covered { best = (seed, c) }
        }
        return best
    }

    /// A feasible point of either form for a backbone: its `x`, and `z_t = 1` where covered.
    public func point(for backbone: [Int]) -> [Double] {
        var values = [Double](repeating: 0, count: xCount + zCount)
        var mask = [Bool](repeating: false, count: group.layout.neuronCount)
        for i in backbone {
            mask[i] = true
            if let j = columnOfNeuron[i] { values[j] = 1 }
        }
        for (k, t) in group.distinct.enumerated() where rule.covers(t, backbone: mask, layout: group.layout) {
            values[xCount + k] = 1
        }
        return values
    }
}
