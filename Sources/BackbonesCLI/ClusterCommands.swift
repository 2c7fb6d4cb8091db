import ArgumentParser
import BackboneCore
import BackboneData
import FileSupport
import Foundation
import Report
import Workflows

/// `plan`: a `pareto` run as one job per group, run here (`--engine local`) or on Slurm.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Split a pareto run into one job per group: run them here, or write Slurm job-array scripts.",
        discussion: "backbones plan --output DIR [--engine local|slurm] -- <pareto options without --output>. See docs/cluster.md.")

    enum Engine: String, ExpressibleByArgument, CaseIterable { case local, slurm }

    @Option(help: "local: run the jobs with --workers processes, then merge; slurm: write array.sbatch, merge.sbatch and submit.sh.")
    var engine: Engine = .local
    @Option(help: "Jobs at once (local: processes; slurm: the array's throttle).") var workers = 2
    @Option(help: "Slurm: the largest --time of a task, in hours (the slowest job's worst case when smaller).") var taskHoursCap = 24.0
    @Option(help: "The plan folder: plan.json, jobs/, logs/, the scripts and the merged report.") var output: String
    @Argument(parsing: .captureForPassthrough, help: "The pareto options (after --).") var pareto: [String] = []

    func validate() throws {
        if let bad = pareto.first(where: { ["--output", "--resume"].contains($0) }) { throw ValidationError("\(bad) is the plan's, not the jobs'") }
        if workers < 1 || !(taskHoursCap > 0) { throw ValidationError("--workers and --task-hours-cap must be positive") }
    }

    func run() throws {
        let arguments = pareto.first == "--" ? Array(pareto.dropFirst()) : pareto
        let (pipeline, loaded) = try ParetoCommand.prepare(arguments, output: output, only: nil)
        let plan = ClusterPlan(paretoArguments: arguments, directory: FileManager.default.currentDirectoryPath, loaded: loaded, pipeline: pipeline)
        let file = try plan.write(to: output), folder = URL(fileURLWithPath: file).deletingLastPathComponent().path
        print("planned \(plan.jobs.count) jobs, hardest first: \(file)")
        switch engine {
        case .slurm:
            let submit = try ClusterRun.writeSlurmScripts(plan, planFile: file, planFolder: folder, throttle: workers, cpus: pipeline.jobs,
                                                          taskTimeCap: taskHoursCap * 3600)
            print("submit with: \(submit) (the merge runs when every task has ended)")
        case .local:
            let failed = ClusterRun.runLocally(plan, planFile: file, planFolder: folder, executable: ClusterRun.executable, workers: workers) { Stderr.print($0) }
            if !failed.isEmpty { Stderr.print("backbones: jobs \(ClusterPlan.ranges(failed)) failed (see \(folder)/logs)") }
            try MergeCommand.merge(file)
        }
    }
}

/// `run-job PLAN --index I`: one job of a plan (a Slurm array task runs this).
struct RunJobCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run-job", abstract: "Run one job of a plan (skipped when already done).")

    @Argument(help: "The plan.json that `backbones plan` wrote.") var plan: String
    @Option(help: "The job's index (Slurm: $SLURM_ARRAY_TASK_ID).") var index: Int

    func run() throws {
        let (line, done) = try ClusterRun.runJob(planPath: plan, index: index, prepare: ParetoCommand.prepare)
        print(line)
        if !done { throw ExitCode(130) }
    }
}

/// `merge PLAN`: the report of the whole plan from its finished jobs.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "merge", abstract: "Build a plan's report from its jobs: the same report as one pareto run.",
                                                    discussion: "Exit 1, listing them with the command that runs exactly those, when jobs are missing.")

    @Argument(help: "The plan.json that `backbones plan` wrote.") var plan: String

    func run() throws { try Self.merge(plan) }

    static func merge(_ path: String) throws {
        let (report, folder, jobs) = try ClusterRun.merge(planPath: path, prepare: ParetoCommand.prepare)
        let written = try ReportWriter.write(report, to: folder)
        print(ReportTable.overview(report))
        print("merged \(jobs) jobs: wrote \(written.count) files to \(folder)")
    }
}

extension ParetoCommand {
    /// A job's (or the merge's) pipeline and data from the plan's pareto arguments.
    static func prepare(_ arguments: [String], output: String, only: String?) throws -> (ParetoPipeline, LoadedActivations) {
        var command = try parse(arguments + ["--output", output])
        if let only { command.selection.only = only }
        let loaded = try command.input.load(command.selection)
        return (try command.pipeline(for: loaded), loaded)
    }
}
