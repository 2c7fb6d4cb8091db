import ArgumentParser
import FileSupport
import Redescription
import Report
import Workflows

/// `backbones redescribe`: certified best redescriptions of targets (docs/redescriptions.md).
struct RedescribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redescribe",
        abstract: "Certified best queries on one view for targets on another (redescriptions; exact by Dinkelbach + MILP).",
        discussion: """
        For each --target (a query on --left in ExItNeRdoM's syntax, e.g. 'u >= 0.0 <= 2.5'), or each single-interval \
        W1R target of the --their .rr files (compared with their best JS), the conjunction of at most --max-literals \
        free-threshold intervals on --right with the largest Jaccard and |∩| ≥ --min-support, with the certificate \
        (the last MILP's optimum 0). Views: .arff, .csv, .npy. See docs/redescriptions.md.
        """
    )

    @Option(help: "The view the targets are on (.arff, .csv, .npy).") var left: String
    @Option(help: "The view the queries are found on (same rows, same ids).") var right: String
    @Option(help: "A target query on --left (repeatable).") var target: [String] = []
    @Option(help: "Their .rr file or folder (repeatable): its single-interval W1R queries are targets.") var their: [String] = []
    @Option(help: "Every bin of every --left attribute is a target: equal-width, two-bins, equal-frequency, k-means, quantiles:Q.",
            transform: Discretization.init) var targetBins: Discretization?
    @Option(help: "Literals (intervals on distinct attributes) per query, at most.") var maxLiterals = 2
    @Option(help: "Minimum |∩| (their MinSupport).") var minSupport = 10
    @Option(help: "Solver: cbc, glpk, or both (proven optima must agree).") var solver: SolverChoice = .cbc
    @OptionGroup var solverOptions: SolverOptionGroup
    @Option(help: "Write the JSON report here (atomically).") var output: String?
    @Flag(help: "Print the JSON report instead of the table.") var json = false

    func validate() throws {
        if target.isEmpty && their.isEmpty && targetBins == nil { throw ValidationError("give --target, --target-bins or --their") }
        if maxLiterals < 1 { throw ValidationError("--max-literals must be at least 1") }
        if minSupport < 1 { throw ValidationError("--min-support must be at least 1") }
    }

    func run() throws {
        let search = ExactSearch.Settings(maxLiterals: maxLiterals, minimumSupport: minSupport, timeLimit: solverOptions.timeLimit.seconds,
                                          threads: solverOptions.threads)
        let settings = RedescribeJob.Settings(leftPath: left, rightPath: right, targets: target, theirFiles: their, targetBins: targetBins, search: search)
        let result = try RedescribeJob(settings: settings, solvers: solver.solvers, progress: { Stderr.print($0) }).run()
        if let output { try TextFile.writeAtomically(RedescribeJSON.text(result), to: output) }
        print(json ? RedescribeJSON.text(result) : RedescribeTable.text(result), terminator: "")
    }
}
