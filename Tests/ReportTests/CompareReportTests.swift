import FileSupport
import Foundation
import LinearModel
import Report
import TestSupport
import Testing
import Workflows

/// `CompareJob` with two stub backends whose every answer is set by hand, and its renderers.
///
/// Three one-variable models (limit 10 s): a, known optimum 10: A proves 10 in 1 s, B in 3 s;
/// b, nothing known: A stops at the limit (incumbent 7, bound 5, 10.2 s), B proves 6 in 2 s;
/// c, known optimum 4: A proves 4 in 0.001 s, B proves 5 in 0.5 s (two contradictions).
struct CompareReportTests {
    struct Stub: ILPSolver {
        var name: String
        var version: String { "1" }
        var answers: [String: SolveResult]
        func solve(_ model: CompiledModel, options: SolverOptions) -> SolveResult { answers[model.name]! }
    }

    static func result(_ solver: String, _ status: SolveStatus, _ objective: Double?, bound: Double? = nil, _ seconds: Double) -> SolveResult {
        SolveResult(status: status, objective: objective, bound: bound ?? objective, values: objective.map { _ in [0] },
                    seconds: seconds, solver: solver, version: "1")
    }

    static func job() throws -> (CompareJob.Result, URL) {
        let dir = TestPaths.temporaryDirectory()
        var instances: [ModelInstance] = []
        for (name, known) in [("a", 10.0), ("b", nil), ("c", 4)] as [(String, Double?)] {
            let path = dir.appendingPathComponent("\(name).mps").path
            try TextFile.writeAtomically("NAME \(name)\nROWS\n N obj\nCOLUMNS\n    x obj 1\nBOUNDS\n UP BND x 20\nENDATA\n", to: path)
            instances.append(ModelInstance(name: name, path: path, format: .mps, knownOptimum: known))
        }
        let a = Stub(name: "A", answers: ["a": result("A", .optimal, 10, 1), "b": result("A", .timeLimit, 7, bound: 5, 10.2),
                                          "c": result("A", .optimal, 4, 0.001)])
        let b = Stub(name: "B", answers: ["a": result("B", .optimal, 10, 3), "b": result("B", .optimal, 6, 2),
                                          "c": result("B", .optimal, 5, 0.5)])
        let job = CompareJob(instances: instances, backends: ["A", "B"], options: SolverOptions(timeLimit: 10), runner: .inProcess([a, b]))
        return (try job.run(), dir)
    }

    @Test func summaryChecksAndProfile() throws {
        let (r, dir) = try Self.job()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (a, b) = (r.summaries[0], r.summaries[1])
        #expect((a.solved, a.optimal, a.timeLimit, a.wins) == (2, 2, 1, 2))
        #expect((b.solved, b.optimal, b.timeLimit, b.wins) == (3, 3, 0, 1))
        #expect((a.matchesKnown, a.withKnown, b.matchesKnown) == (2, 2, 1))
        // exp(mean(ln(1 + 10), ln(10 + 10), ln(0.001 + 10))) − 10: A's unsolved b counts as the 10 s limit.
        #expect(abs(a.shiftedGeometricMean - 3.006347984545938) < 1e-12)
        #expect(abs(b.shiftedGeometricMean - 1.7879413343610704) < 1e-12)
        #expect(abs(a.worstOverrun - 0.2) < 1e-12 && b.worstOverrun == 0)
        #expect(r.rows.map { $0.runs.map { $0?.matchesKnown } } == [[true, true], [nil, nil], [true, false]])
        #expect(r.problems == ["c: proven optima disagree: A 4.0, B 5.0", "c: B proved 5, the known optimum is 4"])
        // Ratios: a 1 and 3; b – and 1; c 1 and 0.5 / 0.01 (A's 0.001 s counts as the 0.01 s floor).
        #expect(r.ratios == [[1, 3], [nil, 1], [1, 50]])
        #expect(r.profile(0, tau: 1) == 2.0 / 3 && r.profile(0, tau: 1000) == 2.0 / 3)
        #expect(r.profile(1, tau: 1) == 1.0 / 3 && r.profile(1, tau: 3) == 2.0 / 3 && r.profile(1, tau: 49) == 2.0 / 3 && r.profile(1, tau: 50) == 1)
    }

    @Test func filesAgreeWithTheResult() throws {
        let (r, dir) = try Self.job()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out").path
        let paths = try CompareWriter.write(r, to: out)
        #expect(paths.map { URL(fileURLWithPath: $0).lastPathComponent } == ["summary.txt", "results.json", "results.csv", "profile.svg"])
        let csv = try String(contentsOfFile: out + "/results.csv", encoding: .utf8).split(separator: "\n")
        #expect(csv.count == 7 && csv[0] == Substring(CompareCSV.header))
        #expect(csv[3].hasPrefix("b,") && csv[3].contains(",A,1,time_limit,7,5,0.2857142857142857,10.2,true,,"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/results.json"))) as? [String: Any])
        let summary = try #require(json["summary"] as? [[String: Any]])
        #expect(summary[1]["wins"] as? Int == 1 && summary[0]["time_limit"] as? Int == 1)
        #expect((json["problems"] as? [String])?.count == 2)
        let table = try String(contentsOfFile: out + "/summary.txt", encoding: .utf8)
        #expect(table.contains("CONTRADICTION") && table.contains("2 contradictions (exit 1)"))
        #expect(table.contains("shift 10 s"))
        let svg = try String(contentsOfFile: out + "/profile.svg", encoding: .utf8)
        // B reaches 3/3 at τ = 50 (x axis 1 … 64 = 2^6): x = 70 + log2(50) / 6 × 480.
        #expect(svg.components(separatedBy: "class='profile'").count == 3)
        #expect(svg.contains("L 521.51,160.00 L 521.51,60.00 L 550.00,60.00"))
    }
}
