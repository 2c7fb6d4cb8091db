import BackboneCore
import BackboneData
import FileSupport
import Foundation

/// Running a `ClusterPlan`: one job, the merge, local workers, and the Slurm scripts.
public enum ClusterRun {
    /// Jobs the merge needs and does not have, with the command that runs exactly those.
    public struct Unfinished: Error, CustomStringConvertible {
        public var neverRan: [Int]
        public var stopped: [Int]
        public var rerun: String

        public init(neverRan: [Int], stopped: [Int], rerun: String) {
            self.neverRan = neverRan
            self.stopped = stopped
            self.rerun = rerun
        }

        public var description: String {
            var parts: [String] = []
            if !neverRan.isEmpty { parts.append("never ran: \(ClusterPlan.ranges(neverRan))") }
            if !stopped.isEmpty { parts.append("started but not finished (time limit or failure): \(ClusterPlan.ranges(stopped))") }
            return "jobs missing — \(parts.joined(separator: "; ")); run them with: \(rerun)"
        }
    }

    /// Runs job `index` (`loaded` holds its group only): the fronts into the job's checkpoint,
    /// resumed if an earlier attempt left some, then the job is marked done. Returns false when
    /// it was already done (nothing run) and throws nothing for a stop: the job stays unfinished.
    public static func runJob(_ pipeline: ParetoPipeline, on loaded: LoadedActivations, planFolder: String, index: Int) throws -> Bool {
        if ClusterPlan.isDone(planFolder, index: index) { return false }
        let folder = ClusterPlan.jobFolder(planFolder, index: index)
        let report = try ParetoRun.run(pipeline, on: loaded, exact: true, output: folder, resume: true)
        if report.stop == nil { try ClusterPlan.markDone(planFolder, index: index) }
        return true
    }

    /// What a job or a merge runs on: the pipeline and the data of a `pareto` run given its
    /// arguments, its output folder and (for one job) the one group to load.
    public typealias Prepare = (_ paretoArguments: [String], _ output: String, _ onlyGroup: String?) throws -> (ParetoPipeline, LoadedActivations)

    /// `run-job`: job `index` of the plan at `planPath`, skipped at once (before any data is
    /// read) when already done. Returns the line to print and whether the job is done.
    public static func runJob(planPath: String, index: Int, prepare: Prepare) throws -> (line: String, done: Bool) {
        let (plan, _, folder) = try open(planPath)
        guard let job = plan.jobs.first(where: { $0.index == index }) else {
            throw InputError(file: planPath, "no job \(index): the plan has 0…\(plan.jobs.count - 1)")
        }
        if ClusterPlan.isDone(folder, index: index) { return ("job \(index) (\(job.group)): already done, skipped", true) }
        let (pipeline, loaded) = try prepare(plan.paretoArguments, folder, job.group)
        let ran = try runJob(pipeline, on: loaded, planFolder: folder, index: index)
        let done = ClusterPlan.isDone(folder, index: index)
        return ("job \(index) (\(job.group)): " + (ran ? (done ? "done" : "stopped before the end; run it again to go on") : "already done, skipped"), done)
    }

    /// `merge`: the plan at `planPath` as one report (`merge(_:planFolder:…)`), with its folder
    /// and number of jobs.
    public static func merge(planPath: String, prepare: Prepare) throws -> (report: ParetoReport, folder: String, jobs: Int) {
        let (plan, file, folder) = try open(planPath)
        let (pipeline, loaded) = try prepare(plan.paretoArguments, folder, nil)
        let report = try merge(plan, planFolder: folder, pipeline: pipeline, loaded: loaded) {
            rerunCommand(planFile: file, planFolder: folder, indices: $0)
        }
        return (report, folder, plan.jobs.count)
    }

    /// The report of the whole plan from its jobs' fronts (`loaded`: every group): the same as
    /// one `pareto` process. Throws `Unfinished` when a job has not finished.
    public static func merge(_ plan: ClusterPlan, planFolder: String, pipeline: ParetoPipeline, loaded: LoadedActivations,
                             rerun: ([Int]) -> String) throws -> ParetoReport {
        let (never, stopped) = plan.unfinished(in: planFolder)
        if !never.isEmpty || !stopped.isEmpty {
            throw Unfinished(neverRan: never, stopped: stopped, rerun: rerun(never + stopped))
        }
        var pipeline = pipeline
        pipeline.finished = try plan.finishedFronts(in: planFolder)
        let needed = loaded.groups.flatMap { g in pipeline.rules.flatMap { r in pipeline.engines.map { FrontKey(group: g.name, share: r.share, engine: $0.name) } } }
        if let lost = needed.first(where: { pipeline.finished[$0] == nil }) {
            throw InputError(file: planFolder, "the jobs' fronts lack \(lost.group) q=\(lost.share) \(lost.engine): was the plan changed after the jobs ran?")
        }
        pipeline.control = nil
        return try pipeline.run(loaded)
    }

    /// The plan at `path` with its folder (absolute), after moving into the folder the plan's
    /// arguments are relative to.
    public static func open(_ path: String) throws -> (ClusterPlan, file: String, folder: String) {
        let file = URL(fileURLWithPath: path).standardizedFileURL
        let plan = try ClusterPlan.read(file.path)
        guard FileManager.default.changeCurrentDirectoryPath(plan.directory) else {
            throw InputError(file: file.path, "the plan's folder \(plan.directory) cannot be entered")
        }
        return (plan, file.path, file.deletingLastPathComponent().path)
    }

    /// The command that runs exactly `indices` again, locally and on Slurm.
    public static func rerunCommand(planFile: String, planFolder: String, indices: [Int]) -> String {
        "`for i in \(indices.sorted().map(String.init).joined(separator: " ")); do backbones run-job \(planFile) --index $i; done`"
            + " or `sbatch --array=\(ClusterPlan.ranges(indices)) \(planFolder)/array.sbatch`, then `backbones merge \(planFile)`"
    }

    /// This program's path (for the processes and scripts that run jobs).
    public static var executable: String {
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        return FileManager.default.isExecutableFile(atPath: me) ? me
            : URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }

    /// Runs the plan's unfinished jobs as `executable run-job` processes, `workers` at a time,
    /// hardest first; returns the indices of jobs that failed.
    public static func runLocally(_ plan: ClusterPlan, planFile: String, planFolder: String, executable: String, workers: Int,
                                  log: @escaping @Sendable (String) -> Void) -> [Int] {
        let todo = plan.jobs.map(\.index).filter { !ClusterPlan.isDone(planFolder, index: $0) }
        let outcomes = WorkerPool.map(todo.count, threads: workers) { k -> Int32 in
            let index = todo[k]
            let logFile = URL(fileURLWithPath: planFolder).appendingPathComponent("logs/job-\(index).log")
            try FileManager.default.createDirectory(at: logFile.deletingLastPathComponent(), withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["run-job", planFile, "--index", String(index)]
            let handle = try FileHandle(forWritingTo: logFile)
            process.standardOutput = handle
            process.standardError = handle
            try process.run()
            process.waitUntilExit()
            log("job \(index) (\(plan.jobs[index].group)): exit \(process.terminationStatus), log \(logFile.path)")
            return process.terminationStatus
        }
        return zip(todo, outcomes).compactMap { index, outcome in (try? outcome.get()) == 0 ? nil : index }
    }

    /// Writes `slurmScripts` into the plan folder (submit.sh executable) and returns submit.sh's path.
    public static func writeSlurmScripts(_ plan: ClusterPlan, planFile: String, planFolder: String, throttle: Int, cpus: Int,
                                         taskTimeCap: Double) throws -> String {
        for script in slurmScripts(plan, planFile: planFile, planFolder: planFolder, executable: executable, throttle: throttle,
                                   cpus: cpus, taskTimeCap: taskTimeCap) {
            try TextFile.writeAtomically(script.text, to: planFolder + "/" + script.name)
            chmod(planFolder + "/" + script.name, 0o755)
        }
        return planFolder + "/submit.sh"
    }

    /// `array.sbatch` (one task per job, `%throttle` at once, `--time` from the worst case of
    /// the slowest job, capped), `merge.sbatch`, and `submit.sh` that submits the array and the
    /// merge after it (`afterany`: the merge lists what did not finish).
    public static func slurmScripts(_ plan: ClusterPlan, planFile: String, planFolder: String, executable: String, throttle: Int,
                                    cpus: Int, taskTimeCap: Double) -> [(name: String, text: String)] {
        let worst = plan.jobs.compactMap(\.worstCaseSeconds).max()
        let seconds = min(taskTimeCap, (worst ?? taskTimeCap) * 1.1 + 120)
        let minutes = Int((seconds / 60).rounded(.up))
        let time = String(format: "%d-%02d:%02d:00", minutes / 1440, minutes % 1440 / 60, minutes % 60)
        let logs = URL(fileURLWithPath: planFolder).appendingPathComponent("logs").path
        let array = """
            #!/bin/bash
            #SBATCH --job-name=backbones-jobs
            #SBATCH --array=0-\(plan.jobs.count - 1)%\(throttle)
            #SBATCH --time=\(time)
            #SBATCH --cpus-per-task=\(cpus)
            #SBATCH --output=\(logs)/job-%a.log
            #SBATCH --chdir=\(plan.directory)
            # One group per task, hardest first; a finished job is skipped, so resubmitting is safe.
            # --time is the slowest job's worst case (every point at its limit) + 10 %, capped.
            exec "\(executable)" run-job "\(planFile)" --index "$SLURM_ARRAY_TASK_ID"

            """
        let merge = """
            #!/bin/bash
            #SBATCH --job-name=backbones-merge
            #SBATCH --time=0-01:00:00
            #SBATCH --output=\(logs)/merge.log
            #SBATCH --chdir=\(plan.directory)
            exec "\(executable)" merge "\(planFile)"

            """
        let submit = """
            #!/bin/bash
            # Submits the job array, then the merge once every task has ended (ok or not).
            set -euo pipefail
            mkdir -p "\(logs)"
            array=$(sbatch --parsable "\(planFolder)/array.sbatch")
            merge=$(sbatch --parsable --dependency=afterany:${array%%;*} "\(planFolder)/merge.sbatch")
            echo "submitted: jobs ${array%%;*}, merge ${merge%%;*}"

            """
        return [("array.sbatch", array), ("merge.sbatch", merge), ("submit.sh", submit)]
    }
}
