import ArgumentParser
import BackboneCore
import BackboneData
import FileSupport
import LinearModel
import Report
import Workflows

struct ParetoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pareto",
        abstract: "Exact coverage-vs-size fronts beside the paper's heuristics, per group: the Pareto report.",
        discussion: """
        For every group (--groups) and coverage share (--q), computes the reference heuristic's \
        backbone, the greedy cover path, and the exact front (one point per size K from the \
        smallest useful size until every instance is covered, each point started from the \
        previous one and the heuristics' backbones: by the combinatorial search at every q, or by \
        the cover ILP with --solver, see --method), then says for each heuristic point whether an exact point \
        dominates it and by how much. Writes report.json (everything), report.csv (one row per \
        point), summary.txt (the tables) and plots/*.svg into --output; prints the tables. A \
        point not proven optimal within --time-limit keeps its bound and gap. With --solver both, \
        two backends that prove a point optimal must agree, or the command fails (exit 1). \
        See docs/pareto.md and docs/report.md.
        """
    )

    @OptionGroup var input: ActivationInput
    @OptionGroup var selection: GroupOptions

    @Option(help: "Coverage shares q in (0, 1], comma-separated (1 = every active neuron of a covered instance).") var q: String = "1,0.5"
    @Option(help: "ILP backend for the exact fronts with --method ilp or both: glpk, cbc or both.") var solver: SolverChoice = .glpk
    @Option(help: FrontEngine.Method.help) var method: FrontEngine.Method = .search
    @OptionGroup var solverOptions: SolverOptionGroup
    @Option(help: "Fronts solved in parallel (GLPK fronts run side by side; CBC solves one at a time).") var jobs: Int = 2
    @Flag(help: "Heuristics only: skip the exact fronts.") var noExact = false
    @Option(help: "Folder for report.json, report.csv, summary.txt, plots/ and fronts.jsonl (the checkpoint).") var output: String
    @Option(help: "Seconds for the whole run, shared equally between the fronts still to compute (default: none).") var timeBudget: Double?
    @Flag(help: "Keep the fronts --output's checkpoint has from an earlier run with the same settings; compute the rest.") var resume = false

    func validate() throws {
        _ = try shares()
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let t = timeBudget, !(t > 0 && t <= SolverOptions.largestTimeLimit) { throw ValidationError("--time-budget must be positive seconds") }
    }

    func shares() throws -> [CoverageRule] { try CoverageRule.parseShares(q) }

    /// The pipeline these options describe for `loaded`, stopped by the first SIGINT/SIGTERM.
    func pipeline(for loaded: LoadedActivations) throws -> ParetoPipeline {
        let control = RunControl(timeBudget: timeBudget)
        control.stopOnSignals { Stderr.print("backbones: stopping: the report keeps every finished point (signal again to quit at once)") }
        var pipeline = ParetoPipeline(layout: loaded.layout, rules: try shares(), engines: FrontEngine.engines(solvers: solver.solvers, method: method),
                                      options: solverOptions.solverOptions, jobs: jobs, log: Stderr.lineLogger())
        pipeline.control = control
        return pipeline
    }

    func run() throws {
        let started = ContinuousClock.now
        let loaded = try input.load(selection)
        let pipeline = try pipeline(for: loaded)
        let report = try ParetoRun.run(pipeline, on: loaded, exact: !noExact, output: output, resume: resume)
        let written = try ReportWriter.write(report, to: output)
        print(ReportTable.text(report))
        print(ReportTable.overview(report))
        print("wrote \(written.count) files to \(output) in \(Format.fixed((ContinuousClock.now - started).seconds, 1)) s")
        if let stop = report.stop {
            Stderr.print("backbones: the fronts were cut short (\(stop.rawValue)): run again with --resume to finish them")
            if stop == .interrupted { throw ExitCode(130) }
        }
    }
}
