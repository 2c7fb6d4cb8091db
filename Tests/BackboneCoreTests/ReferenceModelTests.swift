import BackboneCore
import CBCBackend
import Foundation
import GLPKBackend
import LinearModel
import Mining
import TestSupport
import Testing

/// Two groups of random reference-like transactions on the Bird head (256 + 32 neurons,
/// 44 + 5 active per instance, the authors' k = 50 counts). Each class draws from its own
/// part of each layer, the parts overlapping (64 + 8 neurons), as two real classes would: with
/// every neuron active in both classes the diversity budget could not be met.
func birdLikeGroups(seed: UInt64, perGroup: Int) throws -> (LayerLayout, [(name: String, transactions: [[Int]])]) {
    let layout = try LayerLayout(widths: [256, 32])
    var rng = SplitMix(seed: seed)
    var groups: [(name: String, transactions: [[Int]])] = []
    for g in 0..<2 {
        var ts: [[Int]] = []
        for _ in 0..<perGroup {
            let first = Array((g == 0 ? 0..<160 : 96..<256).shuffled(using: &rng).prefix(44))
            let second = Array((g == 0 ? 256..<276 : 268..<288).shuffled(using: &rng).prefix(5))
            ts.append((first + second).sorted())
        }
        groups.append(("class\(g)", ts))
    }
    return (layout, groups)
}

/// Reads `Bird_ILP_Solutions.txt`: one line per fold, two sorted neuron lists.
func readBirdSolutions() throws -> [[[Int]]] {
    let text = try String(contentsOfFile: TestPaths.reference("bird/Bird_ILP_Solutions.txt"), encoding: .utf8)
    return text.split(separator: "\n").map { line in
        line.split(separator: "]").map { part in
            part.split(whereSeparator: { !$0.isNumber }).map { Int($0)! }
        }.filter { !$0.isEmpty }
    }
}

@Suite struct ReferenceModelTests {
    @Test(.enabled(if: TestPaths.referenceAvailable, "needs ../shared/reference")) func publishedBirdSolutionsHaveTheStructureTheMaxSenseImplies() throws {
        let folds = try readBirdSolutions()
        #expect(folds.count == 10)
        for fold in folds {
            #expect(fold.count == 2)
            let a = Set(fold[0]), b = Set(fold[1])
            #expect(a.count + b.count == 374)
            #expect(a.intersection(b).count == 86)  // ⌊0.30 · 288⌋
            #expect(a.union(b) == Set(0..<288))
        }
    }

    @Test(arguments: ["glpk", "cbc"])
    func maxSenseWithRho3Of30PercentReproducesTheBirdStructure(_ backend: String) throws {
        let (layout, groups) = try birdLikeGroups(seed: 7, perGroup: 12)
        let reference = try ReferenceModel(groups: groups, layout: layout,
                                           budgets: .init(rho1: 0.28, rho2: 0, rho3: 0.30), sense: .maximize)
        let compiled = try reference.build().compile()
        // Sparse build: one coverage row per group, instance and ACTIVE neuron (49 each).
        let coverageRows = compiled.rowNames.filter { $0.hasPrefix("cov_") }.count
        #expect(coverageRows == 2 * 12 * 49)
        let solver: ILPSolver = backend == "glpk" ? GLPK() : CBC()
        let r = solver.solve(compiled, options: SolverOptions(timeLimit: 60))
        #expect(r.status == .optimal)
        #expect(r.objective == 374)
        let solution = reference.solution(from: try #require(r.values))
        let a = Set(solution.backbones[0]), b = Set(solution.backbones[1])
        #expect(a.count + b.count == 374)
        #expect(a.intersection(b).count == 86)
        #expect(a.union(b).count == 288)
        #expect(solution.sharedNeurons.count == 86)
    }

    @Test func minSenseIsASetCoverAndEveryInstanceIsCovered() throws {
        // Two tiny groups on 3 + 2 neurons; with ρ1 = ρ2 = 0 every active neuron of every
        // instance must be in its group's backbone, so the minimum is the union per group.
        let layout = try LayerLayout(widths: [3, 2])
        let groups: [(name: String, transactions: [[Int]])] = [("a", [[0, 3], [1, 3]]), ("b", [[2, 4]])]
        let reference = try ReferenceModel(groups: groups, layout: layout,
                                           budgets: .init(rho1: 0, rho2: 0, rho3: 1), sense: .minimize)
        for solver in [GLPK(), CBC()] as [ILPSolver] {
            let r = solver.solve(try reference.build().compile(), options: SolverOptions())
            #expect(r.objective == 5)
            let s = reference.solution(from: try #require(r.values))
            #expect(s.backbones == [[0, 1, 3], [2, 4]])
        }
        // Excusing neuron 3 (ρ1·5 = 1) lets group a drop it — but connectivity still needs
        // one layer-2 neuron, so the minimum stays 5; excusing instances (ρ2) lowers it.
        let slack = try ReferenceModel(groups: groups, layout: layout,
                                       budgets: .init(rho1: 0, rho2: 0.34, rho3: 1), sense: .minimize)
        let r = CBC().solve(try slack.build().compile(), options: SolverOptions())
        #expect(r.objective == 4)  // one of group a's instances excused: {0,3} or {1,3}, plus {2,4}
    }

    @Test func budgetsOutsideTheUnitIntervalAreRejected() throws {
        let (layout, groups) = try birdLikeGroups(seed: 1, perGroup: 2)
        #expect(throws: CoreError.self) {
            _ = try ReferenceModel(groups: groups, layout: layout, budgets: .init(rho1: 1.5, rho2: 0, rho3: 0.3))
        }
        #expect(throws: CoreError.self) {
            _ = try ReferenceModel(groups: [("empty", [])], layout: layout)
        }
    }
}
