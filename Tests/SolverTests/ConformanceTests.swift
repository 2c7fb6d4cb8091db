import CBCBackend
import GLPKBackend
import LinearModel
import SolverConformance
import TestSupport
import Testing

let backends: [any ILPSolver] = [GLPK(), CBC()]

@Suite struct ConformanceTests {
    @Test func theSuiteHasAtLeastTwelveNamedCases() {
        #expect(ConformanceSuite.cases.count >= 12)
        #expect(Set(ConformanceSuite.cases.map(\.name)).count == ConformanceSuite.cases.count)
        #expect(ConformanceSuite.cases.allSatisfy { !$0.catches.isEmpty })
    }

    @Test(arguments: ["glpk", "cbc"], ConformanceSuite.cases.map(\.name))
    func backendPassesCase(_ backend: String, _ caseName: String) throws {
        let env = ConformanceEnvironment(orlibDirectory: TestPaths.reference("orlib"), timeLimit: 2)
        // The OR-Library cases read ../shared/reference; a clone kept elsewhere skips them.
        guard TestPaths.referenceAvailable || !["scpa1", "time-limit-scpcyc06"].contains(caseName) else { return }
        let solver = backends.first { $0.name == backend }!
        let c = ConformanceSuite.cases.first { $0.name == caseName }!
        _ = try c.run(solver, env)
    }

    /// The expected optima written into two cases, re-derived by enumerating every subset.
    @Test func knapsackOptimaInTheSuiteAreRightByBruteForce() {
        func best(_ values: [Double], _ weights: [Double], _ capacity: Double) -> Double {
            var top = 0.0
            for mask in 0..<(1 << values.count) {
                var v = 0.0, w = 0.0
                for j in values.indices where mask & (1 << j) != 0 { v += values[j]; w += weights[j] }
                if w <= capacity { top = max(top, v) }
            }
            return top
        }
        #expect(best([10, 13, 7, 8, 4], [5, 6, 3, 4, 2], 10) == 21)
        #expect(best([5, 4, 3, 2, 1], [4, 3, 2, 2, 1], 6) == 8)
    }
}

/// Random small binary programs: both backends must equal exhaustive enumeration.
@Suite struct RandomModelTests {
    struct Instance {
        let model: Model
        let optimum: Double?  // nil: infeasible
    }

    static func instance(seed: UInt64) -> Instance {
        var rng = SplitMix(seed: seed)
        let n = Int.random(in: 3...9, using: &rng)
        let rows = Int.random(in: 1...6, using: &rng)
        var m = Model(name: "random\(seed)", sense: Bool.random(using: &rng) ? .minimize : .maximize)
        let x = (0..<n).map { m.addVariable(name: "x\($0)", kind: .binary, cost: Double(Int.random(in: -5...9, using: &rng))) }
        var table: [([Double], Double, Double)] = []
        for r in 0..<rows {
            let a = (0..<n).map { _ in Double(Int.random(in: -3...4, using: &rng)) }
            let sum = a.reduce(0, +)
            let lo = Bool.random(using: &rng) ? Double(Int.random(in: -4...Int(max(0, sum / 2)), using: &rng)) : -.infinity
            let up = lo == -.infinity || Bool.random(using: &rng) ? Double(Int.random(in: Int(lo.isFinite ? lo : -2)...8, using: &rng)) : .infinity
            m.addRow(Row(name: "r\(r)", terms: zip(x, a).map { Term($0, $1) }, lower: lo, upper: up))
            table.append((a, lo, up))
        }
        var best: Double?
        for mask in 0..<(1 << n) {
            let v = (0..<n).map { Double((mask >> $0) & 1) }
            let feasible = table.allSatisfy { a, lo, up in
                let s = zip(a, v).map(*).reduce(0, +)
                return s >= lo && s <= up
            }
            guard feasible else { continue }
            let obj = zip(m.variables.map(\.cost), v).map(*).reduce(0, +)
            if best == nil || (m.sense == .minimize ? obj < best! : obj > best!) { best = obj }
        }
        return Instance(model: m, optimum: best)
    }

    @Test(arguments: ["glpk", "cbc"])
    func backendEqualsBruteForceOnRandomBinaryPrograms(_ backend: String) throws {
        let solver = backends.first { $0.name == backend }!
        var infeasible = 0
        for seed in UInt64(1)...60 {
            let instance = Self.instance(seed: seed)
            let compiled = try instance.model.compile()
            let r = solver.solve(compiled, options: SolverOptions())
            if let optimum = instance.optimum {
                #expect(r.status == .optimal, "seed \(seed)")
                #expect(r.objective == optimum, "seed \(seed): \(String(describing: r.objective)) vs \(optimum)")
                if let x = r.values { #expect(compiled.maxViolation(of: x) <= 1e-9, "seed \(seed)") }
            } else {
                infeasible += 1
                #expect(r.status == .infeasible, "seed \(seed): \(r.status)")
            }
        }
        #expect(infeasible > 0 && infeasible < 40, "the generator should mix feasible and infeasible cases")
    }
}
