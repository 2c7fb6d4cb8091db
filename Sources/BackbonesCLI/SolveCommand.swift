import ArgumentParser
import FileSupport
import BackboneCore
import LinearModel
import Report
import Workflows

struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Solve an ILP file (MPS, LP or OR-Library set cover) with GLPK, CBC or both.",
        discussion: """
        With --solver both the two backends solve the identical model one after the other, \
        printed side by side; exit 1 if two proven optima disagree. Status: optimal, infeasible, \
        unbounded, time_limit, error. --json fields and the rest: docs/solvers.md.
        """
    )

    @Argument(help: "The model file.") var file: String
    @Option(help: "File format: mps, lp or orlib (default: from the extension; .txt is orlib).") var format: ModelFile.Format?
    @Option(help: "Backend: glpk, cbc or both.") var solver: SolverChoice = .both
    @OptionGroup var solverOptions: SolverOptionGroup
    @Flag(help: "Print JSON instead of a table.") var json = false
    @Flag(help: "Also print the non-zero values of the best point.") var showValues = false
    @Option(help: "Write the model in CPLEX LP format to this file.") var writeLp: String?
    @Option(help: "Write the model in free MPS format to this file.") var writeMps: String?

    func run() throws {
        // The first SIGINT/SIGTERM stops the solve (GLPK) and prints its incumbent and bound; a second exits.
        Interruption.onSignal { if SolverInterrupt.isRequested { Interruption.exitNow() }; SolverInterrupt.request() }
        let model = try ModelFile.read(path: file, format: format)
        try model.export(lp: writeLp, mps: writeMps)
        let results = Backends(solvers: solver.solvers, options: solverOptions.solverOptions, progress: ProgressTicker.callback { Stderr.print($0) })
            .solveEach(model)
        if json {
            print(SolveReport.json(results, model, showValues: showValues).serialized(pretty: true))
        } else {
            print(SolveReport.header(file, model))
            print(SolveReport.table(results))
            if showValues { print(SolveReport.values(results, model)) }
        }
        if let disagreement = SolveResult.disagreement(among: results) { throw CoreError.solverDisagreement(disagreement) }
    }
}

extension ModelFile.Format: ExpressibleByArgument {}
