import Foundation
import LinearModel
import SolverConformance
import TestSupport
import Testing

/// What we write must be read by `glpsol` and `cbc` with the same optimum as ours.
/// Runs when the command-line solvers are installed (`make deps` installs them).
@Suite(.enabled(if: TestPaths.which("glpsol") != nil && TestPaths.which("cbc") != nil,
                "glpsol and cbc command-line solvers not installed (apt-get install glpk-utils coinor-cbc)"))
struct ExternalSolverTests {
    static func models() throws -> [(String, Model, Double)] {
        var knapsack = Model(name: "knapsack", sense: .maximize)
        let x = knapsack.addBinaries(5, namePrefix: "item")
        for (j, v) in [10.0, 13, 7, 8, 4].enumerated() { knapsack.setCost(x[j], v) }
        knapsack.addRow(.lessOrEqual(zip(x, [5.0, 6, 3, 4, 2]).map { Term($0, $1) }, 10, name: "capacity"))

        var mixed = Model(name: "mixed")
        mixed.objectiveOffset = 7
        let i = mixed.addVariable(name: "i", kind: .integer, lower: -6, upper: 6, cost: 1)
        let c = mixed.addVariable(name: "c", kind: .continuous, lower: -.infinity, upper: 4, cost: -0.5)
        mixed.addRow(Row(name: "band", terms: [Term(i, 2), Term(c)], lower: -3.5, upper: 10))
        mixed.addRow(.equal([Term(i), Term(c, -1)], -2, name: "link"))
        // min i − c/2 + 7 with c = i + 2: i/2 + 6; 3i + 2 ≥ −3.5 → i ≥ −1.83 → i = −1: 5.5
        let scpa1 = try ORLibraryReader.read(path: TestPaths.reference("orlib/scpa1.txt"))
        return [("knapsack", knapsack, 21), ("mixed", mixed, 5.5), ("scpa1", scpa1, 253)]
    }

    static func glpsolObjective(_ args: [String]) throws -> Double? {
        let out = try runProgram(TestPaths.which("glpsol")!, args)
        // glpsol prints e.g. "+   123: mip =   2.530000000e+02 >=     tree is empty"
        for line in out.stdout.split(separator: "\n").reversed() where line.contains("mip =") {
            let after = line.split(separator: "=", maxSplits: 1)[1].split(separator: " ")[0]
            return Double(after)
        }
        return nil
    }

    static func cbcObjective(_ path: String, maximize: Bool) throws -> Double? {
        let out = try runProgram(TestPaths.which("cbc")!, [path] + (maximize ? ["max"] : []) + ["solve", "quit"])
        for line in out.stdout.split(separator: "\n") where line.hasPrefix("Objective value:") {
            return Double(line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    @Test(.enabled(if: TestPaths.referenceAvailable, "needs ../shared/reference")) func writtenLPAndMPSAreSolvedToOurOptimumByGlpsolAndCbc() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, model, optimum) in try Self.models() {
            let compiled = try model.compile()
            let lp = dir.appendingPathComponent("\(name).lp").path
            let mps = dir.appendingPathComponent("\(name).mps").path
            try LPWriter.write(compiled).write(toFile: lp, atomically: true, encoding: .utf8)
            try MPSWriter.write(compiled).write(toFile: mps, atomically: true, encoding: .utf8)

            let max = model.sense == .maximize
            for backend in backends {
                let ours = backend.solve(compiled, options: SolverOptions())
                #expect(ours.objective.map { abs($0 - optimum) < 1e-6 } == true, "\(name): \(backend.name) gave \(String(describing: ours.objective))")
            }
            let glpLP = try Self.glpsolObjective(["--lp", lp])
            let glpMPS = try Self.glpsolObjective(["--freemps", mps] + (max ? ["--max"] : []))
            let cbcLP = try Self.cbcObjective(lp, maximize: false)
            let cbcMPS = try Self.cbcObjective(mps, maximize: max)
            for (who, value) in [("glpsol LP", glpLP), ("glpsol MPS", glpMPS), ("cbc LP", cbcLP), ("cbc MPS", cbcMPS)] {
                #expect(value.map { abs($0 - optimum) < 1e-6 } == true, "\(name): \(who) gave \(String(describing: value))")
            }
        }
    }
}
