import BackboneCore
import BackboneData
import GLPKBackend
import LinearModel
import Mining
import TestSupport
import Testing

/// Best `q = 1` coverage with at most K neurons by trying every set of distinct transactions:
/// an optimal backbone is a union of the transactions it covers, so this is exact for any
/// number of neurons (it needs few transactions, not few neurons).
func bruteForceUnions(_ group: GroupTransactions, budget: Int) -> Int {
    let sets = group.distinct.map(Set.init)
    var best = 0
    for mask in 0..<(1 << sets.count) {
        var union = Set<Int>(), weight = 0
        for k in sets.indices where mask & (1 << k) != 0 { union.formUnion(sets[k]); weight += group.weights[k] }
        if union.count <= budget { best = max(best, weight) }
    }
    return best
}

/// A random group over `neurons` neurons in three layers: `count` transactions, each a few
/// neurons per layer drawn from a small "popular" range (so they overlap, as real ones do),
/// some repeated.
func randomWideGroup(seed: UInt64, neurons: Int, count: Int) throws -> GroupTransactions {
    var rng = SplitMix(seed: seed)
    let w = neurons / 3
    let layout = try LayerLayout(widths: [w, w, neurons - 2 * w])
    var transactions: [[Int]] = []
    while transactions.count < count {
        var t = Set<Int>()
        for l in 0..<3 {
            let r = layout.range(ofLayer: l)
            let popular = r.lowerBound..<min(r.upperBound, r.lowerBound + 12)
            for _ in 0..<Int.random(in: 1...5, using: &rng) {
                t.insert(Int.random(in: Bool.random(using: &rng) ? popular : r, using: &rng))
            }
        }
        transactions.append(t.sorted())
        if Int.random(in: 0..<3, using: &rng) == 0 { transactions.append(t.sorted()) }
    }
    return GroupTransactions(transactions: transactions, layout: layout)
}

@Suite struct CoverSearchTests {
    @Test func everyPointEqualsBruteForceOverNeurons() throws {
        for seed in UInt64(1)...40 {
            let group = try randomGroup(seed: seed)
            let model = CoverModel(group: group, rule: .full)
            let front = try CoverSearch().run(model, groupName: "g\(seed)")
            #expect(front.points.first?.budget == model.minimumUsefulSize)
            #expect(front.points.last?.covered == group.instanceCount, "seed \(seed): the search ends at full coverage")
            for p in front.points {
                #expect(p.status == .optimal && p.solver == "search")
                #expect(p.covered == bruteForceBest(group, rule: .full, budget: p.budget), "seed \(seed) K=\(p.budget)")
                #expect(p.size <= p.budget && group.covered(by: p.backbone, rule: .full) == p.covered)
            }
        }
    }

    /// Many neurons (several 64-bit words per bitset), checked against every union of transactions.
    @Test(arguments: [40, 150, 300])
    func everyPointEqualsBruteForceOverUnions(_ neurons: Int) throws {
        for seed in UInt64(1)...8 {
            let group = try randomWideGroup(seed: seed * 31 + UInt64(neurons), neurons: neurons, count: 13)
            #expect(group.distinct.count <= 13)
            let model = CoverModel(group: group, rule: .full)
            let front = try CoverSearch().run(model, groupName: "g\(seed)")
            #expect(front.points.last?.covered == group.instanceCount)
            for p in front.points {
                #expect(p.status == .optimal)
                #expect(p.covered == bruteForceUnions(group, budget: p.budget), "n=\(neurons) seed \(seed) K=\(p.budget)")
                #expect(p.size <= p.budget && group.covered(by: p.backbone, rule: .full) == p.covered)
            }
        }
    }

    /// Against GLPK's proven points on the same cover models (random, mid-sized: a real search).
    @Test func agreesWithGLPKWhereGLPKProves() throws {
        for seed in UInt64(1)...4 {
            let group = try randomWideGroup(seed: seed, neurons: 45, count: 24)
            let model = CoverModel(group: group, rule: .full)
            let search = try CoverSearch().run(model, groupName: "g")
            let glpk = try FrontSweep(options: SolverOptions(timeLimit: 2)).run(model, groupName: "g", solver: GLPK())
            #expect(search.points.map(\.budget) == glpk.points.map(\.budget) || glpk.points.count < search.points.count)
            #expect(search.disagreement(with: glpk) == nil)
            #expect(glpk.provenCount > 0)
            for (s, g) in zip(search.points, glpk.points) { #expect(s.covered >= g.covered, "K=\(s.budget)") }
        }
    }

    /// The bundled digits network, class 0: the whole front, as python-mip/CBC proved it point by
    /// point in Benchmarks/results/front.json (its six contenders agreed on every common point).
    @Test func digitsClassZeroFrontIsTheKnownOne() throws {
        let group = try digitsGroup(class: 0)
        let front = try CoverSearch().run(CoverModel(group: group, rule: .full), groupName: "correct:0")
        #expect(front.points.map(\.budget) == Array(49...71))
        #expect(front.points.map(\.covered) == [6, 12, 18, 27, 35, 43, 58, 65, 74, 83, 91, 100, 109, 114, 119, 123,
                                                125, 127, 128, 129, 130, 131, 132])
        #expect(front.provenCount == front.points.count)
    }

    /// A time limit stops a point with its incumbent and a valid bound: with an expired limit
    /// every point stops at its root, and its bound is at or above the optimum (digits class 4:
    /// 17 at K = 53, as the search proves without the limit).
    @Test func timeLimitKeepsAValidBound() throws {
        let group = try digitsGroup(class: 4)
        let model = CoverModel(group: group, rule: .full)
        let capped = try CoverSearch(timeLimit: 1e-9, maxBudget: 53).run(model, groupName: "correct:4")
        let last = try #require(capped.points.last)
        #expect(last.budget == 53)
        #expect(capped.points.allSatisfy { $0.status == .timeLimit })
        #expect(last.covered <= 17 && (last.bound ?? 0) >= 17)
        #expect(group.covered(by: last.backbone, rule: .full) == last.covered && last.size <= 53)
        let exact = try CoverSearch(maxBudget: 53).run(model, groupName: "correct:4")
        #expect(exact.points.map(\.covered) == [3, 6, 7, 11, 17] && exact.provenCount == 5)
    }

    @Test func refusesPartialCoverageAndEmptyGroups() throws {
        let layout = try LayerLayout(widths: [2, 2])
        let group = GroupTransactions(transactions: [[0, 2], [1, 3]], layout: layout)
        #expect(throws: CoreError.self) { try CoverSearch().run(CoverModel(group: group, rule: try CoverageRule(share: 0.5)), groupName: "g") }
        let empty = GroupTransactions(transactions: [], layout: layout)
        #expect(throws: CoreError.self) { try CoverSearch().run(CoverModel(group: empty, rule: .full), groupName: "e") }
    }

    @Test func methodPicksTheEngines() throws {
        #expect(FrontEngine.engines(solvers: [GLPK()], method: .search).map(\.name) == ["search"])
        #expect(FrontEngine.engines(solvers: [GLPK()], method: .both).map(\.name) == ["search", "glpk"])
        #expect(FrontEngine.engines(solvers: [GLPK()], method: .ilp).map(\.name) == ["glpk"])
        let half = try CoverageRule(share: 0.5)
        #expect(FrontEngine.search.version(for: half) == "layer join")
        #expect(FrontEngine.search.version(for: .full) == "branch and bound")
    }

    /// Correct-prediction group `c` of the bundled digits MLP, binarized the authors' way.
    func digitsGroup(class c: Int) throws -> GroupTransactions {
        let root = TestPaths.packageRoot.path
        let matrix = try CSVFormat.read(path: root + "/data/digits/train.csv", columns: .init(label: "label", prediction: "predicted"))
        let layout = try LayerLayout(widths: [64, 32, 16])
        let weights = try NeuronWeights.read(path: root + "/data/digits/weights.csv")
        let group = try #require(try Grouping(matrix: matrix, kinds: [.correct]).groups.first { $0.name == "correct:\(c)" })
        let db = try Binarizer.binarize(matrix.selecting(rows: group.instances), layout: layout, weights: weights,
                                        rule: .reference(k: 50)).database
        return GroupTransactions(database: db, layout: layout)
    }
}
