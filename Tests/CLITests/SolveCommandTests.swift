import FileSupport
import Foundation
import TestSupport
import Testing

/// End-to-end: the built `backbones` binary, run as a user would.
@Suite(.serialized) struct SolveCommandTests {
    func parseJSON(_ text: String) throws -> [[String: Any]] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(value as? [[String: Any]])
    }

    @Test(.enabled(if: TestPaths.referenceAvailable, "needs ../shared/reference")) func scpa1BothBackendsReportOptimal253() throws {
        let out = try runBackbones(["solve", TestPaths.reference("orlib/scpa1.txt"), "--format", "orlib", "--solver", "both", "--json"])
        #expect(out.status == 0, "\(out.stderr)")
        let results = try parseJSON(out.stdout)
        #expect(results.map { $0["solver"] as? String } == ["glpk", "cbc"])
        for r in results {
            #expect(r["status"] as? String == "optimal")
            #expect(r["objective"] as? Double == 253)
            #expect(r["bound"] as? Double == 253)
            #expect(r["gap"] as? Double == 0)
            #expect((r["seconds"] as? Double).map { $0 > 0 } == true)
            #expect((r["version"] as? String)?.isEmpty == false)
        }
    }

    @Test(.enabled(if: TestPaths.referenceAvailable, "needs ../shared/reference")) func scpcyc06StopsAtTheTimeLimitWithIncumbentBoundAndGap() throws {
        let started = Date()
        let out = try runBackbones(["solve", TestPaths.reference("orlib/scpcyc06.txt"), "--solver", "both", "--time-limit", "2", "--json"])
        let elapsed = Date().timeIntervalSince(started)
        #expect(out.status == 0, "\(out.stderr)")
        for r in try parseJSON(out.stdout) {
            #expect(r["status"] as? String == "time_limit")
            #expect(r["has_solution"] as? Bool == true)
            let objective = try #require(r["objective"] as? Double)
            let bound = try #require(r["bound"] as? Double)
            let gap = try #require(r["gap"] as? Double)
            #expect(objective >= 60 && bound <= 60 && gap > 0, "\(r)")
            #expect((r["seconds"] as? Double).map { $0 < 4 } == true)
        }
        #expect(elapsed < 12)
    }

    @Test(.enabled(if: TestPaths.referenceAvailable, "needs ../shared/reference")) func writtenFilesAreSolvedAgainToTheSameOptimum() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let lp = dir.appendingPathComponent("a.lp").path, mps = dir.appendingPathComponent("a.mps").path
        let first = try runBackbones(["solve", TestPaths.reference("orlib/scpa1.txt"), "--solver", "cbc", "--write-lp", lp, "--write-mps", mps, "--json"])
        #expect(first.status == 0, "\(first.stderr)")
        for file in [lp, mps] {
            let again = try runBackbones(["solve", file, "--solver", "cbc", "--json"])
            #expect(again.status == 0, "\(again.stderr)")
            #expect(try parseJSON(again.stdout).first?["objective"] as? Double == 253)
        }
    }

    @Test(.enabled(if: TestPaths.referenceAvailable, "needs ../shared/reference")) func selftestPassesForEachBackend() throws {
        for solver in ["glpk", "cbc"] {
            let out = try runBackbones(["selftest", "--solver", solver, "--orlib", TestPaths.reference("orlib")])
            #expect(out.status == 0, "\(out.stdout)")
            #expect(out.stdout.contains(", 0 failed"))
            #expect(!out.stdout.contains("skip"))
        }
    }

    // MARK: bad input: one line naming file and line, exit code 2, nothing half-written

    @Test(arguments: [
        ("missing.mps", "NOFILE", "no such file"),
        ("truncated.mps", "NAME t\nROWS\n N obj\nCOLUMNS\n    x obj 1\n", ":5: file ends before ENDATA"),
        ("unknown.mps", "NAME t\nROWZ\nENDATA\n", ":2:1: unknown section 'ROWZ'"),
        ("nonnumeric.mps", "NAME t\nROWS\n N obj\nCOLUMNS\n    x obj abc\nENDATA\n", ":5:11: expected a number"),
        ("range.txt", "1 2\n1 1\n1 3\n", ":3:3: a column index (1..2) of row 1 is 3, outside 1...2"),
        ("rows.txt", "2 2\n1 1\n1 1\n", "file ends early"),
    ])
    func badInputExitsTwoWithOneLineAndLeavesNoOutput(_ name: String, _ content: String, _ fragment: String) throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent(name).path
        if content != "NOFILE" { try content.write(toFile: input, atomically: true, encoding: .utf8) }
        let keep = dir.appendingPathComponent("keep.lp").path
        try "previous content\n".write(toFile: keep, atomically: true, encoding: .utf8)
        let fresh = dir.appendingPathComponent("fresh.mps").path
        let out = try runBackbones(["solve", input, "--solver", "glpk", "--write-lp", keep, "--write-mps", fresh])
        #expect(out.status == 2)
        let lines = out.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(out.stderr)")
        #expect(out.stderr.contains(input), "\(out.stderr)")
        #expect(out.stderr.contains(fragment), "\(out.stderr)")
        #expect(out.stdout.isEmpty)
        #expect(try String(contentsOfFile: keep, encoding: .utf8) == "previous content\n")
        #expect(!FileManager.default.fileExists(atPath: fresh))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func badOptionValueExitsTwo() throws {
        let out = try runBackbones(["solve", TestPaths.reference("orlib/scpa1.txt"), "--time-limit", "0"])
        #expect(out.status == 2)
        #expect(out.stderr.contains("'0' is not a time limit") && out.stderr.hasPrefix("backbones: error: "), "\(out.stderr)")
    }
}
