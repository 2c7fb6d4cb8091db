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

    @Option(help: "Coverage shares q in (0, 1], comma-separated (1 = every active neuron of a covered instance).")
    var q: String = "1,0.5"

    @Option(help: "ILP backend for the exact fronts with --method ilp or both: glpk, cbc or both.")
    var solver: SolverChoice = .glpk

    @Option(help: FrontEngine.Method.help)
    var method: FrontEngine.Method = .search

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

    /// What computes the fronts: e.g. "search (q = 1: branch and bound; q < 1: layer join)".
    func solverSetting(_ rules: [CoverageRule]) -> String {
        let ilp = solver.solvers.map { "\($0.name) \($0.version)" }.joined(separator: ", ")
        var kinds: [String] = []
        if rules.contains(where: { $0.share == 1 }) { kinds.append("q = 1: \(CoverSearch.version)") }
        if rules.contains(where: { $0.share < 1 }) { kinds.append("q < 1: \(LayerJoinSearch.version)") }
        let search = "search (\(kinds.joined(separator: "; ")))"
        switch method {
        case .search: return search
        case .ilp: return ilp
        case .both: return search + ", " + ilp
        }
    }

    func run() throws {
        let started = Date()
        let loaded = try input.load(selection)
        let selected = loaded.groups
        let inputs = selected.map {
            GroupInput(name: $0.name, kind: $0.kind.rawValue, database: loaded.binarized.database.selecting($0.instances))
        }
        let rules = try shares()
        var settings = loaded.description
        settings += [
            ("groups", inputs.map(\.name).joined(separator: ", ")),
            ("q", rules.map { String($0.share) }.joined(separator: ",")),
            ("solver", noExact ? "none (heuristics only)" : solverSetting(rules)),
            ("time limit per point", solverOptions.timeLimit.map { "\($0) s" } ?? "none"),
        ]
        let logLock = NSLock()
        let pipeline = ParetoPipeline(layout: loaded.layout, rules: rules, solvers: solver.solvers, method: method,
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
