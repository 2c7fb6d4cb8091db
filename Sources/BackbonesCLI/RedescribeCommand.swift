import ArgumentParser
import FileSupport
import Redescription
import Report
import Workflows

/// `backbones redescribe`: certified best redescriptions of targets, or heuristic ones (docs/redescriptions.md).
struct RedescribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redescribe",
        abstract: "Certified best queries on one view for targets on another (redescriptions; exact by Dinkelbach + MILP, or heuristic).",
        discussion: """
        For each --target (a query on --left in ExItNeRdoM's syntax, e.g. 'u >= 0.0 <= 2.5'), or each single-interval \
        W1R target of the --their .rr files (compared with their best JS), the conjunction of at most --max-literals \
        free-threshold intervals on --right with the largest Jaccard and |∩| ≥ --min-support, with the certificate \
        (the last MILP's optimum 0); --start: from that query on --right. --heuristic: the ReReMi-style miner instead \
        (literals: runs of --query-bins bins, AND/OR, negations; with --target-bins every --left attribute is a target); \
        --prove: then the exact search from its best. Views: .arff, .csv, .npy. See docs/redescriptions.md.
        """
    )

    @Option(help: "The view the targets are on (.arff, .csv, .npy).") var left: String
    @Option(help: "The view the queries are found on (same rows, same ids).") var right: String
    @Option(help: "Keep these --left attributes: names and ranges, e.g. label or n64..n95.") var leftColumns: String?
    @Option(help: "Keep these --right attributes (as --left-columns).") var rightColumns: String?
    @Option(help: "A target query on --left (repeatable).") var target: [String] = []
    @Option(help: "Their .rr file or folder (repeatable): its single-interval W1R queries are targets.") var their: [String] = []
    @Option(help: "Every bin of every --left attribute is a target: equal-width, two-bins, equal-frequency, k-means, quantiles:Q.",
            transform: Discretization.init) var targetBins: Discretization?
    @Option(help: "Literals per query on --right, at most (exact: intervals on distinct attributes).") var maxLiterals = 2
    @Option(help: "Minimum |∩| (their MinSupport).") var minSupport = 10
    @Option(help: "The exact search starts from this query on --right (any form; it is kept or improved).") var start: String?
    @Flag(help: "Mine with the ReReMi-style heuristic instead of the exact search.") var heuristic = false
    @Flag(help: "With --heuristic: then prove or improve its best by the exact search.") var prove = false
    @Option(help: "With --heuristic: the binning of --right whose bins' runs are the literals.", transform: Discretization.init)
    var queryBins: Discretization = .equalFrequency
    @Option(help: "With --heuristic and --target-bins: literals per query on --left, at most.") var maxTargetLiterals = 1
    @Option(help: "Minimum rows outside the union (n − |∪|), for the heuristic and the exact search.") var minUncovered = 0
    @Option(help: "With --heuristic: minimum Jaccard.") var minJaccard = 0.0
    @Option(help: "With --heuristic: maximum p-value (ReReMi's, P(X ≥ |∩|)).") var maxPValue = 1.0
    @Option(help: "With --heuristic: initial pairs expanded (the best by Jaccard).") var initialPairs = 100
    @Option(help: "With --heuristic: candidates kept per step.") var beamWidth = 4
    @Flag(inversion: .prefixedNo, help: "With --heuristic: literals may be negated.") var negation = true
    @Flag(inversion: .prefixedNo, help: "With --heuristic: literals may be joined by OR.") var disjunction = true
    @Option(help: "Solver: cbc, glpk, or both (proven optima must agree).") var solver: SolverChoice = .cbc
    @OptionGroup var solverOptions: SolverOptionGroup
    @Option(help: "Write the JSON report here (atomically).") var output: String?
    @Option(help: "Write the redescriptions as an ExItNeRdoM .rr file here (atomically).") var rr: String?
    @Flag(help: "Print the JSON report instead of the table.") var json = false

    func validate() throws {
        if target.isEmpty && their.isEmpty && targetBins == nil { throw ValidationError("give --target, --target-bins or --their") }
        if maxLiterals < 1 || maxTargetLiterals < 1 { throw ValidationError("--max-literals and --max-target-literals must be at least 1") }
        if minSupport < 1 { throw ValidationError("--min-support must be at least 1") }
        if prove && !heuristic { throw ValidationError("--prove needs --heuristic") }
        if start != nil && heuristic { throw ValidationError("--start is for the exact search: with --heuristic, use --prove") }
        if initialPairs < 1 || beamWidth < 1 { throw ValidationError("--initial-pairs and --beam-width must be at least 1") }
    }

    func run() throws {
        let search = ExactSearch.Settings(maxLiterals: maxLiterals, minimumSupport: minSupport, minimumUncovered: minUncovered,
                                          timeLimit: solverOptions.timeLimit.seconds, threads: solverOptions.threads)
        let miner = HeuristicMiner.Settings(maxLeftLiterals: maxTargetLiterals, maxRightLiterals: maxLiterals, minimumSupport: minSupport,
                                            minimumUncovered: minUncovered, minimumJaccard: minJaccard, maximumPValue: maxPValue,
                                            initialPairs: initialPairs, beamWidth: beamWidth, negation: negation, disjunction: disjunction)
        let settings = RedescribeJob.Settings(leftPath: left, rightPath: right, leftColumns: leftColumns, rightColumns: rightColumns,
                                              targets: target, theirFiles: their, targetBins: targetBins, search: search, start: start,
                                              heuristic: heuristic ? .init(miner: miner, queryBins: queryBins, prove: prove) : nil)
        let result = try RedescribeJob(settings: settings, solvers: solver.solvers, progress: { Stderr.print($0) }).run()
        let files = [output.map { (RedescribeJSON.text(result), $0) }, rr.map { (RedescribeRR.text(result), $0) }].compactMap { $0 }
        try TextFile.writeAtomically(texts: files)  // both or neither
        print(json ? RedescribeJSON.text(result) : RedescribeTable.text(result), terminator: "")
    }
}
