import Foundation
import TestSupport
import Testing

/// `plan` / `run-job` / `merge`: a pareto run split into per-group jobs gives the report of one
/// process; a lost job is named with the command that reruns it; finished jobs are skipped.
@Suite(.serialized) struct ClusterTests {
    /// All ten classes at q = 1 and 0.5 (issue 17's case); the Slurm script checks the same on a real scheduler.
    static let pareto = ["--activations", "data/digits/train.csv", "--layers", "64,32,16", "--weights", "data/digits/weights.csv",
                         "--q", "1,0.5"]

    func report(_ dir: URL) throws -> NSDictionary {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("report.json")))
        return try #require(GoldenReportTests.zeroTimings(json) as? NSDictionary)
    }

    @Test func localPlanMergesToTheOneProcessReportAndRerunsOnlyWhatIsLost() throws {
        let one = TestPaths.temporaryDirectory(), plan = TestPaths.temporaryDirectory()
        defer { for d in [one, plan] { try? FileManager.default.removeItem(at: d) } }
        let single = try runBackbones(["pareto"] + Self.pareto + ["--output", one.path])
        #expect(single.status == 0, "\(single.stderr)")
        let planned = try runBackbones(["plan", "--output", plan.path, "--workers", "2", "--"] + Self.pareto)
        #expect(planned.status == 0, "\(planned.stderr)")
        #expect(try report(plan) == report(one), "merged report differs from the one-process report")

        // Lose one job: the merge names it, and rerunning exactly it completes the plan.
        let file = plan.appendingPathComponent("plan.json").path
        try FileManager.default.removeItem(at: plan.appendingPathComponent("jobs/1"))
        let missing = try runBackbones(["merge", file])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("never ran: 1;") && missing.stderr.contains("--index $i") && missing.stderr.contains("--array=1 "), "\(missing.stderr)")
        let skipped = try runBackbones(["run-job", file, "--index", "0"])
        #expect(skipped.status == 0 && skipped.stdout.contains("already done, skipped"), "\(skipped.stdout)\(skipped.stderr)")
        let rerun = try runBackbones(["run-job", file, "--index", "1"])
        #expect(rerun.status == 0 && rerun.stdout.contains(": done"), "\(rerun.stdout)\(rerun.stderr)")
        #expect(try runBackbones(["merge", file]).status == 0)
        #expect(try report(plan) == report(one))
    }

    @Test func slurmScriptsRunEachJobAndTheMergeAfterThem() throws {
        let plan = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: plan) }
        let out = try runBackbones(["plan", "--engine", "slurm", "--workers", "2", "--output", plan.path, "--"] + Self.pareto + ["--time-limit", "5"])
        #expect(out.status == 0, "\(out.stderr)")
        let array = try String(contentsOf: plan.appendingPathComponent("array.sbatch"), encoding: .utf8)
        #expect(array.contains("#SBATCH --array=0-9%2"))
        #expect(array.contains("run-job \"\(plan.path)/plan.json\" --index \"$SLURM_ARRAY_TASK_ID\""))
        #expect(array.range(of: #"#SBATCH --time=\d+-\d\d:\d\d:00"#, options: .regularExpression) != nil, "\(array)")
        let submit = try String(contentsOf: plan.appendingPathComponent("submit.sh"), encoding: .utf8)
        #expect(submit.contains("--dependency=afterany:"))
        #expect(FileManager.default.isExecutableFile(atPath: plan.appendingPathComponent("submit.sh").path))
        let bad = try runBackbones(["run-job", plan.appendingPathComponent("plan.json").path, "--index", "17"])
        #expect(bad.status == 2 && bad.stderr.contains("no job 17: the plan has 0…9"), "\(bad.stderr)")
    }
}
