import ArgumentParser
import BackboneCore
import BackboneData
import FileSupport
import Foundation
import LinearModel
import Mining
import Report

struct ParetoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pareto",
        abstract: "Exact coverage-vs-size fronts beside the paper's heuristics, per group: the Pareto report.",
        discussion: """
        For every group (--groups) and coverage share (--q), computes the reference heuristic's \
        backbone, the greedy cover path, and the exact front of the cover ILP (one point per size \
        K from the smallest useful size until every instance is covered, each point warm-started \
        from the previous one), then says for each heuristic point whether an exact point \
        dominates it and by how much. Writes report.json (everything), report.csv (one row per \
        point), summary.txt (the tables) and plots/*.svg into --output; prints the tables. A \
        point not proven optimal within --time-limit keeps its bound and gap. With --solver both, \
        two backends that prove a point optimal must agree, or the command fails (exit 1). \
        See docs/pareto.md and docs/report.md.
        """
    )

    @OptionGroup var input: ActivationInput

    @OptionGroup var selection: GroupSelection

    @Option(help: "Coverage shares q in (0, 1], comma-separated (1 = every active neuron of a covered instance).")
    var q: String = "1,0.5"

    @Option(help: "Backend for the exact fronts: glpk, cbc or both.")
    var solver: SolverChoice = .glpk

    @OptionGroup var solverOptions: SolverOptionGroup

    @Option(help: "Fronts solved in parallel (GLPK fronts run side by side; CBC solves one at a time).")
    var jobs: Int = 2

    @Flag(help: "Heuristics only: skip the exact fronts.")
    var noExact = false

    @Option(help: "Folder for report.json, report.csv, summary.txt and plots/.")
    var output: String

    func validate() throws {
        _ = try shares()
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func shares() throws -> [CoverageRule] { try CoverageRule.parseShares(q) }

    func run() throws {
        let started = Date()
        let (loaded, selected) = try input.load(selection)
        let inputs = selected.map {
            GroupInput(name: $0.name, kind: $0.kind.rawValue, database: loaded.binarized.database.selecting($0.instances))
        }
        let rules = try shares()
        var settings = loaded.description
        settings += [
            ("groups", inputs.map(\.name).joined(separator: ", ")),
            ("q", rules.map { String($0.share) }.joined(separator: ",")),
            ("solver", noExact ? "none (heuristics only)" : solver.solvers.map { "\($0.name) \($0.version)" }.joined(separator: ", ")),
            ("time limit per point", solverOptions.timeLimit.map { "\($0) s" } ?? "none"),
        ]
        let logLock = NSLock()
        let pipeline = ParetoPipeline(layout: loaded.layout, rules: rules, solvers: solver.solvers,
                                      options: solverOptions.solverOptions, jobs: jobs, exact: !noExact) { line in
            logLock.lock(); Stderr.print(line); logLock.unlock()
        }
        let report: ParetoReport
        do {
            report = try pipeline.run(inputs, settings: settings)
        } catch let error as CoreError {
            if case .solverDisagreement = error {
                Stderr.print("backbones: error: \(error)")
                throw ExitCode(1)
            }
            throw InputError(error.description)
        }
        let written = try ReportWriter.write(report, to: output)
        print(ReportTable.text(report))
        print(ReportTable.overview(report))
        print("wrote \(written.count) files to \(output) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }
}
