import BackboneData
import Foundation
import TestSupport
import Testing

/// A run stopped by SIGINT at a random moment leaves a readable report marked interrupted, and
/// `--resume` completes it to the report of a run never stopped (timings aside).
@Suite(.serialized) struct InterruptResumeTests {
    static let arguments = ["pareto", "--activations", "data/digits/train.csv", "--layers", "64,32,16",
                            "--weights", "data/digits/weights.csv", "--only", "correct:0,correct:5,correct:8",
                            "--q", "1,0.7", "--jobs", "1"]

    func report(_ dir: URL) throws -> NSDictionary {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("report.json")))
        return try #require(GoldenReportTests.zeroTimings(json) as? NSDictionary)
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func interruptedThenResumedEqualsUninterrupted(seed: UInt64) throws {
        let whole = TestPaths.temporaryDirectory(), cut = TestPaths.temporaryDirectory()
        defer { for d in [whole, cut] { try? FileManager.default.removeItem(at: d) } }
        let started = Date()
        let full = try runBackbones(Self.arguments + ["--output", whole.path])
        #expect(full.status == 0, "\(full.stderr)")
        let duration = Date().timeIntervalSince(started)
        var rng = SplitMix(seed: seed)
        let moment = Double.random(in: 0.05...max(0.1, duration * 0.9), using: &rng)

        let stopped = try runBackbones(Self.arguments + ["--output", cut.path], interruptAfter: moment)
        #expect(stopped.status == 130 || stopped.status == 0, "SIGINT after \(moment) s: \(stopped.stderr)")
        if stopped.status == 130 {
            let partial = try report(cut)
            #expect(partial["stopped"] as? String == "interrupted")
            #expect(stopped.stderr.contains("--resume"))
        }
        let resumed = try runBackbones(Self.arguments + ["--output", cut.path, "--resume"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try report(cut) == report(whole), "resumed after a SIGINT at \(moment) s: the report differs")
    }

    @Test func resumeRefusesOtherSettings() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = ["pareto", "--activations", "data/digits/train.csv", "--layers", "64,32,16", "--only", "correct:0", "--output", dir.path]
        #expect(try runBackbones(base + ["--q", "1"]).status == 0)
        let other = try runBackbones(base + ["--q", "0.5", "--resume"])
        #expect(other.status == 2)
        #expect(other.stderr.contains("fronts.jsonl:1: written by a run with other settings (q was '1.0', now '0.5')"), "\(other.stderr)")
    }

    @Test func timeBudgetCutsFrontsAndSaysSo() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try runBackbones(Self.arguments + ["--method", "ilp", "--time-budget", "0.5", "--output", dir.path])
        #expect(out.status == 0, "\(out.stderr)")
        let r = try report(dir)
        #expect(r["stopped"] as? String == "time_budget")
        #expect(out.stderr.contains("cut short (time_budget)"))
    }

    /// A signal in the middle of writing removes the temporary file and exits 130.
    @Test func aSignalDuringAWriteLeavesNoTemporaryFile() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let npy = dir.appendingPathComponent("a.npy")
        let rows = 20_000, columns = 200  // about 1.5 s to binarize in a debug build
        var rng = SplitMix(seed: 5)
        try NpyWriter.data((0..<rows * columns).map { _ in Double(rng.next() % 1000) / 1000 }, shape: [rows, columns]).write(to: npy)
        let out = dir.appendingPathComponent("t.dat").path
        let run = try runBackbones(["transactions", "--activations", npy.path, "--stream", "--binarize", "topk", "--k", "5",
                                    "--output", out], interruptAfter: 0.3)
        #expect(run.status == 130, "\(run.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp-") }
        #expect(left.isEmpty, "temporary files left: \(left)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// `solve` with GLPK: the first SIGINT stops the search and prints its incumbent and bound.
    @Test func anInterruptedSolvePrintsItsIncumbentAndBound() throws {
        let file = TestPaths.reference("orlib/scpcyc06.txt")  // GLPK needs minutes to prove it
        guard FileManager.default.fileExists(atPath: file) else { return }
        let out = try runBackbones(["solve", file, "--format", "orlib", "--solver", "glpk", "--json"], interruptAfter: 2)
        #expect(out.status == 0, "\(out.stderr)")
        let result = try #require((try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: Any]])?.first)
        #expect(result["status"] as? String == "time_limit" && result["message"] as? String == "interrupted", "\(result)")
        let objective = try #require(result["objective"] as? Double), bound = try #require(result["bound"] as? Double)
        #expect(bound <= objective && objective >= 60)  // the optimum is 60; a minimization's bound is below
    }
}
