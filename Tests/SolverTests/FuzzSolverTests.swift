import CBCBackend
import GLPKBackend
import LinearModel
import TestSupport
import Testing

/// The fuzzing reproducers that reached the backends (Tests/Fixtures/fuzz), and the statuses
/// the backends' own reports got wrong: each case once aborted the process or answered wrongly.
@Suite struct FuzzSolverTests {
    static func fuzz(_ name: String) -> String { TestPaths.fixture("fuzz/" + name) }

    static func lp(_ text: String) throws -> CompiledModel { try LPReader.parse(text, file: "t.lp").compile() }

    /// CBC 2.10 calls this maximization infeasible (its column SC has cost 3, no row and no
    /// upper bound); GLPK says unbounded. Both must.
    @Test(arguments: ["glpk", "cbc"])
    func unboundedIsNotInfeasible(_ backend: String) throws {
        let solver = backends.first { $0.name == backend }!
        let model = try ModelFile.read(path: Self.fuzz("cbc_unbounded_as_infeasible.mps"))
        let r = solver.solve(model, options: SolverOptions(timeLimit: 20))
        #expect(r.status == .unbounded, "\(r.rawStatus) \(r.message)")
        #expect(!r.hasSolution)
    }

    /// Linear programs (no integer column) through CBC: its C interface reports status -1 and
    /// no "best solution" for them, and calls every unbounded LP infeasible.
    @Test func cbcSolvesLinearPrograms() throws {
        let optimal = CBC().solve(try Self.lp("Minimize\n obj: x + 2 y\nSubject To\n c1: x + y >= 1.5\n c2: x <= 1\nEnd\n"),
                                  options: SolverOptions())
        #expect(optimal.status == .optimal, "\(optimal.rawStatus)")
        #expect(optimal.objective == 2)  // x = 1, y = 0.5
        #expect(optimal.values == [1, 0.5])

        let unbounded = CBC().solve(try Self.lp("Maximize\n obj: 3 s + x\nSubject To\n c1: x <= 4\nEnd\n"), options: SolverOptions())
        #expect(unbounded.status == .unbounded, "\(unbounded.rawStatus)")

        let infeasible = CBC().solve(try Self.lp("Minimize\n obj: x + y\nSubject To\n c1: x + y <= -1\nEnd\n"), options: SolverOptions())
        #expect(infeasible.status == .infeasible, "\(infeasible.rawStatus)")
    }

    /// "Unbounded" needs a feasible point. `2x = 1` has no integer solution though the
    /// relaxation is unbounded (CBC said unbounded); `3x − 3y = 1` over unbounded integers has
    /// none either, but no branch and bound proves it (both said unbounded): the unfinished
    /// check is an error, not a guess. A real unbounded MIP keeps its status.
    @Test(arguments: ["glpk", "cbc"], [
        ("Maximize\n obj: x + y\nSubject To\n c1: 2 x = 1\n c2: y - z = 0\nGeneral\n x\nEnd\n", SolveStatus.infeasible, "checked: infeasible"),
        ("Maximize\n obj: z\nSubject To\n c1: 3 x - 3 y = 1\n c2: z - x <= 0\nGeneral\n x\n y\nEnd\n", .error, ""),
        ("Maximize\n obj: x + y\nSubject To\n c1: x - y <= 1\nGeneral\n x\n y\nEnd\n", .unbounded, "checked: feasible"),
    ])
    func unboundedNeedsAFeasiblePoint(_ backend: String, _ c: (text: String, status: SolveStatus, raw: String)) throws {
        let solver = backends.first { $0.name == backend }!
        let r = solver.solve(try Self.lp(c.text), options: SolverOptions(timeLimit: 1))
        #expect(r.status == c.status, "\(r.rawStatus) \(r.message)")
        #expect(r.seconds < 10)
        if c.status == .error {
            #expect(r.message.contains("reported the model unbounded, but finding a feasible point did not finish"), "\(r.message)")
        } else if backend == "cbc" || c.status == .unbounded {
            #expect(r.rawStatus.hasSuffix(c.raw), "\(r.rawStatus)")
        }
    }

    /// `--time-limit inf` (and anything of 9.3e15 s or more) crashed converting milliseconds
    /// to Int in GLPK.swift; both backends now take a non-finite limit as no limit.
    @Test(arguments: ["glpk", "cbc"], [Double.infinity, 9.3e15, 1e300])
    func hugeTimeLimitsSolve(_ backend: String, _ limit: Double) throws {
        let solver = backends.first { $0.name == backend }!
        let model = try ModelFile.read(path: Self.fuzz("tiny.txt"))
        let r = solver.solve(model, options: SolverOptions(timeLimit: limit))
        #expect(r.status == .optimal)
        #expect(r.objective == 3)  // columns 1, 4, 7 at cost 1 each cover rows 1–5
    }

    /// `--threads 200` aborted CBC (`CbcModel::parallelCuts`: 200 is a mode code, not a
    /// count); the backend passes at most 99.
    @Test(.enabled(if: TestPaths.referenceAvailable, "needs ../shared/reference")) func cbcTakesAnyThreadCount() throws {
        let model = try ORLibraryReader.read(path: TestPaths.reference("orlib/scpa1.txt")).compile()
        let r = CBC().solve(model, options: SolverOptions(timeLimit: 60, threads: 200))
        #expect(r.status == .optimal, "\(r.rawStatus)")
        #expect(r.objective == 253)
    }
}
