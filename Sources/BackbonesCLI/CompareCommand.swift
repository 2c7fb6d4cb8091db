import ArgumentParser
import BackboneCore
import FileSupport
import LinearModel
import Report
import Workflows

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Solve a set of instances (MPS, LP, OR-Library, our cover models) with GLPK and CBC and compare them.",
        discussion: """
        Inputs: model files, .cover specs (one of our cover models: transactions, layers, q, \
        budget; the combinatorial search runs beside the backends), folders (their .mps, .lp, \
        .txt, .orlib, .cover files) and index CSV files (columns file, and optionally name, \
        known_optimum, sense, format). Each run is a child \
        process `backbones solve --json`, one at a time, stopped 5 s past the limit. Prints a table \
        and a summary per backend (solved, shifted geometric mean of seconds with shift 10 s, \
        wins); --output also gets results.json, results.csv and profile.svg (a Dolan–Moré \
        performance profile). Exits 1 if two proven optima disagree or one contradicts a known \
        optimum (docs/solvers.md).
        """
    )

    @Argument(help: "Model files, folders or index CSV files.")
    var inputs: [String]

    @Option(help: "Backend: glpk, cbc or both.")
    var solver: SolverChoice = .both

    @Option(help: "Wall-clock limit per run, in seconds (default: \(Format.exact(CompareJob.defaultTimeLimit))).")
    var timeLimit: Double = CompareJob.defaultTimeLimit

    @Option(help: "Folder for summary.txt, results.json, results.csv and profile.svg.")
    var output: String?

    func validate() throws {
        if !(timeLimit > 0 && timeLimit <= SolverOptions.largestTimeLimit) { throw ValidationError("--time-limit must be in (0, a year]") }
    }

    func run() throws {
        let result = try CompareJob.run(inputs: inputs, backends: solver.solvers.map(\.name), options: SolverOptions(timeLimit: timeLimit),
                                        executable: ClusterRun.executable, progress: { Stderr.print($0) })
        print(CompareTable.text(result), terminator: "")
        if let output { try CompareWriter.write(result, to: output) }
        if !result.problems.isEmpty { throw CoreError.solverDisagreement(result.problems.joined(separator: "; ")) }
    }
}
