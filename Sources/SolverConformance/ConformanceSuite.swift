import FileSupport
import Foundation
import LinearModel

/// The conformance suite: small models with known answers, plus two OR-Library instances.
/// Cases assert objectives, never a particular optimal assignment (several may exist).
public enum ConformanceSuite {
    public static let cases: [ConformanceCase] = [
        ConformanceCase(name: "triangle-cover",
                        catches: "a backend that drops integrality (LP optimum 1.5, ILP optimum 2)") { solver, _ in
            var m = Model(name: "triangle")
            let x = m.addBinaries(3, cost: 1, namePrefix: "x")
            for (a, b) in [(0, 1), (1, 2), (0, 2)] { m.addRow(.greaterOrEqual([Term(x[a]), Term(x[b])], 1)) }
            let r = try solveChecked(solver, m)
            try expectStatus(r, .optimal)
            try expectObjective(r, 2)
            return detail(r)
        },
        ConformanceCase(name: "uncoverable-element",
                        catches: "reporting an infeasible model as optimal or as an error (GLPK presolve says GLP_ENOPFS)") { solver, _ in
            var m = Model(name: "uncoverable")
            let x = m.addBinaries(2, cost: 1, namePrefix: "x")
            m.addRow(.greaterOrEqual([Term(x[0])], 1))
            m.addRow(.greaterOrEqual([Term(x[0], 0.5), Term(x[1], 0.5)], 1.5))  // needs more than both can give
            let r = try solveChecked(solver, m)
            try expectStatus(r, .infeasible)
            guard !r.hasSolution else { throw ConformanceFailure("an infeasible model returned a point") }
            return detail(r)
        },
        ConformanceCase(name: "unbounded",
                        catches: "confusing an unbounded objective with infeasibility or an error") { solver, _ in
            var m = Model(name: "unbounded", sense: .maximize)
            let x = m.addVariable(name: "x", kind: .integer, cost: 1)
            let y = m.addVariable(name: "y", kind: .integer, cost: 1)
            m.addRow(.lessOrEqual([Term(x), Term(y, -1)], 1))
            let r = try solveChecked(solver, m)
            try expectStatus(r, .unbounded)
            return detail(r)
        },
        ConformanceCase(name: "several-optima",
                        catches: "a test (or backend) that depends on which of several optimal points comes back") { solver, _ in
            var m = Model(name: "several")
            let x = m.addBinaries(4, cost: 1, namePrefix: "x")
            m.addRow(.greaterOrEqual(x.map { Term($0) }, 2))  // any two of four
            let r = try solveChecked(solver, m)
            try expectStatus(r, .optimal)
            try expectObjective(r, 2)
            return detail(r)
        },
        ConformanceCase(name: "duplicate-coefficients",
                        catches: "a loader that overwrites instead of adding repeated (row, column) entries") { solver, _ in
            var m = Model(name: "duplicates")
            let x = m.addVariable(name: "x", kind: .integer, lower: 0, upper: 10, cost: 1)
            m.addRow(.greaterOrEqual([Term(x), Term(x)], 3))  // 2x ≥ 3 → x = 2
            let r = try solveChecked(solver, m)
            try expectStatus(r, .optimal)
            try expectObjective(r, 2)
            return detail(r)
        },
        ConformanceCase(name: "same-model-twice",
                        catches: "state leaking between solves (handles reused, globals not reset)") { solver, _ in
            var m = Model(name: "twice", sense: .maximize)
            let x = m.addBinaries(5, namePrefix: "x")
            for (j, v) in [5.0, 4, 3, 2, 1].enumerated() { m.setCost(x[j], v) }
            m.addRow(.lessOrEqual(zip(x, [4.0, 3, 2, 2, 1]).map { Term($0, $1) }, 6))
            let first = try solveChecked(solver, m)
            let second = try solveChecked(solver, m)
            try expectStatus(first, .optimal)
            try expectStatus(second, .optimal)
            try expectObjective(first, 8)  // {0,2} or {1,2,4}; checked by brute force in the tests
            try expectObjective(second, 8)
            return detail(second)
        },
        ConformanceCase(name: "equality-rows",
                        catches: "equality rows loaded as one-sided inequalities") { solver, _ in
            var m = Model(name: "equalities", sense: .maximize)
            let x = m.addVariable(name: "x", kind: .integer, lower: 0, upper: 100, cost: 1)
            let y = m.addVariable(name: "y", kind: .integer, lower: 0, upper: 100, cost: 10)
            m.addRow(.equal([Term(x), Term(y)], 5))
            m.addRow(.equal([Term(x), Term(y, -1)], 1))
            let r = try solveChecked(solver, m)
            try expectStatus(r, .optimal)
            try expectObjective(r, 23)  // x = 3, y = 2
            return detail(r)
        },
        ConformanceCase(name: "general-integers",
                        catches: "integers treated as binaries, or negative lower bounds lost") { solver, _ in
            var m = Model(name: "integers")
            let x = m.addVariable(name: "x", kind: .integer, lower: -7, upper: 7, cost: 1)
            let y = m.addVariable(name: "y", kind: .integer, lower: -5, upper: 20, cost: -1)
            m.addRow(.greaterOrEqual([Term(x, 2)], -9))     // x ≥ -4.5 → x = -4
            m.addRow(.lessOrEqual([Term(y, 3)], 20))        // y ≤ 6.67 → y = 6
            let r = try solveChecked(solver, m)
            try expectStatus(r, .optimal)
            try expectObjective(r, -10)
            return detail(r)
        },
        ConformanceCase(name: "maximize",
                        catches: "the objective sense ignored, or a maximum reported with the wrong sign") { solver, _ in
            var m = Model(name: "knapsack", sense: .maximize)
            let values = [10.0, 13, 7, 8, 4], weights = [5.0, 6, 3, 4, 2]
            let x = m.addBinaries(values.count, namePrefix: "x")
            for j in x.indices { m.setCost(x[j], values[j]) }
            m.addRow(.lessOrEqual(zip(x, weights).map { Term($0, $1) }, 10))
            let r = try solveChecked(solver, m)
            try expectStatus(r, .optimal)
            try expectObjective(r, 21)  // items {1,3} or {0,2,4}; checked by brute force in the tests
            return detail(r)
        },
        ConformanceCase(name: "empty-model",
                        catches: "a crash or error on a model with no variables and no rows") { solver, _ in
            var m = Model(name: "empty")
            m.objectiveOffset = 3
            let r = try solveChecked(solver, m)
            try expectStatus(r, .optimal)
            try expectObjective(r, 3)
            return detail(r)
        },
        ConformanceCase(name: "ranged-rows-and-offset",
                        catches: "ranged rows (both bounds finite) losing a bound, or the objective constant dropped") { solver, _ in
            var m = Model(name: "ranged", sense: .maximize)
            m.objectiveOffset = 100
            let x = m.addVariable(name: "x", kind: .integer, lower: 0, upper: 10, cost: 1)
            let y = m.addVariable(name: "y", kind: .continuous, lower: 0, upper: 10, cost: 2)
            m.addRow(Row(name: "r", terms: [Term(x), Term(y)], lower: 2, upper: 3.5))
            m.addRow(Row(name: "s", terms: [Term(x), Term(y, -1)], lower: 1, upper: 5))
            // max x + 2y, 2 ≤ x + y ≤ 3.5, 1 ≤ x − y ≤ 5: x = 2, y = 1 gives 104 (x=3,y=0.5 gives 104 too)
            let r = try solveChecked(solver, m)
            try expectStatus(r, .optimal)
            try expectObjective(r, 104)
            return detail(r)
        },
        ConformanceCase(name: "warm-start",
                        catches: "a warm start that is ignored wrongly, rejected with a crash, or returned as if optimal") { solver, _ in
            var m = Model(name: "warm")
            let x = m.addBinaries(6, cost: 1, namePrefix: "x")
            let sets = [[0, 1], [1, 2], [2, 3], [3, 4], [4, 5], [5, 0]]
            for s in sets { m.addRow(.greaterOrEqual(s.map { Term(x[$0]) }, 1)) }
            let model = try m.compile()
            let start = [Double](repeating: 1, count: 6)  // feasible, objective 6; optimum 3
            let r = solver.solve(model, options: SolverOptions(initialSolution: start))
            try checkPoint(r, model)
            try expectStatus(r, .optimal)
            try expectObjective(r, 3)
            return detail(r)
        },
        ConformanceCase(name: "scpa1",
                        catches: "wrong costs or coverage read from OR-Library data, or weak B&B (published optimum 253)") { solver, env in
            let model = try orlib("scpa1.txt", env).compile()
            let r = solver.solve(model, options: SolverOptions(timeLimit: 120))
            try checkPoint(r, model)
            try expectStatus(r, .optimal)
            try expectObjective(r, 253)
            return detail(r)
        },
        ConformanceCase(name: "time-limit-scpcyc06",
                        catches: "a time limit ignored or counted in CPU time, or a time-limited run reported as optimal without its bound and gap") { solver, env in
            let model = try orlib("scpcyc06.txt", env).compile()
            let clock = ContinuousClock.now
            let r = solver.solve(model, options: SolverOptions(timeLimit: env.timeLimit))
            let elapsed = clock.duration(to: .now).seconds
            try checkPoint(r, model)
            if r.status == .optimal {
                try expectObjective(r, 60)  // a backend that proves it is fine, but must be right
                return detail(r)
            }
            try expectStatus(r, .timeLimit)
            guard elapsed < env.timeLimit * 2 + 3 else {
                throw ConformanceFailure("took \(String(format: "%.1f", elapsed)) s for a \(env.timeLimit) s limit")
            }
            guard let objective = r.objective, let bound = r.bound else {
                throw ConformanceFailure("time limit without incumbent or bound: objective \(String(describing: r.objective)), bound \(String(describing: r.bound))")
            }
            guard objective >= 60 - 1e-6, bound <= 60 + 1e-6, bound <= objective + 1e-6 else {
                throw ConformanceFailure("inconsistent: incumbent \(objective), bound \(bound), optimum 60")
            }
            return detail(r) + String(format: " (stopped after %.1f s)", elapsed)
        },
    ]

    // MARK: helpers

    static func solveChecked(_ solver: ILPSolver, _ m: Model) throws -> SolveResult {
        let model = try m.compile()
        let r = solver.solve(model, options: SolverOptions())
        try checkPoint(r, model)
        return r
    }

    /// Any returned point must be feasible and match the reported objective.
    static func checkPoint(_ r: SolveResult, _ model: CompiledModel) throws {
        if r.status == .error { throw ConformanceFailure("backend error: \(r.message) [\(r.rawStatus)]") }
        guard let x = r.values else { return }
        guard x.count == model.columnCount else { throw ConformanceFailure("point has \(x.count) values for \(model.columnCount) columns") }
        let violation = model.maxViolation(of: x)
        guard violation <= 1e-6 else { throw ConformanceFailure("returned point violates the model by \(violation)") }
        if let objective = r.objective, abs(model.objective(of: x) - objective) > 1e-6 * max(1, abs(objective)) {
            throw ConformanceFailure("reported objective \(objective) but the point's objective is \(model.objective(of: x))")
        }
    }

    static func expectStatus(_ r: SolveResult, _ status: SolveStatus) throws {
        guard r.status == status else {
            throw ConformanceFailure("status \(r.status.rawValue), expected \(status.rawValue) [\(r.rawStatus)] \(r.message)")
        }
    }

    static func expectObjective(_ r: SolveResult, _ value: Double) throws {
        guard let objective = r.objective, abs(objective - value) <= 1e-6 * max(1, abs(value)) else {
            throw ConformanceFailure("objective \(r.objective.map { "\($0)" } ?? "none"), expected \(value)")
        }
    }

    static func orlib(_ file: String, _ env: ConformanceEnvironment) throws -> Model {
        guard let dir = env.orlibDirectory else { throw ConformanceSkip("OR-Library folder not found (none given, none in the default places)") }
        let path = (dir as NSString).appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: path) else { throw ConformanceSkip("\(path) not found") }
        return try ORLibraryReader.read(path: path)
    }

    static func detail(_ r: SolveResult) -> String {
        var s = r.status.rawValue
        if let o = r.objective { s += " objective \(o.formatted6)" }
        if let b = r.bound, r.status != .optimal { s += " bound \(b.formatted6)" }
        if let g = r.gap, r.status != .optimal { s += String(format: " gap %.2f%%", g * 100) }
        return s + String(format: ", %.3f s", r.seconds)
    }
}

extension Double {
    var formatted6: String { self == rounded() && abs(self) < 1e15 ? String(Int64(self)) : String(format: "%.6g", self) }
}
