import ArgumentParser
import BackboneCore
import BackboneData
import Workflows
import FileSupport
import GLPKBackend
import Report

/// `backbones experiment`: every experiment of paper-repro/ on one exported fold (`FoldExperiment`).
struct ExperimentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "experiment",
        abstract: "The paper's experiments on one cross-validation fold: backbones, exact fronts, reference ILP, uses on the held-out rows.",
        discussion: """
        Reads a fold exported by paper-repro/train_folds.py (train.csv and test.csv with label and \
        predicted columns, network.npz, weights.csv) and writes into --output: heuristic.json and \
        explanation.txt (correct, misclassified and confusion backbones of the training rows by \
        the reference heuristic, the authors' binarization with --k); exact_fronts.json and \
        pareto/ (per class and --q, the whole exact front and where the heuristic stands: \
        report.json, report.csv, summary.txt, SVG plots); reference_ilp.json (the authors' \
        Section 3 model over the correct groups, both senses, code budgets, as its exact \
        reduction); uses.json (on test.csv: the explanation-augmented predictor, mistake flags \
        and the authors' predictor). Every file's fields: paper-repro/README.md.
        """
    )

    @Option(help: "Fold folder: train.csv, test.csv, network.npz, weights.csv.") var fold: String
    @Option(help: "Folder for the JSON files, explanation.txt and pareto/.") var output: String
    @Option(help: "k of the authors' binarization (floor(k·w_l/n) neurons per layer).") var k: Int = BinarizationRule.referenceK
    @Option(help: "Time limit per exact front point, in seconds.") var timeLimit: Double = 10
    @Option(help: "Coverage shares q of the exact fronts, comma-separated.") var q: String = "1,0.5"
    @Option(help: "Cap each exact front at the heuristic backbone's size + this many (default: whole fronts, to full coverage).") var frontMargin: Int?

    @Option(help: "Exact fronts by search (combinatorial branch and bound, every q) or ilp (the cover ILP with GLPK).") var method: FrontEngine.Method = .search
    @Option(help: "Time limit per reference-ILP solve (each sense), in seconds.") var referenceTimeLimit: Double = 10
    @Option(help: "Exact fronts solved in parallel.") var jobs: Int = 2
    @Flag(help: "Skip the exact fronts.") var noExact = false
    @Flag(help: "Skip the reference ILP.") var noReference = false

    func validate() throws {
        if k < 1 { throw ValidationError("--k must be at least 1") }
        if !(timeLimit > 0) || !(referenceTimeLimit > 0) { throw ValidationError("time limits must be positive") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let frontMargin, frontMargin < 0 { throw ValidationError("--front-margin must be at least 0") }
        if method == .both { throw ValidationError("--method both is not offered here: use search or ilp") }
        _ = try CoverageRule.parseShares(q)
    }

    func run() throws {
        let started = ContinuousClock.now
        try TextFile.createFolder(output)  // before the work: a bad --output fails at once
        let settings = FoldExperiment.Settings(k: k, shares: try CoverageRule.parseShares(q), timeLimit: timeLimit,
                                               frontMargin: frontMargin, method: method, referenceTimeLimit: referenceTimeLimit,
                                               jobs: jobs, exactFronts: !noExact, referenceILP: !noReference)
        let result = try FoldExperiment(settings: settings, solver: GLPK(), log: Stderr.lineLogger()).run(fold: fold)
        try FoldExperimentWriter.write(result, to: output)
        Stderr.print("\(fold): done in \(Format.fixed((ContinuousClock.now - started).seconds, 1)) s")
        print("wrote \(output)")
    }
}
