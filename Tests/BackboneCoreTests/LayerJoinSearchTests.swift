import BackboneCore
import BackboneData
import CBCBackend
import Foundation
import GLPKBackend
import LinearModel
import Mining
import TestSupport
import Testing

/// Best coverage at every size `0…n` by trying every set of the used neurons (at most ~20),
/// with transactions as per-layer bitmasks over the used neurons (flat arrays: the tests run
/// unoptimized).
func bruteForceFront(_ group: GroupTransactions, rule: CoverageRule) -> [Int] {
    let neurons = group.usedNeurons
    precondition(neurons.count <= 22, "brute force over \(neurons.count) neurons")
    let layout = group.layout, layers = layout.layerCount, count = group.distinct.count
    var masks = [Int](repeating: 0, count: count * layers)
    var needs = [Int](repeating: 0, count: count * layers)
    for (k, t) in group.distinct.enumerated() {
        for i in t { masks[k * layers + layout.layer(of: i)] |= 1 << neurons.firstIndex(of: i)! }
        for (l, r) in rule.requirements(of: t, layout: layout).enumerated() { needs[k * layers + l] = r }
    }
    var best = [Int](repeating: 0, count: neurons.count + 1)
    for subset in 0..<(1 << neurons.count) {
        var covered = 0
        for k in 0..<count {
            var all = true
            for l in 0..<layers where (masks[k * layers + l] & subset).nonzeroBitCount < needs[k * layers + l] { all = false; break }
            if all { covered += group.weights[k] }
        }
        let size = subset.nonzeroBitCount
        if covered > best[size] { best[size] = covered }
    }
    for size in 1..<best.count { best[size] = max(best[size], best[size - 1]) }
    return best
}

/// A random group over three layers of 4–6 neurons: each transaction takes 0–4 neurons per
/// layer, mostly from a popular few (so they overlap as real ones do, and `q·a` rounds up in
/// many ways), some repeated.
func randomLayeredGroup(seed: UInt64) throws -> GroupTransactions {
    var rng = SplitMix(seed: seed)
    let widths = (0..<3).map { _ in Int.random(in: 4...6, using: &rng) }
    let layout = try LayerLayout(widths: widths)
    var transactions: [[Int]] = []
    for _ in 0..<Int.random(in: 8...18, using: &rng) {
        var t = Set<Int>()
        for l in 0..<3 {
            let range = layout.range(ofLayer: l)
            let popular = range.lowerBound..<(range.lowerBound + 3)
            let count = Int.random(in: 0...4, using: &rng) == 0 ? 0 : Int.random(in: 1...4, using: &rng)
            for _ in 0..<count { t.insert(Int.random(in: Int.random(in: 0..<3, using: &rng) == 0 ? range : popular, using: &rng)) }
        }
        if t.isEmpty { t.insert(layout.range(ofLayer: 0).lowerBound) }
        transactions.append(t.sorted())
        if Int.random(in: 0..<3, using: &rng) == 0 { transactions.append(t.sorted()) }
    }
    return GroupTransactions(transactions: transactions, layout: layout)
}

/// Class 2 of MNIST-5k fold 0 (correct predictions, 391 rows, 80-60-40-30-20): the group of
/// the exact-fronts issue, cut by paper-repro/make_fixtures.sh.
func mnistClassTwo() throws -> GroupTransactions {
    let path = TestPaths.packageRoot.appendingPathComponent("data/fixtures/mnist5k-fold0-correct-2.dat").path
    let db = try TransactionDatabase.readFIMI(path: path, itemCount: 230)
    return GroupTransactions(database: db, layout: try LayerLayout(widths: [80, 60, 40, 30, 20]))
}

@Suite struct LayerJoinSearchTests {
    /// Every point equals brute force, on random tiny groups (two or three layers, some
    /// transactions with one neuron per layer) and random three-layer groups of 12–18 neurons
    /// where transactions have 0–4 neurons per layer, at shares whose `⌈q·a⌉` rounds up.
    @Test(arguments: [0.3, 0.34, 0.5, 0.6, 0.75, 0.9])
    func everyPointEqualsBruteForce(_ q: Double) throws {
        let rule = try CoverageRule(share: q)
        for seed in UInt64(1)...36 {
            let group = seed <= 12 ? try randomGroup(seed: seed) : try randomLayeredGroup(seed: seed)
            let model = CoverModel(group: group, rule: rule)
            let front = try LayerJoinSearch().run(model, groupName: "g\(seed)")
            let expected = bruteForceFront(group, rule: rule)
            #expect(front.points.first?.budget == model.minimumUsefulSize)
            #expect(model.minimumUsefulSize == 0 || expected[model.minimumUsefulSize - 1] == 0, "seed \(seed)")
            #expect(front.points.last?.covered == group.instanceCount, "seed \(seed): the search ends at full coverage")
            for p in front.points {
                #expect(p.status == .optimal && p.solver == "search")
                #expect(p.covered == expected[min(p.budget, expected.count - 1)], "seed \(seed) q=\(q) K=\(p.budget): \(p.covered) vs brute force")
                #expect(p.size <= p.budget && group.covered(by: p.backbone, rule: rule) == p.covered)
                #expect(p.bound == Double(p.covered) && p.gap == 0)
            }
        }
    }

    /// Against both backends' proven points on random mid-sized groups (a real search).
    @Test(arguments: [0.5, 0.7])
    func agreesWithGLPKAndCBCWhereTheyProve(_ q: Double) throws {
        let rule = try CoverageRule(share: q)
        for seed in UInt64(1)...2 {
            let group = try randomWideGroup(seed: seed, neurons: 36, count: 20)
            let model = CoverModel(group: group, rule: rule)
            let search = try LayerJoinSearch().run(model, groupName: "g")
            #expect(search.provenCount == search.points.count)
            for solver in [GLPK(), CBC()] as [ILPSolver] {
                let ilp = try FrontSweep(options: SolverOptions(timeLimit: 1)).run(model, groupName: "g", solver: solver)
                #expect(search.disagreement(with: ilp) == nil)
                #expect(ilp.provenCount > 0)
                for (s, g) in zip(search.points, ilp.points) { #expect(s.covered >= g.covered, "\(solver.name) K=\(s.budget)") }
            }
        }
    }

    /// The bundled digits network at q = 0.5: the fronts CBC proves point by point without a
    /// limit (class 1 took CBC 32 s, GLPK left K = 26 unproven after 60 s; class 5 both in 1 s).
    @Test func digitsFrontsAreTheOnesCBCProves() throws {
        let half = try CoverageRule(share: 0.5)
        let one = try LayerJoinSearch().run(CoverModel(group: try digitsCorrectGroup(1), rule: half), groupName: "correct:1")
        #expect(one.points.map(\.budget) == [25, 26, 27, 28])
        #expect(one.points.map(\.covered) == [106, 122, 129, 134])
        let five = CoverModel(group: try digitsCorrectGroup(5), rule: half)
        let search = try LayerJoinSearch().run(five, groupName: "correct:5")
        #expect(search.points.map(\.covered) == [124, 127, 131, 132])
        let cbc = try FrontSweep().run(five, groupName: "correct:5", solver: CBC())
        #expect(cbc.provenCount == cbc.points.count && cbc.points.map(\.covered) == search.points.map(\.covered))
    }

    /// The group, MNIST-5k class 2 at q = 0.5: the whole front, every point proven (GLPK
    /// at 0.5 s a point proved none of K = 25…30; HiGHS ends K = 28 at 339 with bound 363 after
    /// 120 s; CBC proves K = 32…35 within 5 s each, which must agree).
    @Test func mnistClassTwoWholeFrontIsProven() throws {
        let group = try mnistClassTwo()
        let model = CoverModel(group: group, rule: try CoverageRule(share: 0.5))
        let front = try LayerJoinSearch(timeLimit: 60).run(model, groupName: "correct:2")
        #expect(front.points.map(\.budget) == Array(25...35))
        #expect(front.points.map(\.covered) == [242, 282, 318, 339, 357, 370, 380, 387, 388, 390, 391])
        #expect(front.provenCount == front.points.count)
        for budget in [32, 35] {
            let r = CBC().solve(try model.maxCoverage(budget: budget).compile(), options: SolverOptions(timeLimit: 60))
            #expect(r.status == .optimal)
            #expect(r.objective == Double(front.points[budget - 25].covered), "K=\(budget)")
        }
    }

    /// A point stopped by the time limit keeps a feasible incumbent and a bound at or above the
    /// optimum; seeds can only raise a point.
    @Test func timeLimitKeepsAValidBoundAndSeedsOnlyHelp() throws {
        let group = try mnistClassTwo()
        let model = CoverModel(group: group, rule: try CoverageRule(share: 0.5))
        let optimum = [242, 282, 318, 339, 357, 370]
        let stopped = try LayerJoinSearch(timeLimit: 1e-9, maxBudget: 30).run(model, groupName: "correct:2")
        #expect(stopped.points.map(\.budget) == Array(25...30))
        for (p, best) in zip(stopped.points, optimum) {
            #expect(p.status == .timeLimit)
            #expect(p.covered <= best && (p.bound ?? 0) >= Double(best), "K=\(p.budget): \(p.covered) ≤ \(best) ≤ \(p.bound ?? -1)")
            #expect(group.covered(by: p.backbone, rule: model.rule) == p.covered && p.size <= p.budget)
        }
        // An expired limit with the optimum at K = 28 as a seed: every point from 28 on starts there.
        let exact = try LayerJoinSearch(maxBudget: 28).run(model, groupName: "correct:2")
        let seeded = try LayerJoinSearch(timeLimit: 1e-9, maxBudget: 30).run(model, groupName: "correct:2", seeds: [exact.points[3].backbone])
        #expect(seeded.points[3].covered == 339 && seeded.points[4].covered >= 339 && seeded.points[5].covered >= 339)
    }

    @Test func refusesEmptyGroups() throws {
        let layout = try LayerLayout(widths: [2, 2])
        let empty = GroupTransactions(transactions: [], layout: layout)
        #expect(throws: CoreError.self) { try LayerJoinSearch().run(CoverModel(group: empty, rule: try CoverageRule(share: 0.5)), groupName: "e") }
    }

    /// Correct-prediction group `c` of the bundled digits MLP, binarized the authors' way.
    func digitsCorrectGroup(_ c: Int) throws -> GroupTransactions {
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

/// A backend that answers like CBC did under a time limit when handed a start: it stays on
/// the start; cold it finds the optimum. The sweep must never be worse than cold.
private struct AnchoredByStartSolver: ILPSolver {
    let cold: ILPSolver
    var name: String { "anchored" }
    var version: String { "test" }
    func solve(_ model: CompiledModel, options: SolverOptions) -> SolveResult {
        if let start = options.initialSolution {
            var r = SolveResult(status: .timeLimit, seconds: 0, solver: name, version: version, rawStatus: "stub")
            r.values = start
            r.objective = zip(start, model.cost).reduce(0) { $0 + $1.0 * $1.1 } + model.objectiveOffset
            return r
        }
        return cold.solve(model, options: options)
    }
}

@Suite struct FrontSweepColdTests {
    /// A start may only raise a point: with a backend that would stay on any start it is given,
    /// every point still equals the cold optimum (the sweep hands the backend no start).
    @Test func startsCannotAnchorTheBackend() throws {
        let rule = try CoverageRule(share: 0.5)
        for seed in UInt64(1)...4 {
            let group = try randomLayeredGroup(seed: seed + 100)
            let model = CoverModel(group: group, rule: rule)
            let expected = bruteForceFront(group, rule: rule)
            let front = try FrontSweep().run(model, groupName: "g", solver: AnchoredByStartSolver(cold: GLPK()), seeds: [[]])
            for p in front.points { #expect(p.covered == expected[min(p.budget, expected.count - 1)], "seed \(seed) K=\(p.budget)") }
        }
    }

    /// The case: CBC's sweep over MNIST-5k class 2 at q = 0.5 once reported 242 covered
    /// for K = 25…30 (anchored by its starts) where a cold 1 s solve of K = 28 found 322. Each
    /// point of a 1 s sweep is now at least a cold 0.5 s solve of the same budget.
    @Test func cbcSweepIsNeverWorseThanCold() throws {
        let group = try mnistClassTwo()
        let model = CoverModel(group: group, rule: try CoverageRule(share: 0.5))
        let sweep = try FrontSweep(options: SolverOptions(timeLimit: 1), maxBudget: 28).run(model, groupName: "correct:2", solver: CBC())
        for p in sweep.points {
            let cold = CBC().solve(try model.maxCoverage(budget: p.budget).compile(), options: SolverOptions(timeLimit: 0.5))
            let coldCovered = cold.values.map { group.covered(by: model.backbone(from: $0), rule: model.rule) } ?? 0
            #expect(p.covered >= coldCovered, "K=\(p.budget): sweep \(p.covered), cold \(coldCovered)")
            #expect((p.bound ?? 0) >= Double([242, 282, 318, 339, 357, 370][p.budget - 25]), "K=\(p.budget): the bound is valid")
        }
    }
}
