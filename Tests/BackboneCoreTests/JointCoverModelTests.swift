import BackboneCore
import CBCBackend
import GLPKBackend
import LinearModel
import Mining
import TestSupport
import Testing

@Suite struct JointCoverModelTests {
    /// Best total coverage of two groups with backbones of at most K neurons sharing at most
    /// ⌊β·n⌋ neurons, by trying every pair of subsets of each group's neurons.
    func bruteForce(_ a: GroupTransactions, _ b: GroupTransactions, rule: CoverageRule, budget: Int, shared: Int) -> Int {
        let na = a.usedNeurons, nb = b.usedNeurons
        func subsets(_ n: [Int]) -> [[Int]] {
            (0..<(1 << n.count)).filter { $0.nonzeroBitCount <= budget }.map { m in n.indices.filter { m & (1 << $0) != 0 }.map { n[$0] } }
        }
        let sa = subsets(na).map { ($0, Set($0), a.covered(by: $0, rule: rule)) }
        let sb = subsets(nb).map { ($0, Set($0), b.covered(by: $0, rule: rule)) }
        var best = 0
        for x in sa {
            for y in sb where x.2 + y.2 > best && x.1.intersection(y.1).count <= shared { best = x.2 + y.2 }
        }
        return best
    }

    @Test(arguments: [1.0, 0.5])
    func jointOptimumEqualsBruteForce(_ q: Double) throws {
        let rule = try CoverageRule(share: q)
        var compared = 0
        for seed in UInt64(40)...90 where compared < 12 {
            let a = try randomGroup(seed: seed), b = try randomGroup(seed: seed + 100)
            guard a.layout == b.layout, a.usedNeurons.count <= 8, b.usedNeurons.count <= 8 else { continue }
            for (budget, beta) in [(3, 0.0), (4, 0.2), (6, 0.5)] {
                let joint = try JointCoverModel(groups: [("a", a), ("b", b)], rule: rule, budget: budget, beta: beta)
                let shared = Int((beta * Double(a.layout.neuronCount) + 1e-9).rounded(.down))
                let expected = bruteForce(a, b, rule: rule, budget: budget, shared: shared)
                for solver in [GLPK(), CBC()] as [ILPSolver] {
                    let r = solver.solve(try joint.build().compile(), options: SolverOptions())
                    #expect(r.status == .optimal)
                    #expect(r.objective == Double(expected), "seed \(seed) K=\(budget) β=\(beta) \(solver.name)")
                    let backbones = joint.backbones(from: try #require(r.values))
                    #expect(a.covered(by: backbones[0], rule: rule) + b.covered(by: backbones[1], rule: rule) == expected)
                    #expect(Set(backbones[0]).intersection(Set(backbones[1])).count <= shared)
                }
                compared += 1
            }
        }
        #expect(compared >= 6, "enough instances small enough for brute force")
    }

    @Test func rejectsBadParameters() throws {
        let g = try randomGroup(seed: 1)
        #expect(throws: CoreError.self) { _ = try JointCoverModel(groups: [("a", g)], rule: .full, budget: 3, beta: 1.5) }
        #expect(throws: CoreError.self) { _ = try JointCoverModel(groups: [], rule: .full, budget: 3, beta: 0.5) }
    }
}
