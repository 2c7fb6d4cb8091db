import BackboneCore
import CBCBackend
import GLPKBackend
import LinearModel
import Mining
import TestSupport
import Testing

/// Exact class-specific sets (issue 12, item 4): each front point equals brute force over every
/// subset of the class's units, and a hand-derived fixture.
@Suite struct ClassSpecificModelTests {
    /// Best class coverage with at most `budget` units whose others' coverage is within the allowance.
    static func bruteForce(_ model: ClassSpecificModel, budget: Int) -> Int {
        let units = model.group.usedNeurons
        var best = 0
        for mask in 0 ..< (1 << units.count) where mask.nonzeroBitCount <= budget {
            let set = units.indices.filter { mask & (1 << $0) != 0 }.map { units[$0] }
            guard model.isFeasible(set) else { continue }
            best = max(best, model.group.covered(by: set, rule: model.rule))
        }
        return best
    }

    /// Random class and other transactions over 2 or 3 small layers (1–4 units each, repeats).
    static func randomInstance(seed: UInt64) throws -> (GroupTransactions, GroupTransactions) {
        var rng = SplitMix(seed: seed)
        let layout = try LayerLayout(widths: Bool.random(using: &rng) ? [4, 4] : [3, 3, 2])
        func transactions(_ count: Int) -> [[Int]] {
            (0 ..< count).flatMap { _ -> [[Int]] in
                var t = Set<Int>()
                for _ in 0 ..< Int.random(in: 1 ... 4, using: &rng) { t.insert(Int.random(in: 0 ..< layout.neuronCount, using: &rng)) }
                return Array(repeating: t.sorted(), count: Int.random(in: 0 ..< 4, using: &rng) == 0 ? 2 : 1)
            }
        }
        return (GroupTransactions(transactions: transactions(Int.random(in: 3 ... 8, using: &rng)), layout: layout),
                GroupTransactions(transactions: transactions(Int.random(in: 4 ... 12, using: &rng)), layout: layout))
    }

    @Test(arguments: ["glpk", "cbc"], [1.0, 0.5])
    func everyPointEqualsBruteForce(_ backend: String, _ q: Double) throws {
        let solver: ILPSolver = backend == "glpk" ? GLPK() : CBC()
        let rule = try CoverageRule(share: q)
        var bindingPoints = 0
        for seed in UInt64(1) ... 14 {
            let (group, others) = try Self.randomInstance(seed: seed)
            for epsilon in [0, 0.2, 1] {
                let model = try ClassSpecificModel(group: group, others: others, rule: rule, epsilon: epsilon)
                let front = try ClassSpecificFront(maxBudget: 6).run(model, groupName: "s\(seed)", solver: solver)
                #expect(front.points.first?.budget == model.cover.minimumUsefulSize)
                for p in front.points {
                    let expected = Self.bruteForce(model, budget: p.budget)
                    #expect(p.status == .optimal, "seed \(seed) ε=\(epsilon) K=\(p.budget)")
                    #expect(p.covered == expected, "seed \(seed) q=\(q) ε=\(epsilon) K=\(p.budget): \(p.covered) vs brute force \(expected)")
                    #expect(p.size <= p.budget && model.isFeasible(p.backbone))
                    #expect(group.covered(by: p.backbone, rule: rule) == p.covered)
                    let unbounded = try ClassSpecificModel(group: group, others: others, rule: rule, epsilon: 1)
                    if Self.bruteForce(unbounded, budget: p.budget) > expected { bindingPoints += 1 }
                }
                if epsilon == 1 {
                    // ε = 1 is the plain cover model: the same optimum as its front.
                    let plain = try FrontSweep().run(CoverModel(group: group, rule: rule), groupName: "p\(seed)", solver: solver)
                    for p in front.points { #expect(plain.points.first { $0.budget == p.budget }?.covered ?? group.instanceCount == p.covered) }
                }
            }
        }
        #expect(bindingPoints > 10, "the others' row must bind on some points, or the test checks nothing of it (\(bindingPoints))")
    }

    /// Layers [3, 2] (units 0 1 2 | 3 4), q = 1. Class: {0,3} ×2, {1,3}, {0,1,4}. Others:
    /// {0,3}, {2,4}, {1,4}, {0,1,3}.
    /// ε = 1: K=2 {0,3} covers 2; K=3 {0,1,3} 3; K=4 {0,1,3,4} all 4.
    /// ε = 0.25 (one other may be covered): K=2 {0,3} 2 (covers the other {0,3}); K=3 and 4 stay
    /// at 2 ({0,1,3} would cover the others {0,3} and {0,1,3}; {0,1,3,4} three of them).
    /// ε = 0: {0,3} is out; {1,3} covers the class's {1,3} only, and nothing covers more: 1.
    @Test(arguments: ["glpk", "cbc"])
    func handDerivedFixture(_ backend: String) throws {
        let solver: ILPSolver = backend == "glpk" ? GLPK() : CBC()
        let layout = try LayerLayout(widths: [3, 2])
        let group = GroupTransactions(transactions: [[0, 3], [0, 3], [1, 3], [0, 1, 4]], layout: layout)
        let others = GroupTransactions(transactions: [[0, 3], [2, 4], [1, 4], [0, 1, 3]], layout: layout)
        func front(_ epsilon: Double) throws -> [Int] {
            let model = try ClassSpecificModel(group: group, others: others, rule: .full, epsilon: epsilon)
            return try ClassSpecificFront(maxBudget: 4).run(model, groupName: "c", solver: solver).points.map(\.covered)
        }
        #expect(try front(1) == [2, 3, 4])
        #expect(try front(0.25) == [2, 2, 2])
        #expect(try front(0) == [1, 1, 1])
        let model = try ClassSpecificModel(group: group, others: others, rule: .full, epsilon: 0)
        let points = try ClassSpecificFront(maxBudget: 2).run(model, groupName: "c", solver: solver).points
        #expect(points.map(\.backbone) == [[1, 3]])
        #expect(model.allowance == 0)
        #expect(try ClassSpecificModel(group: group, others: others, rule: .full, epsilon: 0.25).allowance == 1)
    }

    @Test func epsilonOutsideTheUnitIntervalIsAnError() throws {
        let layout = try LayerLayout(widths: [2])
        let g = GroupTransactions(transactions: [[0]], layout: layout)
        #expect(throws: CoreError.self) { try ClassSpecificModel(group: g, others: g, rule: .full, epsilon: 1.5) }
        #expect(throws: CoreError.self) { try ClassSpecificModel(group: g, others: g, rule: .full, epsilon: -0.1) }
    }
}
