import BackboneCore
import CBCBackend
import GLPKBackend
import LinearModel
import Mining
import TestSupport
import Testing

/// Best coverage with at most K neurons, by trying every subset of the used neurons.
func bruteForceBest(_ group: GroupTransactions, rule: CoverageRule, budget: Int) -> Int {
    let neurons = group.usedNeurons
    var best = 0
    for mask in 0..<(1 << neurons.count) where mask.nonzeroBitCount <= budget {
        let backbone = neurons.indices.filter { mask & (1 << $0) != 0 }.map { neurons[$0] }
        best = max(best, group.covered(by: backbone, rule: rule))
    }
    return best
}

/// A random tiny group: `neurons` split over two or three layers, transactions of 2–6 items,
/// with repeats so that merging matters.
func randomGroup(seed: UInt64) throws -> GroupTransactions {
    var rng = SplitMix(seed: seed)
    let widths = Bool.random(using: &rng) ? [4, 3] : [3, 3, 3]
    let layout = try LayerLayout(widths: widths)
    let n = layout.neuronCount
    var transactions: [[Int]] = []
    for _ in 0..<Int.random(in: 3...9, using: &rng) {
        var t = Set<Int>()
        for l in 0..<layout.layerCount {
            let r = layout.range(ofLayer: l)
            t.insert(Int.random(in: r, using: &rng))
            if Bool.random(using: &rng) { t.insert(Int.random(in: r, using: &rng)) }
        }
        transactions.append(t.sorted())
        if Int.random(in: 0..<4, using: &rng) == 0 { transactions.append(t.sorted()) }
    }
    _ = n
    return GroupTransactions(transactions: transactions, layout: layout)
}

@Suite struct FrontBruteForceTests {
    @Test(arguments: ["glpk", "cbc"], [1.0, 0.5, 0.3])
    func everyFrontPointEqualsBruteForce(_ backend: String, _ q: Double) throws {
        let solver: ILPSolver = backend == "glpk" ? GLPK() : CBC()
        let rule = try CoverageRule(share: q)
        for seed in UInt64(1)...12 {
            let group = try randomGroup(seed: seed)
            let model = CoverModel(group: group, rule: rule)
            let front = try FrontSweep().run(model, groupName: "g\(seed)", solver: solver)
            #expect(front.points.first?.budget == model.minimumUsefulSize)
            #expect(front.points.last?.covered == group.instanceCount, "seed \(seed): the sweep ends at full coverage")
            #expect(bruteForceBest(group, rule: rule, budget: model.minimumUsefulSize - 1) == 0, "seed \(seed)")
            for p in front.points {
                let expected = bruteForceBest(group, rule: rule, budget: p.budget)
                #expect(p.status == .optimal, "seed \(seed) K=\(p.budget)")
                #expect(p.covered == expected, "seed \(seed) q=\(q) K=\(p.budget): \(p.covered) vs brute force \(expected)")
                #expect(p.size <= p.budget)
                #expect(group.covered(by: p.backbone, rule: rule) == p.covered)
            }
        }
    }

    @Test(arguments: [1.0, 0.5])
    func twinModelGivesTheSmallestSizeForEachCoverage(_ q: Double) throws {
        let rule = try CoverageRule(share: q)
        for seed in UInt64(20)...26 {
            let group = try randomGroup(seed: seed)
            let model = CoverModel(group: group, rule: rule)
            for c in 1...group.instanceCount {
                let r = CBC().solve(try model.minSize(covering: c).compile(), options: SolverOptions())
                #expect(r.status == .optimal, "\(r.rawStatus) \(r.message)")
                let smallest = (0...group.usedNeurons.count).first { bruteForceBest(group, rule: rule, budget: $0) >= c }!
                #expect(r.objective == Double(smallest), "seed \(seed) c=\(c)")
            }
        }
    }

    @Test func coverageRuleRequirementsByHand() throws {
        let layout = try LayerLayout(widths: [4, 2])
        let half = try CoverageRule(share: 0.5)
        // t = {0,1,2} in layer 1 (needs ⌈1.5⌉ = 2) and {4} in layer 2 (needs 1).
        #expect(half.requirements(of: [0, 1, 2, 4], layout: layout) == [2, 1])
        #expect(CoverageRule.full.requirements(of: [0, 1, 2, 4], layout: layout) == [3, 1])
        #expect(half.requirement(active: 4) == 2)   // exactly 2, not 3 after rounding error
        #expect(try CoverageRule(share: 0.01).requirement(active: 3) == 1)
        var mask = [Bool](repeating: false, count: 6)
        mask[0] = true; mask[2] = true; mask[4] = true
        #expect(half.covers([0, 1, 2, 4], backbone: mask, layout: layout))
        #expect(!CoverageRule.full.covers([0, 1, 2, 4], backbone: mask, layout: layout))
        // The first neuron of layer 2 is w1 = 4 (the authors' find_layer puts it in layer 1).
        #expect(layout.layer(of: 4) == 1 && layout.layer(of: 3) == 0)
        #expect(throws: CoreError.self) { try CoverageRule(share: 0) }
        #expect(throws: CoreError.self) { try CoverageRule(share: 1.5) }
    }

    @Test func identicalTransactionsAreMergedWithWeights() throws {
        let layout = try LayerLayout(widths: [2, 2])
        let g = GroupTransactions(transactions: [[0, 2], [2, 0], [1, 3], [0, 2]], layout: layout)
        #expect(g.distinct == [[0, 2], [1, 3]])
        #expect(g.weights == [3, 1])
        #expect(g.covered(by: [0, 2], rule: .full) == 3)
        #expect(g.coverage(of: [0, 1, 2, 3], rule: .full) == 1)
    }
}
